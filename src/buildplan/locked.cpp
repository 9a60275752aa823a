// SPDX-License-Identifier: Apache-2.0
#include "buildplan/locked.hpp"

namespace plinth::buildplan {
namespace {

void compare_maps(const std::string& what, const std::map<std::string, std::string>& want,
                  const std::map<std::string, std::string>& got, std::vector<std::string>& out) {
  for (const auto& [name, version] : want) {
    const auto it = got.find(name);
    if (it == got.end()) {
      out.push_back(what + " " + name + " " + version + " is missing");
    } else if (it->second != version) {
      out.push_back(what + " " + name + " is " + it->second + ", locked " + version);
    }
  }
  for (const auto& [name, version] : got) {
    if (want.find(name) == want.end()) {
      out.push_back(what + " " + name + " " + version + " is not in the lock");
    }
  }
}

} // namespace

Result<void> check_inputs_against_lock(const lock::LockFile& lock,
                                       const std::vector<render::RenderedImage>& rendered,
                                       const model::ResolvedStack& stack,
                                       const std::vector<std::size_t>& selected) {
  for (const auto i : selected) {
    const auto& name = stack.images[i].name();
    const auto* locked = lock.find(name);
    if (locked == nullptr) {
      return fail(Errc::conflict, "--locked: image '" + name + "' is not in plinth.lock");
    }
    if (locked->input_digest != rendered[i].input_digest) {
      return fail(Errc::conflict, "--locked: the inputs of '" + name +
                                      "' changed since plinth.lock was written (" +
                                      locked->input_digest + " -> " + rendered[i].input_digest +
                                      "); run `plinth build` without --locked to update the lock");
    }
  }
  return {};
}

std::vector<std::string> lock_differences(const lock::LockedImage& want,
                                          const lock::LockedImage& got) {
  std::vector<std::string> out;
  auto same = [&](const char* what, const std::string& a, const std::string& b) {
    if (a != b) {
      out.push_back(std::string(what) + " is " + (b.empty() ? "(none)" : b) + ", locked " +
                    (a.empty() ? "(none)" : a));
    }
  };
  same("TensorFlow", want.tensorflow, got.tensorflow);
  same("Python", want.python, got.python);
  same("CUDA", want.cuda, got.cuda);
  same("cuDNN", want.cudnn, got.cudnn);
  compare_maps("pip package", want.pip, got.pip, out);
  compare_maps("Debian package", want.apt, got.apt, out);
  return out;
}

Result<void> check_results_against_lock(const lock::LockFile& lock,
                                        const std::vector<lock::LockedImage>& built) {
  std::string msg;
  for (const auto& img : built) {
    const auto* want = lock.find(img.name);
    if (want == nullptr) {
      continue;
    }
    for (const auto& d : lock_differences(*want, img)) {
      msg += "\n  - " + img.name + ": " + d;
    }
  }
  if (!msg.empty()) {
    return fail(Errc::conflict, "--locked: the build differs from plinth.lock:" + msg);
  }
  return {};
}

} // namespace plinth::buildplan
