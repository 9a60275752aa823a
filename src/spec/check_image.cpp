// SPDX-License-Identifier: Apache-2.0
// Per-image checks that need no other image: versions, base references, users, tools, env.
#include "spec/analyze.hpp"

#include "compat/code_server.hpp"
#include "dockerfile/image_ref.hpp"
#include "model/labels.hpp"
#include "spec/grammar.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

namespace plinth::spec {
namespace {

bool is_semver(std::string_view v) {
  return !grammar::semver(v);
}

// Splits "host/repo:tag@sha256:..." into its tag and digest parts.
struct RefParts {
  std::string name; // everything before the tag and digest
  std::string tag;
  std::string digest;
};

RefParts split_ref(std::string_view ref) {
  RefParts p;
  const auto at = ref.find('@');
  std::string_view rest = ref.substr(0, at);
  if (at != std::string_view::npos) p.digest = std::string(ref.substr(at + 1));
  const auto slash = rest.rfind('/');
  const auto colon = rest.rfind(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    p.tag = std::string(rest.substr(colon + 1));
    rest = rest.substr(0, colon);
  }
  p.name = std::string(rest);
  return p;
}

bool is_sha256_digest(std::string_view d) {
  constexpr std::string_view k_prefix = "sha256:";
  if (d.substr(0, k_prefix.size()) != k_prefix || d.size() != k_prefix.size() + 64) return false;
  return std::all_of(d.begin() + k_prefix.size(), d.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0 || (c >= 'a' && c <= 'f');
  });
}

void check_from(const model::Stack& stack, const model::BaseFrom& from, Diagnostics& diags) {
  if (from.bootstrap) {
    if (from.bootstrap_distribution != "debian") {
      diags.error(from.ref.pos, "bad-from",
                  "bootstrap supports the 'debian' distribution, not '" +
                      from.bootstrap_distribution + "'");
    }
    return;
  }
  const auto parts = split_ref(from.ref.value);
  if (!parts.tag.empty() && dockerfile::is_mutable_tag(parts.tag)) {
    diags.error(from.ref.pos, "mutable-tag",
                "base image '" + from.ref.value + "' uses the mutable tag '" + parts.tag +
                    "'; name a release and pin it by digest");
  }
  if (parts.digest.empty()) {
    diags.error(from.ref.pos, "unpinned-base",
                "base image '" + from.ref.value + "' is not pinned by digest; write '" +
                    from.ref.value + "@sha256:<digest>' or use 'bootstrap:debian/bookworm'");
  } else if (!is_sha256_digest(parts.digest)) {
    diags.error(from.ref.pos, "bad-digest",
                "'" + parts.digest +
                    "' is not a sha256 digest (sha256: followed by 64 lower-case hex digits)");
  }
  const auto& allowed = stack.policy.allowed_base_registries;
  if (!allowed.empty() &&
      std::none_of(allowed.begin(), allowed.end(), [&](const model::Located& prefix) {
        return parts.name.rfind(prefix.value, 0) == 0;
      })) {
    std::string list;
    for (const auto& a : allowed)
      list += (list.empty() ? "" : ", ") + a.value;
    diags.error(from.ref.pos, "registry-not-allowed",
                "base image '" + parts.name + "' is not from an allowed registry (" + list + ")");
  }
}

bool looks_secret(std::string_view key) {
  std::string upper;
  for (char c : key)
    upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  static constexpr std::array<std::string_view, 7> k_words = {
      "PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "PRIVATE_KEY", "CREDENTIAL"};
  return std::any_of(k_words.begin(), k_words.end(),
                     [&](std::string_view w) { return upper.find(w) != std::string::npos; });
}

// Env names were judged by the parser (grammar::env_name); what remains is their meaning.
void check_env(const model::ImageSpec& image, Diagnostics& diags) {
  for (const auto& [key, value] : image.env) {
    if (looks_secret(key) && !value.value.empty()) {
      diags.error(value.pos, "secret-in-layer",
                  "env '" + key +
                      "' looks like a secret; secrets must not be baked into image layers "
                      "(pass them at run time)");
    }
  }
}

// Each code-server release runs on one Node major only: Plinth must know which to install.
void check_code_server(const model::Tool& tool, Diagnostics& diags) {
  const auto v = Version::parse(tool.version);
  if (v && v->size() == 3 && compat::code_server_node(*v)) return;
  diags.error(tool.pos, "unknown-code-server",
              "code-server '" + tool.version +
                  "' is not a release Plinth can install: it knows the Node.js runtime of "
                  "code-server " +
                  compat::code_server_known_range() + " (each release needs one Node major)");
}

void check_user_and_tools(const model::ImageSpec& image, Diagnostics& diags) {
  if (image.user) {
    if (image.user->uid == 0 || image.user->name == "root") {
      diags.error(image.user->pos, "root-user",
                  "images must run as a non-root user; choose a uid other than 0 and a name other "
                  "than root");
    }
    static const std::regex k_user(R"(^[a-z_][a-z0-9_-]{0,31}$)");
    if (!image.user->name.empty() && !std::regex_match(image.user->name, k_user)) {
      diags.error(image.user->pos, "bad-user",
                  "'" + image.user->name + "' is not a valid user name");
    }
  }
  if (image.workdir && (image.workdir->value.empty() || image.workdir->value[0] != '/')) {
    diags.error(image.workdir->pos, "bad-path",
                "workdir must be an absolute path, not '" + image.workdir->value + "'");
  }
  for (const auto& tool : image.tools) {
    if (tool.version == "latest" || tool.version.empty()) {
      diags.error(tool.pos, "unpinned-tool",
                  "tool '" + tool.name + "' needs an exact version, not '" + tool.version + "'");
    } else if (tool.name == "code-server") {
      check_code_server(tool, diags);
    } else if (auto bad = grammar::pep440_version(tool.version)) {
      diags.error(tool.pos, "bad-version",
                  "tool '" + tool.name + "' version '" + tool.version + "' " + *bad +
                      " (it is installed with pip)");
    }
  }
}

} // namespace

void check_image_fields(const model::Stack& stack, const model::ImageSpec& image,
                        Diagnostics& diags) {
  if (!image.version.empty() && !is_semver(image.version.value)) {
    diags.error(image.version.pos, "bad-version",
                "version '" + image.version.value +
                    "' is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.0)");
  }
  if (image.from) check_from(stack, *image.from, diags);
  if (image.tier != model::Tier::base) {
    auto base_only = [&](const SourcePos& where, const char* field) {
      diags.error(where, "base-only-field",
                  std::string("'") + field + "' belongs to the base tier: '" + image.name +
                      "' inherits it from its base image");
    };
    if (image.framework) base_only(image.framework->pos, "framework");
    if (image.python) base_only(image.python->pos, "python");
    if (image.cuda) base_only(image.cuda->pos, "cuda");
    if (image.cudnn) base_only(image.cudnn->pos, "cudnn");
  }
  check_env(image, diags);
  for (const auto& [key, value] : image.labels) {
    if (key.rfind(model::labels::prefix, 0) == 0 || key.rfind("org.opencontainers.", 0) == 0) {
      diags.error(value.pos, "reserved-label",
                  "label '" + key +
                      "' is reserved: Plinth sets io.plinth.* and org.opencontainers.*");
    }
  }
  check_user_and_tools(image, diags);
}

} // namespace plinth::spec
