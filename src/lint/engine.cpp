// SPDX-License-Identifier: Apache-2.0
#include "lint/engine.hpp"

#include "dockerfile/mount.hpp"
#include "dockerfile/scope.hpp"
#include "lint/pragmas.hpp"
#include "lint/rules/registry.hpp"
#include "lint/script.hpp"

#include <algorithm>
#include <set>

namespace plinth::lint {
namespace {

using dockerfile::Instruction;
using dockerfile::Keyword;

const RuleInfo k_parse_error{
    k_parse_error_rule,
    Level::error,
    "Dockerfile syntax error",
    "The Dockerfile does not parse (BuildKit would reject it): an unterminated heredoc, a "
    "malformed parser directive, a non-string element in an exec-form array, ENV without a "
    "value, an invalid ONBUILD trigger. The message says what and where.",
    "FROM debian:12\nRUN <<EOF\necho never terminated\n",
    "FROM debian:12\nRUN <<EOF\necho terminated\nEOF\n"};

struct RuleSet {
  std::vector<const RuleInfo*> infos;
  RuleSet() {
    infos.push_back(&k_parse_error);
    for (const auto& make : rules::factories()) {
      infos.push_back(&make()->info());
    }
    std::sort(infos.begin(), infos.end(),
              [](const RuleInfo* a, const RuleInfo* b) { return a->id < b->id; });
  }
};

// Findings from the parser: errors are PL1000, empty continuations PL1015.
void parser_findings(const dockerfile::ParseResult& parsed, std::vector<Finding>& out) {
  for (const auto& d : parsed.diagnostics.items()) {
    Finding f;
    const bool cont = d.code == "empty-continuation";
    f.rule = std::string(cont ? k_empty_continuation_rule : k_parse_error_rule);
    f.level = cont ? Level::warning : Level::error;
    f.message = d.message;
    f.line = d.where.line;
    f.column = d.where.column;
    f.end_line = d.where.line;
    out.push_back(std::move(f));
  }
}

} // namespace

const std::vector<const RuleInfo*>& all_rules() {
  static const RuleSet k_set;
  return k_set.infos;
}

const RuleInfo* find_rule(std::string_view id) {
  for (const auto* r : all_rules()) {
    if (r->id == id) {
      return r;
    }
  }
  return nullptr;
}

Engine::Engine(Config config, Dispatch dispatch) : m_config(std::move(config)) {
  for (const auto& make : rules::factories()) {
    m_rules.push_back(make());
    m_infos.push_back(&m_rules.back()->info());
  }
  for (std::size_t k = 0; k < m_by_keyword.size(); ++k) {
    for (std::size_t i = 0; i < m_rules.size(); ++i) {
      if (dispatch == Dispatch::every_rule || m_rules[i]->inspects().has(static_cast<Keyword>(k))) {
        m_by_keyword[k].push_back(i);
      }
    }
  }
}

Engine::~Engine() = default;

std::vector<Finding> Engine::lint(std::string_view source) {
  return lint(dockerfile::parse(source));
}

std::vector<Finding> Engine::lint(const dockerfile::ParseResult& parsed) {
  std::vector<Finding> out;
  parser_findings(parsed, out);
  if (!parsed.dockerfile.instructions.empty()) {
    auto rule_findings = run_rules(parsed.dockerfile);
    out.insert(out.end(), std::make_move_iterator(rule_findings.begin()),
               std::make_move_iterator(rule_findings.end()));
  }
  apply_controls(parsed.dockerfile, out);
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    if (a.line != b.line) {
      return a.line < b.line;
    }
    if (a.column != b.column) {
      return a.column < b.column;
    }
    return a.rule < b.rule;
  });
  return out;
}

std::vector<Finding> Engine::run_rules(const dockerfile::Dockerfile& df) {
  std::vector<Finding> out;
  const auto graph = dockerfile::build_stages(df);
  dockerfile::ScopeTracker scopes(df, graph);
  Context ctx{df, graph, m_config};
  for (auto& r : m_rules) {
    r->begin(ctx);
  }
  RunScript script;
  ShellScript shell;
  std::vector<dockerfile::Mount> mounts;
  std::vector<PackageCommands> packages;
  auto check = [&](const Instruction& inst) {
    ctx.script = nullptr;
    ctx.mounts = nullptr;
    ctx.run = nullptr;
    ctx.packages = nullptr;
    if (inst.keyword == Keyword::run) {
      script = run_script(inst);
      shell = parse_shell(script.text());
      packages.clear();
      for (const auto& c : shell.commands) {
        packages.push_back(package_commands(c));
      }
      ctx.packages = &packages;
      mounts.clear();
      for (const auto& f : inst.flags) {
        if (f.name == "mount") {
          mounts.push_back(dockerfile::parse_mount(f.value.value_or("")));
        }
      }
      ctx.script = &shell;
      ctx.mounts = &mounts;
      ctx.run = &inst;
      ctx.script_text_size = script.text_size;
    }
    for (const auto i : m_by_keyword[static_cast<std::size_t>(inst.keyword)]) {
      Reporter rep(out, *m_infos[i], inst.end_line);
      m_rules[i]->check(ctx, inst, rep);
    }
  };
  bool stage_shell = false;
  for (const auto& inst : df.instructions) {
    if (inst.keyword == Keyword::from) {
      ++ctx.stage;
      stage_shell = false;
    }
    scopes.enter(inst, ctx.stage);
    ctx.scope = ctx.stage < 0 ? &scopes.global() : &scopes.current();
    ctx.stage_has_shell = stage_shell;
    check(inst);
    if (inst.trigger) {
      ctx.onbuild = true;
      check(*inst.trigger);
      ctx.onbuild = false;
    }
    scopes.leave(inst, ctx.stage);
    stage_shell = stage_shell || inst.keyword == Keyword::shell;
  }
  for (auto& r : m_rules) {
    Reporter rep(out, r->info(), 0);
    r->finish(ctx, rep);
  }
  return out;
}

void Engine::apply_controls(const dockerfile::Dockerfile& df,
                            std::vector<Finding>& findings) const {
  if (findings.empty()) {
    return; // nothing to ignore or re-level: skip indexing every line
  }
  // Which instruction covers each line, and which ids its comment block ignores.
  std::vector<int> inst_of(static_cast<std::size_t>(df.line_count) + 2, -1);
  std::vector<const dockerfile::Comment*> comment_at(inst_of.size(), nullptr);
  std::set<std::string, std::less<>> global;
  for (const auto& c : df.comments) {
    if (c.pos.line > 0 && static_cast<std::size_t>(c.pos.line) < comment_at.size()) {
      comment_at[static_cast<std::size_t>(c.pos.line)] = &c;
    }
    if (const auto p = parse_pragma(c.text); p && p->global && m_config.inline_ignores) {
      global.insert(p->ids.begin(), p->ids.end());
    }
  }
  // Most instructions have no ignore pragma: index into the few sets that exist.
  std::vector<int> ignore_of(df.instructions.size(), -1);
  std::vector<std::set<std::string, std::less<>>> ignores;
  for (std::size_t i = 0; i < df.instructions.size(); ++i) {
    const auto& inst = df.instructions[i];
    for (int l = inst.pos.line; l <= std::max(inst.pos.line, inst.end_line); ++l) {
      if (l > 0 && static_cast<std::size_t>(l) < inst_of.size()) {
        inst_of[static_cast<std::size_t>(l)] = static_cast<int>(i);
      }
    }
    for (int l = inst.pos.line - 1;
         m_config.inline_ignores && l > 0 && comment_at[static_cast<std::size_t>(l)] != nullptr;
         --l) {
      if (const auto p = parse_pragma(comment_at[static_cast<std::size_t>(l)]->text);
          p && !p->global) {
        if (ignore_of[i] < 0) {
          ignore_of[i] = static_cast<int>(ignores.size());
          ignores.emplace_back();
        }
        ignores[static_cast<std::size_t>(ignore_of[i])].insert(p->ids.begin(), p->ids.end());
      }
    }
  }
  std::erase_if(findings, [&](Finding& f) {
    if (m_config.ignored.contains(f.rule)) {
      return true;
    }
    if (f.rule != k_parse_error_rule) {
      if (global.contains(f.rule)) {
        return true;
      }
      const auto l = static_cast<std::size_t>(std::max(f.line, 0));
      if (l < inst_of.size() && inst_of[l] >= 0) {
        const int k = ignore_of[static_cast<std::size_t>(inst_of[l])];
        if (k >= 0 && ignores[static_cast<std::size_t>(k)].contains(f.rule)) {
          return true;
        }
      }
    }
    if (const auto it = m_config.overrides.find(f.rule); it != m_config.overrides.end()) {
      f.level = it->second;
    }
    return false;
  });
}

bool fails(const std::vector<Finding>& findings, Level threshold) {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const Finding& f) { return f.level >= threshold; });
}

} // namespace plinth::lint
