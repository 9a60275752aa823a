// SPDX-License-Identifier: Apache-2.0
#include "workstation/user.hpp"

#include <charconv>

namespace plinth::workstation {
namespace {

std::optional<int> parse_id(std::string_view s) {
  int v = -1;
  const auto* end = s.data() + s.size();
  const auto [p, ec] = std::from_chars(s.data(), end, v);
  if (s.empty() || ec != std::errc() || p != end || v < 0) {
    return std::nullopt;
  }
  return v;
}

Result<RunAs> explicit_run_as(std::string_view text) {
  const auto colon = text.find(':');
  const auto uid = parse_id(text.substr(0, colon));
  const auto gid = colon == std::string_view::npos ? uid : parse_id(text.substr(colon + 1));
  if (!uid || !gid) {
    return fail(Errc::invalid_input,
                "--user must be UID or UID:GID (numbers), not '" + std::string(text) + "'");
  }
  return RunAs{*uid, *gid, false};
}

} // namespace

Result<RunAs> run_as(const std::optional<model::User>& image_user, const UserRequest& request,
                     const HostIdentity& host) {
  if (request.host_user && !request.explicit_user.empty()) {
    return fail(Errc::invalid_input, "--host-user and --user exclude each other");
  }
  RunAs out;
  if (!request.explicit_user.empty()) {
    auto r = explicit_run_as(request.explicit_user);
    if (!r) {
      return r;
    }
    out = *r;
  } else if (request.host_user) {
    if (host.uid < 0 || host.gid < 0) {
      return fail(Errc::internal, "the host user's uid/gid are unknown");
    }
    out = RunAs{host.uid, host.gid, false};
  } else if (image_user) {
    out = RunAs{image_user->uid, image_user->gid, true};
  } else {
    return fail(Errc::invalid_input,
                "the image declares no user; pass --host-user or --user UID:GID");
  }
  if (out.uid == 0) {
    return fail(Errc::invalid_input,
                std::string("refusing to run the workstation as root (uid 0)") +
                    (request.host_user ? ": --host-user was given while running as root; "
                                         "run plinth as your own user or pass --user UID:GID"
                                       : ""));
  }
  if (image_user && out.uid == image_user->uid && out.gid == image_user->gid) {
    out.image_user = true; // same ids: the image's own plinth-init config fits
  }
  return out;
}

} // namespace plinth::workstation
