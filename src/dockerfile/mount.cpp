// SPDX-License-Identifier: Apache-2.0
#include "dockerfile/mount.hpp"

namespace plinth::dockerfile {
namespace {

std::string strip_quotes(std::string_view v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
    v = v.substr(1, v.size() - 2);
  }
  return std::string(v);
}

} // namespace

Mount parse_mount(std::string_view csv) {
  Mount m;
  std::size_t start = 0;
  while (start <= csv.size()) {
    auto end = csv.find(',', start);
    if (end == std::string_view::npos) {
      end = csv.size();
    }
    const auto item = csv.substr(start, end - start);
    const auto eq = item.find('=');
    const auto key = item.substr(0, eq);
    const auto value =
        eq == std::string_view::npos ? std::string() : strip_quotes(item.substr(eq + 1));
    if (key == "type") {
      m.type = value;
    } else if (key == "target" || key == "dst" || key == "destination") {
      m.target = value;
    } else if (key == "source" || key == "src") {
      m.source = value;
    } else if (key == "from") {
      m.from = value;
    } else if (key == "id") {
      m.id = value;
    } else if (key == "sharing") {
      m.sharing = value;
    } else if (key == "ro" || key == "readonly") {
      m.readonly = value.empty() || value == "true";
    }
    start = end + 1;
  }
  return m;
}

} // namespace plinth::dockerfile
