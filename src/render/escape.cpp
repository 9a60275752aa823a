// SPDX-License-Identifier: Apache-2.0
#include "render/escape.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace plinth::render {
namespace {

bool is_control(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7f;
}

bool has_control(std::string_view s) {
  return std::any_of(s.begin(), s.end(), is_control);
}

bool consists_of(std::string_view s, std::string_view extra) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [extra](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           extra.find(c) != std::string_view::npos;
  });
}

// Shown in error messages: the value with control characters made visible.
std::string shown(std::string_view value) {
  return "'" + comment_text(value) + "'";
}

[[noreturn]] void refuse(std::string_view what, std::string_view value) {
  throw Unrenderable("cannot render " + std::string(what) + " " + shown(value));
}

std::string json_string(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (is_control(c)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Plain paths read the same in every parser: no blanks (BuildKit also splits on Unicode
// spaces, hence ASCII only), no leading '[' (exec form) or '-' (a flag such as --from).
bool plain_path(std::string_view p) {
  return !p.empty() && p.front() != '[' && p.front() != '-' &&
         std::none_of(p.begin(), p.end(),
                      [](char c) { return c == ' ' || static_cast<unsigned char>(c) >= 0x80; });
}

// BuildKit expands variables and removes quotes in COPY and WORKDIR arguments even in exec
// form, so `$`, `\` and quotes have no spelling that survives every builder.
void check_path(std::string_view p) {
  if (p.empty() || has_control(p) || p.find_first_of("$\\\"'") != std::string_view::npos) {
    refuse("path", p);
  }
}

} // namespace

std::string exec_form(const std::vector<std::string>& args) {
  std::string out = "[";
  for (std::size_t i = 0; i < args.size(); ++i) {
    out += (i == 0 ? "" : ", ") + json_string(args[i]);
  }
  return out + "]";
}

std::string shell_word(std::string_view value) {
  if (has_control(value)) refuse("shell word", value);
  if (consists_of(value, "@%+=:,./_-")) return std::string(value);
  std::string out = "'";
  for (char c : value) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

std::string quote(std::string_view value) {
  if (has_control(value)) refuse("quoted value", value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\' || c == '$') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string copy_paths(const std::vector<std::string>& paths) {
  std::for_each(paths.begin(), paths.end(), check_path);
  if (!std::all_of(paths.begin(), paths.end(), plain_path)) return exec_form(paths);
  std::string out;
  for (const auto& p : paths) {
    out += (out.empty() ? "" : " ") + p;
  }
  return out;
}

std::string workdir_path(std::string_view path) {
  check_path(path);
  if (plain_path(path)) return std::string(path);
  return quote(path);
}

std::string label_key(std::string_view key) {
  if (!consists_of(key, "._/-")) refuse("label key", key);
  return std::string(key);
}

std::string env_name(std::string_view name) {
  if (!consists_of(name, "_") || std::isdigit(static_cast<unsigned char>(name.front())) != 0) {
    refuse("environment variable name", name);
  }
  return std::string(name);
}

std::string image_ref(std::string_view ref) {
  if (!consists_of(ref, "._:/@-")) refuse("image reference", ref);
  return std::string(ref);
}

std::string comment_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (is_control(c)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

const std::string& single_line(const std::string& value, std::string_view what) {
  if (has_control(value)) refuse(what, value);
  return value;
}

} // namespace plinth::render
