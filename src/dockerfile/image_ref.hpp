// SPDX-License-Identifier: Apache-2.0
// Image references as FROM and COPY --from spell them: [registry/]repo[:tag][@digest].
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace plinth::dockerfile {

struct ImageRef {
  std::string registry;   // "" when implicit (Docker Hub)
  std::string repository; // e.g. "library/debian" is kept as written: "debian"
  std::string tag;        // "" when absent
  std::string digest;     // "sha256:…" or ""
  bool has_variables = false;
};

ImageRef parse_image_ref(std::string_view ref);

// The registry host, with Docker Hub's implicit name filled in ("docker.io").
std::string effective_registry(const ImageRef& ref);

// Tags that name moving targets rather than releases: the one list, used by `plinth check`
// on a base image's `from` (spec/check_image.cpp) and by lint rule PL2002, and documented in
// docs/stack-file.md and (from PL2002's description) docs/lint-rules.md.
inline constexpr std::array<std::string_view, 14> k_mutable_tags = {
    "latest", "stable",  "edge",    "nightly", "main",     "master", "dev",
    "devel",  "rolling", "current", "testing", "unstable", "sid",    "head"};

// Whether `tag` is one of k_mutable_tags, compared without regard to ASCII case.
bool is_mutable_tag(std::string_view tag);

} // namespace plinth::dockerfile
