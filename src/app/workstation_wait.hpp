// SPDX-License-Identifier: Apache-2.0
// Reading plinth-init's status inside a workstation (exec `plinth-init status --json`), and
// waiting for every service to be ready, with the failing service's last log lines.
#pragma once

#include "engine_api/ports.hpp"
#include "util/result.hpp"
#include "workstation/init_status.hpp"

#include <string>

namespace plinth::app {

// Errc::unavailable while plinth-init's socket is not there yet (exit 3), Errc::not_found
// when the image has no plinth-init (exit 126/127).
Result<workstation::InitStatus> read_init_status(engine::Containers& engine,
                                                 const std::string& container);

// Polls until every service is ready (the status), a service failed or the container
// stopped (an Error carrying the failing service's last log lines), or timeout_s passed.
Result<workstation::InitStatus> wait_until_ready(engine::Containers& engine, const std::string& id,
                                                 const std::string& name, int timeout_s);

} // namespace plinth::app
