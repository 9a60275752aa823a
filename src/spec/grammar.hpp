// SPDX-License-Identifier: Apache-2.0
// The grammar of each kind of value in plinth.yaml. Each check returns nullopt when the value
// is valid, or the sentence that names the rule it breaks ("must be lower case …"), which the
// caller prefixes with the key. Pure: no I/O, no positions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace plinth::spec::grammar {

using Verdict = std::optional<std::string>;

// The first control character (C0, DEL or C1) or invalid UTF-8 sequence in `s`, as a
// sentence with its 1-based character offset; nullopt when the text is clean.
// Tab is allowed only when `allow_tab` (free text such as descriptions).
Verdict control_characters(std::string_view s, bool allow_tab = false);

// The same check with the place: byte offset and 1-based character index of the first bad
// character, whether it is a control character (else invalid UTF-8), and what it is
// ("contains the control character U+000A", "is not valid UTF-8") without the place.
struct BadCharacter {
  std::size_t byte = 0;
  std::size_t character = 0;
  bool control = false;
  std::string what;
};
std::optional<BadCharacter> first_bad_character(std::string_view s, bool allow_tab = false);

// An image name under the stack's registry: one OCI distribution path component.
Verdict image_name(std::string_view s);
// The stack's name: the same rule (it becomes a label value and part of container names).
Verdict stack_name(std::string_view s);
// host[:port][/path] without a scheme.
Verdict registry(std::string_view s);
// An image reference: [host[:port]/]path[:tag][@algorithm:hex].
Verdict image_reference(std::string_view s);
// A label key: reverse-DNS style characters (letters, digits, '.', '-', '_'), no '=' or space.
Verdict label_key(std::string_view s);
// An environment variable name: [A-Za-z_][A-Za-z0-9_]*.
Verdict env_name(std::string_view s);
// An absolute POSIX path in the image without '..' components.
Verdict absolute_path(std::string_view s);
// A relative path inside the stack's folder (no leading '/', no '..' component).
Verdict relative_path(std::string_view s);
// SemVer 2.0.0 (https://semver.org), at most 128 characters.
Verdict semver(std::string_view s);
// A Debian package name and version (Debian Policy 5.6.1 and 5.6.12).
Verdict debian_package_name(std::string_view s);
Verdict debian_version(std::string_view s);
// A PEP 440 public version; `wildcard` allows a trailing ".*" (for == and !=).
Verdict pep440_version(std::string_view s, bool wildcard = false);
// A PEP 508 project name.
Verdict pip_name(std::string_view s);
// An npm package name (validate-npm-package-name rules for new packages), scoped or not.
Verdict npm_name(std::string_view s);
// An npm version or range: semver characters and range operators, no spaces or shell syntax.
Verdict npm_version(std::string_view s);

// Longest accepted value of any free-text field (owner, cadence, description).
inline constexpr std::size_t k_max_text = 1024;
// Longest image name (one path component; the whole reference must stay under 255).
inline constexpr std::size_t k_max_image_name = 128;

} // namespace plinth::spec::grammar
