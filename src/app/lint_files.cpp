// SPDX-License-Identifier: Apache-2.0
#include "app/lint_files.hpp"

#include "lint/engine.hpp"
#include "util/files.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace plinth::app {

namespace fs = std::filesystem;

bool is_dockerfile_name(const std::string& n) {
  return n == "Dockerfile" || n.starts_with("Dockerfile.") ||
         (n.size() > 11 && n.ends_with(".Dockerfile"));
}

Result<std::vector<std::string>> find_dockerfiles(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p == "-" || (fs::exists(p, ec) && !fs::is_directory(p, ec))) {
      // Files, FIFOs (`lint <(…)`) and devices are kept; reading them says what is wrong.
      out.push_back(p);
      continue;
    }
    if (!fs::is_directory(p, ec)) {
      return fail(Errc::not_found, p + ": no such file or directory");
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const auto name = it->path().filename().string();
      if (it->is_directory(ec) && name.starts_with(".")) {
        it.disable_recursion_pending();
      } else if (it->is_regular_file(ec) && is_dockerfile_name(name)) {
        found.push_back(it->path().lexically_normal().string());
      }
    }
    if (ec) {
      return fail(Errc::io, p + ": " + ec.message());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

Result<lint::Config> load_lint_config(const std::optional<fs::path>& path, Diagnostics& diags) {
  fs::path file;
  if (path) {
    file = *path;
  } else if (std::error_code ec; fs::exists(".plinth-lint.yaml", ec)) {
    file = ".plinth-lint.yaml";
  } else {
    return lint::Config{};
  }
  auto text = read_input(file, InputKind::stack_file); // may be a stack file
  PLINTH_TRY(text);
  YAML::Node root;
  try {
    root = YAML::Load(*text);
  } catch (const YAML::Exception& e) {
    diags.error({file.string(), e.mark.line + 1, e.mark.column + 1}, "yaml", e.msg);
    return lint::Config{};
  }
  // A stack file carries the config under `lint:`; a standalone file is the config itself.
  if (root.IsMap() && root["lint"]) {
    return lint::parse_config(root["lint"], diags, file.string());
  }
  return lint::parse_config(root, diags, file.string());
}

Result<std::vector<lint::FileReport>> lint_files(const std::vector<std::string>& files,
                                                 const lint::Config& config, std::istream& in) {
  std::vector<lint::FileReport> out;
  lint::Engine engine(config);
  for (const auto& f : files) {
    lint::FileReport r;
    r.path = f;
    PLINTH_TRY_ASSIGN(auto text, f == "-" ? read_input(in, "<stdin>", InputKind::dockerfile)
                                          : read_input(f, InputKind::dockerfile));
    if (f == "-") r.path = "<stdin>";
    r.source = std::move(text);
    r.findings = engine.lint(r.source);
    out.push_back(std::move(r));
  }
  return out;
}

} // namespace plinth::app
