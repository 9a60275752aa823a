// SPDX-License-Identifier: Apache-2.0
// plinth-init: PID-1 supervisor for the dev-workstation container (docs/init.md).
#include "init/config.hpp"
#include "init/contract.hpp"
#include "init/control.hpp"
#include "init/log_sink.hpp"
#include "init/signals.hpp"
#include "init/supervisor.hpp"

#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <unistd.h>
#include <vector>

using namespace plinth::init;

namespace {

constexpr const char* k_default_config = plinth::init_contract::k_config;
constexpr const char* k_default_dir = plinth::init_contract::k_config_dir;
constexpr const char* k_default_socket = plinth::init_contract::k_socket;

constexpr const char* k_usage =
    "usage: plinth-init [--config FILE] [--config-dir DIR]   run the supervisor\n"
    "       plinth-init check [--config FILE] [--config-dir DIR]\n"
    "       plinth-init status [--json] [--socket PATH]\n"
    "       plinth-init restart|stop|start NAME [--socket PATH]\n"
    "defaults: --config /etc/plinth-init.conf --config-dir /etc/plinth-init.d\n"
    "          --socket $PLINTH_INIT_SOCKET or /run/plinth/init.sock\n";

struct Args {
  std::string command = "run";
  std::string config;
  std::string config_dir;
  std::string socket;
  std::vector<std::string> positional;
  bool json = false;
  bool explicit_config = false;
  bool help = false;
};

bool parse_args(int argc, char** argv, Args& a) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if ((arg == "--config" || arg == "-c") && has_value) {
      a.config = argv[++i];
      a.explicit_config = true;
    } else if (arg == "--config-dir" && has_value) {
      a.config_dir = argv[++i];
      a.explicit_config = true;
    } else if (arg == "--socket" && has_value) {
      a.socket = argv[++i];
    } else if (arg == "--help" || arg == "-h") {
      a.help = true;
    } else if (arg == "--json") {
      a.json = true;
    } else if (!arg.empty() && arg[0] == '-') {
      return false;
    } else {
      a.positional.push_back(arg);
    }
  }
  if (!a.positional.empty()) {
    a.command = a.positional.front();
    a.positional.erase(a.positional.begin());
  }
  if (!a.explicit_config) {
    a.config = ::access(k_default_config, F_OK) == 0 ? k_default_config : "";
    a.config_dir = k_default_dir;
  }
  return true;
}

// A supervisor started with closed stdio would hand those fd numbers to its pipes.
void ensure_stdio() {
  for (int fd = 0; fd < 3; ++fd) {
    if (::fcntl(fd, F_GETFD) < 0) {
      ::open("/dev/null", O_RDWR);
    }
  }
}

int load(const Args& a, Config& cfg) {
  const auto errors = load_config(a.config, a.config_dir, cfg);
  for (const auto& e : errors) {
    write_all(STDERR_FILENO, "plinth-init: " + e.to_string() + "\n");
  }
  return errors.empty() ? 0 : k_exit_config;
}

int client(const Args& a) {
  std::string socket = a.socket;
  if (socket.empty()) {
    const char* env = std::getenv(plinth::init_contract::k_socket_env);
    socket = env != nullptr ? env : k_default_socket;
  }
  if (a.command == "status") {
    return run_control_client(socket, a.json ? "status --json" : "status");
  }
  if (a.positional.size() != 1) {
    write_all(STDERR_FILENO, std::string("plinth-init: ") + a.command + " needs a service name\n");
    return k_exit_usage;
  }
  return run_control_client(socket, a.command + " " + a.positional.front());
}

} // namespace

int main(int argc, char** argv) {
  ensure_stdio();
  Args args;
  if (!parse_args(argc, argv, args) || args.help || args.command == "help") {
    const bool asked = args.help || args.command == "help";
    write_all(asked ? STDOUT_FILENO : STDERR_FILENO, k_usage);
    return asked ? 0 : k_exit_usage;
  }
  if (args.command == "status" || args.command == "restart" || args.command == "stop" ||
      args.command == "start") {
    return client(args);
  }
  if (args.command != "run" && args.command != "check") {
    write_all(STDERR_FILENO, k_usage);
    return k_exit_usage;
  }
  Config cfg;
  if (const int rc = load(args, cfg); rc != 0) {
    return rc;
  }
  if (args.command == "check") {
    std::string out;
    for (const auto& s : cfg.services) {
      out += s.name + "\n";
    }
    write_all(STDOUT_FILENO, out);
    return 0;
  }
  ::setenv(plinth::init_contract::k_socket_env, cfg.global.control_socket.c_str(), 1);
  Supervisor supervisor(std::move(cfg));
  return supervisor.run();
}
