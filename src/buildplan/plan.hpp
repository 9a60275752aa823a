// SPDX-License-Identifier: Apache-2.0
// The build's up-to-date / rebuild decision, pure (as ninja's Plan): `plinth build`
// (app/build.cpp) observes the engine and plinth.lock through its ports, hands what it saw
// to these functions, and acts on the answer (run the builder, verify, tag, or nothing).
#pragma once

#include "lock/lock_file.hpp"
#include "model/resolved.hpp"
#include "util/result.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace plinth::buildplan {

// sha256 over the rendered input digest, the parent's image ID and the builder's name.
std::string build_digest(std::string_view input_digest, std::string_view parent_id,
                         std::string_view builder);

// Whether base_parent_id needs to know which image the engine has under the base's
// from.image_ref() (only a bootstrapped base does).
bool needs_bootstrap_image(const model::ResolvedImage& base);

// A base image's starting point: the bootstrapped image's ID (`bootstrap_id`: what the
// engine has under from.image_ref(), nullopt when it has nothing there), or the
// digest-pinned reference. Fails when the base has no `from`, or its bootstrap image is
// missing (Errc::not_found, naming the `plinth base bootstrap` to run).
Result<std::string> base_parent_id(const model::ResolvedImage& base,
                                   const std::optional<std::string>& bootstrap_id);

// An image in the engine, as far as the decision cares.
struct EngineImage {
  std::string id;
  std::string build_digest; // its io.plinth.build.digest label; empty when it has none
};

// What `plinth build` observed about one image before deciding.
struct Observed {
  std::string digest; // build_digest() of the image as it renders now
  bool force = false; // --force: build again, whatever exists
  // The image the stack image's reference names in the engine, if any.
  std::optional<EngineImage> tagged;
  // The ID of any image labelled with `digest` (and the stack image's name). Only asked
  // when `tagged` does not carry the digest already (see tagged_with_digest).
  std::optional<std::string> labelled;
  // The image's entry in the previous plinth.lock, if any.
  std::optional<lock::LockedImage> previous;
};

enum class Action {
  up_to_date, // tagged, and the lock already records it: nothing to build, verify or tag
  reuse,      // an image with this build digest exists: verify it (and tag it if needed)
  build,      // run the builder, verify and tag the result
};

struct Decision {
  Action action = Action::build;
  std::string image_id; // up_to_date, reuse: the existing image
  bool tag = true;      // point the reference at the image (false: it already does)
};

// Whether the tagged image carries `digest` (then the label query can be skipped).
bool tagged_with_digest(const std::optional<EngineImage>& tagged, std::string_view digest);

Decision decide(const Observed& observed);

// The registry manifest digest plinth.lock keeps for an image: the previous one while the
// build digest and the image ID are unchanged, else empty (the image was never pushed).
std::string kept_manifest_digest(const std::optional<lock::LockedImage>& previous,
                                 std::string_view digest, std::string_view image_id);

} // namespace plinth::buildplan
