// SPDX-License-Identifier: Apache-2.0
// Lint configuration, shared by the stack file's `lint:` section and `.plinth-lint.yaml`.
#pragma once

#include "lint/level.hpp"
#include "util/diagnostic.hpp"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace YAML {
class Node;
}

namespace plinth::lint {

struct Config {
  std::set<std::string, std::less<>> ignored;          // rule ids switched off
  std::map<std::string, Level, std::less<>> overrides; // rule id -> severity
  std::vector<std::string> trusted_registries;         // globs: "*.gcr.io", "docker.io"
  std::vector<std::string> required_labels;            // LABEL keys every image must set
  // Image prefixes exempt from digest pinning (locally bootstrapped bases).
  std::vector<std::string> digest_exempt_prefixes = {"plinth.local/"};
  bool require_digest = true;       // PL2004 on/off without touching `ignored`
  bool inline_ignores = true;       // honour `# plinth-lint ignore=`
  Level threshold = Level::warning; // findings at or above fail the run
};

// Parses a mapping with keys: ignored, override (level -> [ids]) or severity (id -> level),
// trusted-registries, required-labels, digest-exempt, require-digest, inline-ignores,
// failure-threshold. Unknown keys and bad values are reported in `diags`.
Config parse_config(const YAML::Node& node, Diagnostics& diags, std::string_view file = "");

} // namespace plinth::lint
