// SPDX-License-Identifier: Apache-2.0
// `plinth up`: plan the workstation container, create and start it (or find it running),
// then wait until plinth-init reports every service ready.
#include "app/doctor.hpp"
#include "app/workstation.hpp"
#include "app/workstation_wait.hpp"
#include "model/labels.hpp"
#include "render/init_config.hpp"
#include "workstation/names.hpp"
#include "workstation/secrets.hpp"

#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

namespace plinth::app {
namespace {

struct Prepared {
  WorkstationTarget target;
  workstation::PlanInput input;
  model::ResolvedImage image_copy; // the image with the run-as user (init config)
};

Result<std::string> workspace_dir(const UpOptions& o) {
  if (o.no_workspace) {
    return std::string();
  }
  std::error_code ec;
  auto dir =
      o.workspace.empty() ? std::filesystem::current_path(ec) : std::filesystem::path(o.workspace);
  dir = std::filesystem::weakly_canonical(std::filesystem::absolute(dir, ec), ec);
  if (ec || !std::filesystem::is_directory(dir)) {
    return fail(Errc::invalid_input, "workspace '" + dir.string() + "' is not a directory");
  }
  return dir.string();
}

Result<void> guard(const UpOptions& o, Prepared& p, engine::System& system, engine::Images& images,
                   const compat::Db& db, UpReport& report) {
  const auto& profile = p.input.profile;
  if (profile.gpus.empty() || profile.gpus == "none") {
    return {};
  }
  std::vector<doctor::ImageRequirement> reqs;
  auto from_image = image_requirement(images, p.target.image->reference(), db);
  reqs.push_back(from_image ? *from_image : doctor::requirement_from_resolved(*p.target.image));
  const auto verdict =
      gpu_guard_for(&system, profile, reqs, db, o.ignore_driver_check, "--ignore-driver-check");
  if (!verdict.allowed) {
    return fail(Errc::unavailable, verdict.message);
  }
  report.guard_message = verdict.message;
  return {};
}

workstation::HostIdentity invoking_user() {
  const char* sudo_uid = std::getenv("SUDO_UID");
  const char* sudo_gid = std::getenv("SUDO_GID");
  return workstation::host_identity(static_cast<int>(::getuid()), static_cast<int>(::getgid()),
                                    sudo_uid ? sudo_uid : "", sudo_gid ? sudo_gid : "");
}

Result<Prepared> prepare(const LoadedStack& loaded, const UpOptions& o) {
  Prepared p;
  PLINTH_TRY_ASSIGN(auto target, workstation_target(loaded, o.image, o.name_suffix));
  p.target = target;
  PLINTH_TRY_ASSIGN(auto profile,
                    workstation::effective_profile(*loaded.stack, o.profile, o.overrides));
  PLINTH_TRY_ASSIGN(auto user, workstation::run_as(p.target.image->user, o.user, profile.user,
                                                   o.host ? *o.host : invoking_user()));
  PLINTH_TRY_ASSIGN(auto workspace, workspace_dir(o));
  auto& in = p.input;
  in.stack_name = p.target.stack_name;
  in.image = p.target.image;
  in.profile = std::move(profile);
  in.user = user;
  in.listen = o.listen;
  in.publish_tensorboard = o.publish_tensorboard;
  in.workspace = std::move(workspace);
  in.name_suffix = o.name_suffix;
  in.extra_labels = o.labels;
  return p;
}

// The workstation user cannot write a workspace owned by someone else (unless it is
// writable for all): say so, and how to run as the folder's owner.
void warn_if_workspace_not_writable(const workstation::PlanInput& in, Events& events) {
  struct stat st {};
  if (in.workspace.empty() || ::stat(in.workspace.c_str(), &st) != 0) {
    return;
  }
  const bool owner = static_cast<int>(st.st_uid) == in.user.uid;
  const bool group = static_cast<int>(st.st_gid) == in.user.gid && (st.st_mode & S_IWGRP) != 0;
  if (owner || group || (st.st_mode & S_IWOTH) != 0) {
    return;
  }
  events.message("warning: the workspace " + in.workspace + " belongs to uid " +
                 std::to_string(st.st_uid) + " and the workstation runs as " + in.user.text() +
                 ": it cannot write there; run plinth as the folder's owner, or pass "
                 "--user UID:GID");
}

// The plinth-init config for a user the image was not built for (services run as them).
Result<void> write_init_override(Prepared& p) {
  if (p.input.user.image_user) {
    return {};
  }
  p.image_copy = *p.target.image;
  p.image_copy.user = model::User{"workstation", p.input.user.uid, p.input.user.gid, {}};
  const auto text = render::init_config(p.image_copy);
  if (text.empty()) {
    return {};
  }
  const auto path = workstation_state_dir() / (p.target.container + ".init.conf");
  PLINTH_TRY(write_private_file(path, text, 0644));
  p.input.init_config = path.string();
  return {};
}

Result<void> choose_ports(const UpOptions& o, workstation::PlanInput& in) {
  for (const auto& t : in.image->tools) {
    const bool proxied = t.name == "tensorboard" && !o.publish_tensorboard;
    if (t.port <= 0 || proxied) {
      continue;
    }
    const auto explicit_port = o.ports.find(t.name);
    const bool exact = explicit_port != o.ports.end();
    auto port = choose_host_port(o.listen, exact ? explicit_port->second : t.port, exact);
    if (!port) {
      return fail(std::move(port.error().with_context(t.name)));
    }
    in.host_ports[t.name] = *port;
  }
  for (const auto& [tool, port] : o.ports) {
    in.host_ports.emplace(tool, port); // unknown tools: make_plan explains
  }
  return {};
}

// The ports an existing container publishes, by tool.
void ports_from(const engine::ContainerInfo& c, workstation::PlanInput& in) {
  for (const auto& t : in.image->tools) {
    for (const auto& b : c.ports) {
      if (b.container_port == t.port && b.host_port > 0) {
        in.host_ports[t.name] = b.host_port;
      }
    }
  }
}

// Every --port given is what the container publishes.
bool ports_match(const engine::ContainerInfo& c, const UpOptions& o,
                 const workstation::PlanInput& in) {
  for (const auto& [tool, port] : o.ports) {
    bool found = false;
    for (const auto& t : in.image->tools) {
      for (const auto& b : c.ports) {
        found = found || (t.name == tool && b.container_port == t.port && b.host_port == port);
      }
    }
    if (!found) {
      return false;
    }
  }
  return true;
}

std::string conflict_message(const engine::ContainerInfo& c, const workstation::Plan& plan) {
  const auto label = [&](const char* k) {
    const auto it = c.labels.find(k);
    return it == c.labels.end() ? std::string("?") : it->second;
  };
  return "workstation '" + c.name + "' exists with other settings (image " +
         label(model::labels::reference) + ", profile '" + label(model::labels::profile) +
         "'; now: image " + plan.spec.image + ", profile '" +
         plan.spec.labels.at(model::labels::profile) +
         "', or other limits, user or workspace); run `plinth up --recreate` to replace it, or "
         "`plinth down` first";
}

// The runtime's words for a limit the engine may not grant, with what to change.
Error explain_start_failure(Error e, const model::Profile& profile) {
  if (e.message.find("setting rlimit") != std::string::npos && !profile.ulimits.empty()) {
    e.message += " — a ulimit of profile '" + profile.name +
                 "' is above what the engine may grant (the Docker daemon's own hard limit, e.g. "
                 "its open-files limit for nofile): lower it in the stack file";
  }
  return e;
}

Result<void> create_and_start(Prepared& p, const UpOptions& o, engine::Containers& engine,
                              UpReport& r) {
  PLINTH_TRY(choose_ports(o, p.input));
  PLINTH_TRY_ASSIGN(auto secrets, generate_secrets());
  p.input.secrets = secrets;
  PLINTH_TRY(write_init_override(p));
  PLINTH_TRY_ASSIGN(auto plan, workstation::make_plan(p.input));
  r.secrets_file = secrets_path(p.target.container);
  PLINTH_TRY(write_private_file(r.secrets_file,
                                workstation::secrets_to_json(secrets, p.target.container), 0600));
  PLINTH_TRY_ASSIGN(auto id, engine.create_container(plan.spec));
  r.id = id;
  r.created = true;
  r.secrets = secrets;
  r.urls = urls_for(plan.endpoints, o.listen, secrets);
  auto started = engine.start_container(id);
  if (!started) {
    // Nothing half-made stays behind: a container that never started, and its secrets.
    (void)engine.remove_container(id, true);
    std::error_code ec;
    std::filesystem::remove(r.secrets_file, ec);
    if (!p.input.init_config.empty()) {
      std::filesystem::remove(p.input.init_config, ec);
    }
    return fail(explain_start_failure(std::move(started.error()), p.input.profile));
  }
  return {};
}

// An existing container: the same settings → reuse (start it if stopped); else conflict.
Result<bool> reuse_existing(Prepared& p, const UpOptions& o, engine::Containers& engine,
                            UpReport& r) {
  PLINTH_TRY_ASSIGN(auto existing, engine.inspect_container(p.target.container));
  if (!existing.has_value()) {
    return false;
  }
  const auto& c = *existing;
  auto probe = p.input;
  probe.secrets = {};
  PLINTH_TRY_ASSIGN(auto plan, workstation::make_plan(probe));
  const auto it = c.labels.find(model::labels::fingerprint);
  const bool same =
      it != c.labels.end() && it->second == plan.fingerprint && ports_match(c, o, p.input);
  if (!same || o.recreate) {
    if (!o.recreate) {
      return fail(Errc::conflict, conflict_message(c, plan));
    }
    PLINTH_TRY(engine.stop_container(c.id, workstation::k_default_stop_timeout_s));
    PLINTH_TRY(engine.remove_container(c.id, true));
    return false;
  }
  r.id = c.id;
  r.was_running = c.running;
  r.secrets_file = secrets_path(p.target.container);
  r.secrets = read_secrets(p.target.container).value_or(workstation::Secrets{});
  if (!c.running) {
    PLINTH_TRY(engine.start_container(c.id));
    auto restarted = engine.inspect_container(c.id);
    if (restarted && restarted->has_value()) {
      ports_from(**restarted, p.input);
    }
  } else {
    ports_from(c, p.input);
  }
  auto final_plan = workstation::make_plan(p.input);
  if (final_plan) {
    r.urls = urls_for(final_plan->endpoints, o.listen, r.secrets);
  }
  return true;
}

} // namespace

Result<UpReport> workstation_up(const LoadedStack& loaded, const UpOptions& o,
                                engine::System& system, engine::Images& images,
                                engine::Containers& containers, const compat::Db& db,
                                Events& events) {
  PLINTH_TRY_ASSIGN(auto prepared, prepare(loaded, o));
  auto& p = prepared;
  UpReport r;
  r.container = p.target.container;
  r.image = p.target.image->reference();
  r.profile = p.input.profile.name;
  PLINTH_TRY_ASSIGN(auto image, images.inspect_image(r.image));
  if (!image.has_value()) {
    return fail(Errc::not_found,
                "image " + r.image + " is not in the engine; build it first (plinth build)");
  }
  if (!p.input.user.note.empty()) {
    events.message("note: " + p.input.user.note);
  }
  warn_if_workspace_not_writable(p.input, events);
  PLINTH_TRY(guard(o, p, system, images, db, r));
  PLINTH_TRY_ASSIGN(auto reused, reuse_existing(p, o, containers, r));
  if (!reused) {
    events.message("creating " + r.container + " from " + r.image);
    PLINTH_TRY(create_and_start(p, o, containers, r));
  }
  if (o.no_wait) {
    return r;
  }
  events.message("waiting for the services of " + r.container + " to be ready");
  PLINTH_TRY_ASSIGN(auto status, wait_until_ready(containers, r.id, r.container, o.wait_timeout_s));
  r.status = std::move(status);
  return r;
}

} // namespace plinth::app
