// SPDX-License-Identifier: Apache-2.0
#include "spec/grammar.hpp"

#include <algorithm>
#include <regex>

namespace plinth::spec::grammar {
namespace {

bool lower_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool alnum(char c) {
  return lower_alnum(c) || (c >= 'A' && c <= 'Z');
}
bool digit(char c) {
  return c >= '0' && c <= '9';
}

std::string shown(std::string_view s) {
  return "'" + std::string(s.substr(0, 80)) + (s.size() > 80 ? "…'" : "'");
}

Verdict too_long(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::nullopt;
  return "is " + std::to_string(s.size()) + " characters long; at most " + std::to_string(max) +
         " are allowed";
}

// [a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*: the OCI distribution spec's path component.
bool path_component(std::string_view s) {
  if (s.empty() || !lower_alnum(s.front()) || !lower_alnum(s.back())) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (lower_alnum(c)) continue;
    if (c == '.') {
      if (!lower_alnum(s[i + 1])) return false;
    } else if (c == '_') {
      if (s[i + 1] == '_') ++i;
      if (!lower_alnum(s[i + 1])) return false;
    } else if (c == '-') {
      while (s[i + 1] == '-')
        ++i;
      if (!lower_alnum(s[i + 1])) return false;
    } else {
      return false;
    }
  }
  return true;
}

// A DNS name, localhost or an IPv4 address, plus an optional :port.
bool host_port(std::string_view s) {
  const auto colon = s.rfind(':');
  if (colon != std::string_view::npos) {
    const auto port = s.substr(colon + 1);
    if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), digit))
      return false;
    if (std::stoi(std::string(port)) > 65535 || std::stoi(std::string(port)) == 0) return false;
    s = s.substr(0, colon);
  }
  if (s.empty() || s.size() > 253) return false;
  std::size_t start = 0;
  while (start <= s.size()) {
    auto dot = s.find('.', start);
    if (dot == std::string_view::npos) dot = s.size();
    const auto label = s.substr(start, dot - start);
    if (label.empty() || label.size() > 63 || !alnum(label.front()) || !alnum(label.back()))
      return false;
    if (!std::all_of(label.begin(), label.end(), [](char c) { return alnum(c) || c == '-'; }))
      return false;
    start = dot + 1;
  }
  return true;
}

// path component ("/" path component)*
bool repository_path(std::string_view s) {
  std::size_t start = 0;
  while (true) {
    const auto slash = s.find('/', start);
    if (!path_component(s.substr(start, slash - start))) return false;
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

// The first segment is a host when it has a '.' or ':' or is localhost (Docker's rule).
bool looks_like_host(std::string_view first) {
  return first.find('.') != std::string_view::npos || first.find(':') != std::string_view::npos ||
         first == "localhost";
}

std::string hex(unsigned v) {
  static constexpr char k_digits[] = "0123456789ABCDEF";
  std::string out = "U+";
  for (int shift = 12; shift >= 0; shift -= 4)
    out += k_digits[(v >> shift) & 0xF];
  return out;
}

} // namespace

Verdict control_characters(std::string_view s, bool allow_tab) {
  const auto bad = first_bad_character(s, allow_tab);
  if (!bad) return std::nullopt;
  if (bad->control) {
    return bad->what + " at character " + std::to_string(bad->character) +
           "; control characters are not allowed";
  }
  return bad->what + " at byte " + std::to_string(bad->byte + 1);
}

std::optional<BadCharacter> first_bad_character(std::string_view s, bool allow_tab) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size();) {
    ++chars;
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if ((b < 0x20 && !(allow_tab && b == '\t')) || b == 0x7F) {
        return BadCharacter{i, chars, true, "contains the control character " + hex(b)};
      }
      ++i;
      continue;
    }
    // Well-formed UTF-8 (RFC 3629): no overlongs, no surrogates, nothing above U+10FFFF.
    std::size_t len = 0;
    unsigned cp = 0;
    if (b >= 0xC2 && b <= 0xDF) {
      len = 2;
      cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      cp = b & 0x0F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      cp = b & 0x07;
    }
    bool ok = len != 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      ok = (c & 0xC0) == 0x80;
      cp = (cp << 6) | (c & 0x3F);
    }
    ok = ok && !(len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) &&
         !(len == 4 && (cp < 0x10000 || cp > 0x10FFFF));
    if (!ok) {
      return BadCharacter{i, chars, false, "is not valid UTF-8"};
    }
    if (cp >= 0x80 && cp <= 0x9F) {
      return BadCharacter{i, chars, true, "contains the control character " + hex(cp)};
    }
    i += len;
  }
  return std::nullopt;
}

Verdict image_name(std::string_view s) {
  if (auto v = too_long(s, k_max_image_name)) return v;
  if (path_component(s)) return std::nullopt;
  return "must be lower-case letters and digits, separated by single '.', '_', '__' or runs "
         "of '-' (an OCI repository path component), not " +
         shown(s);
}

Verdict stack_name(std::string_view s) {
  return image_name(s);
}

Verdict registry(std::string_view s) {
  if (auto v = too_long(s, 200)) return v;
  const auto slash = s.find('/');
  const auto host = s.substr(0, slash);
  if (!host_port(host)) {
    return "must start with a host name and an optional port (host[:port][/path]), not " + shown(s);
  }
  if (slash != std::string_view::npos && !repository_path(s.substr(slash + 1))) {
    return "has a path that is not lower-case components separated by '/' (host[:port]/path), "
           "not " +
           shown(s);
  }
  return std::nullopt;
}

Verdict image_reference(std::string_view s) {
  if (auto v = too_long(s, 255 + 72 + 129)) return v;
  auto name = s;
  const auto at = s.find('@');
  if (at != std::string_view::npos) {
    const auto digest = s.substr(at + 1);
    const auto colon = digest.find(':');
    const bool ok = colon != std::string_view::npos && colon > 0 && colon + 1 < digest.size() &&
                    std::all_of(digest.begin(), digest.begin() + static_cast<long>(colon),
                                [](char c) { return lower_alnum(c) || c == '+' || c == '.'; }) &&
                    std::all_of(digest.begin() + static_cast<long>(colon) + 1, digest.end(),
                                [](char c) { return digit(c) || (c >= 'a' && c <= 'f'); });
    if (!ok) return "has a digest that is not algorithm:hex, not " + shown(digest);
    name = s.substr(0, at);
  }
  const auto last_slash = name.rfind('/');
  const auto colon = name.rfind(':');
  if (colon != std::string_view::npos &&
      (last_slash == std::string_view::npos || colon > last_slash)) {
    const auto tag = name.substr(colon + 1);
    const bool ok = !tag.empty() && tag.size() <= 128 && (alnum(tag[0]) || tag[0] == '_') &&
                    std::all_of(tag.begin(), tag.end(), [](char c) {
                      return alnum(c) || c == '_' || c == '.' || c == '-';
                    });
    if (!ok) return "has a tag that is not [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}, not " + shown(tag);
    name = name.substr(0, colon);
  }
  const auto first_slash = name.find('/');
  auto path = name;
  if (first_slash != std::string_view::npos && looks_like_host(name.substr(0, first_slash))) {
    if (!host_port(name.substr(0, first_slash))) {
      return "has a registry host that is not host[:port], not " +
             shown(name.substr(0, first_slash));
    }
    path = name.substr(first_slash + 1);
  }
  if (!repository_path(path)) {
    return "is not an image reference ([host[:port]/]name[:tag][@sha256:digest] with a "
           "lower-case name), not " +
           shown(s);
  }
  return std::nullopt;
}

Verdict label_key(std::string_view s) {
  if (auto v = too_long(s, 255)) return v;
  const bool ok = !s.empty() && alnum(s.front()) && alnum(s.back()) &&
                  std::all_of(s.begin(), s.end(),
                              [](char c) { return alnum(c) || c == '.' || c == '-' || c == '_'; });
  if (ok) return std::nullopt;
  return "must be letters, digits, '.', '-' and '_' (reverse-DNS style, e.g. "
         "com.example.team), starting and ending with a letter or digit";
}

Verdict env_name(std::string_view s) {
  if (auto v = too_long(s, 255)) return v;
  const bool ok = !s.empty() && !digit(s.front()) &&
                  std::all_of(s.begin(), s.end(), [](char c) { return alnum(c) || c == '_'; });
  if (ok) return std::nullopt;
  return "is not a valid environment variable name (letters, digits and '_', not starting "
         "with a digit)";
}

namespace {

// Components of a '/'-separated path: none may be '..'.
bool has_dotdot(std::string_view s) {
  std::size_t start = 0;
  while (start <= s.size()) {
    auto slash = s.find('/', start);
    if (slash == std::string_view::npos) slash = s.size();
    if (s.substr(start, slash - start) == "..") return true;
    start = slash + 1;
  }
  return false;
}

} // namespace

Verdict absolute_path(std::string_view s) {
  if (auto v = too_long(s, 4096)) return v;
  if (auto v = control_characters(s)) return v;
  if (s.empty() || s.front() != '/') return "must be an absolute path, not " + shown(s);
  if (has_dotdot(s)) return "must not contain '..' components: " + shown(s);
  return std::nullopt;
}

Verdict relative_path(std::string_view s) {
  if (auto v = too_long(s, 4096)) return v;
  if (auto v = control_characters(s)) return v;
  if (s.empty() || s.front() == '/' || has_dotdot(s)) {
    return "must be a path inside the stack's directory, not " + shown(s);
  }
  return std::nullopt;
}

Verdict semver(std::string_view s) {
  if (auto v = too_long(s, 128)) return v;
  // semver.org's recommended regular expression.
  static const std::regex k_semver(
      R"(^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*))"
      R"((?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?)"
      R"((?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$)");
  if (std::regex_match(s.begin(), s.end(), k_semver)) return std::nullopt;
  return "is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.0)";
}

Verdict debian_package_name(std::string_view s) {
  if (auto v = too_long(s, 128)) return v;
  const bool ok =
      s.size() >= 2 && lower_alnum(s.front()) && std::all_of(s.begin(), s.end(), [](char c) {
        return lower_alnum(c) || c == '+' || c == '-' || c == '.';
      });
  if (ok) return std::nullopt;
  return "is not a Debian package name (lower case letters, digits, + - .)";
}

Verdict debian_version(std::string_view s) {
  if (auto v = too_long(s, 128)) return v;
  auto upstream = s;
  if (const auto colon = s.find(':'); colon != std::string_view::npos) {
    const auto epoch = s.substr(0, colon);
    if (epoch.empty() || !std::all_of(epoch.begin(), epoch.end(), digit)) {
      return "is not a Debian version: the epoch before ':' must be a number";
    }
    upstream = s.substr(colon + 1);
  }
  const bool ok =
      !upstream.empty() && digit(upstream.front()) &&
      std::all_of(upstream.begin(), upstream.end(),
                  [](char c) {
                    return alnum(c) || c == '.' || c == '+' || c == '~' || c == '-' || c == ':';
                  }) &&
      upstream.back() != '-';
  if (ok) return std::nullopt;
  return "is not a Debian version ([epoch:]upstream[-revision]; letters, digits and . + ~ - "
         "only, starting with a digit)";
}

Verdict pep440_version(std::string_view s, bool wildcard) {
  if (auto v = too_long(s, 128)) return v;
  // PEP 440's public version scheme (normalised and permitted spellings).
  static const std::regex k_version(
      R"(^v?(?:\d+!)?\d+(?:\.\d+)*(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?\d*)?)"
      R"((?:-\d+|[-_.]?(?:post|rev|r)[-_.]?\d*)?(?:[-_.]?dev[-_.]?\d*)?(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?$)",
      std::regex::icase);
  auto body = s;
  if (wildcard && body.size() > 2 && body.substr(body.size() - 2) == ".*") {
    body.remove_suffix(2);
  }
  if (std::regex_match(body.begin(), body.end(), k_version)) return std::nullopt;
  return "is not a PEP 440 version";
}

Verdict pip_name(std::string_view s) {
  if (auto v = too_long(s, 128)) return v;
  const bool ok = !s.empty() && alnum(s.front()) && alnum(s.back()) &&
                  std::all_of(s.begin(), s.end(),
                              [](char c) { return alnum(c) || c == '.' || c == '-' || c == '_'; });
  if (ok) return std::nullopt;
  return "is not a Python project name (PEP 508: letters, digits, '.', '-', '_')";
}

Verdict npm_name(std::string_view s) {
  if (auto v = too_long(s, 214)) return v;
  auto name = s;
  if (!s.empty() && s.front() == '@') {
    const auto slash = s.find('/');
    const auto scope = s.substr(1, slash == std::string_view::npos ? 0 : slash - 1);
    if (slash == std::string_view::npos || scope.empty() ||
        !std::all_of(scope.begin(), scope.end(), [](char c) {
          return lower_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
        })) {
      return "is not an npm package name (a scope is '@scope/name' in lower case)";
    }
    name = s.substr(slash + 1);
  }
  const bool ok = !name.empty() && name.front() != '.' && name.front() != '_' &&
                  std::all_of(name.begin(), name.end(), [](char c) {
                    return lower_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
                  });
  if (ok) return std::nullopt;
  return "is not an npm package name (lower case, URL-safe characters, not starting with '.' "
         "or '_')";
}

Verdict npm_version(std::string_view s) {
  if (auto v = too_long(s, 128)) return v;
  const bool ok = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return alnum(c) || std::string_view(".+-^~<>=*|").find(c) != std::string_view::npos;
  });
  if (ok) return std::nullopt;
  return "is not an npm version or range (digits, letters and . + - ^ ~ < > = * | only)";
}

} // namespace plinth::spec::grammar
