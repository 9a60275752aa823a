// SPDX-License-Identifier: Apache-2.0
// Resolving "user[:group]" without NSS: the static binary must not call getpwnam(), so
// /etc/passwd and /etc/group are parsed here. Numeric ids need no files at all.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace plinth::init {

struct Identity {
  uid_t uid = 0;
  gid_t gid = 0;
  std::vector<gid_t> groups; // supplementary groups (includes gid)
  std::string name;          // "" when the uid has no passwd entry
  std::string home;          // "" when unknown
};

// spec: "1000", "1000:1000", "jovyan", "jovyan:users". passwd/group are file contents.
std::optional<Identity> resolve_identity(std::string_view spec, std::string_view passwd,
                                         std::string_view group, std::string& why);

// Same, reading /etc/passwd and /etc/group (missing files are treated as empty).
std::optional<Identity> resolve_identity(std::string_view spec, std::string& why);

} // namespace plinth::init
