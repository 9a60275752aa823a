// SPDX-License-Identifier: Apache-2.0
// plinth::Error: a failure from the outside world (I/O, engine, registry), with a kind
// and context, as opposed to util/diagnostic.hpp which reports problems in user input.
#pragma once

#include <string>
#include <vector>

namespace plinth {

enum class Errc {
  invalid_input,
  not_found,
  conflict,
  unauthorized,
  unavailable,
  timeout,
  protocol,
  io,
  cancelled,
  internal,
};

struct Error {
  Errc code = Errc::internal;
  std::string message;
  // Outermost first, e.g. {"rendering image 'base'", "writing out/base/Dockerfile"}.
  std::vector<std::string> context;

  Error() = default;
  Error(Errc c, std::string msg) : code(c), message(std::move(msg)) {}

  Error& with_context(std::string what) {
    context.insert(context.begin(), std::move(what));
    return *this;
  }
  // "ctx1: ctx2: message"
  std::string describe() const;
};

} // namespace plinth
