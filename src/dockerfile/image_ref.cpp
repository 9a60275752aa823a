// SPDX-License-Identifier: Apache-2.0
#include "dockerfile/image_ref.hpp"

#include <algorithm>
#include <cctype>

namespace plinth::dockerfile {

ImageRef parse_image_ref(std::string_view ref) {
  ImageRef out;
  out.has_variables = ref.find('$') != std::string_view::npos;
  const auto at = ref.find('@');
  if (at != std::string_view::npos) {
    out.digest = std::string(ref.substr(at + 1));
    ref = ref.substr(0, at);
  }
  // The first component is a registry when it has a '.', a ':' or is "localhost".
  const auto slash = ref.find('/');
  if (slash != std::string_view::npos) {
    const auto first = ref.substr(0, slash);
    if (first.find('.') != std::string_view::npos || first.find(':') != std::string_view::npos ||
        first == "localhost") {
      out.registry = std::string(first);
      ref = ref.substr(slash + 1);
    }
  }
  const auto colon = ref.rfind(':');
  if (colon != std::string_view::npos && ref.find('/', colon) == std::string_view::npos) {
    out.tag = std::string(ref.substr(colon + 1));
    ref = ref.substr(0, colon);
  }
  out.repository = std::string(ref);
  return out;
}

std::string effective_registry(const ImageRef& ref) {
  return ref.registry.empty() ? "docker.io" : ref.registry;
}

bool is_mutable_tag(std::string_view tag) {
  std::string lower;
  for (char c : tag)
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::find(k_mutable_tags.begin(), k_mutable_tags.end(), lower) != k_mutable_tags.end();
}

} // namespace plinth::dockerfile
