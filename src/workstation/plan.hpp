// SPDX-License-Identifier: Apache-2.0
// The workstation container plan: a stack image, a profile (already merged with the
// command-line overrides) and host facts (who runs it, chosen host ports, workspace,
// generated secrets) → the engine::ContainerSpec `plinth up` creates, plus the endpoints it
// prints. Pure: the app layer gathers the facts and generates the secrets.
#pragma once

#include "engine_api/containers.hpp"
#include "init/contract.hpp"
#include "model/resolved.hpp"
#include "util/result.hpp"
#include "workstation/user.hpp"

#include <map>
#include <string>
#include <vector>

namespace plinth::workstation {

// Where secrets go inside the container: read by Jupyter and code-server from their
// environment (never argv, never a label).
inline constexpr const char* k_env_jupyter_token = "JUPYTER_TOKEN";
inline constexpr const char* k_env_code_server_password = "PASSWORD";
// plinth-init's entrypoint arguments when the services must run as another user.
inline constexpr const char* k_init_override_path = init_contract::k_override_config;
inline constexpr const char* k_init_config_dir = init_contract::k_config_dir;
// HOME for a user the image does not know (a private tmpfs).
inline constexpr const char* k_foreign_home = "/home/plinth";
// A private tmpfs owned by the user for plinth-init's control socket, so any uid the
// workstation runs as can create it.
inline constexpr const char* k_run_dir = init_contract::k_socket_dir;
inline constexpr int k_default_stop_timeout_s = 10; // plinth-init's 8 s grace + margin

struct Secrets {
  std::string jupyter_token;
  std::string code_server_password;
};

struct PlanInput {
  std::string stack_name;
  const model::ResolvedImage* image = nullptr;
  model::Profile profile;                // name "" when none was chosen
  RunAs user;                            // from workstation::run_as
  std::map<std::string, int> host_ports; // tool -> host port; missing: same as the tool's
  std::string listen = "127.0.0.1";      // HostIp of every published port
  bool publish_tensorboard = false;      // TensorBoard has no auth: off by default
  std::string workspace;                 // absolute host dir mounted at the workdir
  std::string init_config;               // host file: plinth-init.conf for `user` when
                                         // it is not the image's user
  Secrets secrets;
  std::string name_suffix;
  std::map<std::string, std::string> extra_labels; // io.plinth.* keys are refused
  int stop_timeout_s = k_default_stop_timeout_s;
};

struct Endpoint {
  std::string tool; // "jupyter"
  int container_port = 0;
  int host_port = 0; // 0: not published
  std::string via;   // "jupyter" when reached through its proxy
};

struct Plan {
  engine::ContainerSpec spec;
  std::vector<Endpoint> endpoints;
  std::string fingerprint; // also in a label: detects changed settings
};

Result<Plan> make_plan(const PlanInput& in);

// The URL a user opens: http://<listen>:<port>/lab?token=… for Jupyter (the token only when
// `with_secret`), /proxy/<port>/ under Jupyter for a proxied TensorBoard, / otherwise.
std::string endpoint_url(const Endpoint& e, const std::vector<Endpoint>& all,
                         std::string_view listen, const Secrets& secrets, bool with_secret);

} // namespace plinth::workstation
