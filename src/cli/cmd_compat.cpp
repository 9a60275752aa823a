// SPDX-License-Identifier: Apache-2.0
// `plinth compat`: queries the built-in compatibility database (TensorFlow <-> Python, CUDA,
// cuDNN; CUDA <-> NVIDIA driver). Formatting lives in compat/report.hpp; this file only
// parses the arguments, picks text or JSON and maps failures to exit codes:
//   1 (k_exit_findings) the version is well-formed but not in the database,
//   2 (k_exit_usage)    the version is malformed.
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "compat/report.hpp"

#include <iostream>
#include <memory>

namespace plinth::cli {
namespace {

struct CompatOptions {
  std::string version;
  std::string variant = "gpu";
  bool cuda_table = false;
  bool json = false;
};

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    out += (out.empty() ? "" : ", ") + item;
  }
  return out;
}

int fail(const CompatOptions& opts, int exit_code, std::string_view code,
         const std::string& message, const std::vector<std::string>& known = {}) {
  if (opts.json) {
    std::cout << compat::error_json(code, message, known).dump(2) << "\n";
  } else {
    std::cerr << "plinth compat: " << message << "\n";
    if (!known.empty()) {
      std::cerr << "  known: " << join(known) << "\n";
    }
  }
  return exit_code;
}

void print(const CompatOptions& opts, const nlohmann::json& json, const std::string& text) {
  if (opts.json) {
    std::cout << json.dump(2) << "\n";
  } else {
    std::cout << text;
  }
}

// A version with between min_parts and max_parts numeric components, or nullopt.
std::optional<Version> parse_version(const std::string& text, std::size_t min_parts,
                                     std::size_t max_parts) {
  auto v = Version::parse(text);
  if (!v || v->size() < min_parts || v->size() > max_parts) {
    return std::nullopt;
  }
  return v;
}

int run_tf(const CompatOptions& opts) {
  const auto& db = compat::Db::builtin();
  const auto version = parse_version(opts.version, 2, 3);
  if (!version) {
    return fail(opts, k_exit_usage, "malformed-version",
                "malformed TensorFlow version '" + opts.version +
                    "': expected MAJOR.MINOR or MAJOR.MINOR.PATCH, e.g. 2.16");
  }
  const auto variant = compat::parse_variant(opts.variant).value_or(compat::Variant::gpu);
  const auto* tf = db.tensorflow(*version);
  if (tf == nullptr) {
    return fail(opts, k_exit_findings, "unknown-tensorflow",
                "TensorFlow " + version->truncated(2).str() +
                    " is not in the compatibility database (data " +
                    std::string(db.data_version()) + ")",
                compat::known_tensorflow(db));
  }
  print(opts, compat::tf_json(db, *tf, variant), compat::tf_text(db, *tf, variant));
  return k_exit_ok;
}

int run_driver(const CompatOptions& opts) {
  const auto& db = compat::Db::builtin();
  const auto driver = parse_version(opts.version, 1, 3);
  if (!driver) {
    return fail(opts, k_exit_usage, "malformed-version",
                "malformed NVIDIA driver version '" + opts.version +
                    "': expected e.g. 535.54.03 or 570.26");
  }
  print(opts, compat::driver_json(db, *driver), compat::driver_text(db, *driver));
  return k_exit_ok;
}

int run_cuda(const CompatOptions& opts) {
  const auto& db = compat::Db::builtin();
  const auto version = parse_version(opts.version, 2, 3);
  if (!version) {
    return fail(opts, k_exit_usage, "malformed-version",
                "malformed CUDA version '" + opts.version +
                    "': expected MAJOR.MINOR or MAJOR.MINOR.PATCH, e.g. 12.3 or 12.4.1");
  }
  const auto* row = db.cuda(*version);
  if (row == nullptr) {
    return fail(opts, k_exit_findings, "unknown-cuda",
                "CUDA " + version->str() + " is not in the compatibility database (data " +
                    std::string(db.data_version()) + ")",
                compat::known_cuda(db));
  }
  print(opts, compat::cuda_json(db, *row), compat::cuda_text(db, *row));
  return k_exit_ok;
}

int run_list(const CompatOptions& opts) {
  const auto& db = compat::Db::builtin();
  if (opts.cuda_table) {
    print(opts, compat::cuda_list_json(db), compat::cuda_list_text(db));
  } else {
    print(opts, compat::list_json(db), compat::list_text(db));
  }
  return k_exit_ok;
}

void add_json_flag(CLI::App& cmd, CompatOptions& opts) {
  cmd.add_flag("--json", opts.json,
               "Print JSON (stable keys, see docs/compat.md); failures print "
               "{\"error\": {code, message, known}}");
}

} // namespace

void add_compat(CLI::App& root, RunState& state) {
  auto* compat = root.add_subcommand(
      "compat", "Query the built-in compatibility database: TensorFlow -> Python/CUDA/cuDNN "
                "and CUDA -> NVIDIA driver (offline; sources in docs/compat.md)");
  compat->require_subcommand(1);
  compat->footer("Examples:\n"
                 "  plinth compat tf 2.16            # Python, CUDA, cuDNN, driver for TF 2.16\n"
                 "  plinth compat driver 470.82.01   # what this host driver can run\n"
                 "  plinth compat cuda 12.4.1 --json\n"
                 "Exit codes: 0 ok, 1 version not in the database (the error lists the known "
                 "ones),\n2 malformed version or bad flags.");

  auto tf_opts = std::make_shared<CompatOptions>();
  auto* tf = compat->add_subcommand(
      "tf", "What a TensorFlow release needs: tested release, Python range, CUDA, cuDNN, "
            "minimum NVIDIA driver and whether the tensorflow[and-cuda] pip extra exists");
  tf->add_option("version", tf_opts->version,
                 "TensorFlow version, e.g. 2.16 or 2.16.1 "
                 "(matched by MAJOR.MINOR)")
      ->required();
  tf->add_option("--variant", tf_opts->variant, "Build variant: gpu (default) or cpu")
      ->check(CLI::IsMember({"cpu", "gpu"}));
  add_json_flag(*tf, *tf_opts);
  tf->callback([tf_opts, &state] { state.exit_code = run_tf(*tf_opts); });

  auto driver_opts = std::make_shared<CompatOptions>();
  auto* driver = compat->add_subcommand(
      "driver", "What an NVIDIA driver runs: each CUDA release (fully or through minor-version "
                "compatibility), the TensorFlow GPU builds and the newest of them");
  driver
      ->add_option("version", driver_opts->version,
                   "Host driver version, e.g. 470.82.01 or 535.54 (nvidia-smi's Driver Version)")
      ->required();
  add_json_flag(*driver, *driver_opts);
  driver->callback([driver_opts, &state] { state.exit_code = run_driver(*driver_opts); });

  auto cuda_opts = std::make_shared<CompatOptions>();
  auto* cuda = compat->add_subcommand(
      "cuda", "The NVIDIA driver a CUDA toolkit release needs (toolkit driver and "
              "minor-version-compatibility floor) and the TensorFlow builds that use it");
  cuda->add_option("version", cuda_opts->version,
                   "CUDA toolkit version: 12.3 (GA), 12.4.1 (12.4 Update 1), ...")
      ->required();
  add_json_flag(*cuda, *cuda_opts);
  cuda->callback([cuda_opts, &state] { state.exit_code = run_cuda(*cuda_opts); });

  auto list_opts = std::make_shared<CompatOptions>();
  auto* list = compat->add_subcommand(
      "list", "The whole TensorFlow table (newest first in text), or with --cuda the CUDA "
              "toolkit -> driver table");
  list->add_flag("--cuda", list_opts->cuda_table, "List CUDA releases and their drivers instead");
  add_json_flag(*list, *list_opts);
  list->callback([list_opts, &state] { state.exit_code = run_list(*list_opts); });
}

} // namespace plinth::cli
