// SPDX-License-Identifier: Apache-2.0
#include "doctor/nvidia_require.hpp"

#include "doctor/text.hpp"

#include <array>

namespace plinth::doctor {
namespace {

std::optional<RequireCondition> parse_condition(std::string_view text) {
  static constexpr std::array<std::string_view, 6> k_ops = {">=", "<=", "!=", ">", "<", "="};
  for (std::size_t i = 0; i < text.size(); ++i) {
    for (const auto op : k_ops) {
      if (text.substr(i, op.size()) != op) {
        continue;
      }
      RequireCondition c;
      c.key = text::lower(text::trim(text.substr(0, i)));
      c.op = std::string(op);
      c.value = std::string(text::trim(text.substr(i + op.size())));
      c.text = std::string(text);
      if (c.key.empty() || c.value.empty()) {
        return std::nullopt;
      }
      return c;
    }
  }
  return std::nullopt;
}

bool compare(int cmp, std::string_view op) {
  if (op == ">=") {
    return cmp >= 0;
  }
  if (op == "<=") {
    return cmp <= 0;
  }
  if (op == ">") {
    return cmp > 0;
  }
  if (op == "<") {
    return cmp < 0;
  }
  if (op == "=") {
    return cmp == 0;
  }
  return op == "!=" && cmp != 0;
}

Tri version_condition(const std::optional<Version>& have, const RequireCondition& c) {
  const auto want = Version::parse(c.value);
  if (!have || !want) {
    return Tri::unknown;
  }
  return compare(plinth::compare(*have, *want), c.op) ? Tri::yes : Tri::no;
}

Tri condition(const RequireCondition& c, const RequireHost& host) {
  if (c.key == "cuda") {
    return version_condition(host.cuda, c);
  }
  if (c.key == "driver") {
    return version_condition(host.driver, c);
  }
  if (c.key == "arch") {
    return version_condition(host.arch, c);
  }
  if (c.key == "brand" && !host.brand.empty() && (c.op == "=" || c.op == "!=")) {
    const bool eq = text::lower(c.value) == host.brand;
    return (c.op == "=") == eq ? Tri::yes : Tri::no;
  }
  return Tri::unknown;
}

Tri all_of(const RequireAlternative& alt, const RequireHost& host, std::string* first_no) {
  Tri out = Tri::yes;
  for (const auto& c : alt) {
    const auto r = condition(c, host);
    if (r == Tri::no) {
      if (first_no != nullptr) {
        *first_no = c.text;
      }
      return Tri::no;
    }
    if (r == Tri::unknown) {
      out = Tri::unknown;
    }
  }
  return out;
}

std::string joined(const RequireAlternative& alt) {
  std::string out;
  for (const auto& c : alt) {
    out += (out.empty() ? "" : ",") + c.text;
  }
  return out;
}

} // namespace

std::string_view tri_name(Tri t) {
  switch (t) {
  case Tri::yes: return "yes";
  case Tri::no: return "no";
  case Tri::unknown: return "unknown";
  }
  return "unknown";
}

std::optional<RequireExpr> parse_require(std::string_view input) {
  RequireExpr expr;
  for (const auto alt_text : text::words(input)) {
    RequireAlternative alt;
    for (const auto cond_text : text::split(alt_text, ',')) {
      if (cond_text.empty()) {
        continue;
      }
      auto c = parse_condition(cond_text);
      if (!c) {
        return std::nullopt;
      }
      alt.push_back(std::move(*c));
    }
    if (!alt.empty()) {
      expr.alternatives.push_back(std::move(alt));
    }
  }
  return expr;
}

RequireResult evaluate_require(const RequireExpr& expr, const RequireHost& host) {
  RequireResult out;
  if (expr.alternatives.empty()) {
    return out;
  }
  bool any_unknown = false;
  for (std::size_t i = 0; i < expr.alternatives.size(); ++i) {
    std::string first_no;
    const auto r = all_of(expr.alternatives[i], host, &first_no);
    if (r == Tri::yes) {
      return RequireResult{Tri::yes, {}, {}};
    }
    if (r == Tri::unknown) {
      any_unknown = true;
      out.possible.push_back(joined(expr.alternatives[i]));
    }
    if (i == 0) {
      out.unsatisfied = r == Tri::no ? first_no : joined(expr.alternatives[0]);
    }
  }
  out.result = any_unknown ? Tri::unknown : Tri::no;
  return out;
}

RequireResult evaluate_requires(const std::vector<std::string>& values, const RequireHost& host) {
  RequireResult out;
  for (const auto& v : values) {
    const auto expr = parse_require(v);
    if (!expr) {
      continue;
    }
    auto r = evaluate_require(*expr, host);
    if (r.result == Tri::no) {
      return r;
    }
    if (r.result == Tri::unknown) {
      out.result = Tri::unknown;
      if (out.unsatisfied.empty()) {
        out.unsatisfied = r.unsatisfied;
      }
      out.possible.insert(out.possible.end(), r.possible.begin(), r.possible.end());
    }
  }
  return out;
}

} // namespace plinth::doctor
