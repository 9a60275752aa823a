// SPDX-License-Identifier: Apache-2.0
// PL6001: base image from a registry outside the configured allow-list.
#include "dockerfile/image_ref.hpp"
#include "dockerfile/substitution.hpp"
#include "lint/rules/from_rules.hpp"

namespace plinth::lint::rules {
namespace pl6001 {

const RuleInfo k_info{
    "PL6001",
    Level::error,
    "Image registry not in the allow-list",
    "When `trusted-registries` is configured, every FROM image and every `COPY --from` image "
    "must come from one of them (globs like `*.gcr.io` allowed; images without a registry are "
    "`docker.io`). Off when no allow-list is configured.",
    "FROM quay.io/jupyter/base-notebook:2024-12-02\n",
    "FROM registry.example.com/jupyter/base-notebook:2024-12-02\n",
    "trusted-registries: [registry.example.com, \"*.internal.example.com\"]\n"};

bool trusted(const Config& c, const std::string& registry) {
  for (const auto& glob : c.trusted_registries) {
    if (dockerfile::glob_match(glob, registry)) {
      return true;
    }
  }
  return false;
}

class TrustedRegistry final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::from, Keyword::copy}; }
  void check(const Context& ctx, const Instruction& inst, Reporter& out) override {
    if (ctx.config.trusted_registries.empty()) {
      return;
    }
    if (const auto ref = from_image(ctx, inst)) {
      judge(ctx, *ref, inst.args[0].pos, out);
    } else if (inst.keyword == Keyword::copy) {
      const auto* f = inst.flag("from");
      if (f != nullptr && f->value && f->value->find_first_of(":/@") != std::string::npos &&
          f->value->find('$') == std::string::npos) {
        judge(ctx, dockerfile::parse_image_ref(*f->value), f->value_pos, out);
      }
    }
  }

private:
  static void judge(const Context& ctx, const dockerfile::ImageRef& ref, Pos pos, Reporter& out) {
    const auto reg = dockerfile::effective_registry(ref);
    if (!trusted(ctx.config, reg)) {
      out.report(pos, "registry '" + reg + "' is not in trusted-registries");
    }
  }
};

} // namespace pl6001
PLINTH_LINT_RULE(pl6001, TrustedRegistry)
} // namespace plinth::lint::rules
