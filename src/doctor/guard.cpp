// SPDX-License-Identifier: Apache-2.0
#include "doctor/guard.hpp"

#include "doctor/diagnose.hpp"
#include "doctor/render.hpp"

namespace plinth::doctor {

GuardResult gpu_guard(const HostFacts& host, const model::Profile& profile,
                      const std::vector<ImageRequirement>& images, const compat::Db& db,
                      bool override_requested, std::string_view override_flag) {
  GuardResult out;
  out.gpu_profile = !profile.gpus.empty();
  if (!out.gpu_profile) {
    return out;
  }
  out.report.checks = gpu_checks(host, true, db);
  out.report.checks.push_back(gpu_runtime_check(host, true));
  for (auto image : images) {
    image.gpu = true; // a GPU profile wants a GPU whatever the image's label says
    out.report.checks.push_back(image_check(host, image, db));
    if (auto c = nvidia_require_check(host, image, db)) {
      out.report.checks.push_back(std::move(*c));
    }
  }
  for (const auto& c : out.report.checks) {
    if (c.status == Status::fail) {
      out.blocking.push_back(c);
    }
  }
  if (out.blocking.empty()) {
    return out;
  }
  std::string msg = "profile '" + profile.name + "' asks for GPUs (gpus: " + profile.gpus +
                    "), but this host cannot run it:\n";
  for (const auto& c : out.blocking) {
    msg += render_check_text(c);
  }
  if (override_requested) {
    out.overridden = true;
    msg += "starting anyway because " + std::string(override_flag) + " was given\n";
  } else {
    out.allowed = false;
    msg += "refusing to start; run `plinth doctor` for the full report, or pass " +
           std::string(override_flag) + " to start anyway\n";
  }
  out.message = std::move(msg);
  return out;
}

} // namespace plinth::doctor
