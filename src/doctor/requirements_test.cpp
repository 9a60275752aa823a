// SPDX-License-Identifier: Apache-2.0
// Image requirements from labels / environment, the container toolkit check, the guard rail
// for `plinth up`, and the report's text and JSON forms.
#include "doctor/diagnose.hpp"
#include "doctor/guard.hpp"
#include "doctor/render.hpp"
#include "doctor/test_support.hpp"

#include <gtest/gtest.h>

namespace plinth::doctor {
namespace {

using testing::all_text;
using testing::contains;
using testing::host_facts;
using testing::image_fixture;

ImageRequirement inspect(const std::string& name) {
  auto r = requirement_from_inspect(name, image_fixture(name), compat::Db::builtin());
  if (!r) {
    throw std::runtime_error(r.error().message);
  }
  return *r;
}

TEST(Requirements, FromImages) {
  const auto plinth = inspect("plinth-tf-base");
  EXPECT_EQ(plinth.source, "labels");
  EXPECT_TRUE(plinth.gpu);
  EXPECT_EQ(plinth.cuda->str(), "12.3");
  EXPECT_EQ(plinth.tensorflow->str(), "2.16.1");
  EXPECT_EQ(plinth.driver_min->str(), "525.60.13");
  EXPECT_TRUE(plinth.nvidia_require.empty());

  const auto tf = inspect("tensorflow-2.16.1-gpu");
  EXPECT_EQ(tf.source, "env");
  EXPECT_TRUE(tf.gpu);
  EXPECT_EQ(tf.cuda->str(), "12.3.0");
  ASSERT_EQ(tf.nvidia_require.size(), 1U);
  EXPECT_TRUE(contains(tf.nvidia_require[0], "cuda>=12.3 brand=tesla,driver>=470,driver<471"));
  EXPECT_FALSE(tf.disable_require);

  const auto ngc = inspect("ngc-tf-24.01");
  EXPECT_TRUE(ngc.disable_require);
  EXPECT_EQ(ngc.tensorflow->str(), "2.14.0");
  EXPECT_EQ(ngc.cuda->str(), "12.3.2.001");

  EXPECT_FALSE(requirement_from_inspect("x", "not json", compat::Db::builtin()).has_value());
}

TEST(Requirements, TensorflowOnlyImageGetsItsCudaFromTheDatabase) {
  const auto r = requirement_from_config(
      "tf", {}, {"TENSORFLOW_VERSION=2.15.0", "NVIDIA_VISIBLE_DEVICES=all"}, compat::Db::builtin());
  EXPECT_TRUE(r.gpu);
  EXPECT_EQ(r.cuda->str(), "12.2");
  const auto cpu =
      requirement_from_config("tf", {}, {"TENSORFLOW_VERSION=2.15.0"}, compat::Db::builtin());
  EXPECT_FALSE(cpu.gpu);
  EXPECT_FALSE(cpu.cuda.has_value());
}

TEST(Requirements, GoParseBool) {
  for (const char* t : {"1", "t", "T", "true", "TRUE", "True"}) {
    EXPECT_TRUE(go_parse_bool_true(t)) << t;
  }
  for (const char* f : {"", "0", "false", "yes", "on"}) {
    EXPECT_FALSE(go_parse_bool_true(f)) << f;
  }
}

TEST(Requirements, FlagsAndStacks) {
  EXPECT_FALSE(requirement_for_tf(*Version::parse("1.15"), compat::Db::builtin()).has_value());
  const auto tf = requirement_for_tf(*Version::parse("2.16"), compat::Db::builtin());
  ASSERT_TRUE(tf.has_value());
  EXPECT_EQ(tf->cuda->str(), "12.3");
  EXPECT_EQ(tf->cudnn->str(), "8.9");
  EXPECT_TRUE(testing::stack_requirements("tf-cpu-local").empty()); // no GPU image
}

struct RequireCase {
  const char* scenario;
  const char* image;
  Status status;
  const char* phrase;
};

TEST(NvidiaRequireCheck, ToolkitStartTimeCheck) {
  const RequireCase cases[] = {
      {"driver-550", "tensorflow-2.16.1-gpu", Status::ok, "satisfied"},
      {"driver-590", "tensorflow-2.16.1-gpu", Status::ok, "satisfied"},
      // 535 supports CUDA 12.2: only a datacenter GPU with cuda-compat passes the check.
      {"driver-535", "tensorflow-2.16.1-gpu", Status::warn,
       "is admitted: driver>=535,driver<536 with brand tesla, unknown, nvidia, nvidiartx, geforce, "
       "geforcertx, "
       "quadro, quadrortx, titan or titanrtx; otherwise: \"unsatisfied condition: cuda>=12.3\""},
      {"driver-470", "tensorflow-2.16.1-gpu", Status::warn,
       "is admitted: driver>=470,driver<471 with brand tesla"},
      {"missing-runtime", "ngc-tf-24.01", Status::ok, "NVIDIA_DISABLE_REQUIRE is set"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.scenario) + " " + c.image);
    const auto check =
        nvidia_require_check(host_facts(c.scenario), inspect(c.image), compat::Db::builtin());
    ASSERT_TRUE(check.has_value());
    EXPECT_EQ(check->status, c.status);
    EXPECT_TRUE(contains(all_text(*check), c.phrase)) << all_text(*check);
  }
  EXPECT_FALSE(nvidia_require_check(host_facts("no-gpu-cgroup2"), inspect("tensorflow-2.16.1-gpu"),
                                    compat::Db::builtin()));
  EXPECT_FALSE(nvidia_require_check(host_facts("driver-550"), inspect("plinth-tf-base"),
                                    compat::Db::builtin()));

  auto consumer = inspect("tensorflow-2.16.1-gpu");
  consumer.nvidia_require = {"cuda>=12.3"};
  const auto refused =
      nvidia_require_check(host_facts("driver-535"), consumer, compat::Db::builtin());
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->status, Status::fail);
  EXPECT_TRUE(contains(refused->summary, "unsatisfied condition: cuda>=12.3")) << refused->summary;
}

model::Profile gpu_profile(const char* gpus) {
  model::Profile p;
  p.name = "gpu-single";
  p.gpus = gpus;
  return p;
}

TEST(Guard, RefusesAnIncompatibleGpuProfile) {
  const auto images = testing::stack_requirements("tf-gpu-team");
  const auto g = gpu_guard(host_facts("driver-470"), gpu_profile("0"), images,
                           compat::Db::builtin(), false, "--ignore-gpu-check");
  EXPECT_TRUE(g.gpu_profile);
  EXPECT_FALSE(g.allowed);
  EXPECT_FALSE(g.overridden);
  ASSERT_EQ(g.blocking.size(), 1U);
  EXPECT_EQ(g.blocking[0].verdict, k_verdict_incompatible);
  EXPECT_TRUE(contains(g.message, "profile 'gpu-single' asks for GPUs (gpus: 0)")) << g.message;
  EXPECT_TRUE(contains(g.message, "incompatible: CUDA 12.3 GA needs NVIDIA driver >= 525.60.13"))
      << g.message;
  EXPECT_TRUE(contains(g.message, "pass --ignore-gpu-check to start anyway")) << g.message;

  const auto forced = gpu_guard(host_facts("driver-470"), gpu_profile("0"), images,
                                compat::Db::builtin(), true, "--ignore-gpu-check");
  EXPECT_TRUE(forced.allowed);
  EXPECT_TRUE(forced.overridden);
  EXPECT_TRUE(contains(forced.message, "starting anyway because --ignore-gpu-check was given"));
}

TEST(Guard, AllowsWhatWorks) {
  const auto images = testing::stack_requirements("tf-gpu-team");
  const auto ok = gpu_guard(host_facts("driver-550"), gpu_profile("all"), images,
                            compat::Db::builtin(), false, "--force");
  EXPECT_TRUE(ok.allowed);
  EXPECT_TRUE(ok.blocking.empty());
  EXPECT_TRUE(ok.message.empty());
  // Minor-version compatibility warns but does not block.
  const auto minor = gpu_guard(host_facts("driver-535"), gpu_profile("all"), images,
                               compat::Db::builtin(), false, "--force");
  EXPECT_TRUE(minor.allowed);
  // No GPU profile: nothing to check, even on a host without a driver.
  const auto cpu = gpu_guard(host_facts("no-gpu-cgroup2"), gpu_profile(""), images,
                             compat::Db::builtin(), false, "--force");
  EXPECT_FALSE(cpu.gpu_profile);
  EXPECT_TRUE(cpu.allowed);
  // A GPU profile on a host without driver or runtime: refused with both reasons.
  const auto none = gpu_guard(host_facts("no-gpu-cgroup2"), gpu_profile("all"), images,
                              compat::Db::builtin(), false, "--force");
  EXPECT_FALSE(none.allowed);
  EXPECT_EQ(none.blocking.size(), 3U); // driver, runtime, image
}

TEST(Render, TextAndJson) {
  const auto images = testing::stack_requirements("tf-gpu-team");
  const auto host = host_facts("driver-470");
  const auto report = diagnose(host, images, compat::Db::builtin());
  const auto text = render_text(report, host, images);
  EXPECT_TRUE(contains(text, "\nGPU and driver\n  [ok]   NVIDIA driver: driver 470.82.01 "
                             "(proprietary kernel module, x86_64)\n"))
      << text;
  EXPECT_TRUE(contains(
      text,
      "\nImages\n  [FAIL] Image fit: tf-base, vision-common, defect-detector: incompatible: "))
      << text;
  EXPECT_TRUE(contains(text, "-> fail (exit 2)\n")) << text;

  const auto j = render_json(report, host, images, compat::Db::builtin());
  EXPECT_EQ(j["schema"], k_json_schema);
  EXPECT_EQ(j["status"], "fail");
  EXPECT_EQ(j["exit_code"], 2);
  EXPECT_EQ(j["host"]["driver"]["version"], "470.82.01");
  EXPECT_EQ(j["host"]["nvidia_smi"]["cuda"], "11.4");
  EXPECT_EQ(j["engine"]["reach"], "ok");
  EXPECT_EQ(j["engine"]["runtimes"][0], "nvidia");
  ASSERT_EQ(j["images"].size(), 1U);
  EXPECT_EQ(j["images"][0]["verdict"], "incompatible");
  EXPECT_EQ(j["images"][0]["driver_min"], "525.60.13");
  EXPECT_EQ(j["images"][0]["cuda"], "12.3");
  for (const auto& c : j["checks"]) {
    for (const char* key : {"id", "section", "status", "title", "summary", "details", "remedy"}) {
      EXPECT_TRUE(c.contains(key)) << c.dump();
    }
  }
  const auto& last = j["checks"].back();
  EXPECT_EQ(last["id"], "image.fit");
  EXPECT_EQ(last["verdict"], "incompatible");
  EXPECT_EQ(last["subject"], "tf-base, vision-common, defect-detector");
}

TEST(Render, NoImagesHint) {
  const auto host = host_facts("no-gpu-cgroup2");
  const auto text = render_text(diagnose(host, {}, compat::Db::builtin()), host, {});
  EXPECT_TRUE(
      contains(text, "(no image asked about: use -f STACK, --image REF, --cuda X.Y or --tf X.Y)"))
      << text;
  EXPECT_TRUE(contains(text, "-> ok (exit 0)")) << text;
}

} // namespace
} // namespace plinth::doctor
