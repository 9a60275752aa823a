// SPDX-License-Identifier: Apache-2.0
#include "app/init_binary.hpp"

#include "util/process.hpp"

#include <cstdlib>
#include <unistd.h>

namespace plinth::app {

Result<std::filesystem::path> find_init_binary() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("PLINTH_INIT_BINARY"); env != nullptr && *env != '\0') {
    if (::access(env, X_OK) == 0) {
      return fs::path(env);
    }
    return fail(Errc::not_found,
                std::string("PLINTH_INIT_BINARY=") + env + " is not an executable file");
  }
  std::error_code ec;
  const auto self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto dir = self.parent_path();
    for (const auto& candidate :
         {dir / "plinth-init", dir / "../init/plinth-init", dir / "../lib/plinth/plinth-init"}) {
      if (::access(candidate.c_str(), X_OK) == 0) {
        return fs::weakly_canonical(candidate, ec);
      }
    }
  }
  if (auto on_path = find_program("plinth-init"); !on_path.empty()) {
    return fs::path(on_path);
  }
  return fail(Errc::not_found,
              "plinth-init (the static supervisor base images run as PID 1) was not found: build "
              "the plinth-init target, install it next to plinth, or set PLINTH_INIT_BINARY");
}

} // namespace plinth::app
