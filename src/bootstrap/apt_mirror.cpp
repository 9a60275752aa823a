// SPDX-License-Identifier: Apache-2.0
#include "bootstrap/apt_mirror.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>

namespace plinth::bootstrap {
namespace {

std::vector<std::string> words(std::string_view line) {
  std::vector<std::string> out;
  std::istringstream in{std::string(line)};
  std::string w;
  while (in >> w) {
    out.push_back(w);
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool is_deb_stanza(const std::string& types) {
  for (const auto& t : words(types)) {
    if (t == "deb") {
      return true;
    }
  }
  return false;
}

void flush_stanza(std::vector<AptSource>& out, std::string& types, std::string& uris,
                  std::string& suites, bool& enabled) {
  if (enabled && is_deb_stanza(types)) {
    for (const auto& u : words(uris)) {
      out.push_back({u, words(suites)});
    }
  }
  types.clear();
  uris.clear();
  suites.clear();
  enabled = true;
}

} // namespace

std::vector<AptSource> parse_sources_list(std::string_view text) {
  std::vector<AptSource> out;
  std::istringstream in{std::string(text)};
  std::string line;
  while (std::getline(in, line)) {
    if (const auto hash = line.find('#'); hash != std::string::npos) {
      line.erase(hash);
    }
    auto w = words(line);
    if (w.size() < 3 || w[0] != "deb") {
      continue;
    }
    std::size_t i = 1;
    if (w[i].front() == '[') { // options: [arch=amd64 signed-by=...]
      while (i < w.size() && w[i].back() != ']') {
        ++i;
      }
      ++i;
    }
    if (i + 1 < w.size()) {
      out.push_back({w[i], {w[i + 1]}});
    }
  }
  return out;
}

std::vector<AptSource> parse_deb822_sources(std::string_view text) {
  std::vector<AptSource> out;
  std::istringstream in{std::string(text)};
  std::string line;
  std::string types;
  std::string uris;
  std::string suites;
  bool enabled = true;
  while (std::getline(in, line)) {
    const auto t = trim(line);
    if (t.empty()) {
      flush_stanza(out, types, uris, suites, enabled);
      continue;
    }
    if (t.front() == '#') {
      continue;
    }
    const auto colon = t.find(':');
    if (colon == std::string_view::npos) {
      continue;
    }
    std::string key(trim(t.substr(0, colon)));
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::string value(trim(t.substr(colon + 1)));
    if (key == "types") {
      types = value;
    } else if (key == "uris") {
      uris = value;
    } else if (key == "suites") {
      suites = value;
    } else if (key == "enabled") {
      enabled = value != "no";
    }
  }
  flush_stanza(out, types, uris, suites, enabled);
  return out;
}

std::string pick_mirror(const std::vector<AptSource>& sources, std::string_view suite) {
  for (const auto& s : sources) {
    if (std::find(s.suites.begin(), s.suites.end(), suite) != s.suites.end()) {
      auto uri = s.uri;
      while (uri.size() > 1 && uri.back() == '/') {
        uri.pop_back();
      }
      return uri;
    }
  }
  return {};
}

std::vector<AptSource> parse_sources_file(std::string_view file_name, std::string_view text) {
  const auto ext = std::filesystem::path(file_name).extension(); // no I/O: ".sources" has none
  return ext == ".sources" ? parse_deb822_sources(text)
         : ext == ".list"  ? parse_sources_list(text)
                           : std::vector<AptSource>{};
}

} // namespace plinth::bootstrap
