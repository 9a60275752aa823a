// SPDX-License-Identifier: Apache-2.0
// PL1005: a variable used where the builder expands it is not defined.
#include "dockerfile/scope.hpp"
#include "dockerfile/substitution.hpp"
#include "lint/rules/common.hpp"
#include "util/spelling.hpp"

namespace plinth::lint::rules {
namespace pl1005 {

const RuleInfo k_info{
    "PL1005",
    Level::warning,
    "Undefined variable",
    "The builder substitutes variables in FROM, ADD, COPY, ENV, EXPOSE, LABEL, STOPSIGNAL, "
    "USER, VOLUME and WORKDIR. A variable no ARG or ENV defines expands to an empty string. "
    "FROM sees only global ARGs (declared before the first FROM). Inside a stage built on an "
    "external image the image's own ENV is unknown to the linter, so there only names that "
    "look like typos of a defined variable are reported.",
    "FROM debian:12\nARG APP_VERSION=1.0\nLABEL version=$APP_VERSON\n",
    "FROM debian:12\nARG APP_VERSION=1.0\nLABEL version=$APP_VERSION\n"};

bool expands(Keyword k) {
  switch (k) {
  case Keyword::add:
  case Keyword::copy:
  case Keyword::env:
  case Keyword::expose:
  case Keyword::label:
  case Keyword::stopsignal:
  case Keyword::user:
  case Keyword::volume:
  case Keyword::workdir:
  case Keyword::from: return true;
  default: return false;
  }
}

class UndefinedVariable final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override {
    return {Keyword::add,        Keyword::copy, Keyword::env,    Keyword::expose,  Keyword::label,
            Keyword::stopsignal, Keyword::user, Keyword::volume, Keyword::workdir, Keyword::from};
  }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (ctx.onbuild || !expands(inst.keyword) || ctx.scope == nullptr) {
      return;
    }
    const bool from = inst.keyword == Keyword::from;
    // Inside a stage on an external image, its ENV is unknown: only report likely typos.
    const bool strict = from || scratch_rooted(ctx);
    std::vector<std::string_view> names;
    const dockerfile::Lookup lookup = [&](std::string_view n) -> const std::string* {
      static const std::string k_empty;
      if (dockerfile::is_builtin_arg(n) || (from && dockerfile::is_platform_arg(n))) {
        return &k_empty;
      }
      if (from) {
        for (const auto& [k, v] : ctx.graph.global_args) {
          if (k == n) {
            return &v;
          }
        }
        return nullptr;
      }
      return ctx.scope->get(n);
    };
    auto visit = [&](std::string_view raw, Pos pos) {
      if (raw.find('$') == std::string_view::npos) {
        return;
      }
      const auto e = dockerfile::expand_word(raw, lookup, ctx.file.escape);
      for (const auto& u : e.undefined) {
        report(ctx, u, pos, strict, from, out);
      }
    };
    if (!inst.pairs.empty()) {
      for (const auto& kv : inst.pairs) {
        visit(kv.raw_value, kv.value_pos);
      }
    } else {
      for (const auto& w : inst.args) {
        visit(inst.exec_form ? w.text : w.raw, w.pos);
      }
    }
    if (const auto* p = inst.flag("platform"); p != nullptr && p->value) {
      visit(*p->value, p->value_pos);
    }
  }

private:
  static bool scratch_rooted(const Context& ctx) {
    int s = ctx.stage;
    while (s >= 0) {
      const auto& st = ctx.graph.stages[static_cast<std::size_t>(s)];
      if (st.parent < 0) {
        return st.base == "scratch";
      }
      s = st.parent;
    }
    return false;
  }

  static void report(const Context& ctx, const std::string& name, Pos pos, bool strict, bool from,
                     Reporter& out) {
    std::vector<std::string_view> cands;
    if (from) {
      cands.reserve(ctx.graph.global_args.size());
      for (const auto& [k, v] : ctx.graph.global_args) {
        cands.push_back(k);
      }
    } else {
      for (const auto& kv : ctx.scope->entries()) {
        cands.push_back(kv.first);
      }
    }
    const auto hint = closest_match(name, cands);
    if (!strict && !hint) {
      return;
    }
    std::string msg = "variable '$" + name + "' is not defined";
    if (from) {
      msg += " as a global ARG (before the first FROM)";
    }
    if (hint) {
      msg += "; did you mean $" + *hint + "?";
    }
    out.report(pos, msg);
  }
};

} // namespace pl1005
PLINTH_LINT_RULE(pl1005, UndefinedVariable)
} // namespace plinth::lint::rules
