// SPDX-License-Identifier: Apache-2.0
// `plinth base bootstrap`: build the Debian base image stacks start from, locally.
#include "app/bootstrap.hpp"
#include "cli/command.hpp"
#include "cli/engine_options.hpp"
#include "cli/exit_codes.hpp"
#include "cli/progress.hpp"

#include <iostream>
#include <memory>

namespace plinth::cli {
namespace {

struct BaseOptions {
  app::BootstrapOptions bootstrap;
  std::string distro = "debian/bookworm";
  bool no_host_trust = false;
  bool verbose = false;
  bool json = false;
};

int run_bootstrap(BaseOptions& opts) {
  const auto slash = opts.distro.find('/');
  if (slash == std::string::npos) {
    std::cerr << "plinth: error: expected <distribution>/<suite>, e.g. debian/bookworm\n";
    return k_exit_usage;
  }
  opts.bootstrap.distribution = opts.distro.substr(0, slash);
  opts.bootstrap.suite = opts.distro.substr(slash + 1);
  opts.bootstrap.host_trust = !opts.no_host_trust;
  auto engine = connect_engine();
  if (!engine) {
    return k_exit_unavailable;
  }
  TerminalEvents events(TerminalEvents::stderr_is_live(), opts.verbose);
  auto r = app::bootstrap_base(opts.bootstrap, *engine, events);
  if (!r) {
    return report_error(r.error());
  }
  if (opts.json) {
    std::cout << nlohmann::json{{"reference", r->reference},
                                {"image_id", r->image_id},
                                {"mirror", r->mirror},
                                {"cached", r->cached}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << r->reference << " " << r->image_id << "\n";
  }
  return k_exit_ok;
}

} // namespace

void add_base(CLI::App& root, RunState& state) {
  auto* base = root.add_subcommand("base", "Manage the base OS images stacks start from");
  base->require_subcommand(1);
  auto opts = std::make_shared<BaseOptions>();
  auto* cmd = base->add_subcommand(
      "bootstrap", "debootstrap a minimal Debian from this machine's apt mirror and "
                   "import it as plinth.local/bootstrap/<distribution>:<suite>");
  cmd->add_option("distribution", opts->distro, "<distribution>/<suite>")->capture_default_str();
  cmd->add_option("--mirror", opts->bootstrap.mirror,
                  "Debian mirror URL (default: from /etc/apt sources)");
  cmd->add_flag("--force", opts->bootstrap.force, "Rebuild even when the image already exists");
  cmd->add_flag("--no-host-trust", opts->no_host_trust,
                "Do not copy the host's extra CA certificates and /etc/pip.conf into the image");
  cmd->add_option("--work-dir", opts->bootstrap.work_dir, "Where the root filesystem is assembled")
      ->capture_default_str();
  cmd->add_flag("-v,--verbose", opts->verbose, "Show debootstrap's output");
  cmd->add_flag("--json", opts->json, "Print the result as JSON on stdout");
  cmd->callback([opts, &state] { state.exit_code = run_bootstrap(*opts); });
}

} // namespace plinth::cli
