// SPDX-License-Identifier: Apache-2.0
#include "init/users.hpp"

#include <charconv>
#include <fcntl.h>
#include <unistd.h>

namespace plinth::init {

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const auto pos = s.find(sep, start);
    out.push_back(s.substr(start, pos == std::string_view::npos ? pos : pos - start));
    if (pos == std::string_view::npos) {
      return out;
    }
    start = pos + 1;
  }
}

std::optional<unsigned> to_id(std::string_view s) {
  unsigned v = 0;
  const auto res = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || res.ec != std::errc() || res.ptr != s.data() + s.size()) {
    return std::nullopt;
  }
  return v;
}

// Calls fn(fields) for each well-formed line of a passwd/group style file.
template <typename Fn> void for_each_entry(std::string_view text, std::size_t min_fields, Fn fn) {
  for (auto line : split(text, '\n')) {
    if (line.empty() || line.front() == '#') {
      continue;
    }
    auto fields = split(line, ':');
    if (fields.size() >= min_fields) {
      fn(fields);
    }
  }
}

std::string read_small_file(const char* path) {
  std::string out;
  const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return out;
  }
  char buf[4096];
  ssize_t n = 0;
  while ((n = ::read(fd, buf, sizeof buf)) > 0 && out.size() < (16u << 20)) {
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

bool resolve_user(std::string_view user, std::string_view passwd, Identity& id, bool& have_gid,
                  std::string& why) {
  const auto numeric = to_id(user);
  bool found = false;
  for_each_entry(passwd, 7, [&](const std::vector<std::string_view>& f) {
    const auto uid = to_id(f[2]);
    if (found || !uid || !(numeric ? *uid == *numeric : f[0] == user)) {
      return;
    }
    found = true;
    id.uid = *uid;
    id.name = std::string(f[0]);
    id.home = std::string(f[5]);
    if (auto gid = to_id(f[3])) {
      id.gid = *gid;
      have_gid = true;
    }
  });
  if (!found && !numeric) {
    why = "unknown user '" + std::string(user) + "' (not in /etc/passwd; use a numeric uid)";
    return false;
  }
  if (!found) {
    id.uid = *numeric;
  }
  return true;
}

} // namespace

std::optional<Identity> resolve_identity(std::string_view spec, std::string_view passwd,
                                         std::string_view group, std::string& why) {
  const auto colon = spec.find(':');
  const auto user = spec.substr(0, colon);
  Identity id;
  bool have_gid = false;
  if (!resolve_user(user, passwd, id, have_gid, why)) {
    return std::nullopt;
  }
  if (colon != std::string_view::npos) {
    const auto gspec = spec.substr(colon + 1);
    const auto numeric = to_id(gspec);
    have_gid = numeric.has_value();
    id.gid = numeric.value_or(0);
    for_each_entry(group, 3, [&](const std::vector<std::string_view>& f) {
      if (!have_gid && f[0] == gspec) {
        id.gid = to_id(f[2]).value_or(0);
        have_gid = to_id(f[2]).has_value();
      }
    });
    if (!have_gid) {
      why = "unknown group '" + std::string(gspec) + "'";
      return std::nullopt;
    }
  }
  if (!have_gid) {
    id.gid = id.uid; // numeric uid without passwd entry: use the same number as gid
  }
  id.groups.push_back(id.gid);
  if (!id.name.empty()) {
    for_each_entry(group, 4, [&](const std::vector<std::string_view>& f) {
      const auto gid = to_id(f[2]);
      for (auto member : split(f[3], ',')) {
        if (gid && member == id.name && *gid != id.gid) {
          id.groups.push_back(*gid);
        }
      }
    });
  }
  return id;
}

std::optional<Identity> resolve_identity(std::string_view spec, std::string& why) {
  const auto passwd = read_small_file("/etc/passwd");
  const auto group = read_small_file("/etc/group");
  return resolve_identity(spec, passwd, group, why);
}

} // namespace plinth::init
