// SPDX-License-Identifier: Apache-2.0
// Who the workstation runs as: the host user by default (sudo's user under sudo), the
// profile's or the flags' choice otherwise, never root.
#include "workstation/user.hpp"

#include <gtest/gtest.h>

namespace plinth::workstation {
namespace {

const std::optional<model::User> img = model::User{"dev", 1000, 1000, {}};
const HostIdentity alice{501, 20, false};
const HostIdentity root{0, 0, false};

UserRequest flags(bool host, bool image, std::string user = {}) {
  return UserRequest{host, image, std::move(user)};
}

TEST(RunAs, DefaultIsTheHostUser) {
  auto r = run_as(img, {}, "", alice);
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(r->text(), "501:20");
  EXPECT_FALSE(r->image_user); // plinth-init needs a config for 501:20
  EXPECT_TRUE(r->note.empty());
}

TEST(RunAs, HostUserWithTheImageUsersIdsUsesTheImageConfig) {
  auto r = run_as(img, {}, "", {1000, 1000, false});
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->image_user);
}

TEST(RunAs, RootWithoutSudoFallsBackToTheImageUserAndSaysWhy) {
  auto r = run_as(img, {}, "", root);
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(r->text(), "1000:1000");
  EXPECT_TRUE(r->image_user);
  EXPECT_NE(r->note.find("plinth runs as root"), std::string::npos) << r->note;
  // Asked for explicitly, the host user root is refused instead.
  EXPECT_FALSE(run_as(img, flags(true, false), "", root));
  EXPECT_FALSE(run_as(img, {}, "host", root));
  // No image user to fall back to: refused with the way out.
  auto none = run_as(std::nullopt, {}, "", root);
  ASSERT_FALSE(none);
  EXPECT_NE(none.error().describe().find("--user"), std::string::npos);
}

TEST(RunAs, SudoIsTheUserWhoRanIt) {
  const auto id = host_identity(0, 0, "1234", "2345");
  EXPECT_EQ(id.uid, 1234);
  EXPECT_EQ(id.gid, 2345);
  EXPECT_TRUE(id.via_sudo);
  auto r = run_as(img, {}, "", id);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->text(), "1234:2345");
  // Not root: SUDO_* are ignored (an inherited environment).
  EXPECT_EQ(host_identity(501, 20, "1234", "2345").uid, 501);
  // Garbage or root in SUDO_UID: the real ids.
  EXPECT_EQ(host_identity(0, 0, "x", "1").uid, 0);
  EXPECT_EQ(host_identity(0, 0, "0", "0").via_sudo, false);
  EXPECT_EQ(host_identity(0, 0, "", "").uid, 0);
}

TEST(RunAs, ProfileChoiceAndFlagsOverIt) {
  EXPECT_EQ(run_as(img, {}, "image", alice)->text(), "1000:1000");
  EXPECT_EQ(run_as(img, {}, "4242:4243", alice)->text(), "4242:4243");
  EXPECT_EQ(run_as(img, {}, "host", alice)->text(), "501:20");
  // Flags win over the profile.
  EXPECT_EQ(run_as(img, flags(true, false), "image", alice)->text(), "501:20");
  EXPECT_EQ(run_as(img, flags(false, true), "host", alice)->text(), "1000:1000");
  EXPECT_EQ(run_as(img, flags(false, false, "4242"), "image", alice)->text(), "4242:4242");
}

TEST(RunAs, RefusesRootBadIdsAndConflictingFlags) {
  EXPECT_FALSE(run_as(img, flags(false, false, "0:0"), "", alice));
  EXPECT_FALSE(run_as(img, flags(false, false, "dev"), "", alice));
  EXPECT_FALSE(run_as(img, flags(true, false, "1:1"), "", alice));
  EXPECT_FALSE(run_as(img, flags(true, true), "", alice));
  EXPECT_FALSE(run_as(std::nullopt, flags(false, true), "", alice)); // no image user
  EXPECT_FALSE(run_as(img, {}, "0", alice));
  auto bad = run_as(img, {}, "x:1", alice);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().describe().find("the profile's user"), std::string::npos);
}

} // namespace
} // namespace plinth::workstation
