// SPDX-License-Identifier: Apache-2.0
#include "doctor/nvidia_require.hpp"

#include <gtest/gtest.h>

namespace plinth::doctor {
namespace {

RequireHost host(const char* driver, const char* cuda, const char* brand = "") {
  RequireHost h;
  h.driver = Version::parse(driver);
  h.cuda = Version::parse(cuda);
  h.brand = brand;
  return h;
}

TEST(NvidiaRequire, ParsesAlternativesAndConditions) {
  const auto e = parse_require("cuda>=11.8 brand=tesla,driver>=470,driver<471");
  ASSERT_TRUE(e.has_value());
  ASSERT_EQ(e->alternatives.size(), 2U);
  EXPECT_EQ(e->alternatives[0].size(), 1U);
  ASSERT_EQ(e->alternatives[1].size(), 3U);
  EXPECT_EQ(e->alternatives[1][0].key, "brand");
  EXPECT_EQ(e->alternatives[1][0].op, "=");
  EXPECT_EQ(e->alternatives[1][2].op, "<");
  EXPECT_EQ(e->alternatives[1][2].value, "471");
  EXPECT_FALSE(parse_require("cuda").has_value());
  EXPECT_FALSE(parse_require("cuda>=").has_value());
  EXPECT_TRUE(parse_require("")->alternatives.empty());
}

struct Case {
  const char* require;
  const char* driver;
  const char* cuda;
  const char* brand;
  Tri want;
  const char* unsatisfied;
};

TEST(NvidiaRequire, EvaluatesAsTheToolkit) {
  const Case cases[] = {
      // OR over spaces: the plain cuda>= alternative suffices.
      {"cuda>=11.8 brand=tesla,driver>=470,driver<471", "535.104.05", "12.2", "", Tri::yes, ""},
      // A 470 datacenter GPU: admitted through the forward-compat alternative, only if tesla.
      {"cuda>=11.8 brand=tesla,driver>=470,driver<471", "470.82.01", "11.4", "", Tri::unknown,
       "cuda>=11.8"},
      {"cuda>=11.8 brand=tesla,driver>=470,driver<471", "470.82.01", "11.4", "tesla", Tri::yes, ""},
      {"cuda>=11.8 brand=tesla,driver>=470,driver<471", "470.82.01", "11.4", "geforce", Tri::no,
       "cuda>=11.8"},
      // AND over commas: the 470 branch alternative does not cover 510.
      {"cuda>=11.8 brand=tesla,driver>=470,driver<471", "510.47.03", "11.6", "", Tri::no,
       "cuda>=11.8"},
      {"cuda>=12.3", "535.104.05", "12.2", "", Tri::no, "cuda>=12.3"},
      {"cuda>=12.3", "550.90.07", "12.4", "", Tri::yes, ""},
      {"driver>=525,driver<580", "575.57.08", "12.9", "", Tri::yes, ""},
      {"driver!=550.54.14", "550.54.14", "12.4", "", Tri::no, "driver!=550.54.14"},
      {"arch>=8.0", "550.54.14", "12.4", "", Tri::unknown, "arch>=8.0"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.require) + " @ " + c.driver);
    const auto r = evaluate_require(*parse_require(c.require), host(c.driver, c.cuda, c.brand));
    EXPECT_EQ(tri_name(r.result), tri_name(c.want));
    if (c.want != Tri::yes) {
      EXPECT_EQ(r.unsatisfied, c.unsatisfied);
    }
  }
}

TEST(NvidiaRequire, SeveralVariablesAreAnded) {
  const auto h = host("550.90.07", "12.4");
  EXPECT_EQ(evaluate_requires({"cuda>=12.0", "driver>=550"}, h).result, Tri::yes);
  const auto r = evaluate_requires({"cuda>=12.0", "driver>=560"}, h);
  EXPECT_EQ(r.result, Tri::no);
  EXPECT_EQ(r.unsatisfied, "driver>=560");
  EXPECT_EQ(evaluate_requires({}, h).result, Tri::yes);
}

TEST(NvidiaRequire, UnknownListsThePossibleAlternatives) {
  const auto r = evaluate_require(
      *parse_require(
          "cuda>=12.3 brand=tesla,driver>=470,driver<471 brand=tesla,driver>=535,driver<536"),
      host("535.104.05", "12.2"));
  EXPECT_EQ(r.result, Tri::unknown);
  ASSERT_EQ(r.possible.size(), 1U);
  EXPECT_EQ(r.possible[0], "brand=tesla,driver>=535,driver<536");
}

} // namespace
} // namespace plinth::doctor
