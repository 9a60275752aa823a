// SPDX-License-Identifier: Apache-2.0
#include "workstation/profile.hpp"

#include <gtest/gtest.h>

namespace plinth::workstation {
namespace {

model::Stack one_profile() {
  model::Stack stack;
  model::Profile small;
  small.name = "small";
  small.memory_bytes = 1LL << 30;
  small.cpus = 1;
  stack.profiles.push_back(small);
  return stack;
}

TEST(EffectiveProfile, ProfileChoiceAndOverrides) {
  const auto stack = one_profile();
  auto p = effective_profile(stack, "", {});
  ASSERT_TRUE(p);
  EXPECT_EQ(p->name, "small"); // the only one
  ProfileOverrides o;
  o.shm = "2g";
  o.gpus = "all";
  p = effective_profile(stack, "small", o);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->shm_bytes, 2LL << 30);
  EXPECT_EQ(p->gpus, "all");
  EXPECT_EQ(p->memory_bytes, 1LL << 30); // not overridden
  EXPECT_FALSE(effective_profile(stack, "huge", {}));
  o.memory = "lots";
  EXPECT_FALSE(effective_profile(stack, "small", o));
}

TEST(EffectiveProfile, Messages) {
  const auto stack = one_profile();
  auto missing = effective_profile(stack, "huge", {});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "the stack has no profile 'huge' (profiles: small)");
  EXPECT_EQ(effective_profile(model::Stack{}, "huge", {}).error().message,
            "the stack has no profile 'huge' (it declares none)");
  auto none = effective_profile(model::Stack{}, "", {});
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->name.empty());
  ProfileOverrides o;
  o.memory = "lots";
  EXPECT_EQ(effective_profile(stack, "", o).error().message,
            "--memory must be a size such as 512m, 8g or 1.5g, not 'lots'");
  o = {};
  o.gpus = "none";
  auto no_gpus = effective_profile(stack, "", o);
  ASSERT_TRUE(no_gpus);
  EXPECT_EQ(no_gpus->gpus, "");
  o.gpus = "0,,1";
  EXPECT_FALSE(effective_profile(stack, "", o));
  o = {};
  o.cpus = -1;
  auto cpus = effective_profile(stack, "", o);
  ASSERT_FALSE(cpus);
  EXPECT_EQ(cpus.error().message.rfind("--cpus ", 0), 0U);
}

} // namespace
} // namespace plinth::workstation
