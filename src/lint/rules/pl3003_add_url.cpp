// SPDX-License-Identifier: Apache-2.0
// PL3003: ADD from a URL without --checksum.
#include "lint/rules/common.hpp"

namespace plinth::lint::rules {
namespace pl3003 {

const RuleInfo k_info{
    "PL3003",
    Level::warning,
    "ADD from a URL without a checksum",
    "`ADD https://…` downloads whatever the server returns today, unverified. Use "
    "`ADD --checksum=sha256:… <url>` (Dockerfile 1.6+), or download with curl and verify the "
    "checksum in the same RUN.",
    "FROM debian:12\nADD https://example.com/tool.tar.gz /opt/\n",
    "FROM debian:12\nADD --checksum=sha256:"
    "24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d "
    "https://example.com/tool.tar.gz /opt/\n"};

class AddUrl final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::add}; }
  void check(const Context&, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::add || inst.flag("checksum") != nullptr || inst.args.size() < 2) {
      return;
    }
    for (std::size_t i = 0; i + 1 < inst.args.size(); ++i) {
      const auto& s = inst.args[i].text;
      if (starts_with(s, "http://") || starts_with(s, "https://") || starts_with(s, "git@")) {
        out.report(inst.args[i].pos, "ADD downloads '" + s +
                                         "' without verifying it; add "
                                         "--checksum=sha256:…");
      }
    }
  }
};

} // namespace pl3003
PLINTH_LINT_RULE(pl3003, AddUrl)
} // namespace plinth::lint::rules
