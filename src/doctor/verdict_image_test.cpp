// SPDX-License-Identifier: Apache-2.0
// Image verdicts on every fixture driver, including the acceptance cases of issue #6.
#include "doctor/diagnose.hpp"
#include "doctor/test_support.hpp"

#include <gtest/gtest.h>

namespace plinth::doctor {
namespace {

using testing::all_text;
using testing::contains;
using testing::host_facts;

// Acceptance: driver 470.82 with the TF 2.16 GPU base of examples/tf-gpu-team.
TEST(ImageVerdict, Driver470WithTfGpuTeamIsIncompatible) {
  const auto images = testing::stack_requirements("tf-gpu-team");
  ASSERT_EQ(images.size(), 1U); // tf-base and its two children need the same thing
  EXPECT_EQ(images[0].name, "tf-base, vision-common, defect-detector");
  EXPECT_EQ(images[0].tensorflow->str(), "2.16.1");
  EXPECT_EQ(images[0].cuda->str(), "12.3");

  const auto host = host_facts("driver-470");
  const auto report = diagnose(host, images, compat::Db::builtin());
  const auto* fit = report.find("image.fit");
  ASSERT_NE(fit, nullptr);
  EXPECT_EQ(fit->status, Status::fail);
  EXPECT_EQ(fit->verdict, k_verdict_incompatible);
  const auto text = all_text(*fit);
  EXPECT_TRUE(contains(fit->summary, "incompatible")) << text;
  EXPECT_TRUE(contains(fit->summary, ">= 525.60.13")) << text; // minor-version compatibility
  EXPECT_TRUE(contains(fit->summary, ">= 545.23.06")) << text; // full support
  EXPECT_TRUE(contains(fit->summary, "470.82.01")) << text;
  // The database says: CUDA 11.8 runs on 470 through minor-version compatibility, so the
  // newest TF GPU build is 2.14; with full support it is 2.11 (CUDA 11.2).
  EXPECT_TRUE(contains(text,
                       "newest TensorFlow GPU build that runs on 470.82.01: TensorFlow 2.14.0 "
                       "(CUDA 11.8, cuDNN 8.7) through minor-version compatibility; newest with "
                       "full support: TensorFlow 2.11.0 (CUDA 11.2, cuDNN 8.1)"))
      << text;
  EXPECT_TRUE(contains(text,
                       "CUDA up to 11.4 Update 4 with full support; CUDA 11.5 to 11.8 through "
                       "minor-version compatibility"))
      << text;
  EXPECT_EQ(fit->remedy,
            "upgrade the NVIDIA driver to >= 545.23.06 (at least 525.60.13, through minor-version "
            "compatibility) and reboot; or, on this driver, build on TensorFlow 2.14 (CUDA 11.8) "
            "or older");
  EXPECT_EQ(report.exit_code(), 2);
}

// Acceptance: driver 535.x with a CUDA 12.3 image.
TEST(ImageVerdict, Driver535WithCuda123IsMinorVersionCompat) {
  const auto c = image_check(host_facts("driver-535"),
                             requirement_for_cuda(*Version::parse("12.3")), compat::Db::builtin());
  EXPECT_EQ(c.status, Status::warn);
  EXPECT_EQ(c.verdict, k_verdict_minor_compat);
  const auto text = all_text(c);
  EXPECT_TRUE(contains(c.summary, "compatible only through CUDA minor-version compatibility"))
      << text;
  EXPECT_TRUE(contains(c.summary, "545.23.06")) << text;
  EXPECT_TRUE(contains(c.summary, "525.60.13")) << text;
  EXPECT_TRUE(contains(text, "PTX JIT")) << text;
  EXPECT_TRUE(contains(text, "cudaErrorCallRequiresNewerDriver")) << text;
  EXPECT_TRUE(contains(text, "(CUDA 12.2)")) << text;
  EXPECT_TRUE(contains(c.remedy, "545.23.06")) << text;
}

// Acceptance: driver 550.x with the same image.
TEST(ImageVerdict, Driver550IsCompatible) {
  for (const char* scenario : {"driver-550", "missing-runtime"}) {
    const auto c = image_check(host_facts(scenario), requirement_for_cuda(*Version::parse("12.3")),
                               compat::Db::builtin());
    EXPECT_EQ(c.status, Status::ok) << scenario;
    EXPECT_EQ(c.verdict, k_verdict_compatible) << scenario;
    EXPECT_TRUE(contains(c.summary, "the toolkit driver of CUDA 12.3 GA")) << c.summary;
  }
}

struct FitCase {
  const char* scenario;
  const char* cuda; // "" with tf set
  const char* tf;
  const char* verdict;
  Status status;
};

TEST(ImageVerdict, Table) {
  const FitCase cases[] = {
      {"driver-470", "11.2", "", k_verdict_compatible, Status::ok},
      {"driver-470", "11.4.4", "", k_verdict_compatible, Status::ok},
      {"driver-470", "11.8", "", k_verdict_minor_compat, Status::warn},
      {"driver-470", "12.0", "", k_verdict_incompatible, Status::fail},
      {"driver-470", "", "2.11", k_verdict_compatible, Status::ok},
      {"driver-470", "", "2.14", k_verdict_minor_compat, Status::warn},
      {"driver-470", "", "2.15", k_verdict_incompatible, Status::fail},
      {"driver-535", "12.2", "", k_verdict_compatible, Status::ok},
      {"driver-535", "12.2.2", "", k_verdict_compatible, Status::ok},
      {"driver-535", "12.5", "", k_verdict_minor_compat, Status::warn},
      {"driver-535", "", "2.21", k_verdict_minor_compat, Status::warn},
      {"driver-535", "13.0", "", k_verdict_incompatible, Status::fail},
      {"driver-550", "12.4", "", k_verdict_compatible, Status::ok},
      {"driver-550", "12.4.1", "", k_verdict_compatible, Status::ok},
      {"missing-runtime", "12.4", "", k_verdict_compatible, Status::ok},       // 550.54.14
      {"missing-runtime", "12.4.1", "", k_verdict_minor_compat, Status::warn}, // needs 550.54.15
      {"driver-550", "12.5", "", k_verdict_minor_compat, Status::warn},
      {"driver-575-open", "12.9.1", "", k_verdict_compatible, Status::ok},
      {"driver-575-open", "13.0", "", k_verdict_incompatible, Status::fail},
      {"driver-590", "12.3", "", k_verdict_compatible, Status::ok},
      {"driver-590", "13.1.1", "", k_verdict_compatible, Status::ok},
      {"driver-590", "13.2", "", k_verdict_minor_compat, Status::warn},
      {"driver-590", "11.8", "", k_verdict_compatible, Status::ok},
      {"no-gpu-cgroup2", "12.3", "", k_verdict_no_driver, Status::fail},
      {"runtime-no-gpu", "", "2.16", k_verdict_no_driver, Status::fail},
      {"driver-550", "12.7", "", k_verdict_unknown_cuda, Status::warn}, // CUDA 12.7 does not exist
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.scenario) + " cuda=" + c.cuda + " tf=" + c.tf);
    const auto req = *c.cuda != '\0'
                         ? requirement_for_cuda(*Version::parse(c.cuda))
                         : *requirement_for_tf(*Version::parse(c.tf), compat::Db::builtin());
    const auto check = image_check(host_facts(c.scenario), req, compat::Db::builtin());
    EXPECT_EQ(check.verdict, c.verdict) << all_text(check);
    EXPECT_EQ(status_name(check.status), status_name(c.status));
    EXPECT_EQ(check.id, "image.fit");
    EXPECT_EQ(check.remedy.empty(), c.status == Status::ok);
  }
}

TEST(ImageVerdict, CpuImageNeedsNothing) {
  const auto req = requirement_from_inspect("plinth-cpu", testing::image_fixture("plinth-cpu"),
                                            compat::Db::builtin());
  ASSERT_TRUE(req.has_value());
  EXPECT_FALSE(req->gpu);
  const auto c = image_check(host_facts("no-gpu-cgroup2"), *req, compat::Db::builtin());
  EXPECT_EQ(c.verdict, k_verdict_cpu);
  EXPECT_EQ(c.status, Status::ok);
}

TEST(ImageVerdict, NoDriverNamesWhatIsNeeded) {
  const auto c = image_check(host_facts("no-gpu-cgroup2"),
                             requirement_for_cuda(*Version::parse("12.3")), compat::Db::builtin());
  EXPECT_TRUE(contains(c.summary, "no NVIDIA driver on this host")) << c.summary;
  EXPECT_TRUE(contains(c.summary, ">= 525.60.13")) << c.summary;
  EXPECT_TRUE(contains(c.remedy, "545.23.06 or newer")) << c.remedy;
}

TEST(ImageVerdict, LabelsOnlyWhenCudaUnknownToTheDatabase) {
  ImageRequirement req;
  req.name = "future";
  req.gpu = true;
  req.cuda = Version::parse("14.0");
  req.driver_min = Version::parse("600.10");
  req.driver_toolkit = Version::parse("610.20");
  auto host = host_facts("driver-590");
  EXPECT_EQ(image_check(host, req, compat::Db::builtin()).verdict, k_verdict_incompatible);
  host.driver.version = Version::parse("605.1");
  EXPECT_EQ(image_check(host, req, compat::Db::builtin()).verdict, k_verdict_minor_compat);
  host.driver.version = Version::parse("610.20");
  EXPECT_EQ(image_check(host, req, compat::Db::builtin()).verdict, k_verdict_compatible);
}

TEST(ImageVerdict, DriverCudaFromSmiOrDatabase) {
  auto host = host_facts("driver-535");
  EXPECT_EQ(driver_cuda(host, compat::Db::builtin())->str(), "12.2");
  host.smi = {};
  EXPECT_EQ(driver_cuda(host, compat::Db::builtin())->str(),
            "12.2"); // 535.104.05 >= 12.2 Update 2's driver
  host.driver.version = Version::parse("470.82.01");
  EXPECT_EQ(driver_cuda(host, compat::Db::builtin())->str(), "11.4");
  host.driver.version = Version::parse("590.48.01");
  EXPECT_EQ(driver_cuda(host, compat::Db::builtin())->str(), "13.1");
}

} // namespace
} // namespace plinth::doctor
