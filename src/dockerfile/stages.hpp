// SPDX-License-Identifier: Apache-2.0
// The stage graph of a parsed Dockerfile: stages, their names, the FROM base expanded with
// global ARG defaults, and which earlier stage (if any) each one builds on.
#pragma once

#include "dockerfile/ast.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::dockerfile {

struct Stage {
  int index = 0;
  std::string name; // lower-cased `AS` name, "" when unnamed
  Pos name_pos;
  std::size_t from = 0; // index of the FROM instruction
  std::size_t end = 0;  // one past the stage's last instruction
  std::string base;     // the FROM image with global ARG defaults substituted
  int parent = -1;      // the earlier stage named by FROM, or -1 for an image
};

struct StageGraph {
  std::vector<Stage> stages;
  std::size_t first_from = 0; // index of the first FROM (== instructions.size() if none)
  std::vector<std::pair<std::string, std::string>> global_args; // name, default ("" if none)
  // The stage called `ref` (name, case-insensitive, or numeric index) defined before
  // stage `before`; -1 if none.
  int find(std::string_view ref, int before) const;
  // The first stage named `lower_name` (already lower-cased); -1 if none.
  int first_named(std::string_view lower_name) const;

  // Lower-cased name -> first stage with it: lookups stay O(log n) with thousands of stages.
  std::map<std::string, int, std::less<>> first_by_name;
};

StageGraph build_stages(const Dockerfile& df);

std::string to_lower(std::string_view s);

} // namespace plinth::dockerfile
