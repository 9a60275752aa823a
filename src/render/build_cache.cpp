// SPDX-License-Identifier: Apache-2.0
#include "render/build_cache.hpp"

namespace plinth::render {

std::vector<std::string> apt_keep_downloads(Flavour f) {
  if (f != Flavour::buildkit) {
    return {};
  }
  return {"rm -f /etc/apt/apt.conf.d/docker-clean",
          "&& echo 'Binary::apt::APT::Keep-Downloaded-Packages \"true\";' > "
          "/etc/apt/apt.conf.d/keep-cache"};
}

std::vector<std::string> cache_mounts(Flavour f, std::vector<std::string> mounts) {
  if (f != Flavour::buildkit) {
    return {};
  }
  return mounts;
}

std::string pip_install(Flavour f) {
  return f == Flavour::buildkit ? "pip install" : "pip install --no-cache-dir";
}

} // namespace plinth::render
