// SPDX-License-Identifier: Apache-2.0
// A validated stack with everything each image inherits made explicit: the framework,
// Python, CUDA and cuDNN resolved through the compatibility database, the effective user,
// tools and the full reference. Produced by spec::analyze, tagged by policy::apply_tags.
#pragma once

#include "model/stack.hpp"

#include <string>
#include <vector>

namespace plinth::model {

struct ResolvedImage {
  const ImageSpec* spec = nullptr;
  const ImageSpec* parent = nullptr;   // nullptr for a base
  std::vector<const ImageSpec*> chain; // base first, this image last
  std::string tensorflow;              // "2.16.1"; empty when the stack has no framework
  std::string tensorflow_minor;        // "2.16"
  std::string variant = "cpu";         // "cpu" or "gpu"
  std::string python;                  // "3.11"; empty when none declared
  std::string cuda;                    // GPU only: "12.3"
  std::string cudnn;                   // GPU only: "8.9"
  std::string driver_min;              // lowest driver (minor-version compatibility)
  std::string driver_toolkit;          // driver with full support (PTX JIT too)
  bool and_cuda_extra = false;         // CUDA comes from the tensorflow[and-cuda] wheels
  std::optional<User> user;            // nearest declaration in the chain
  std::string workdir;                 // nearest declaration, default /workspace
  std::vector<Tool> tools;             // union over the chain, nearer wins by name
  std::string repository;              // "<registry>/<image name>"
  std::string tag;                     // from the policy's tag template

  const std::string& name() const { return spec->name; }
  std::string reference() const { return repository + ":" + tag; }
};

struct ResolvedStack {
  const Stack* stack = nullptr;
  std::vector<ResolvedImage> images; // parents before children, then file order

  const ResolvedImage* find(std::string_view name) const {
    for (const auto& i : images) {
      if (i.spec->name == name) {
        return &i;
      }
    }
    return nullptr;
  }
};

} // namespace plinth::model
