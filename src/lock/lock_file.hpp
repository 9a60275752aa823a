// SPDX-License-Identifier: Apache-2.0
// plinth.lock: what a build produced, per image (pure parse/serialize, versioned JSON).
// Written atomically by app::build after every image succeeded; read by --locked and push.
#pragma once

#include "util/result.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::lock {

inline constexpr int k_format_version = 1;

struct LockedImage {
  std::string name;
  std::string reference;       // "<registry>/<name>:<tag>"
  std::string image_id;        // local image ID (config digest) "sha256:..."
  std::string manifest_digest; // registry manifest digest after a push; empty before
  std::string parent;          // parent image name, or the base's FROM reference
  std::string parent_digest;   // parent's image ID (or the FROM image's ID)
  std::string input_digest; // io.plinth.inputs.digest (rendered Dockerfile + files + parent inputs)
  std::string build_digest; // io.plinth.build.digest (inputs + parent image ID + builder)
  std::string tensorflow;   // read back from the image
  std::string python;
  std::string cuda;
  std::string cudnn;
  std::map<std::string, std::string> pip; // pip freeze: name -> version
  std::map<std::string, std::string> apt; // dpkg: package -> version
};

struct LockFile {
  int version = k_format_version;
  std::string stack;
  std::vector<LockedImage> images; // stack order

  const LockedImage* find(std::string_view name) const;
  LockedImage* find(std::string_view name);
  // Replace or append by name.
  void upsert(LockedImage image);
};

// Deterministic text: sorted keys, two-space indent, trailing newline.
std::string serialize(const LockFile& lock);
// Errc::invalid_input for malformed JSON, an unknown format version or missing fields.
Result<LockFile> parse(std::string_view text);

} // namespace plinth::lock
