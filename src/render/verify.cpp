// SPDX-License-Identifier: Apache-2.0
#include "render/verify.hpp"

#include "dockerfile/parser.hpp"

namespace plinth::render {
namespace {

using dockerfile::Instruction;
using dockerfile::Keyword;

std::string flag_word(const dockerfile::Flag& f) {
  return "--" + f.name + (f.value ? "=" + *f.value : "");
}

// Empty when `got` matches `want`, else what differs.
std::string difference(const Instruction& got, const PlannedInstruction& want) {
  if (got.keyword != want.keyword) return "keyword " + got.keyword_raw;
  std::vector<std::string> flags;
  for (const auto& f : got.flags)
    flags.push_back(flag_word(f));
  if (flags != want.flags) return "flags";
  if (!got.heredocs.empty() || got.trigger) return "heredoc";
  if (want.command) return got.exec_form || got.text != *want.command ? "command" : "";
  if (want.keyword == Keyword::env || want.keyword == Keyword::label ||
      want.keyword == Keyword::arg) {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& kv : got.pairs)
      pairs.emplace_back(kv.key, kv.value.value_or("\x01(none)"));
    return pairs == want.pairs ? "" : "key/value pairs";
  }
  if (got.exec_form != want.exec_form) return "form";
  std::vector<std::string> args;
  for (const auto& w : got.args)
    args.push_back(w.text);
  return args == want.args ? "" : "arguments";
}

Unexpected mismatch(std::string what) {
  return fail(Errc::internal, "rendered Dockerfile does not match its plan: " + what);
}

} // namespace

Result<void> verify(std::string_view text, const Plan& plan) {
  const auto parsed = dockerfile::parse(text);
  if (parsed.diagnostics.error_count() > 0) return mismatch("it does not parse");
  const auto& df = parsed.dockerfile;
  std::vector<std::string> directives;
  for (const auto& d : df.directives)
    directives.push_back(d.key + "=" + d.value);
  if (directives != plan.directives) return mismatch("parser directives differ");
  std::vector<std::string> comments;
  for (const auto& c : df.comments)
    comments.push_back(c.text);
  if (comments != plan.comments) return mismatch("comments differ");
  const auto& got = df.instructions;
  const auto& want = plan.instructions;
  for (std::size_t i = 0; i < std::max(got.size(), want.size()); ++i) {
    if (i >= got.size()) return mismatch("instruction " + std::to_string(i + 1) + " is missing");
    if (i >= want.size()) {
      return mismatch("unplanned " + got[i].keyword_raw + " at line " +
                      std::to_string(got[i].pos.line));
    }
    if (const auto d = difference(got[i], want[i]); !d.empty()) {
      return mismatch(d + " of the " + std::string(dockerfile::keyword_name(want[i].keyword)) +
                      " at line " + std::to_string(got[i].pos.line));
    }
  }
  return {};
}

} // namespace plinth::render
