// SPDX-License-Identifier: Apache-2.0
#include "dockerfile/stages.hpp"

#include "dockerfile/substitution.hpp"

#include <charconv>

namespace plinth::dockerfile {

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

int StageGraph::find(std::string_view ref, int before) const {
  if (ref.empty()) {
    return -1;
  }
  int n = -1;
  const auto [p, ec] = std::from_chars(ref.data(), ref.data() + ref.size(), n);
  if (ec == std::errc() && p == ref.data() + ref.size()) {
    return n >= 0 && n < before && n < static_cast<int>(stages.size()) ? n : -1;
  }
  const int i = first_named(to_lower(ref));
  return i < before ? i : -1;
}

int StageGraph::first_named(std::string_view lower_name) const {
  const auto it = first_by_name.find(lower_name);
  return it == first_by_name.end() ? -1 : it->second;
}

StageGraph build_stages(const Dockerfile& df) {
  StageGraph g;
  g.first_from = df.instructions.size();
  const Lookup global = [&g](std::string_view name) -> const std::string* {
    for (const auto& [k, v] : g.global_args) {
      if (k == name) {
        return &v;
      }
    }
    return nullptr;
  };
  for (std::size_t i = 0; i < df.instructions.size(); ++i) {
    const auto& inst = df.instructions[i];
    if (inst.keyword == Keyword::arg && g.stages.empty()) {
      for (const auto& kv : inst.pairs) {
        g.global_args.emplace_back(
            kv.key, kv.value ? expand_word(kv.raw_value, global, df.escape).value : "");
      }
      continue;
    }
    if (inst.keyword != Keyword::from) {
      continue;
    }
    if (g.stages.empty()) {
      g.first_from = i;
    } else {
      g.stages.back().end = i;
    }
    Stage s;
    s.index = static_cast<int>(g.stages.size());
    s.from = i;
    s.end = df.instructions.size();
    if (!inst.args.empty()) {
      s.base = expand_word(inst.args[0].raw, global, df.escape).value;
      s.parent = g.find(s.base, s.index);
    }
    if (inst.args.size() >= 3 && to_lower(inst.args[1].text) == "as") {
      s.name = to_lower(inst.args[2].text);
      s.name_pos = inst.args[2].pos;
      g.first_by_name.try_emplace(s.name, s.index);
    }
    g.stages.push_back(std::move(s));
  }
  return g;
}

} // namespace plinth::dockerfile
