// SPDX-License-Identifier: Apache-2.0
#include "init/status.hpp"

#include "init/contract.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace plinth::init {

namespace {

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) {
    s.append(width - s.size(), ' ');
  }
  return s;
}

} // namespace

std::string format_uptime(long long ms) {
  return plinth::init_contract::format_uptime(ms);
}

std::string json_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\t': out += "\\t"; break;
    case '\r': out += "\\r"; break;
    default:
      if (static_cast<unsigned char>(c) < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
        out += buf;
      } else {
        out += c;
      }
    }
  }
  return out;
}

std::string format_status_table(const std::vector<StatusRow>& rows) {
  std::size_t name_w = 9; // "SERVICE" plus two spaces
  for (const auto& r : rows) {
    name_w = std::max(name_w, r.name.size() + 2);
  }
  std::string out = pad("SERVICE", name_w) + pad("STATE", 10) + pad("PID", 8) +
                    pad("RESTARTS", 10) + pad("UPTIME", 9) + pad("READY", 7) + "LAST EXIT\n";
  for (const auto& r : rows) {
    out += pad(r.name, name_w) + pad(r.state, 10) +
           pad(r.pid > 0 ? std::to_string(r.pid) : "-", 8) + pad(std::to_string(r.restarts), 10) +
           pad(format_uptime(r.uptime_ms), 9) + pad(r.ready ? "yes" : "no", 7) +
           (r.last_exit.empty() ? "-" : r.last_exit) + "\n";
  }
  return out;
}

std::string format_status_json(const SupervisorInfo& info, const std::vector<StatusRow>& rows) {
  std::string out = "{\"supervisor\":{\"pid\":" + std::to_string(info.pid) +
                    ",\"pid1\":" + (info.pid1 ? "true" : "false") + ",\"phase\":\"" +
                    json_escape(info.phase) + "\",\"rss_kb\":" + std::to_string(info.rss_kb) +
                    ",\"uptime_ms\":" + std::to_string(info.uptime_ms) + "},\"services\":[";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    out += std::string(i ? "," : "") + "{\"name\":\"" + json_escape(r.name) + "\",\"state\":\"" +
           r.state + "\",\"pid\":" + (r.pid > 0 ? std::to_string(r.pid) : "null") +
           ",\"restarts\":" + std::to_string(r.restarts) +
           ",\"uptime_ms\":" + (r.uptime_ms >= 0 ? std::to_string(r.uptime_ms) : "null") +
           ",\"ready\":" + (r.ready ? "true" : "false") + ",\"readiness\":\"" +
           json_escape(r.readiness) + "\",\"last_exit\":" +
           (r.last_exit.empty() ? "null" : "\"" + json_escape(r.last_exit) + "\"") + "}";
  }
  return out + "]}\n";
}

long long read_rss_kb() {
  const int fd = ::open("/proc/self/status", O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return 0;
  }
  char buf[4096];
  const ssize_t n = ::read(fd, buf, sizeof buf - 1);
  ::close(fd);
  const std::string_view text(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
  const auto pos = text.find("VmRSS:");
  if (pos == std::string_view::npos) {
    return 0;
  }
  auto rest = text.substr(pos + 6);
  rest.remove_prefix(std::min(rest.find_first_not_of(" \t"), rest.size()));
  long long kb = 0;
  std::from_chars(rest.data(), rest.data() + rest.size(), kb);
  return kb;
}

} // namespace plinth::init
