// SPDX-License-Identifier: Apache-2.0
// Which workstation a command means: the stack image (its profile: workstation/profile.hpp).
#include "app/workstation.hpp"

#include "workstation/names.hpp"

namespace plinth::app {
namespace {

bool has_child(const model::ResolvedStack& stack, const model::ResolvedImage& img) {
  for (const auto& other : stack.images) {
    if (other.parent == img.spec) {
      return true;
    }
  }
  return false;
}

std::string names_of(const std::vector<const model::ResolvedImage*>& images) {
  std::string out;
  for (const auto* i : images) {
    out += (out.empty() ? "" : ", ") + i->name();
  }
  return out;
}

Result<const model::ResolvedImage*> pick_image(const model::ResolvedStack& stack,
                                               std::string_view name) {
  if (!name.empty()) {
    const auto* img = stack.find(name);
    if (img == nullptr) {
      return fail(Errc::invalid_input, "the stack has no image '" + std::string(name) + "'");
    }
    if (img->tools.empty()) {
      return fail(Errc::invalid_input,
                  "image '" + std::string(name) +
                      "' declares no tools (jupyter, tensorboard, code-server): nothing to run");
    }
    return img;
  }
  std::vector<const model::ResolvedImage*> leaves;
  for (const auto& img : stack.images) {
    if (!img.tools.empty() && !has_child(stack, img)) {
      leaves.push_back(&img);
    }
  }
  if (leaves.size() == 1) {
    return leaves.front();
  }
  if (leaves.empty()) {
    return fail(Errc::invalid_input,
                "no image of the stack declares tools (jupyter, tensorboard, code-server)");
  }
  return fail(Errc::invalid_input,
              "the stack has several workstation images (" + names_of(leaves) + "): name one");
}

} // namespace

std::string workstation_stack_name(const LoadedStack& loaded) {
  if (!loaded.stack->name.value.empty()) {
    return loaded.stack->name.value;
  }
  return std::filesystem::absolute(loaded.dir).lexically_normal().filename().string();
}

Result<WorkstationTarget> workstation_target(const LoadedStack& loaded, std::string_view image,
                                             std::string_view name_suffix) {
  if (!loaded.ok()) {
    return fail(Errc::invalid_input, "the stack file has errors (see above)");
  }
  PLINTH_TRY_ASSIGN(auto img, pick_image(*loaded.resolved, image));
  WorkstationTarget t;
  t.stack_name = workstation_stack_name(loaded);
  t.image = img;
  t.container = workstation::container_name(t.stack_name, t.image->name(), name_suffix);
  return t;
}

} // namespace plinth::app
