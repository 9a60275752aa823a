// SPDX-License-Identifier: Apache-2.0
#include "registry/credentials.hpp"

#include "http/message.hpp"

#include <nlohmann/json.hpp>

namespace plinth::registry {
namespace {

using nlohmann::json;

// auths keys may carry a scheme and a path ("https://index.docker.io/v1/").
std::string key_host(std::string key) {
  if (const auto s = key.find("://"); s != std::string::npos) {
    key = key.substr(s + 3);
  }
  return key.substr(0, key.find('/'));
}

Result<std::optional<Credentials>> from_auths(const json& auths, std::string_view host) {
  for (const auto& [key, entry] : auths.items()) {
    if (key_host(key) != host || !entry.is_object()) {
      continue;
    }
    Credentials c;
    c.identity_token = entry.value("identitytoken", "");
    if (const auto auth = entry.value("auth", ""); !auth.empty()) {
      const auto decoded = http::base64_decode(auth);
      const auto colon = decoded ? decoded->find(':') : std::string::npos;
      if (!decoded || colon == std::string::npos) {
        return fail(Errc::invalid_input,
                    "the docker config's auths entry for " + std::string(host) +
                        " has a malformed `auth` (expected base64 of user:password)");
      }
      c.username = decoded->substr(0, colon);
      c.password = decoded->substr(colon + 1);
    } else {
      c.username = entry.value("username", "");
      c.password = entry.value("password", "");
    }
    if (c.username.empty() && c.identity_token.empty()) {
      continue;
    }
    return std::optional<Credentials>(c);
  }
  return std::optional<Credentials>{};
}

} // namespace

Result<Credentials> parse_helper_output(std::string_view text) {
  const auto j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return fail(Errc::protocol, "the credential helper printed no JSON");
  }
  Credentials c;
  c.username = j.value("Username", "");
  const auto secret = j.value("Secret", "");
  if (c.username == "<token>") {
    c.identity_token = secret;
    c.username.clear();
  } else {
    c.password = secret;
  }
  return c;
}

Result<std::optional<Credentials>>
lookup_credentials(std::string_view config_json, std::string_view host, const HelperFn& helper) {
  const auto j = json::parse(config_json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return fail(Errc::invalid_input, "the docker config file is not valid JSON");
  }
  const std::string h(host);
  if (auto it = j.find("credHelpers");
      it != j.end() && it->is_object() && it->contains(h) && (*it)[h].is_string()) {
    return helper((*it)[h].get<std::string>(), h);
  }
  if (auto it = j.find("credsStore");
      it != j.end() && it->is_string() && !it->get<std::string>().empty()) {
    auto r = helper(it->get<std::string>(), h);
    if (!r || r->has_value()) {
      return r;
    }
  }
  if (auto it = j.find("auths"); it != j.end() && it->is_object()) {
    return from_auths(*it, host);
  }
  return std::optional<Credentials>{};
}

} // namespace plinth::registry
