// SPDX-License-Identifier: Apache-2.0
#include "cli/engine_options.hpp"

#include "cli/exit_codes.hpp"

#include <cstdlib>
#include <iostream>

namespace plinth::cli {

std::unique_ptr<engine::Engine> connect_engine(bool verbose_http) {
  engine::ConnectOptions options;
  if (verbose_http || std::getenv("PLINTH_HTTP_LOG") != nullptr) {
    options.log = [](std::string_view line) { std::cerr << "http: " << line << "\n"; };
  }
  auto e = engine::connect(options);
  if (!e) {
    std::cerr << "plinth: error: " << e.error().describe() << "\n";
    return nullptr;
  }
  return std::move(*e);
}

int exit_code_for(const Error& error) {
  switch (error.code) {
  case Errc::unavailable:
  case Errc::unauthorized:
  case Errc::timeout: return k_exit_unavailable;
  case Errc::conflict: return k_exit_conflict;
  case Errc::invalid_input:
  case Errc::not_found: return k_exit_usage;
  case Errc::cancelled: return k_exit_interrupted;
  default: return k_exit_findings;
  }
}

} // namespace plinth::cli
