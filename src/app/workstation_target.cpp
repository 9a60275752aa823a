// SPDX-License-Identifier: Apache-2.0
// Which workstation a command means: the stack image and the profile (with overrides).
#include "app/workstation.hpp"

#include "model/profile_limits.hpp"

#include "util/size.hpp"
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

Result<void> apply_size(const std::optional<std::string>& text, const char* flag,
                        std::optional<std::int64_t>& out) {
  if (!text) {
    return {};
  }
  const auto bytes = parse_size(*text);
  if (!bytes || *bytes <= 0) {
    return fail(Errc::invalid_input, std::string(flag) +
                                         " must be a size such as 512m, 8g or 1.5g, not '" + *text +
                                         "'");
  }
  out = *bytes;
  return {};
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
  auto img = pick_image(*loaded.resolved, image);
  if (!img) {
    return fail(std::move(img.error()));
  }
  WorkstationTarget t;
  t.stack_name = workstation_stack_name(loaded);
  t.image = *img;
  t.container = workstation::container_name(t.stack_name, t.image->name(), name_suffix);
  return t;
}

Result<model::Profile> effective_profile(const model::Stack& stack, std::string_view name,
                                         const ProfileOverrides& o) {
  model::Profile p;
  if (!name.empty()) {
    bool found = false;
    for (const auto& candidate : stack.profiles) {
      if (candidate.name == name) {
        p = candidate;
        found = true;
      }
    }
    if (!found) {
      std::string known;
      for (const auto& candidate : stack.profiles) {
        known += (known.empty() ? "" : ", ") + candidate.name;
      }
      return fail(Errc::invalid_input, "the stack has no profile '" + std::string(name) + "'" +
                                           (known.empty() ? std::string(" (it declares none)")
                                                          : " (profiles: " + known + ")"));
    }
  } else if (stack.profiles.size() == 1) {
    p = stack.profiles.front();
  }
  if (o.gpus) {
    p.gpus = *o.gpus == "none" ? std::string() : *o.gpus;
  }
  PLINTH_TRY(apply_size(o.memory, "--memory", p.memory_bytes));
  PLINTH_TRY(apply_size(o.shm, "--shm", p.shm_bytes));
  if (o.cpus) {
    p.cpus = *o.cpus;
  }
  if (o.pids) {
    p.pids = *o.pids;
  }
  // Flags are judged by the rules `plinth check` applies to the stack file's profiles.
  const std::pair<const char*, model::LimitVerdict> verdicts[] = {
      {"--memory",
       o.memory && p.memory_bytes ? model::memory_limit_problem(*p.memory_bytes) : std::nullopt},
      {"--shm", o.shm && p.shm_bytes ? model::shm_size_problem(*p.shm_bytes) : std::nullopt},
      {"--cpus", o.cpus ? model::cpus_problem(*o.cpus) : std::nullopt},
      {"--pids", o.pids ? model::pids_problem(*o.pids) : std::nullopt},
  };
  for (const auto& [flag, bad] : verdicts) {
    if (bad) return fail(Errc::invalid_input, std::string(flag) + " " + *bad);
  }
  if (o.gpus) {
    const auto gpus = model::parse_gpus(p.gpus);
    if (const auto* err = std::get_if<std::string>(&gpus)) {
      return fail(Errc::invalid_input, "--gpus: " + *err);
    }
  }
  return p;
}

} // namespace plinth::app
