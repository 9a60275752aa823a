// SPDX-License-Identifier: Apache-2.0
// PL1009: EXPOSE with something that is not a port, port range and protocol.
#include "lint/rules/common.hpp"

#include <charconv>

namespace plinth::lint::rules {
namespace pl1009 {

const RuleInfo k_info{
    "PL1009",
    Level::error,
    "EXPOSE of an invalid port",
    "EXPOSE takes `port[/tcp|/udp|/sctp]` or a range `from-to`, with ports 0–65535. Host IPs "
    "and host:container mappings belong to `docker run -p`, not the Dockerfile.",
    "FROM nginx:1.27\nEXPOSE 80:80 70000\n",
    "FROM nginx:1.27\nEXPOSE 80/tcp 8000-8010\n"};

bool port(std::string_view s) {
  int v = -1;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return !s.empty() && ec == std::errc() && p == s.data() + s.size() && v >= 0 && v <= 65535;
}

std::string problem(std::string_view w) {
  const auto slash = w.find('/');
  if (slash != std::string_view::npos) {
    const auto proto = w.substr(slash + 1);
    if (proto != "tcp" && proto != "udp" && proto != "sctp") {
      return "unknown protocol '" + std::string(proto) + "' (use tcp, udp or sctp, lowercase)";
    }
    w = w.substr(0, slash);
  }
  if (w.find(':') != std::string_view::npos) {
    return "EXPOSE takes container ports only, not IP or host:container mappings";
  }
  const auto dash = w.find('-');
  if (dash != std::string_view::npos ? !(port(w.substr(0, dash)) && port(w.substr(dash + 1)))
                                     : !port(w)) {
    return "'" + std::string(w) + "' is not a valid port (0-65535)";
  }
  return {};
}

class ExposePort final : public Rule {
public:
  const RuleInfo& info() const override { return k_info; }
  KeywordSet inspects() const override { return {Keyword::expose}; }
  void check(const Context&, const Instruction& inst, Reporter& out) override {
    if (inst.keyword != Keyword::expose) {
      return;
    }
    for (const auto& a : inst.args) {
      if (a.text.find('$') != std::string::npos) {
        continue;
      }
      if (auto p = problem(a.text); !p.empty()) {
        out.report(a.pos, std::move(p));
      }
    }
  }
};

} // namespace pl1009
PLINTH_LINT_RULE(pl1009, ExposePort)
} // namespace plinth::lint::rules
