// SPDX-License-Identifier: Apache-2.0
// Tags computed from each image's resolved contents and version through the policy's
// template, e.g. "tf{tf}-py{py}-{variant}-v{version}" -> "tf2.16-py311-gpu-v1.2.0".
// A template must contain {version}, so a mutable tag such as `latest` can never result.
#pragma once

#include "model/resolved.hpp"
#include "util/diagnostic.hpp"

#include <string>
#include <vector>

namespace plinth::policy {

// The placeholders a template may use, for docs and messages.
// A semantic version as it appears in a tag: OCI tags cannot hold '+', so SemVer build
// metadata is written after '_' (1.0.0+build.1 -> 1.0.0_build.1), as Helm does.
std::string tag_version(std::string_view semver);

const std::vector<std::string_view>& tag_placeholders();

struct TagResult {
  std::string tag;   // set on success
  std::string error; // set on failure
};

// Expands `tmpl` for `image`; returns the tag or an error message.
TagResult expand_tag(std::string_view tmpl, const model::ResolvedImage& image);

// Sets `tag` on every image; reports template problems at the template's position.
void apply_tags(model::ResolvedStack& stack, Diagnostics& diags);

// Docker's tag grammar: [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}.
bool is_valid_tag(std::string_view tag);

} // namespace plinth::policy
