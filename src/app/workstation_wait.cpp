// SPDX-License-Identifier: Apache-2.0
#include "app/workstation_wait.hpp"

#include "workstation/log_filter.hpp"

#include <chrono>
#include <thread>

namespace plinth::app {
namespace {

constexpr std::size_t k_failure_lines = 20;

std::string join_lines(const std::vector<std::string>& lines, std::string_view indent) {
  std::string out;
  for (const auto& l : lines) {
    out += std::string(indent) + l + "\n";
  }
  return out;
}

// Last lines of the container's output: of each named service, else of everything.
std::string log_tail(engine::Containers& engine, const std::string& id,
                     const std::vector<std::string>& services) {
  std::string all;
  engine::LogOptions o;
  o.tail = "400";
  (void)engine.stream_logs(id, o, [&all](int, std::string_view chunk) { all.append(chunk); });
  std::string out;
  for (const auto& s : services) {
    const auto lines = workstation::last_service_lines(all, s, k_failure_lines);
    out += "last lines of " + s + ":\n" +
           (lines.empty() ? "  (no output)\n" : join_lines(lines, "  "));
  }
  if (services.empty()) {
    const auto lines = workstation::last_service_lines(all, "", k_failure_lines);
    out += "last lines of the container:\n" + join_lines(lines, "  ");
  }
  return out;
}

std::string names(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) {
    out += (out.empty() ? "" : ", ") + s;
  }
  return out;
}

} // namespace

Result<workstation::InitStatus> read_init_status(engine::Containers& engine,
                                                 const std::string& container) {
  engine::ExecSpec spec;
  spec.cmd = workstation::init_status_command();
  spec.timeout_s = 30;
  PLINTH_TRY_ASSIGN(auto r, engine.exec(container, spec));
  if (r.exit_code == 126 || r.exit_code == 127) {
    return fail(
        Errc::not_found,
        "the container has no /usr/local/bin/plinth-init: was the image rendered by plinth?");
  }
  if (r.exit_code == 3) {
    return fail(Errc::unavailable, "plinth-init is not answering yet");
  }
  if (r.exit_code != 0) {
    return fail(Errc::protocol,
                "plinth-init status failed (exit " + std::to_string(r.exit_code) + "): " + r.err);
  }
  return workstation::parse_init_status(r.out);
}

Result<workstation::InitStatus> wait_until_ready(engine::Containers& engine, const std::string& id,
                                                 const std::string& name, int timeout_s) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  std::optional<workstation::ReadinessVerdict> last;
  while (std::chrono::steady_clock::now() < deadline) {
    PLINTH_TRY_ASSIGN(auto c, engine.inspect_container(id));
    if (!c.has_value() || !c->running) {
      const auto code = c.has_value() ? c->exit_code : 0;
      return fail(Errc::io, "workstation " + name + " stopped (exit code " + std::to_string(code) +
                                ")\n" + log_tail(engine, id, {}));
    }
    auto status = read_init_status(engine, id);
    if (!status && status.error().code != Errc::unavailable) {
      return fail(std::move(status.error()));
    }
    if (status) {
      last = workstation::readiness(*status);
      if (last->state == workstation::Readiness::ready) {
        return status;
      }
      if (last->state == workstation::Readiness::failed) {
        return fail(Errc::io, "workstation " + name + ": service(s) failed: " +
                                  names(last->failed) + "\n" + log_tail(engine, id, last->failed));
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  const auto pending = last ? last->pending : std::vector<std::string>{};
  return fail(
      Errc::timeout,
      "workstation " + name + " not ready after " + std::to_string(timeout_s) +
          " s (waiting for: " + (pending.empty() ? std::string("plinth-init") : names(pending)) +
          "); it keeps starting in the background: see plinth status / plinth logs\n" +
          log_tail(engine, id, pending));
}

} // namespace plinth::app
