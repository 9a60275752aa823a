// SPDX-License-Identifier: Apache-2.0
// `RUN --mount=` values: a CSV list of key[=value] items in any order, with aliases
// (src/source, dst/target/destination, ro/readonly).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace plinth::dockerfile {

struct Mount {
  std::string type = "bind";
  std::string target;
  std::string source;
  std::string from;
  std::string id;
  std::string sharing;
  bool readonly = false;
};

Mount parse_mount(std::string_view csv);

} // namespace plinth::dockerfile
