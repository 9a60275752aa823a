// SPDX-License-Identifier: Apache-2.0
// Test helper (header only, not part of the library): a small resolved stack built by hand,
// base -> common -> project, for the render tests to vary.
#pragma once

#include "model/resolved.hpp"

namespace plinth::render::testing {

// A small resolved stack built by hand: base -> common -> project.
struct Stack3 {
  model::Stack stack;
  model::ResolvedStack resolved;

  Stack3() {
    stack.file = "plinth.yaml";
    stack.name.value = "demo";
    stack.registry.value = "registry.example.com/ml";
    model::ImageSpec base;
    base.name = "base";
    base.tier = model::Tier::base;
    base.version.value = "1.0.0";
    base.from = model::BaseFrom{{"bootstrap:debian/bookworm", {}}, true, "debian", "bookworm"};
    base.apt = {{"git", "", {}}};
    base.pip = {{"numpy", "", "==", "1.26.4", "numpy==1.26.4", {}}};
    base.user = model::User{"ml", 1000, 1000, {}};
    base.tools = {{"jupyter", "4.2.5", 8888, {}}};
    model::ImageSpec common;
    common.name = "common";
    common.tier = model::Tier::common;
    common.parent.value = "base";
    common.version.value = "0.1.0";
    model::ImageSpec project;
    project.name = "project";
    project.tier = model::Tier::project;
    project.parent.value = "common";
    project.version.value = "2.0.0";
    project.copy = {{"src", "/workspace/src", {}}};
    stack.images = {base, common, project};
    resolved.stack = &stack;
    const model::ImageSpec* chain[3] = {&stack.images[0], &stack.images[1], &stack.images[2]};
    for (int i = 0; i < 3; ++i) {
      model::ResolvedImage r;
      r.spec = chain[i];
      r.parent = i > 0 ? chain[i - 1] : nullptr;
      r.chain.assign(chain, chain + i + 1);
      r.tensorflow = "2.16.1";
      r.tensorflow_minor = "2.16";
      r.python = "3.11";
      r.user = stack.images[0].user;
      r.workdir = "/workspace";
      r.repository = "registry.example.com/ml/" + chain[i]->name;
      r.tag = "v" + chain[i]->version.value;
      resolved.images.push_back(r);
    }
  }
};

} // namespace plinth::render::testing
