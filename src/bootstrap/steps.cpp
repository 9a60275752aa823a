// SPDX-License-Identifier: Apache-2.0
#include "bootstrap/steps.hpp"

#include "model/labels.hpp"

namespace plinth::bootstrap {

std::vector<std::string> debootstrap_argv(std::string_view suite, std::string_view rootfs,
                                          std::string_view mirror) {
  return {"debootstrap", "--variant=minbase", std::string(suite), std::string(rootfs),
          std::string(mirror)};
}

std::vector<std::string> pack_argv(std::string_view rootfs, std::string_view tar_path) {
  return {"tar", "--numeric-owner", "-C", std::string(rootfs), "-cf", std::string(tar_path), "."};
}

std::vector<std::string> import_changes(std::string_view distribution, std::string_view suite,
                                        std::string_view mirror) {
  const std::string d(distribution);
  const std::string s(suite);
  const std::string m(mirror);
  return {"ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
          "CMD [\"/bin/bash\"]",
          std::string("LABEL ") + model::labels::bootstrap + "=\"" + d + "/" + s + "\" " +
              model::labels::bootstrap_mirror + "=\"" + m + "\""};
}

std::pair<std::string, std::string> split_reference(std::string_view reference) {
  const auto colon = reference.rfind(':');
  if (colon == std::string_view::npos) {
    return {std::string(reference), {}};
  }
  return {std::string(reference.substr(0, colon)), std::string(reference.substr(colon + 1))};
}

} // namespace plinth::bootstrap
