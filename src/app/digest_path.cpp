// SPDX-License-Identifier: Apache-2.0
#include "app/load_stack.hpp"

#include "util/files.hpp"
#include "util/sha256.hpp"

#include <algorithm>
#include <vector>

namespace plinth::app {

namespace fs = std::filesystem;

std::optional<std::string> digest_path(const fs::path& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) {
    auto text = read_file(path);
    if (!text) return std::nullopt;
    return "sha256:" + sha256_hex(*text);
  }
  if (!fs::is_directory(path, ec)) return std::nullopt;
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(path, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec) || it->is_symlink(ec)) files.push_back(it->path());
  }
  if (ec) return std::nullopt;
  std::sort(files.begin(), files.end());
  std::string material = "plinth-tree v1\n";
  for (const auto& f : files) {
    const auto rel = fs::relative(f, path).generic_string();
    if (fs::is_symlink(f, ec)) {
      material += "link " + rel + " " + fs::read_symlink(f, ec).string() + "\n";
      continue;
    }
    auto text = read_file(f);
    if (!text) return std::nullopt;
    const auto perms = fs::status(f, ec).permissions();
    const bool exec = (perms & fs::perms::owner_exec) != fs::perms::none;
    material += std::string(exec ? "exec " : "file ") + rel + " " + sha256_hex(*text) + "\n";
  }
  return "sha256:" + sha256_hex(material);
}

} // namespace plinth::app
