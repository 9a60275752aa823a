// SPDX-License-Identifier: Apache-2.0
#include "cli/exit_codes.hpp"

namespace plinth::cli {

int exit_code_for(const Error& error) {
  switch (error.code) {
  case Errc::invalid_input:
  case Errc::not_found:
  case Errc::io: return k_exit_usage;
  // Something outside plinth is missing or misbehaves: the engine, a registry, a driver.
  case Errc::unavailable:
  case Errc::unauthorized:
  case Errc::timeout:
  case Errc::protocol: return k_exit_unavailable;
  case Errc::conflict: return k_exit_conflict;
  case Errc::cancelled: return k_exit_interrupted;
  case Errc::internal: return k_exit_internal;
  }
  return k_exit_internal; // not reached: the switch names every Errc (-Wswitch)
}

} // namespace plinth::cli
