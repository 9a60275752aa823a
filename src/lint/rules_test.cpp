// SPDX-License-Identifier: Apache-2.0
// Every rule's documented bad example must fire it and its good example must not: one test
// per rule, so the docs and the implementation cannot drift apart.
#include "dockerfile/image_ref.hpp"
#include "lint/test_support.hpp"

#include <gtest/gtest.h>

namespace plinth::lint {
namespace {

using testing::config_from;
using testing::fires;

class RuleExamples : public ::testing::TestWithParam<const RuleInfo*> {};

TEST_P(RuleExamples, BadFiresGoodDoesNot) {
  const RuleInfo& r = *GetParam();
  const auto cfg = config_from(r.config);
  EXPECT_TRUE(fires(r.id, r.bad, cfg)) << r.id << " did not fire on:\n" << r.bad;
  EXPECT_FALSE(fires(r.id, r.good, cfg)) << r.id << " fired on:\n" << r.good;
}

// Each rule's declared keyword set (Rule::inspects) loses nothing: dispatching by keyword
// finds exactly what checking every rule on every instruction finds.
TEST_P(RuleExamples, KeywordDispatchLosesNoFinding) {
  const RuleInfo& r = *GetParam();
  const auto cfg = config_from(r.config);
  for (const auto text : {r.bad, r.good}) {
    Engine by_keyword(cfg);
    Engine every_rule(cfg, Dispatch::every_rule);
    EXPECT_EQ(testing::describe(by_keyword.lint(text)), testing::describe(every_rule.lint(text)))
        << r.id << " on:\n"
        << text;
  }
}

TEST_P(RuleExamples, MetadataIsComplete) {
  const RuleInfo& r = *GetParam();
  EXPECT_EQ(r.id.size(), 6u);
  EXPECT_EQ(r.id.substr(0, 2), "PL");
  EXPECT_FALSE(r.title.empty());
  EXPECT_FALSE(r.description.empty());
  EXPECT_EQ(r.title.find('\n'), std::string_view::npos);
}

INSTANTIATE_TEST_SUITE_P(AllRules, RuleExamples, ::testing::ValuesIn(all_rules()),
                         [](const auto& info) { return std::string(info.param->id); });

// PL2002 fires on every tag of the list `plinth check` refuses too, and documents each.
TEST(RuleTable, MutableTagsAreTheSharedList) {
  const auto* rule = find_rule("PL2002");
  ASSERT_NE(rule, nullptr);
  for (const auto tag : dockerfile::k_mutable_tags) {
    EXPECT_TRUE(fires("PL2002", "FROM debian:" + std::string(tag) + "\n")) << tag;
    EXPECT_NE(std::string(rule->description).find("`" + std::string(tag) + "`"), std::string::npos)
        << tag << " is not in PL2002's description";
  }
}

TEST(RuleTable, FixedIdsAndUniqueness) {
  const auto* apt = find_rule("PL2003");
  ASSERT_NE(apt, nullptr);
  EXPECT_EQ(apt->level, Level::warning);
  EXPECT_NE(std::string(apt->title).find("apt-get install"), std::string::npos);
  const auto* root = find_rule("PL3001");
  ASSERT_NE(root, nullptr);
  EXPECT_NE(std::string(root->title).find("root"), std::string::npos);
  for (std::size_t i = 1; i < all_rules().size(); ++i) {
    EXPECT_LT(all_rules()[i - 1]->id, all_rules()[i]->id);
  }
}

} // namespace
} // namespace plinth::lint
