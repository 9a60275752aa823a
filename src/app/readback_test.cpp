// SPDX-License-Identifier: Apache-2.0
#include "app/readback.hpp"

#include <gtest/gtest.h>

namespace plinth::app {
namespace {

model::ImageSpec gpu_spec() {
  model::ImageSpec s;
  s.name = "tf-base";
  s.user = model::User{"ml", 1000, 1000, {}};
  return s;
}

TEST(ReadBack, ParsesProgramOutput) {
  auto r = parse_readback(
      R"({"python":"3.11.2","uid":1000,"pip":{"nvidia-cudnn-cu12":"8.9.7.29"},"dpkg":{"libcudnn9-cuda-12":"9.1.0"}})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->cudnn(), "8.9.7.29"); // the wheel wins over dpkg
  EXPECT_FALSE(parse_readback("Traceback ..."));
}

TEST(Verify, CudnnEightUnderTensorFlowNeedingNineFails) {
  const auto spec = gpu_spec();
  model::ResolvedImage img;
  img.spec = &spec;
  img.chain = {&spec};
  img.tensorflow = "2.18.0";
  img.python = "3.11";
  img.variant = "gpu";
  img.cuda = "12.5";
  img.cudnn = "9.3";
  img.user = spec.user;
  ReadBack found;
  found.python = "3.11.2";
  found.uid = 1000;
  found.pip = {{"tensorflow", "2.18.0"}, {"nvidia-cuda-runtime-cu12", "12.5.82"}};
  found.dpkg = {{"libcudnn8", "8.9.7.29-1+cuda12.2"}};
  const auto problems = verify(img, found);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0], "cuDNN is 8.9.7.29-1+cuda12.2, TensorFlow 2.18.0 needs cuDNN 9 (it would "
                         "silently fall back to the CPU)");
  found.pip["nvidia-cudnn-cu12"] = "9.3.0.75";
  EXPECT_TRUE(verify(img, found).empty());
}

TEST(Verify, RootUserAndWrongPythonAreReported) {
  const auto spec = gpu_spec();
  model::ResolvedImage img;
  img.spec = &spec;
  img.chain = {&spec};
  img.python = "3.11";
  img.user = spec.user;
  ReadBack found;
  found.python = "3.12.1";
  found.uid = 0;
  const auto problems = verify(img, found);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0], "Python is 3.12.1, declared 3.11");
  EXPECT_EQ(problems[1], "the image runs as uid 0, declared 1000");
}

} // namespace
} // namespace plinth::app
