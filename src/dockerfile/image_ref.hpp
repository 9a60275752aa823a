// SPDX-License-Identifier: Apache-2.0
// Image references as FROM and COPY --from spell them: [registry/]repo[:tag][@digest].
#pragma once

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

} // namespace plinth::dockerfile
