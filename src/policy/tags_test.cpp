// SPDX-License-Identifier: Apache-2.0
#include "policy/tags.hpp"

#include <gtest/gtest.h>

using namespace plinth;

namespace {

struct Fixture {
  model::ImageSpec spec;
  model::ResolvedImage img;
  Fixture() {
    spec.name = "base";
    spec.version.value = "1.2.0";
    img.spec = &spec;
    img.tensorflow = "2.16.1";
    img.tensorflow_minor = "2.16";
    img.python = "3.11";
    img.variant = "gpu";
    img.cuda = "12.3";
  }
};

} // namespace

TEST(Tags, DefaultTemplateGivesSemanticTag) {
  Fixture f;
  EXPECT_EQ(policy::expand_tag(model::k_default_tag_template, f.img).tag,
            "tf2.16-py311-gpu-v1.2.0");
  EXPECT_EQ(policy::expand_tag("{name}-cuda{cuda}-{version}", f.img).tag, "base-cuda12.3-1.2.0");
}

TEST(Tags, TemplateWithoutVersionIsRejectedSoLatestCannotBeProduced) {
  Fixture f;
  EXPECT_NE(policy::expand_tag("latest", f.img).error, "");
  EXPECT_NE(policy::expand_tag("tf{tf}", f.img).error, "");
}

TEST(Tags, UnknownPlaceholderSuggestsTheRightOne) {
  Fixture f;
  EXPECT_EQ(policy::expand_tag("{verison}", f.img).error,
            "unknown placeholder {verison} in tag template; did you mean {version}?");
}

TEST(Tags, MissingFrameworkIsExplained) {
  Fixture f;
  f.img.tensorflow_minor.clear();
  EXPECT_EQ(policy::expand_tag("tf{tf}-v{version}", f.img).error,
            "tag template uses {tf} but image 'base' has no framework");
}

TEST(Tags, ResultMustBeAValidDockerTag) {
  Fixture f;
  f.spec.version.value = "1.0.0+build/7";
  EXPECT_NE(policy::expand_tag("v{version}", f.img).error, "");
  EXPECT_TRUE(policy::is_valid_tag("tf2.16-py311-gpu-v1.2.0"));
  EXPECT_FALSE(policy::is_valid_tag("-x"));
  EXPECT_FALSE(policy::is_valid_tag(std::string(129, 'a')));
}
