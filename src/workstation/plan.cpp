// SPDX-License-Identifier: Apache-2.0
#include "workstation/plan.hpp"

#include "model/labels.hpp"
#include "util/sha256.hpp"
#include "workstation/names.hpp"
#include "workstation/resources.hpp"

namespace plinth::workstation {
namespace {

bool has_tool(const model::ResolvedImage& img, std::string_view name) {
  for (const auto& t : img.tools) {
    if (t.name == name && t.port > 0) {
      return true;
    }
  }
  return false;
}

Result<std::vector<Endpoint>> endpoints_for(const PlanInput& in) {
  std::vector<Endpoint> out;
  const bool proxy = has_tool(*in.image, "jupyter");
  for (const auto& t : in.image->tools) {
    if (t.port <= 0) {
      continue;
    }
    Endpoint e{t.name, t.port, 0, {}};
    const auto chosen = in.host_ports.find(t.name);
    if (t.name == "tensorboard" && !in.publish_tensorboard) {
      // No authentication of its own: reached through Jupyter's token-protected proxy.
      e.via = proxy ? "jupyter" : "";
      if (chosen != in.host_ports.end()) {
        return fail(Errc::invalid_input,
                    "--port tensorboard=… needs --publish-tensorboard (TensorBoard has no "
                    "authentication; it is reached through Jupyter by default)");
      }
    } else {
      e.host_port = chosen == in.host_ports.end() ? t.port : chosen->second;
    }
    if (e.host_port < 0 || e.host_port > 65535) {
      return fail(Errc::invalid_input, "port for " + t.name + " must be 1-65535");
    }
    out.push_back(std::move(e));
  }
  for (const auto& [tool, port] : in.host_ports) {
    (void)port;
    if (!has_tool(*in.image, tool)) {
      return fail(Errc::invalid_input, "--port " + tool + "=…: image '" + in.image->name() +
                                           "' has no tool '" + tool + "'");
    }
  }
  return out;
}

std::vector<std::string> environment(const PlanInput& in) {
  std::vector<std::string> env;
  if (has_tool(*in.image, "jupyter") && !in.secrets.jupyter_token.empty()) {
    env.push_back(std::string(k_env_jupyter_token) + "=" + in.secrets.jupyter_token);
  }
  if (has_tool(*in.image, "code-server") && !in.secrets.code_server_password.empty()) {
    env.push_back(std::string(k_env_code_server_password) + "=" + in.secrets.code_server_password);
  }
  if (!in.user.image_user) {
    env.push_back(std::string("HOME=") + k_foreign_home);
  }
  return env;
}

void isolation(const PlanInput& in, engine::ContainerSpec& s) {
  auto& h = s.host;
  h.security_opt = {"no-new-privileges:true"};
  h.cap_drop = {"ALL"}; // services run as a non-root user and need none
  h.init = false;       // the image's plinth-init is PID 1
  if (!in.workspace.empty()) {
    h.mounts.push_back({"bind", in.workspace, in.image->workdir, false});
  }
  // plinth-init runs as the (non-root) user and creates its control socket in /run/plinth.
  const auto owner = ",uid=" + std::to_string(in.user.uid) + ",gid=" + std::to_string(in.user.gid);
  h.tmpfs[k_run_dir] = "rw,nosuid,nodev,size=16m,mode=0700" + owner;
  if (!in.user.image_user) {
    h.tmpfs[k_foreign_home] = "rw,nosuid,nodev,mode=0700" + owner;
    if (!in.init_config.empty()) {
      h.mounts.push_back({"bind", in.init_config, k_init_override_path, true});
      s.cmd = {"--config", k_init_override_path, "--config-dir", k_init_config_dir};
    }
  }
}

std::string fingerprint_of(const PlanInput& in, const engine::ContainerSpec& s) {
  std::string text = "image=" + in.image->reference() + "\nprofile=" + in.profile.name +
                     "\nuser=" + s.user + "\nworkspace=" + in.workspace + "\nlisten=" + in.listen;
  const auto& h = s.host;
  text += "\nmemory=" + std::to_string(h.memory.value_or(0)) +
          "\nshm=" + std::to_string(h.shm_size.value_or(0)) +
          "\ncpus=" + std::to_string(h.nano_cpus.value_or(0)) +
          "\npids=" + std::to_string(h.pids_limit.value_or(0)) + "\ngpus=" + in.profile.gpus;
  for (const auto& u : h.ulimits) {
    text += "\nulimit=" + u.name + ":" + std::to_string(u.soft) + ":" + std::to_string(u.hard);
  }
  text += std::string("\ntensorboard_published=") + (in.publish_tensorboard ? "1" : "0");
  // Host ports are not part of it: they may have been picked automatically (free ports).
  return sha256_hex(text).substr(0, 16);
}

} // namespace

Result<Plan> make_plan(const PlanInput& in) {
  if (in.image == nullptr) {
    return fail(Errc::internal, "make_plan: no image");
  }
  for (const auto& [k, v] : in.extra_labels) {
    (void)v;
    if (k.rfind(model::labels::prefix, 0) == 0 && k != model::labels::test) {
      return fail(Errc::invalid_input, "label '" + k + "' is reserved");
    }
  }
  auto resources = resource_settings(in.profile);
  if (!resources) {
    return fail(std::move(resources.error().with_context("profile '" + in.profile.name + "'")));
  }
  PLINTH_TRY_ASSIGN(auto endpoints, endpoints_for(in));
  Plan plan;
  auto& s = plan.spec;
  s.image = in.image->reference();
  s.name = container_name(in.stack_name, in.image->name(), in.name_suffix);
  s.user = in.user.text();
  s.env = environment(in);
  s.working_dir = in.image->workdir;
  s.stop_timeout = in.stop_timeout_s;
  s.hostname = in.image->name();
  s.host = std::move(*resources);
  for (const auto& e : endpoints) {
    if (e.host_port > 0) {
      s.host.ports.push_back({e.container_port, "tcp", in.listen, e.host_port});
    }
  }
  isolation(in, s);
  plan.endpoints = std::move(endpoints);
  plan.fingerprint = fingerprint_of(in, s);
  s.labels =
      workstation_labels(in.stack_name, in.image->name(), in.profile.name, in.image->reference());
  s.labels[model::labels::fingerprint] = plan.fingerprint;
  for (const auto& [k, v] : in.extra_labels) {
    s.labels[k] = v;
  }
  return plan;
}

std::string endpoint_url(const Endpoint& e, const std::vector<Endpoint>& all,
                         std::string_view listen, const Secrets& secrets, bool with_secret) {
  std::string host = listen.empty() || listen == "0.0.0.0" ? "127.0.0.1" : std::string(listen);
  if (host == "::") {
    host = "::1";
  }
  if (host.find(':') != std::string::npos) {
    host = "[" + host + "]"; // an IPv6 literal
  }
  const auto token = [&] {
    return with_secret ? "?token=" + secrets.jupyter_token : std::string();
  };
  if (!e.via.empty()) {
    for (const auto& j : all) {
      if (j.tool == e.via && j.host_port > 0) {
        return "http://" + host + ":" + std::to_string(j.host_port) + "/proxy/" +
               std::to_string(e.container_port) + "/" + token();
      }
    }
    return {};
  }
  if (e.host_port == 0) {
    return {};
  }
  const auto base = "http://" + host + ":" + std::to_string(e.host_port);
  if (e.tool == "jupyter") {
    return base + "/lab" + token();
  }
  return base + "/";
}

} // namespace plinth::workstation
