// SPDX-License-Identifier: Apache-2.0
#include "compat/report.hpp"

#include <fmt/format.h>

namespace plinth::compat {

namespace {

using nlohmann::json;

std::string schema(std::string_view kind) {
  return fmt::format("plinth.compat.{}/{}", kind, k_report_schema);
}

json driver_or_null(const std::optional<Version>& v) {
  return v ? json(driver_str(*v)) : json();
}

// {"toolkit", "minor_compat", "minor_compat_until"}; minor_compat is null when no driver
// below the toolkit driver runs the release.
json driver_json_of(const Db& db, const CudaDriver& row) {
  const bool has_minor = row.minor_compat_driver < row.toolkit_driver;
  return {
      {"toolkit", driver_str(row.toolkit_driver)},
      {"minor_compat", has_minor ? json(driver_str(row.minor_compat_driver)) : json()},
      {"minor_compat_until",
       has_minor ? driver_or_null(db.minor_compat_until(row.cuda.major())) : json()},
  };
}

json gpu_json(const Db& db, const TfBuild& tf) {
  json gpu = {{"cuda", tf.cuda.str()}, {"cudnn", tf.cudnn.str()}};
  if (const auto* row = db.cuda(tf.cuda)) {
    gpu["cuda_release"] = db.cuda_release_name(*row);
    gpu["driver"] = driver_json_of(db, *row);
  } else {
    gpu["cuda_release"] = nullptr;
    gpu["driver"] = nullptr;
  }
  return gpu;
}

json tf_row_json(const Db& db, const TfBuild& tf, Variant variant) {
  json versions = json::array();
  for (const auto& v : tf.python_versions()) {
    versions.push_back(v.str());
  }
  return {
      {"tensorflow", tf.tensorflow.truncated(2).str()},
      {"tested_release", tf.tensorflow.str()},
      {"python",
       {{"min", tf.python_min.str()}, {"max", tf.python_max.str()}, {"versions", versions}}},
      {"and_cuda_extra", tf.and_cuda_extra},
      {"gpu", variant == Variant::gpu ? gpu_json(db, tf) : json()},
  };
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& item : items) {
    out += (out.empty() ? "" : std::string(sep)) + item;
  }
  return out;
}

std::string python_list(const TfBuild& tf) {
  std::vector<std::string> out;
  for (const auto& v : tf.python_versions()) {
    out.push_back(v.str());
  }
  return join(out, ", ");
}

// The driver lines shared by `tf` and `cuda`, each prefixed with `indent`.
std::string driver_lines(const Db& db, const CudaDriver& row, std::string_view label) {
  std::string out = fmt::format("  {:<15}>= {} (CUDA {} toolkit driver: full support)\n", label,
                                driver_str(row.toolkit_driver), db.cuda_release_name(row));
  if (row.minor_compat_driver < row.toolkit_driver) {
    const auto until = db.minor_compat_until(row.cuda.major());
    out += fmt::format("  {:<15}>= {}{} via CUDA minor-version compatibility (no PTX JIT)\n", "",
                       driver_str(row.minor_compat_driver),
                       until ? fmt::format(" and < {}", driver_str(*until)) : std::string());
  } else {
    out += fmt::format("  {:<15}(no minor-version compatibility below that)\n", "");
  }
  return out;
}

std::string footer(const Db& db) {
  return fmt::format("(plinth-compat data {})\n", db.data_version());
}

} // namespace

json tf_json(const Db& db, const TfBuild& tf, Variant variant) {
  json out = {{"schema", schema("tf")},
              {"data_version", db.data_version()},
              {"variant", variant_name(variant)}};
  out.update(tf_row_json(db, tf, variant));
  out["source"] = tf.source;
  return out;
}

std::string tf_text(const Db& db, const TfBuild& tf, Variant variant) {
  std::string out =
      fmt::format("TensorFlow {} ({}): tested release {}\n", tf.tensorflow.truncated(2).str(),
                  variant == Variant::gpu ? "GPU" : "CPU", tf.tensorflow.str());
  out += fmt::format("  {:<15}{} - {} ({})\n", "Python", tf.python_min.str(), tf.python_max.str(),
                     python_list(tf));
  if (variant == Variant::gpu) {
    const auto* row = db.cuda(tf.cuda);
    out += fmt::format("  {:<15}{}{}\n", "CUDA", tf.cuda.str(),
                       row != nullptr ? " (" + db.cuda_release_name(*row) + ")" : "");
    out += fmt::format("  {:<15}{}\n", "cuDNN", tf.cudnn.str());
    if (row != nullptr) {
      out += driver_lines(db, *row, "NVIDIA driver");
    }
  }
  out += fmt::format("  {:<15}{}\n", "[and-cuda]",
                     tf.and_cuda_extra
                         ? fmt::format("yes: pip install 'tensorflow[and-cuda]=={}' brings CUDA "
                                       "and cuDNN as wheels",
                                       tf.tensorflow.str())
                         : std::string("no (the extra exists from TensorFlow 2.14)"));
  out += fmt::format("  {:<15}{}\n", "source", tf.source);
  return out + footer(db);
}

json driver_json(const Db& db, const Version& driver) {
  json cuda = json::array();
  json newest_cuda;
  json newest_compatible;
  for (const auto& [row, fit] : db.cuda_for_driver(driver)) {
    cuda.push_back({{"cuda", row->cuda.str()},
                    {"release", db.cuda_release_name(*row)},
                    {"toolkit_driver", driver_str(row->toolkit_driver)},
                    {"fit", driver_fit_name(fit)}});
    newest_cuda = row->cuda.str();
    if (fit == DriverFit::compatible) {
      newest_compatible = row->cuda.str();
    }
  }
  json tf = json::array();
  json newest_tf;
  for (const auto* build : db.tensorflow_for_driver(driver)) {
    tf.push_back({{"tensorflow", build->tensorflow.truncated(2).str()},
                  {"tested_release", build->tensorflow.str()},
                  {"cuda", build->cuda.str()},
                  {"cudnn", build->cudnn.str()},
                  {"fit", driver_fit_name(db.driver_fit(driver, build->cuda))}});
    newest_tf = build->tensorflow.str();
  }
  return {
      {"schema", schema("driver")},
      {"data_version", db.data_version()},
      {"driver", driver_str(driver)},
      {"cuda", cuda},
      {"newest_cuda", newest_cuda},
      {"newest_cuda_compatible", newest_compatible},
      {"tensorflow", tf},
      {"newest_tensorflow", newest_tf},
  };
}

std::string driver_text(const Db& db, const Version& driver) {
  std::string out = fmt::format("NVIDIA driver {}\n", driver_str(driver));
  out += "CUDA toolkits:\n";
  // Runs of consecutive releases with the same fit: fits only change at a few points.
  const auto& rows = db.cuda_releases();
  for (std::size_t i = 0; i < rows.size();) {
    const auto fit = db.driver_fit(driver, rows[i]);
    std::size_t end = i + 1;
    while (end < rows.size() && db.driver_fit(driver, rows[end]) == fit) {
      ++end;
    }
    const auto count = end - i;
    const auto range =
        count == 1 ? db.cuda_release_name(rows[i])
                   : db.cuda_release_name(rows[i]) + " .. " + db.cuda_release_name(rows[end - 1]);
    out += fmt::format("  {:<22}{} ({} release{})\n", driver_fit_name(fit), range, count,
                       count == 1 ? "" : "s");
    i = end;
  }
  const auto builds = db.tensorflow_for_driver(driver);
  if (builds.empty()) {
    out += "TensorFlow GPU builds: none\n";
  } else {
    out += "TensorFlow GPU builds:\n";
    for (const auto* b : builds) {
      out += fmt::format("  {:<8}CUDA {:<6}cuDNN {:<5}{}\n", b->tensorflow.str(), b->cuda.str(),
                         b->cudnn.str(), driver_fit_name(db.driver_fit(driver, b->cuda)));
    }
    const auto* newest = builds.back();
    const auto fit = db.driver_fit(driver, newest->cuda);
    out += fmt::format(
        "Newest TensorFlow: {} (CUDA {}{})\n", newest->tensorflow.str(), newest->cuda.str(),
        fit == DriverFit::minor_version_compat ? ", via minor-version compatibility" : "");
    if (fit == DriverFit::minor_version_compat) {
      out += "Note: minor-version compatibility has no PTX JIT; kernels must be prebuilt "
             "for the GPU.\n";
    }
  }
  return out + footer(db);
}

json cuda_json(const Db& db, const CudaDriver& cuda) {
  json tf = json::array();
  for (const auto& b : db.tensorflow_builds()) {
    if (b.cuda.truncated(2) == cuda.cuda.truncated(2)) {
      tf.push_back(b.tensorflow.str());
    }
  }
  return {
      {"schema", schema("cuda")},
      {"data_version", db.data_version()},
      {"cuda", cuda.cuda.str()},
      {"release", db.cuda_release_name(cuda)},
      {"driver", driver_json_of(db, cuda)},
      {"tensorflow", tf},
      {"source", cuda.source},
  };
}

std::string cuda_text(const Db& db, const CudaDriver& cuda) {
  std::string out = fmt::format("CUDA {}\n", db.cuda_release_name(cuda));
  out += driver_lines(db, cuda, "NVIDIA driver");
  std::vector<std::string> tf;
  for (const auto& b : db.tensorflow_builds()) {
    if (b.cuda.truncated(2) == cuda.cuda.truncated(2)) {
      tf.push_back(b.tensorflow.str());
    }
  }
  out += fmt::format("  {:<15}{}\n", "TensorFlow",
                     tf.empty() ? "(none built on this CUDA minor)" : join(tf, ", "));
  out += fmt::format("  {:<15}{}\n", "source", cuda.source);
  return out + footer(db);
}

json list_json(const Db& db) {
  json rows = json::array();
  for (const auto& b : db.tensorflow_builds()) {
    rows.push_back(tf_row_json(db, b, Variant::gpu));
  }
  json sources = json::array();
  for (const auto& s : db.sources()) {
    sources.push_back({{"id", s.id}, {"date", s.date}, {"url", s.url}, {"title", s.title}});
  }
  return {{"schema", schema("list")},
          {"data_version", db.data_version()},
          {"tensorflow", rows},
          {"sources", sources}};
}

std::string list_text(const Db& db) {
  std::string out = fmt::format("{:<8}{:<10}{:<6}{:<7}{:<11}{:<14}{}\n", "TF", "Python", "CUDA",
                                "cuDNN", "driver", "minor-compat", "[and-cuda]");
  const auto& builds = db.tensorflow_builds();
  // Newest first, like tensorflow.org's table.
  for (auto it = builds.rbegin(); it != builds.rend(); ++it) {
    const auto* row = db.cuda(it->cuda);
    const bool minor = row != nullptr && row->minor_compat_driver < row->toolkit_driver;
    out += fmt::format("{:<8}{:<10}{:<6}{:<7}{:<11}{:<14}{}\n", it->tensorflow.str(),
                       it->python_min.str() + "-" + it->python_max.str(), it->cuda.str(),
                       it->cudnn.str(), row != nullptr ? driver_str(row->toolkit_driver) : "?",
                       minor ? driver_str(row->minor_compat_driver) : "-",
                       it->and_cuda_extra ? "yes" : "no");
  }
  return out + footer(db);
}

json cuda_list_json(const Db& db) {
  json rows = json::array();
  for (const auto& row : db.cuda_releases()) {
    rows.push_back({{"cuda", row.cuda.str()},
                    {"release", db.cuda_release_name(row)},
                    {"driver", driver_json_of(db, row)}});
  }
  return {{"schema", schema("cuda-list")}, {"data_version", db.data_version()}, {"cuda", rows}};
}

std::string cuda_list_text(const Db& db) {
  std::string out =
      fmt::format("{:<10}{:<16}{:<14}{}\n", "CUDA", "release", "driver", "minor-compat");
  const auto& rows = db.cuda_releases();
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
    const bool minor = it->minor_compat_driver < it->toolkit_driver;
    const auto until = db.minor_compat_until(it->cuda.major());
    out += fmt::format("{:<10}{:<16}{:<14}{}\n", it->cuda.str(), db.cuda_release_name(*it),
                       driver_str(it->toolkit_driver),
                       minor ? ">= " + driver_str(it->minor_compat_driver) +
                                   (until ? " and < " + driver_str(*until) : std::string())
                             : std::string("-"));
  }
  return out + footer(db);
}

std::vector<std::string> known_tensorflow(const Db& db) {
  std::vector<std::string> out;
  for (const auto& b : db.tensorflow_builds()) {
    out.push_back(b.tensorflow.truncated(2).str());
  }
  return out;
}

std::vector<std::string> known_cuda(const Db& db) {
  std::vector<std::string> out;
  for (const auto& row : db.cuda_releases()) {
    auto minor = row.cuda.truncated(2).str();
    if (out.empty() || out.back() != minor) {
      out.push_back(std::move(minor));
    }
  }
  return out;
}

json error_json(std::string_view code, std::string_view message,
                const std::vector<std::string>& known) {
  return {{"error", {{"code", code}, {"message", message}, {"known", known}}}};
}

} // namespace plinth::compat
