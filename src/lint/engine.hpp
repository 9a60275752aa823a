// SPDX-License-Identifier: Apache-2.0
// The lint engine: parses (or takes) a Dockerfile, runs every rule over the instructions in
// one pass, then applies config ignores, inline ignores and severity overrides centrally.
#pragma once

#include "dockerfile/parser.hpp"
#include "lint/config.hpp"
#include "lint/finding.hpp"
#include "lint/rule.hpp"

#include <array>
#include <memory>
#include <string_view>
#include <vector>

namespace plinth::lint {

// Pseudo-rules for parser diagnostics.
inline constexpr std::string_view k_parse_error_rule = "PL1000";
inline constexpr std::string_view k_empty_continuation_rule = "PL1015";

// Metadata of every rule (including the PL1000 pseudo-rule), by id.
const std::vector<const RuleInfo*>& all_rules();
const RuleInfo* find_rule(std::string_view id);

// How instructions reach rules: only the rules that inspect their keyword (the default), or
// every rule (tests use it to show the declared keyword sets lose no finding).
enum class Dispatch { by_keyword, every_rule };

class Engine {
public:
  explicit Engine(Config config = {}, Dispatch dispatch = Dispatch::by_keyword);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Findings sorted by line and column. Not thread-safe (rules keep per-file state).
  std::vector<Finding> lint(std::string_view source);
  std::vector<Finding> lint(const dockerfile::ParseResult& parsed);

  const Config& config() const { return m_config; }

private:
  std::vector<Finding> run_rules(const dockerfile::Dockerfile& df);
  void apply_controls(const dockerfile::Dockerfile& df, std::vector<Finding>& findings) const;

  Config m_config;
  std::vector<std::unique_ptr<Rule>> m_rules;
  std::vector<const RuleInfo*> m_infos; // m_rules[i]->info(), looked up once
  // Indices into m_rules of the rules that inspect each keyword.
  std::array<std::vector<std::size_t>, dockerfile::k_keyword_count> m_by_keyword;
};

// True when any finding is at or above the config's failure threshold.
bool fails(const std::vector<Finding>& findings, Level threshold);

} // namespace plinth::lint
