// SPDX-License-Identifier: Apache-2.0
#include "util/error.hpp"

namespace plinth {

std::string Error::describe() const {
  std::string out;
  for (const auto& c : context) {
    out += c;
    out += ": ";
  }
  out += message;
  return out;
}

} // namespace plinth
