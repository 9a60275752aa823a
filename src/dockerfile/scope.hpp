// SPDX-License-Identifier: Apache-2.0
// ARG/ENV scoping as BuildKit applies it: global ARGs are visible only in FROM; a stage sees
// an ARG from its declaration on (a bare `ARG NAME` inherits the global default), its ENVs,
// and everything its parent stage (`FROM <stage>`) had.
#pragma once

#include "dockerfile/ast.hpp"
#include "dockerfile/stages.hpp"
#include "dockerfile/substitution.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plinth::dockerfile {

// Built-in ARGs usable without a declaration (proxies, BuildKit internals).
bool is_builtin_arg(std::string_view name);
// Automatic platform ARGs (TARGETPLATFORM …): global scope only.
bool is_platform_arg(std::string_view name);

class VariableScope {
public:
  void set(std::string_view name, std::string value);
  const std::string* get(std::string_view name) const;
  bool has(std::string_view name) const { return get(name) != nullptr; }
  Lookup lookup() const;
  const std::vector<std::pair<std::string, std::string>>& entries() const { return m_vars; }

private:
  std::vector<std::pair<std::string, std::string>> m_vars;
};

// Walks a Dockerfile instruction by instruction, keeping the scope current.
class ScopeTracker {
public:
  ScopeTracker(const Dockerfile& df, const StageGraph& graph);
  // Call before each top-level instruction; `stage` is its stage (-1 before the first FROM).
  void enter(const Instruction& inst, int stage);
  // Call after each instruction to apply its ARG/ENV declarations.
  void leave(const Instruction& inst, int stage);
  const VariableScope& current() const { return m_current; }
  const VariableScope& global() const { return m_global; }

private:
  const Dockerfile& m_df;
  const StageGraph& m_graph;
  VariableScope m_global;
  VariableScope m_current;
  std::vector<VariableScope> m_stage_end; // the scope each finished stage ended with
};

} // namespace plinth::dockerfile
