// SPDX-License-Identifier: Apache-2.0
// "UID" or "UID:GID" (numbers only), as `user:` of a profile and `plinth up --user` take it.
// A lone UID means the same GID. Pure.
#pragma once

#include <optional>
#include <string_view>

namespace plinth {

struct UidGid {
  int uid = 0;
  int gid = 0;
};

std::optional<UidGid> parse_uid_gid(std::string_view text);

} // namespace plinth
