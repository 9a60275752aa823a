// SPDX-License-Identifier: Apache-2.0
// Who the workstation runs as. Default: the invoking host user (files written in the
// bind-mounted workspace then belong to them; under sudo, the user who ran sudo). A profile's
// `user:` or the flags --host-user, --image-user, --user UID[:GID] choose otherwise. Never
// root: when plinth itself runs as root (no sudo) the default falls back to the image's user.
// Pure.
#pragma once

#include "model/stack.hpp"
#include "util/result.hpp"

#include <optional>
#include <string>

namespace plinth::workstation {

struct UserRequest {
  bool host_user = false;    // --host-user
  bool image_user = false;   // --image-user
  std::string explicit_user; // --user UID[:GID] (numeric only)
};

struct HostIdentity {
  int uid = -1;
  int gid = -1;
  bool via_sudo = false; // uid/gid are SUDO_UID/SUDO_GID
};

// The invoking user: the real ids, or SUDO_UID/SUDO_GID when running as root under sudo
// (empty strings: not set).
HostIdentity host_identity(int uid, int gid, std::string_view sudo_uid, std::string_view sudo_gid);

struct RunAs {
  int uid = 0;
  int gid = 0;
  bool image_user = true; // false: plinth-init needs a config whose services run as uid:gid
  std::string note;       // why it is not the host user, when that is surprising
  std::string text() const { return std::to_string(uid) + ":" + std::to_string(gid); }
};

// `profile_user`: the profile's `user:` ("" = not set, "host", "image", "UID[:GID]").
Result<RunAs> run_as(const std::optional<model::User>& image_user, const UserRequest& request,
                     std::string_view profile_user, const HostIdentity& host);

} // namespace plinth::workstation
