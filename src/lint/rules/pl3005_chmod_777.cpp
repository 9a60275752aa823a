// SPDX-License-Identifier: Apache-2.0
// PL3005: world-writable permissions (chmod 777, COPY --chmod=777).
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl3005 {

const RuleInfo k_info{
    "PL3005",
    Level::warning,
    "World-writable permissions (chmod 777)",
    "Mode 777 (or a+w / o+w) lets any user in the container replace the files, including code "
    "that later runs with more privileges. Grant write access to the owning user or group.",
    "FROM debian:12\nRUN chmod -R 777 /opt/app\n",
    "FROM debian:12\nRUN chmod -R 755 /opt/app\n"};

bool world_writable(std::string_view m) {
  if (!m.empty() && m.find_first_not_of("01234567") == std::string_view::npos) {
    const char other = m.back();
    // The sticky bit on e.g. /tmp (1777) is the standard, safe exception.
    return (other == '7' || other == '6' || other == '2' || other == '3') &&
           !(m.size() == 4 && m[0] == '1');
  }
  return m == "a+w" || m == "o+w" || m == "a+rwx" || m == "ugo+rwx" || m == "o+rwx";
}

class Chmod777 final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::copy, Keyword::add, Keyword::run}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if ((inst.keyword == Keyword::copy || inst.keyword == Keyword::add)) {
      if (const auto* f = inst.flag("chmod");
          f != nullptr && f->value && world_writable(*f->value)) {
        out.report(f->pos, "--chmod=" + *f->value + " makes files world-writable");
      }
      return;
    }
    if (inst.keyword != Keyword::run || ctx.script == nullptr) {
      return;
    }
    for (const auto* c : ctx.script->find("chmod")) {
      for (std::size_t i = 0; i < c->arg_count(); ++i) {
        if (world_writable(c->arg(i))) {
          out.report(word_pos(ctx, c->words[c->program + 1 + i]),
                     "chmod " + std::string(c->arg(i)) + " makes files world-writable");
          break;
        }
      }
    }
  }
};

} // namespace pl3005
PLINTH_LINT_RULE(pl3005, Chmod777)
} // namespace plinth::lint::rules
