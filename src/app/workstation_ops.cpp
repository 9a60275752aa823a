// SPDX-License-Identifier: Apache-2.0
// `plinth down / status / logs / exec` on an existing workstation container.
#include "app/workstation.hpp"
#include "app/workstation_wait.hpp"
#include "model/labels.hpp"
#include "workstation/log_filter.hpp"
#include "workstation/names.hpp"

namespace plinth::app {

std::vector<ServiceUrl> urls_of(const WorkstationTarget& t, const engine::ContainerInfo& c) {
  workstation::PlanInput in;
  in.stack_name = t.stack_name;
  in.image = t.image;
  in.user = workstation::RunAs{1, 1, true, {}};
  std::string listen = "127.0.0.1";
  for (const auto& tool : t.image->tools) {
    for (const auto& b : c.ports) {
      if (b.container_port == tool.port && b.host_port > 0) {
        in.host_ports[tool.name] = b.host_port;
        listen = b.host_ip.empty() ? listen : b.host_ip;
        in.publish_tensorboard = in.publish_tensorboard || tool.name == "tensorboard";
      }
    }
  }
  in.listen = listen;
  auto plan = workstation::make_plan(in);
  if (!plan) {
    return {};
  }
  const auto secrets = read_secrets(t.container).value_or(workstation::Secrets{});
  auto urls = urls_for(plan->endpoints, listen, secrets);
  for (auto& u : urls) {
    const bool proxied = u.tool == "tensorboard" && !in.publish_tensorboard;
    if (!proxied && in.host_ports.count(u.tool) == 0) {
      u.url.clear();
      u.url_redacted.clear();
    }
  }
  return urls;
}

namespace {

void remove_state(std::string_view container) {
  std::error_code ec;
  std::filesystem::remove(secrets_path(container), ec);
  std::filesystem::remove(workstation_state_dir() / (std::string(container) + ".init.conf"), ec);
}

Result<engine::ContainerInfo> running_container(const WorkstationTarget& t,
                                                engine::Containers& engine) {
  PLINTH_TRY_ASSIGN(auto c, engine.inspect_container(t.container));
  if (!c.has_value()) {
    return fail(Errc::not_found, "no workstation " + t.container + "; start it with plinth up");
  }
  if (!c->running) {
    return fail(Errc::conflict,
                "workstation " + t.container + " is " + c->status + "; start it with plinth up");
  }
  return std::move(*c);
}

} // namespace

Result<DownReport> workstation_down(const WorkstationTarget& t, bool all,
                                    engine::Containers& engine) {
  std::vector<std::string> names;
  if (all) {
    engine::ContainerFilter f;
    f.labels = {std::string(model::labels::workstation) + "=1",
                std::string(model::labels::stack) + "=" + t.stack_name};
    PLINTH_TRY_ASSIGN(auto list, engine.list_containers(f));
    for (const auto& c : list) {
      names.push_back(c.name);
    }
  } else {
    names.push_back(t.container);
  }
  DownReport r;
  for (const auto& name : names) {
    PLINTH_TRY_ASSIGN(auto c, engine.inspect_container(name));
    if (!c.has_value() || c->labels.count(model::labels::workstation) == 0) {
      continue; // not there, or not ours: never touched
    }
    if (c->running) {
      PLINTH_TRY(engine.stop_container(c->id, workstation::k_default_stop_timeout_s));
    }
    PLINTH_TRY(engine.remove_container(c->id, false));
    remove_state(name);
    r.removed.push_back(name);
  }
  return r;
}

Result<StatusReport> workstation_status(const WorkstationTarget& t, engine::Containers& engine) {
  StatusReport r;
  r.container = t.container;
  PLINTH_TRY_ASSIGN(auto c, engine.inspect_container(t.container));
  if (!c.has_value()) {
    return r;
  }
  const auto& info = *c;
  r.exists = true;
  r.state = info.status;
  r.image = info.image;
  r.started_at = info.started_at;
  if (const auto it = info.labels.find(model::labels::profile); it != info.labels.end()) {
    r.profile = it->second;
  }
  if (!info.running) {
    return r;
  }
  r.urls = urls_of(t, info);
  auto init = read_init_status(engine, info.id);
  if (init) {
    r.init = std::move(*init);
  } else {
    r.init_error = init.error().describe();
  }
  return r;
}

Result<void> workstation_logs(const WorkstationTarget& t, const LogsOptions& o,
                              engine::Containers& engine, const engine::OutputSink& sink) {
  PLINTH_TRY_ASSIGN(auto c, engine.inspect_container(t.container));
  if (!c.has_value()) {
    return fail(Errc::not_found, "no workstation " + t.container + "; start it with plinth up");
  }
  engine::LogOptions lo;
  lo.follow = o.follow;
  lo.tail = o.tail;
  // One filter per stream: a service's stdout and stderr lines are never mixed mid-line.
  workstation::LineFilter out(o.service, !o.service.empty(),
                              [&](std::string_view l) { sink(1, l); });
  workstation::LineFilter err(o.service, !o.service.empty(),
                              [&](std::string_view l) { sink(2, l); });
  auto r = engine.stream_logs(c->id, lo, [&](int stream, std::string_view chunk) {
    (stream == 2 ? err : out).feed(chunk);
  });
  out.finish();
  err.finish();
  return r;
}

Result<std::int64_t> workstation_exec(const WorkstationTarget& t,
                                      const std::vector<std::string>& cmd,
                                      engine::Containers& engine, const engine::OutputSink& sink) {
  PLINTH_TRY_ASSIGN(auto c, running_container(t, engine));
  engine::ExecSpec spec;
  spec.cmd = cmd;
  spec.sink = sink;
  spec.working_dir = t.image->workdir;
  PLINTH_TRY_ASSIGN(auto r, engine.exec(c.id, spec));
  return r.exit_code;
}

} // namespace plinth::app
