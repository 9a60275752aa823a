// SPDX-License-Identifier: Apache-2.0
// Shared by the doctor's tests: a fixture host's facts, and the image requirements of the
// example stacks. (Header only, included by *_test.cpp.)
#pragma once

#include "doctor/engine_capture.hpp"
#include "doctor/engine_facts.hpp"
#include "doctor/probe.hpp"
#include "doctor/report.hpp"
#include "doctor/requirements.hpp"
#include "doctor/rooted_host.hpp"
#include "spec/analyze.hpp"
#include "spec/parse_stack.hpp"
#include "util/files.hpp"

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace plinth::doctor::testing {

inline std::filesystem::path source_dir() {
  return PLINTH_SOURCE_DIR;
}

inline std::filesystem::path fixture(const std::string& scenario) {
  return source_dir() / "tests/doctor/fixtures" / scenario;
}

// The captured replies through the client's parsers (the app replays them through the
// client itself; see app/doctor_engine.cpp).
inline std::optional<EngineFacts> captured_engine(const HostView& host) {
  const auto c = load_engine_capture(host);
  if (!c) {
    return std::nullopt;
  }
  EngineFacts e;
  e.endpoint = "unix:///var/run/docker.sock";
  e.reach = c->reach;
  e.error = c->error;
  if (c->version_json) {
    if (auto v = engine::parse_version(*c->version_json)) {
      apply_version(*v, e);
    }
  }
  engine::Ping ping;
  for (const auto& [name, value] : c->ping_headers) {
    if (name == "Api-Version" || name == "api-version") {
      ping.api_version = value;
    } else if (name == "Builder-Version" || name == "builder-version") {
      ping.builder_version = value;
    }
  }
  apply_ping(ping, e);
  if (c->info_json) {
    if (auto i = engine::parse_info(*c->info_json)) {
      apply_info(*i, e);
    }
  }
  return e;
}

// probe + captured engine + disk, as `plinth doctor --root <fixture>` sees the host.
inline HostFacts host_facts(const std::string& scenario) {
  const auto host = RootedHost::fixture(fixture(scenario));
  auto facts = probe_host(host);
  if (auto engine = captured_engine(host)) {
    facts.engine = *engine;
  }
  facts.disk = probe_disk(host, facts.engine);
  return facts;
}

// The GPU images of an example stack (examples/<name>/plinth.yaml), merged as doctor does.
inline std::vector<ImageRequirement> stack_requirements(const std::string& example) {
  const auto path = source_dir() / "examples" / example / "plinth.yaml";
  auto text = read_file(path);
  if (!text) {
    throw std::runtime_error("cannot read " + path.string());
  }
  auto parsed = spec::parse_stack(*text, path.string());
  if (!parsed.stack) {
    throw std::runtime_error("cannot parse " + path.string());
  }
  // Resolved images point into the stack: keep it alive for the test run.
  static std::vector<std::unique_ptr<model::Stack>> keep;
  keep.push_back(std::make_unique<model::Stack>(std::move(*parsed.stack)));
  auto analysis = spec::analyze(*keep.back(), compat::Db::builtin());
  if (!analysis.resolved) {
    throw std::runtime_error("cannot resolve " + path.string());
  }
  return requirements_from_stack(*analysis.resolved);
}

inline std::string image_fixture(const std::string& name) {
  auto text = read_file(source_dir() / "tests/doctor/images" / (name + ".json"));
  if (!text) {
    throw std::runtime_error("missing image fixture " + name);
  }
  return *text;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

inline std::string all_text(const Check& c) {
  std::string out = c.summary + "\n";
  for (const auto& d : c.details) {
    out += d + "\n";
  }
  return out + c.remedy;
}

} // namespace plinth::doctor::testing
