// SPDX-License-Identifier: Apache-2.0
#include "cli/engine_options.hpp"

#include "cli/exit_codes.hpp"

#include <cstdlib>
#include <iostream>

namespace plinth::cli {

std::unique_ptr<engine::DockerEngine> connect_engine(bool verbose_http) {
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

int report_error(const Error& error) {
  std::cerr << "plinth: error: " << error.describe() << "\n";
  return exit_code_for(error);
}

std::optional<StackOnEngine> load_with_engine(const StackOptions& opts, int& exit_code) {
  auto loaded = load(opts);
  if (!loaded) {
    exit_code = k_exit_usage;
    return std::nullopt;
  }
  if (!loaded->ok()) {
    exit_code = k_exit_findings; // the diagnostics are printed
    return std::nullopt;
  }
  auto engine = connect_engine();
  if (!engine) {
    exit_code = k_exit_unavailable;
    return std::nullopt;
  }
  return StackOnEngine{std::move(*loaded), std::move(engine)};
}

} // namespace plinth::cli
