// SPDX-License-Identifier: Apache-2.0
// `plinth base bootstrap`: debootstrap a minimal Debian from the machine's own apt mirror,
// import it into the engine as plinth.local/bootstrap/<distribution>:<suite>, and record
// its image ID in <state dir>/bootstrap.json.
#pragma once

#include "app/events.hpp"
#include "engine_api/ports.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <string>

namespace plinth::app {

struct BootstrapOptions {
  std::string distribution = "debian";
  std::string suite = "bookworm";
  std::string mirror;     // empty: the machine's apt configuration
  bool force = false;     // rebuild even when the image exists
  bool host_trust = true; // copy the host's extra CA certificates and /etc/pip.conf
  std::filesystem::path work_dir = "/var/tmp";
};

struct BootstrapReport {
  std::string reference;
  std::string image_id;
  std::string mirror;
  bool cached = false;
};

Result<BootstrapReport> bootstrap_base(const BootstrapOptions& options, engine::Images& engine,
                                       Events& events);

// The image ID recorded for `reference`, if any.
std::string recorded_bootstrap_id(const std::string& reference);

} // namespace plinth::app
