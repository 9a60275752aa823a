// SPDX-License-Identifier: Apache-2.0
#include "doctor/diagnose.hpp"

#include <algorithm>

namespace plinth::doctor {

Report diagnose(const HostFacts& host, const std::vector<ImageRequirement>& images,
                const compat::Db& db) {
  const bool gpu_wanted =
      std::any_of(images.begin(), images.end(), [](const ImageRequirement& r) { return r.gpu; });
  Report report;
  auto append = [&report](std::vector<Check> checks) {
    for (auto& c : checks) {
      report.checks.push_back(std::move(c));
    }
  };
  append(gpu_checks(host, gpu_wanted, db));
  append(host_checks(host));
  append(engine_checks(host, gpu_wanted));
  for (const auto& image : images) {
    report.checks.push_back(image_check(host, image, db));
    if (auto c = nvidia_require_check(host, image, db)) {
      report.checks.push_back(std::move(*c));
    }
  }
  return report;
}

} // namespace plinth::doctor
