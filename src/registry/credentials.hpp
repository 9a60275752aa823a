// SPDX-License-Identifier: Apache-2.0
// Registry credentials from the Docker client configuration ($DOCKER_CONFIG/config.json or
// ~/.docker/config.json): credHelpers[host], else credsStore, else auths[host]. Credential
// helpers are programs (docker-credential-<name>); running them is injected.
#pragma once

#include "util/result.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace plinth::registry {

struct Credentials {
  std::string username;
  std::string password; // or an identity token when username is "<token>"
  std::string identity_token;
};

// Runs `docker-credential-<helper> get` with `server` on stdin; nullopt when the helper
// says it has no credentials for it.
using HelperFn = std::function<Result<std::optional<Credentials>>(const std::string& helper,
                                                                  const std::string& server)>;

// Looks `host` ("127.0.0.1:5000", "registry.example.com") up in config.json's text.
Result<std::optional<Credentials>>
lookup_credentials(std::string_view config_json, std::string_view host, const HelperFn& helper);

// Parses a credential helper's `get` output: {"ServerURL","Username","Secret"}.
Result<Credentials> parse_helper_output(std::string_view text);

} // namespace plinth::registry
