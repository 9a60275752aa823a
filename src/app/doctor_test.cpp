// SPDX-License-Identifier: Apache-2.0
// The doctor use case over fixture hosts (no engine, no GPU needed).
#include "app/doctor.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace plinth::app {
namespace {

namespace fs = std::filesystem;

fs::path src() {
  return PLINTH_SOURCE_DIR;
}

DoctorOptions fixture(const std::string& scenario) {
  DoctorOptions o;
  o.root = src() / "tests/doctor/fixtures" / scenario;
  return o;
}

const doctor::Check* fit(const DoctorRun& run, const std::string& subject) {
  for (const auto& c : run.report.checks) {
    if (c.id == "image.fit" && c.subject == subject) {
      return &c;
    }
  }
  return nullptr;
}

// The captured replies go through the real client (a scripted transport under DockerEngine):
// the same parsers as a live engine, so the facts are what the client reads.
TEST(DoctorUseCase, CapturedEngineRepliesGoThroughTheClient) {
  const auto run = run_doctor(fixture("driver-550"), compat::Db::builtin());
  const auto& e = run.facts.engine;
  EXPECT_EQ(e.reach, doctor::EngineReach::ok);
  EXPECT_EQ(e.endpoint, "unix:///var/run/docker.sock");
  EXPECT_EQ(e.server_version, "28.5.1");
  EXPECT_EQ(e.api_version, "1.51");     // /version
  EXPECT_EQ(e.min_api_version, "1.24"); // /version
  EXPECT_EQ(e.builder_version, "2");    // /_ping's header
  EXPECT_EQ(e.kernel_version, "6.8.0-49-generic");
  EXPECT_EQ(e.cgroup_version, "2");
  EXPECT_EQ(e.runtimes, (std::vector<std::string>{"io.containerd.runc.v2", "runc"}));
  EXPECT_EQ(e.cdi_spec_dirs, (std::vector<std::string>{"/etc/cdi", "/var/run/cdi"}));
  EXPECT_EQ(e.ncpu, 32);
  EXPECT_TRUE(e.info_known);
  EXPECT_TRUE(e.error.empty()) << e.error;

  doctor::EngineCapture broken;
  broken.reach = doctor::EngineReach::ok;
  broken.info_json = "<html>";
  const auto facts = replay_engine_capture(broken);
  EXPECT_FALSE(facts.info_known);
  EXPECT_NE(facts.error.find("invalid JSON for /info"), std::string::npos) << facts.error;
}

TEST(DoctorUseCase, StackOnAFixtureHost) {
  auto o = fixture("driver-470");
  o.stack_file = src() / "examples/tf-gpu-team/plinth.yaml";
  const auto run = run_doctor(o, compat::Db::builtin());
  EXPECT_EQ(run.facts.engine.reach, doctor::EngineReach::ok); // the captured engine
  EXPECT_TRUE(run.facts.disk.known);
  ASSERT_EQ(run.images.size(), 1U);
  const auto* c = fit(run, "tf-base, vision-common, defect-detector");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->verdict, doctor::k_verdict_incompatible);
  EXPECT_EQ(run.report.exit_code(), 2);
}

TEST(DoctorUseCase, ImagesFlagsAndProblems) {
  const auto dir = fs::temp_directory_path() / "plinth-doctor-inspect-test";
  fs::create_directories(dir);
  fs::copy_file(src() / "tests/doctor/images/plinth-tf-base.json",
                dir / "registry.example.com_vision_tf-base_1.2.0.json",
                fs::copy_options::overwrite_existing);
  auto o = fixture("driver-550");
  o.inspect_dir = dir;
  o.images = {"registry.example.com/vision/tf-base:1.2.0", "missing:latest"};
  o.cuda = {*Version::parse("12.8")};
  o.tensorflow = {*Version::parse("2.16"), *Version::parse("1.15")};
  const auto run = run_doctor(o, compat::Db::builtin());
  ASSERT_EQ(run.images.size(), 3U);
  EXPECT_EQ(fit(run, "registry.example.com/vision/tf-base:1.2.0")->verdict,
            doctor::k_verdict_compatible);
  EXPECT_EQ(fit(run, "CUDA 12.8")->verdict, doctor::k_verdict_minor_compat);
  EXPECT_EQ(fit(run, "TensorFlow 2.16.1 (GPU)")->verdict, doctor::k_verdict_compatible);
  const auto* missing = fit(run, "missing:latest");
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->status, doctor::Status::fail);
  EXPECT_TRUE(missing->verdict.empty());
  EXPECT_NE(fit(run, "TensorFlow 1.15"), nullptr);
  fs::remove_all(dir);
}

TEST(DoctorUseCase, BrokenStackIsAFailedCheck) {
  auto o = fixture("driver-550");
  o.stack_file = src() / "tests/spec-invalid/04-missing-parent.yaml";
  const auto run = run_doctor(o, compat::Db::builtin());
  EXPECT_TRUE(run.images.empty());
  const auto* c = fit(run, o.stack_file->string());
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, doctor::Status::fail);
  EXPECT_NE(c->remedy.find("plinth check -f"), std::string::npos);
}

TEST(DoctorUseCase, FixtureWithoutEngineCaptureHasNoEngineSection) {
  const auto dir = fs::temp_directory_path() / "plinth-doctor-empty-root";
  fs::create_directories(dir / ".plinth-capture");
  auto o = DoctorOptions{};
  o.root = dir;
  const auto run = run_doctor(o, compat::Db::builtin());
  EXPECT_EQ(run.facts.engine.reach, doctor::EngineReach::not_probed);
  EXPECT_EQ(run.report.find("engine.reachable"), nullptr);
  fs::remove_all(dir);
}

TEST(DoctorUseCase, RealPrefixWithoutCapture) {
  // A plain directory as root: read as a file system (no driver there), disk measured.
  const auto dir = fs::temp_directory_path() / "plinth-doctor-plain-root";
  fs::create_directories(dir / "proc/driver/nvidia");
  std::ofstream(dir / "proc/driver/nvidia/version")
      << "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.90.07  Fri May 31 09:35:42 UTC "
         "2024\n";
  auto o = DoctorOptions{};
  o.root = dir;
  o.probe_engine = false;
  const auto run = run_doctor(o, compat::Db::builtin());
  ASSERT_TRUE(run.facts.driver_version().has_value());
  EXPECT_EQ(run.facts.driver_version()->str(), "550.90.07");
  EXPECT_TRUE(run.facts.disk.known);
  fs::remove_all(dir);
}

TEST(DoctorUseCase, SplitPath) {
  EXPECT_EQ(split_path("/usr/bin:/bin"), (std::vector<std::string>{"/usr/bin", "/bin"}));
  EXPECT_EQ(split_path(""), (std::vector<std::string>{""}));
}

} // namespace
} // namespace plinth::app
