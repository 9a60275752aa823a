// SPDX-License-Identifier: Apache-2.0
// `plinth push`: push the images plinth.lock records to the stack's registry.
#include "app/push.hpp"
#include "cli/command.hpp"
#include "cli/engine_options.hpp"
#include "cli/exit_codes.hpp"
#include "cli/progress.hpp"
#include "cli/push_options.hpp"
#include "cli/stack_options.hpp"
#include "http/curl_transport.hpp"

#include <iostream>
#include <memory>

namespace plinth::cli {
namespace {

struct PushCommand {
  StackOptions stack;
  PushCliOptions push;
  bool verbose = false;
};

// The password comes from stdin only, never from a flag (it would show in `ps`).
std::optional<registry::Credentials> flag_credentials(const PushCliOptions& opts) {
  if (opts.username.empty() && !opts.password_stdin) {
    return std::nullopt;
  }
  registry::Credentials c;
  c.username = opts.username;
  if (opts.password_stdin) {
    std::getline(std::cin, c.password);
    while (!c.password.empty() && (c.password.back() == '\n' || c.password.back() == '\r')) {
      c.password.pop_back();
    }
  }
  return c;
}

void print(const std::vector<app::PushedImage>& pushed, bool json) {
  if (json) {
    auto out = nlohmann::json::array();
    for (const auto& p : pushed) {
      out.push_back({{"image", p.name},
                     {"reference", p.reference},
                     {"digest", p.digest},
                     {"already_there", p.already_there}});
    }
    std::cout << out.dump(2) << "\n";
    return;
  }
  for (const auto& p : pushed) {
    std::cout << p.reference << "@" << p.digest << (p.already_there ? "  (already there)" : "")
              << "\n";
  }
}

int run_push_cmd(PushCommand& cmd) {
  int code = k_exit_ok;
  auto session = load_with_engine(cmd.stack, code);
  if (!session) {
    return code;
  }
  const auto& loaded = session->loaded;
  auto& engine = session->engine;
  TerminalEvents events(TerminalEvents::stderr_is_live() && !cmd.verbose, cmd.verbose);
  return run_push_after_build(loaded, cmd.push, *engine, events, cmd.stack.json);
}

} // namespace

void PushCliOptions::add_to(CLI::App& cmd) {
  cmd.add_option("--username", username, "Registry user (default: from ~/.docker/config.json)");
  cmd.add_flag("--password-stdin", password_stdin, "Read the registry password from stdin");
  cmd.add_flag("--allow-overwrite", allow_overwrite,
               "Move an existing tag that points to another image");
}

int run_push_after_build(const app::LoadedStack& stack, const PushCliOptions& opts,
                         engine::Images& engine, app::Events& events, bool json) {
  app::PushOptions options;
  options.images = opts.images;
  options.credentials = flag_credentials(opts);
  options.allow_overwrite = opts.allow_overwrite;
  options.lock_path = opts.lock_file;
  http::CurlTransport transport(http::CurlOptions{});
  auto pushed = app::push_stack(stack, options, engine, transport, events);
  if (!pushed) {
    return report_error(pushed.error());
  }
  print(*pushed, json);
  return k_exit_ok;
}

void add_push(CLI::App& root, RunState& state) {
  auto cmd = std::make_shared<PushCommand>();
  auto* sub = root.add_subcommand(
      "push", "Push the built images (as plinth.lock records them) to the stack's "
              "registry; released tags are never moved to another image");
  cmd->stack.add_to(*sub);
  sub->add_option("images", cmd->push.images, "Images to push; default: all in the lock");
  sub->add_option("--lock-file", cmd->push.lock_file,
                  "Lock file (default: plinth.lock next to the stack file)");
  sub->add_flag("-v,--verbose", cmd->verbose, "Print the engine's push progress");
  cmd->push.add_to(*sub);
  sub->callback([cmd, &state] { state.exit_code = run_push_cmd(*cmd); });
}

} // namespace plinth::cli
