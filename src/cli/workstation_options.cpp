// SPDX-License-Identifier: Apache-2.0
#include "cli/workstation_options.hpp"

#include "cli/engine_options.hpp"
#include "cli/exit_codes.hpp"

#include <iomanip>
#include <iostream>

namespace plinth::cli {

void WorkstationOptions::add_to(CLI::App& cmd, bool with_image_positional) {
  stack.add_to(cmd);
  if (with_image_positional) {
    cmd.add_option(
        "image", image,
        "The stack image whose workstation it is (default: the only leaf image with tools)");
  } else {
    cmd.add_option(
        "--image", image,
        "The stack image whose workstation it is (default: the only leaf image with tools)");
  }
  cmd.add_option("--name-suffix", name_suffix,
                 "Run a second workstation of the same image: plinth-<stack>-<image>-SUFFIX")
      ->group("");
}

std::optional<LoadedTarget> load_target(const WorkstationOptions& opts, int& exit_code) {
  auto quiet = opts.stack;
  quiet.json = false; // diagnostics always go to stderr
  auto loaded = load(quiet);
  if (!loaded) {
    exit_code = k_exit_usage;
    return std::nullopt;
  }
  auto target = app::workstation_target(*loaded, opts.image, opts.name_suffix);
  if (!target) {
    const int code = report_error(target.error());
    exit_code = loaded->ok() ? code : k_exit_findings;
    return std::nullopt;
  }
  LoadedTarget out{std::move(*loaded), *target};
  return out;
}

std::optional<TargetOnEngine> load_target_with_engine(const WorkstationOptions& opts,
                                                      int& exit_code) {
  auto t = load_target(opts, exit_code);
  if (!t) {
    return std::nullopt;
  }
  auto engine = connect_engine();
  if (!engine) {
    exit_code = k_exit_unavailable;
    return std::nullopt;
  }
  return TargetOnEngine{std::move(*t), std::move(engine)};
}

void print_urls(std::ostream& out, const std::vector<app::ServiceUrl>& urls, bool with_secret) {
  for (const auto& u : urls) {
    const auto& url = with_secret ? u.url : u.url_redacted;
    out << "  " << std::left << std::setw(13) << u.tool
        << (url.empty()
                ? std::string("(not published: TensorBoard has no authentication; add jupyter or "
                              "--publish-tensorboard)")
                : url)
        << (u.published || url.empty() ? "" : "   (through Jupyter's proxy)") << "\n";
  }
}

} // namespace plinth::cli
