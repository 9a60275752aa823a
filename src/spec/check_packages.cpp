// SPDX-License-Identifier: Apache-2.0
// Pin policy and re-pins: a child must not pin a package its ancestor pins differently.
#include "spec/analyze.hpp"

#include <map>
#include <regex>

namespace plinth::spec {
namespace {

struct Pin {
  std::string version;
  const model::ImageSpec* image;
  SourcePos pos;
};

std::string at(const Pin& p) {
  return "'" + p.image->name + "' (line " + std::to_string(p.pos.line) + ")";
}

// Checks `name` pinned at `version` in `image` against earlier pins of the same kind.
void check_repin(std::map<std::string, Pin>& pins, const std::string& kind, const std::string& name,
                 const std::string& version, const model::ImageSpec& image, const SourcePos& pos,
                 Diagnostics& diags) {
  const auto it = pins.find(name);
  if (it == pins.end()) {
    pins.emplace(name, Pin{version, &image, pos});
    return;
  }
  const Pin& prev = it->second;
  if (prev.image == &image) {
    diags.error(pos, "duplicate-package",
                kind + " package '" + name + "' is listed twice in '" + image.name + "'");
  } else if (prev.version != version) {
    diags.error(pos, "repin",
                kind + " package '" + name + "' is pinned at " +
                    (version.empty() ? "no version" : version) + " here but ancestor " + at(prev) +
                    " pins it at " + (prev.version.empty() ? "no version" : prev.version) +
                    "; a child must use its ancestors' pins");
  } else {
    diags.warning(pos, "redundant-pin",
                  kind + " package '" + name + "' is already pinned at " + version +
                      " by ancestor " + at(prev));
  }
}

bool is_exact_npm(std::string_view v) {
  static const std::regex k_exact(R"(^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$)");
  return std::regex_match(v.begin(), v.end(), k_exact);
}

void check_own_pins(const model::Stack& stack, const model::ImageSpec& image, bool has_framework,
                    Diagnostics& diags) {
  const auto& policy = stack.policy;
  for (const auto& p : image.pip) {
    if (p.name == "tensorflow" || p.name == "tensorflow-cpu" || p.name == "tensorflow-gpu") {
      diags.error(p.pos, "framework-in-pip",
                  has_framework
                      ? "TensorFlow is declared by the base's 'framework'; remove '" + p.text +
                            "' from pip"
                      : "declare TensorFlow under 'framework:' in the base image, not in pip");
    }
    if (policy.pip_pins == model::PinPolicy::exact && p.op != "==" && p.op != "===") {
      diags.error(p.pos, "unpinned-package",
                  "pip package '" + p.text + "' is not pinned: write " + p.name +
                      "==<version> (policy.pins.pip is 'exact')");
    }
  }
  for (const auto& a : image.apt) {
    if (policy.apt_pins == model::PinPolicy::exact && a.version.empty()) {
      diags.error(a.pos, "unpinned-package",
                  "apt package '" + a.name + "' is not pinned: write " + a.name +
                      "=<version> (policy.pins.apt is 'exact')");
    }
  }
  for (const auto& n : image.npm) {
    if (n.version == "latest" || n.version == "next") {
      diags.error(n.pos, "mutable-tag",
                  "npm package '" + n.name + "@" + n.version + "' uses a mutable dist-tag");
    } else if (policy.npm_pins == model::PinPolicy::exact && !is_exact_npm(n.version)) {
      diags.error(n.pos, "unpinned-package",
                  "npm package '" + n.name + (n.version.empty() ? "" : "@" + n.version) +
                      "' is not pinned to an exact version: write " + n.name +
                      "@<x.y.z> (policy.pins.npm is 'exact')");
    }
  }
}

} // namespace

void check_packages(const model::Stack& stack, const std::vector<const model::ImageSpec*>& chain,
                    Diagnostics& diags) {
  std::map<std::string, Pin> pip;
  std::map<std::string, Pin> apt;
  std::map<std::string, Pin> npm;
  bool has_framework = false;
  for (const auto* image : chain) {
    has_framework = has_framework || image->framework.has_value();
    const bool own = image == chain.back();
    Diagnostics scratch; // ancestors' own problems are reported when they are checked
    Diagnostics& sink = own ? diags : scratch;
    for (const auto& p : image->pip) {
      const auto version = p.op == "==" || p.op == "===" ? p.version : p.op + p.version;
      check_repin(pip, "pip", p.name, version, *image, p.pos, sink);
    }
    for (const auto& a : image->apt)
      check_repin(apt, "apt", a.name, a.version, *image, a.pos, sink);
    for (const auto& n : image->npm)
      check_repin(npm, "npm", n.name, n.version, *image, n.pos, sink);
    if (own) check_own_pins(stack, *image, has_framework, diags);
  }
}

} // namespace plinth::spec
