// SPDX-License-Identifier: Apache-2.0
#include "buildplan/plan.hpp"

#include "util/sha256.hpp"

namespace plinth::buildplan {

std::string build_digest(std::string_view input_digest, std::string_view parent_id,
                         std::string_view builder) {
  return "sha256:" +
         sha256_hex("plinth-build v1\ninputs " + std::string(input_digest) + "\nparent " +
                    std::string(parent_id) + "\nbuilder " + std::string(builder) + "\n");
}

bool needs_bootstrap_image(const model::ResolvedImage& base) {
  return base.spec->from && base.spec->from->bootstrap;
}

Result<std::string> base_parent_id(const model::ResolvedImage& base,
                                   const std::optional<std::string>& bootstrap_id) {
  if (!base.spec->from) {
    return fail(Errc::invalid_input, "base image '" + base.name() + "' has no `from`");
  }
  const auto& from = *base.spec->from;
  if (!from.bootstrap) {
    return from.image_ref();
  }
  if (!bootstrap_id) {
    return fail(Errc::not_found, "the engine has no " + from.image_ref() +
                                     ": run `plinth base bootstrap " + from.bootstrap_distribution +
                                     "/" + from.bootstrap_suite + "` first");
  }
  return *bootstrap_id;
}

bool tagged_with_digest(const std::optional<EngineImage>& tagged, std::string_view digest) {
  return tagged && tagged->build_digest == digest;
}

Decision decide(const Observed& o) {
  Decision d;
  if (o.force) {
    return d; // build, tag
  }
  if (tagged_with_digest(o.tagged, o.digest)) {
    d.image_id = o.tagged->id;
    d.tag = false;
    const bool locked =
        o.previous && o.previous->build_digest == o.digest && o.previous->image_id == o.tagged->id;
    d.action = locked ? Action::up_to_date : Action::reuse;
    return d;
  }
  if (o.labelled) {
    d.action = Action::reuse;
    d.image_id = *o.labelled;
    return d;
  }
  return d;
}

std::string kept_manifest_digest(const std::optional<lock::LockedImage>& previous,
                                 std::string_view digest, std::string_view image_id) {
  if (previous && previous->build_digest == digest && previous->image_id == image_id) {
    return previous->manifest_digest;
  }
  return {};
}

} // namespace plinth::buildplan
