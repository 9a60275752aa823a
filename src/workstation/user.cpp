// SPDX-License-Identifier: Apache-2.0
#include "workstation/user.hpp"

#include "util/uid_gid.hpp"

namespace plinth::workstation {
namespace {

Result<RunAs> explicit_run_as(std::string_view text, std::string_view source) {
  const auto ids = parse_uid_gid(text);
  if (!ids) {
    return fail(Errc::invalid_input, std::string(source) +
                                         " must be UID or UID:GID (numbers), not '" +
                                         std::string(text) + "'");
  }
  return RunAs{ids->uid, ids->gid, false, {}};
}

// The one choice in force: a flag, else the profile's `user:`, else "host" implicit.
struct Choice {
  std::string value;  // host | image | UID[:GID]
  std::string source; // for messages
  bool implicit = false;
};

Result<Choice> choose(const UserRequest& r, std::string_view profile_user) {
  const int flags = int(r.host_user) + int(r.image_user) + int(!r.explicit_user.empty());
  if (flags > 1) {
    return fail(Errc::invalid_input, "--host-user, --image-user and --user exclude each other");
  }
  if (r.host_user) {
    return Choice{"host", "--host-user", false};
  }
  if (r.image_user) {
    return Choice{"image", "--image-user", false};
  }
  if (!r.explicit_user.empty()) {
    return Choice{r.explicit_user, "--user", false};
  }
  if (!profile_user.empty()) {
    return Choice{std::string(profile_user), "the profile's user", false};
  }
  return Choice{"host", "", true};
}

Result<RunAs> image_run_as(const std::optional<model::User>& image_user) {
  if (!image_user) {
    return fail(Errc::invalid_input, "the image declares no user; run as the host user or pass "
                                     "--user UID:GID");
  }
  return RunAs{image_user->uid, image_user->gid, true, {}};
}

} // namespace

HostIdentity host_identity(int uid, int gid, std::string_view sudo_uid, std::string_view sudo_gid) {
  if (uid == 0) {
    const auto ids = parse_uid_gid(std::string(sudo_uid) + ":" + std::string(sudo_gid));
    if (ids && ids->uid != 0) {
      return {ids->uid, ids->gid, true};
    }
  }
  return {uid, gid, false};
}

Result<RunAs> run_as(const std::optional<model::User>& image_user, const UserRequest& request,
                     std::string_view profile_user, const HostIdentity& host) {
  PLINTH_TRY_ASSIGN(auto choice, choose(request, profile_user));
  Result<RunAs> picked = RunAs{};
  if (choice.value == "image") {
    picked = image_run_as(image_user);
  } else if (choice.value == "host") {
    if (host.uid < 0 || host.gid < 0) {
      return fail(Errc::internal, "the host user's uid/gid are unknown");
    }
    if (host.uid == 0) {
      if (!choice.implicit) {
        return fail(Errc::invalid_input,
                    "refusing to run the workstation as root (uid 0): " + choice.source +
                        " asks for the host user and plinth runs as root; run plinth as your "
                        "own user (or through sudo) or pass --user UID:GID");
      }
      auto fallback = image_run_as(image_user);
      if (!fallback) {
        return fail(Errc::invalid_input, "plinth runs as root and the image declares no user: "
                                         "pass --user UID:GID");
      }
      fallback->note = "plinth runs as root, so the workstation runs as the image's user " +
                       image_user->name + " (" + fallback->text() +
                       "); run plinth as your own user (or through sudo) so that files in the "
                       "workspace belong to you";
      return fallback;
    }
    picked = RunAs{host.uid, host.gid, false, {}};
  } else {
    picked = explicit_run_as(choice.value, choice.source);
  }
  if (!picked) {
    return picked;
  }
  auto out = *picked;
  if (out.uid == 0) {
    return fail(Errc::invalid_input, "refusing to run the workstation as root (uid 0)");
  }
  if (image_user && out.uid == image_user->uid && out.gid == image_user->gid) {
    out.image_user = true; // same ids: the image's own plinth-init config fits
  }
  return out;
}

} // namespace plinth::workstation
