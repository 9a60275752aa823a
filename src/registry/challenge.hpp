// SPDX-License-Identifier: Apache-2.0
// WWW-Authenticate challenges (RFC 7235/6750) as registries send them (pure).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace plinth::registry {

struct Challenge {
  std::string scheme;                        // "basic" or "bearer" (lower case)
  std::map<std::string, std::string> params; // realm, service, scope, error
};

// The first challenge in the header; nullopt when it cannot be parsed.
std::optional<Challenge> parse_challenge(std::string_view header);

} // namespace plinth::registry
