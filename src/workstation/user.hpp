// SPDX-License-Identifier: Apache-2.0
// Who the workstation runs as: the image's user (default), the invoking host user
// (--host-user: files in the bind-mounted workspace then belong to them), or an explicit
// --user UID[:GID]. Never root. Pure.
#pragma once

#include "model/stack.hpp"
#include "util/result.hpp"

#include <optional>
#include <string>

namespace plinth::workstation {

struct UserRequest {
  bool host_user = false;    // --host-user
  std::string explicit_user; // --user UID[:GID] (numeric only)
};

struct HostIdentity {
  int uid = -1;
  int gid = -1;
};

struct RunAs {
  int uid = 0;
  int gid = 0;
  bool image_user = true; // false: plinth-init needs a config whose services run as uid:gid
  std::string text() const { return std::to_string(uid) + ":" + std::to_string(gid); }
};

Result<RunAs> run_as(const std::optional<model::User>& image_user, const UserRequest& request,
                     const HostIdentity& host);

} // namespace plinth::workstation
