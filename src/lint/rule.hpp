// SPDX-License-Identifier: Apache-2.0
// The rule interface. A rule sees each instruction once (ONBUILD triggers too) through
// check(); it never prints and never filters: it reports, and the engine applies severity
// overrides and ignores centrally.
#pragma once

#include "dockerfile/ast.hpp"
#include "dockerfile/mount.hpp"
#include "dockerfile/scope.hpp"
#include "dockerfile/stages.hpp"
#include "lint/config.hpp"
#include "lint/finding.hpp"
#include "lint/level.hpp"
#include "lint/packages.hpp"
#include "lint/shell.hpp"

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::lint {

struct RuleInfo {
  std::string_view id;          // "PL2003"
  Level level;                  // default severity
  std::string_view title;       // the one-line message
  std::string_view description; // why it matters, how to fix it
  std::string_view bad;         // a Dockerfile that fires the rule (used by tests and docs)
  std::string_view good;        // the fixed Dockerfile; must not fire
  std::string_view config = {}; // YAML lint config the examples need, if any
};

// Everything a rule may look at besides the instruction itself.
struct Context {
  const dockerfile::Dockerfile& file;
  const dockerfile::StageGraph& graph;
  const Config& config;
  int stage = -1;               // the instruction's stage; -1 before the first FROM
  bool onbuild = false;         // checking an ONBUILD trigger
  bool stage_has_shell = false; // a SHELL instruction came earlier in this stage
  const dockerfile::VariableScope* scope = nullptr; // visible variables before the instruction
  // For RUN: the shell commands (shell text plus shell heredoc bodies) and --mount values.
  const ShellScript* script = nullptr;
  const std::vector<dockerfile::Mount>* mounts = nullptr;
  const dockerfile::Instruction* run = nullptr;
  std::size_t script_text_size = 0; // offsets past this are in heredoc bodies
  // For RUN: each command of `script` read as every package manager, once for all rules.
  const std::vector<PackageCommands>* packages = nullptr;

  bool final_stage() const {
    return stage >= 0 && stage + 1 == static_cast<int>(graph.stages.size());
  }
  // The package-manager readings of a command of `script`.
  const PackageCommands& packages_of(const ShellCommand& command) const {
    return (*packages)[static_cast<std::size_t>(&command - script->commands.data())];
  }
  // Source position of a script offset (words of `script`).
  dockerfile::Pos script_pos(std::size_t offset) const;
  // A cache or tmpfs mount whose target contains `path_part`.
  bool has_cache_mount(std::string_view path_part) const;
};

class Reporter {
public:
  Reporter(std::vector<Finding>& out, const RuleInfo& info, int end_line)
      : m_out(out), m_info(info), m_end_line(end_line) {}
  // `message` defaults to the rule's title.
  void report(dockerfile::Pos where, std::string message = {});

private:
  std::vector<Finding>& m_out;
  const RuleInfo& m_info;
  int m_end_line;
};

// The instructions a rule looks at. The engine calls check() only for these, so the ~50
// rules cost nothing on the instructions they ignore (most look at one or two keywords).
class KeywordSet {
public:
  constexpr KeywordSet(std::initializer_list<dockerfile::Keyword> keywords) {
    for (const auto k : keywords) {
      m_bits |= bit(k);
    }
  }
  static constexpr KeywordSet every() { return KeywordSet(~std::uint32_t{0}); }
  constexpr bool has(dockerfile::Keyword k) const { return (m_bits & bit(k)) != 0; }

private:
  constexpr explicit KeywordSet(std::uint32_t bits) : m_bits(bits) {}
  static constexpr std::uint32_t bit(dockerfile::Keyword k) {
    return std::uint32_t{1} << static_cast<unsigned>(k);
  }
  std::uint32_t m_bits = 0;
};

class Rule {
public:
  virtual ~Rule() = default;
  virtual const RuleInfo& info() const = 0;
  // check() is not called for other keywords: a rule that keeps state across instructions
  // must name every keyword that changes it (FROM, usually).
  virtual KeywordSet inspects() const { return KeywordSet::every(); }
  // Called once per file before the first instruction; resets per-file state.
  virtual void begin(const Context&) {}
  virtual void check(const Context& ctx, const dockerfile::Instruction& inst, Reporter& out) = 0;
  // Called once per file after the last instruction.
  virtual void finish(const Context&, Reporter&) {}
};

} // namespace plinth::lint
