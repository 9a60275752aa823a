// SPDX-License-Identifier: Apache-2.0
// The workstation use cases over the fake engine: create + wait for readiness, the
// idempotent re-run, the conflict, a failing service's log lines, down and logs filtering.
#include "app/workstation.hpp"
#include "engine_api/fake_engine.hpp"
#include "workstation/names.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include <unistd.h>

namespace plinth::app {
namespace {

namespace fs = std::filesystem;

std::string status_json(const char* jupyter_state, bool ready) {
  return std::string(
             R"({"supervisor":{"pid":1,"phase":"running","rss_kb":1000,"uptime_ms":5},"services":[)") +
         R"({"name":"jupyter","state":")" + jupyter_state +
         R"(","pid":7,"restarts":0,"uptime_ms":10,"ready":)" + (ready ? "true" : "false") +
         R"(,"readiness":"","last_exit":null}]})";
}

struct WorkstationUseCases : ::testing::Test {
  fs::path dir;
  LoadedStack loaded;
  engine::FakeEngine engine;
  NullEvents events;
  UpOptions options;

  WorkstationUseCases() {
    dir = fs::temp_directory_path() / ("plinth-ws-test-" + std::to_string(::getpid()));
    fs::create_directories(dir / "ws");
    ::setenv("PLINTH_STATE_DIR", (dir / "state").c_str(), 1);
    std::ofstream(dir / "plinth.yaml") << R"(version: 1
name: demo
registry: reg.example.com/demo
policy:
  tag_template: "v{version}"
images:
  ws:
    tier: base
    version: 1.0.0
    from: bootstrap:debian/bookworm
    user: {name: dev, uid: 1000, gid: 1000}
    tools:
      jupyter: {version: 4.2.5, port: 8888}
profiles:
  small: {memory: 1g, cpus: 1, ulimits: {nofile: 2000000000}}
)";
    loaded = load_stack(dir / "plinth.yaml", compat::Db::builtin());
    options.workspace = (dir / "ws").string();
    options.wait_timeout_s = 5;
    engine.exec_outputs = {status_json("starting", false), status_json("ready", true)};
    if (loaded.ok()) {
      engine.add_image(workstation_target(loaded, "")->image->reference());
    }
  }
  ~WorkstationUseCases() override {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

TEST_F(WorkstationUseCases, UpCreatesStartsAndWaitsForReadiness) {
  ASSERT_TRUE(loaded.ok());
  auto r = workstation_up(loaded, options, engine, engine, engine, compat::Db::builtin(), events);
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_TRUE(r->created);
  EXPECT_EQ(r->container, "plinth-demo-ws");
  EXPECT_EQ(r->profile, "small");
  ASSERT_EQ(engine.created.size(), 1u);
  EXPECT_EQ(engine.created[0].host.memory, 1LL << 30);
  EXPECT_EQ(engine.execs.size(), 2u); // starting, then ready
  ASSERT_TRUE(r->status);
  EXPECT_TRUE(r->status->services[0].ready);
  ASSERT_EQ(r->urls.size(), 1u);
  EXPECT_NE(r->urls[0].url.find("?token=" + r->secrets.jupyter_token), std::string::npos);
  EXPECT_EQ(r->urls[0].url_redacted.find("token"), std::string::npos);
  EXPECT_EQ(fs::status(r->secrets_file).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
}

TEST_F(WorkstationUseCases, RunsAsTheHostUserElseTheImageUserWhenRoot) {
  options.profile = "small";
  options.host = workstation::HostIdentity{4242, 4343, false};
  ASSERT_TRUE(
      workstation_up(loaded, options, engine, engine, engine, compat::Db::builtin(), events));
  EXPECT_EQ(engine.created.back().user, "4242:4343");
  EXPECT_EQ(engine.created.back().cmd.at(1), workstation::k_init_override_path);
  ASSERT_TRUE(workstation_down(*workstation_target(loaded, ""), false, engine));

  options.host = workstation::HostIdentity{0, 0, false};
  ASSERT_TRUE(
      workstation_up(loaded, options, engine, engine, engine, compat::Db::builtin(), events));
  EXPECT_EQ(engine.created.back().user, "1000:1000"); // never root
  EXPECT_TRUE(engine.created.back().cmd.empty());     // the image's own plinth-init config
}

TEST_F(WorkstationUseCases, AContainerThatCannotStartIsRemovedWithItsSecrets) {
  engine.fail_start_with = "OCI runtime create failed: error setting rlimit type 7: operation "
                           "not permitted";
  auto r = workstation_up(loaded, options, engine, engine, engine, compat::Db::builtin(), events);
  ASSERT_FALSE(r);
  EXPECT_NE(
      r.error().message.find("a ulimit of profile 'small' is above what the engine may grant"),
      std::string::npos)
      << r.error().message;
  EXPECT_EQ(engine.created.size(), 1u);
  EXPECT_EQ(engine.created[0].host.ulimits.at(0).hard, 2000000000);
  EXPECT_EQ(engine.removed, std::vector<std::string>{"plinth-demo-ws"});
  EXPECT_FALSE(engine.has_container("plinth-demo-ws"));
  EXPECT_FALSE(fs::exists(secrets_path("plinth-demo-ws")));
}

TEST_F(WorkstationUseCases, ListShowsTheStacksWorkstationsWithoutTheToken) {
  auto none = workstation_list(loaded, false, engine);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
  options.profile = "small";
  auto up = workstation_up(loaded, options, engine, engine, engine, compat::Db::builtin(), events);
  ASSERT_TRUE(up);
  auto list = workstation_list(loaded, false, engine);
  ASSERT_TRUE(list) << list.error().describe();
  ASSERT_EQ(list->size(), 1u);
  const auto& e = list->front();
  EXPECT_EQ(e.container, "plinth-demo-ws");
  EXPECT_EQ(e.image, "ws");
  EXPECT_EQ(e.profile, "small");
  EXPECT_EQ(e.state, "running");
  ASSERT_EQ(e.urls.size(), 1u);
  // The port is the one `up` chose: 8888 unless something on this host (the main job's own
  // workstation, say) already listens there.
  ASSERT_EQ(up->urls.size(), 1u);
  EXPECT_EQ(e.urls[0].url_redacted, up->urls[0].url_redacted);
  EXPECT_EQ(e.urls[0].url_redacted.rfind("http://127.0.0.1:", 0), 0u);
  EXPECT_EQ(e.urls[0].url_redacted.substr(e.urls[0].url_redacted.size() - 4), "/lab");
}

TEST_F(WorkstationUseCases, UpAgainIsIdempotentAndOtherSettingsConflict) {
  ASSERT_TRUE(
      workstation_up(loaded, options, engine, engine, engine, compat::Db::builtin(), events));
  const auto token = read_secrets("plinth-demo-ws")->jupyter_token;
  auto again =
      workstation_up(loaded, options, engine, engine, engine, compat::Db::builtin(), events);
  ASSERT_TRUE(again) << again.error().describe();
  EXPECT_FALSE(again->created);
  EXPECT_TRUE(again->was_running);
  EXPECT_EQ(engine.created.size(), 1u);
  EXPECT_EQ(again->secrets.jupyter_token, token);

  options.overrides.memory = "2g";
  auto other =
      workstation_up(loaded, options, engine, engine, engine, compat::Db::builtin(), events);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, Errc::conflict);
  EXPECT_NE(other.error().message.find("--recreate"), std::string::npos);

  options.recreate = true;
  auto recreated =
      workstation_up(loaded, options, engine, engine, engine, compat::Db::builtin(), events);
  ASSERT_TRUE(recreated) << recreated.error().describe();
  EXPECT_TRUE(recreated->created);
  EXPECT_EQ(engine.created.size(), 2u);
  EXPECT_EQ(engine.removed, std::vector<std::string>{"plinth-demo-ws"});
}

TEST_F(WorkstationUseCases, FailedServiceShowsItsLastLines) {
  engine.exec_outputs = {status_json("failed", false)};
  engine.logs = "[jupyter] Traceback: boom\n[other] unrelated\n[plinth-init] jupyter FAILED\n";
  auto r = workstation_up(loaded, options, engine, engine, engine, compat::Db::builtin(), events);
  ASSERT_FALSE(r);
  const auto& msg = r.error().message;
  EXPECT_NE(msg.find("failed: jupyter"), std::string::npos) << msg;
  EXPECT_NE(msg.find("  Traceback: boom"), std::string::npos) << msg;
  EXPECT_EQ(msg.find("unrelated"), std::string::npos) << msg;
}

TEST_F(WorkstationUseCases, MissingImageSaysBuildFirst) {
  ASSERT_TRUE(engine.remove_image(workstation_target(loaded, "")->image->reference(), false));
  auto r = workstation_up(loaded, options, engine, engine, engine, compat::Db::builtin(), events);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::not_found);
  EXPECT_NE(r.error().message.find("plinth build"), std::string::npos);
}

TEST_F(WorkstationUseCases, DownStopsWithTheGraceAndRemoves) {
  ASSERT_TRUE(
      workstation_up(loaded, options, engine, engine, engine, compat::Db::builtin(), events));
  auto t = workstation_target(loaded, "");
  ASSERT_TRUE(t);
  auto r = workstation_down(*t, false, engine);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->removed, std::vector<std::string>{"plinth-demo-ws"});
  EXPECT_EQ(engine.stop_timeouts, std::vector<int>{10});
  EXPECT_FALSE(fs::exists(secrets_path("plinth-demo-ws")));
  auto again = workstation_down(*t, false, engine);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->removed.empty());
}

TEST_F(WorkstationUseCases, DownNeverTouchesUnlabelledContainers) {
  engine::ContainerInfo stranger;
  stranger.id = "x";
  stranger.name = "plinth-demo-ws"; // same name, but not a workstation
  engine.add_container(stranger);
  auto t = workstation_target(loaded, "");
  ASSERT_TRUE(t);
  auto r = workstation_down(*t, false, engine);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->removed.empty());
  EXPECT_TRUE(engine.has_container("plinth-demo-ws"));
}

TEST_F(WorkstationUseCases, LogsOfOneService) {
  ASSERT_TRUE(
      workstation_up(loaded, options, engine, engine, engine, compat::Db::builtin(), events));
  engine.logs = "[jupyter] one\n[other] x\n[jupyter] two\n";
  auto t = workstation_target(loaded, "");
  std::string out;
  LogsOptions lo;
  lo.service = "jupyter";
  ASSERT_TRUE(workstation_logs(*t, lo, engine, [&](int, std::string_view c) { out += c; }));
  EXPECT_EQ(out, "one\ntwo\n");
}

} // namespace
} // namespace plinth::app
