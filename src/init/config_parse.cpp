// SPDX-License-Identifier: Apache-2.0
// The INI-like file format: "[init]" and "[service NAME]" sections of "key = value" lines.
// Chosen because `plinth render` can emit it with string concatenation and users can add a
// service by dropping a file into /etc/plinth-init.d/.
#include "init/config.hpp"
#include "init/signals.hpp"

#include <charconv>

namespace plinth::init {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool valid_name(std::string_view name) {
  if (name.empty() || name.size() > 64) {
    return false;
  }
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    if (!ok) {
      return false;
    }
  }
  return true;
}

std::optional<long long> parse_int(std::string_view text, long long min, std::string& why) {
  long long v = 0;
  const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
  if (res.ec != std::errc() || res.ptr != text.data() + text.size() || v < min) {
    why = "expected an integer >= " + std::to_string(min) + ", got '" + std::string(text) + "'";
    return std::nullopt;
  }
  return v;
}

std::optional<FailurePolicy> parse_failure_policy(std::string_view v, std::string& why) {
  if (v == "exit") {
    return FailurePolicy::exit;
  }
  if (v == "stay") {
    return FailurePolicy::stay;
  }
  why = "expected 'exit' or 'stay', got '" + std::string(v) + "'";
  return std::nullopt;
}

bool set_duration(std::string_view v, Millis& out, std::string& why) {
  auto d = parse_duration(v, why);
  if (d) {
    out = *d;
  }
  return d.has_value();
}

bool set_global(GlobalConfig& g, std::string_view key, std::string_view v, std::string& why) {
  if (key == "grace_period") {
    return set_duration(v, g.grace_period, why);
  }
  if (key == "on_service_failed") {
    auto p = parse_failure_policy(v, why);
    g.on_service_failed = p.value_or(g.on_service_failed);
    return p.has_value();
  }
  if (key == "stop_exit") {
    if (v != "zero" && v != "signal") {
      why = "expected 'zero' or 'signal'";
      return false;
    }
    g.stop_exit = v == "zero" ? StopExit::zero : StopExit::signal;
    return true;
  }
  if (key == "control_socket") {
    g.control_socket = std::string(v);
    return true;
  }
  if (key == "jitter_seed") {
    auto n = parse_int(v, 0, why);
    g.jitter_seed = static_cast<unsigned>(n.value_or(0));
    return n.has_value();
  }
  why = "unknown key '" + std::string(key) + "' in [init]";
  return false;
}

bool set_list(std::vector<std::string>& out, std::string_view v) {
  std::string cur;
  for (char c : v) {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!cur.empty()) {
        out.push_back(cur);
      }
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) {
    out.push_back(cur);
  }
  return true;
}

bool set_restart(ServiceConfig& s, std::string_view v, std::string& why) {
  if (v == "always") {
    s.restart = RestartPolicy::always;
  } else if (v == "on-failure" || v == "on_failure") {
    s.restart = RestartPolicy::on_failure;
  } else if (v == "never") {
    s.restart = RestartPolicy::never;
  } else {
    why = "expected always, on-failure or never, got '" + std::string(v) + "'";
    return false;
  }
  return true;
}

bool set_int(std::string_view v, long long min, long long& out, std::string& why) {
  auto n = parse_int(v, min, why);
  if (n) {
    out = *n;
  }
  return n.has_value();
}

bool set_small_int(std::string_view v, long long min, int& out, std::string& why) {
  long long n = 0;
  if (!set_int(v, min, n, why)) {
    return false;
  }
  out = static_cast<int>(std::min<long long>(n, 1'000'000));
  return true;
}

bool set_service_misc(ServiceConfig& s, std::string_view key, std::string_view v,
                      std::string& why) {
  if (key == "stop_signal") {
    s.stop_signal = signal_from_name(v);
    if (s.stop_signal == 0) {
      why = "unknown signal '" + std::string(v) + "'";
    }
    return s.stop_signal != 0;
  }
  if (key == "on_failed") {
    s.on_failed = parse_failure_policy(v, why);
    return s.on_failed.has_value();
  }
  if (key == "log_file") {
    s.log_file = std::string(v);
    return true;
  }
  if (key == "log_max_bytes") {
    return set_int(v, 1024, s.log_max_bytes, why);
  }
  if (key == "log_keep") {
    return set_small_int(v, 0, s.log_keep, why);
  }
  if (key == "crash_loop_limit") {
    return set_small_int(v, 0, s.crash_loop_limit, why);
  }
  why = "unknown key '" + std::string(key) + "' in [service " + s.name + "]";
  return false;
}

bool set_service_timing(ServiceConfig& s, std::string_view key, std::string_view v,
                        std::string& why, bool& known) {
  known = true;
  if (key == "backoff_initial") {
    return set_duration(v, s.backoff_initial, why);
  }
  if (key == "backoff_max") {
    return set_duration(v, s.backoff_max, why);
  }
  if (key == "backoff_reset") {
    return set_duration(v, s.backoff_reset, why);
  }
  if (key == "crash_loop_window") {
    return set_duration(v, s.crash_loop_window, why);
  }
  if (key == "ready_timeout") {
    return set_duration(v, s.ready_timeout, why);
  }
  if (key == "ready_interval") {
    return set_duration(v, s.ready_interval, why);
  }
  if (key == "ready_attempt_timeout") {
    return set_duration(v, s.ready_attempt_timeout, why);
  }
  if (key == "stop_timeout") {
    return set_duration(v, s.stop_timeout, why);
  }
  known = false;
  return false;
}

bool set_service(ServiceConfig& s, std::string_view key, std::string_view v, std::string& why) {
  if (key == "command") {
    auto argv = parse_command(v, why);
    s.argv = argv.value_or(std::vector<std::string>{});
    return argv.has_value();
  }
  if (key == "user") {
    s.user = std::string(v);
    return true;
  }
  if (key == "workdir") {
    s.workdir = std::string(v);
    return true;
  }
  if (key == "env") {
    const auto eq = v.find('=');
    if (eq == 0 || eq == std::string_view::npos) {
      why = "env expects KEY=VALUE";
      return false;
    }
    s.env.emplace_back(v);
    return true;
  }
  if (key == "depends_on") {
    return set_list(s.depends_on, v);
  }
  if (key == "restart") {
    return set_restart(s, v, why);
  }
  if (key == "ready") {
    auto probe = parse_ready(v, why);
    s.ready = probe.value_or(ReadyProbe{});
    return probe.has_value();
  }
  bool known = false;
  const bool ok = set_service_timing(s, key, v, why, known);
  return known ? ok : set_service_misc(s, key, v, why);
}

// A value that starts with '"' is a JSON string (keeps spaces, allows escapes).
std::optional<std::string> unquote_value(std::string_view v, std::string& why) {
  if (v.empty() || v.front() != '"') {
    return std::string(v);
  }
  std::size_t pos = 0;
  auto s = parse_json_string(v, pos, why);
  if (s && pos != v.size()) {
    why = "unexpected text after the closing quote";
    return std::nullopt;
  }
  return s;
}

struct ParseState {
  Config& cfg;
  std::vector<ConfigError>& errors;
  const std::string& file;
  int line = 0;
  std::optional<std::size_t> service; // index into cfg.services; unset = [init]
  bool in_section = false;
  bool skipping = false; // after a bad header: its keys would only add noise

  void error(std::string msg) { errors.push_back({file, line, std::move(msg)}); }
};

void start_section(ParseState& st, std::string_view header) {
  st.in_section = true;
  st.skipping = true;
  st.service.reset();
  header = trim(header);
  if (header == "init") {
    st.skipping = false;
    return;
  }
  if (!header.starts_with("service ")) {
    st.error("unknown section [" + std::string(header) + "] (expected [init] or [service NAME])");
    st.in_section = false;
    return;
  }
  const auto name = trim(header.substr(8));
  if (!valid_name(name)) {
    st.error("invalid service name '" + std::string(name) + "' (letters, digits, - _ . only)");
    st.in_section = false;
    return;
  }
  for (const auto& other : st.cfg.services) {
    if (other.name == name) {
      st.error("service '" + std::string(name) + "' is already defined at " + other.file + ":" +
               std::to_string(other.line));
      st.in_section = false;
      return;
    }
  }
  ServiceConfig s;
  s.name = std::string(name);
  s.file = st.file;
  s.line = st.line;
  st.cfg.services.push_back(std::move(s));
  st.service = st.cfg.services.size() - 1;
  st.skipping = false;
}

void parse_line(ParseState& st, std::string_view line) {
  line = trim(line);
  if (line.empty() || line.front() == '#' || line.front() == ';') {
    return;
  }
  if (line.front() == '[') {
    if (line.back() != ']') {
      st.error("section header must end with ']'");
      return;
    }
    start_section(st, line.substr(1, line.size() - 2));
    return;
  }
  const auto eq = line.find('=');
  if (eq == std::string_view::npos) {
    st.error("expected 'key = value'");
    return;
  }
  if (st.skipping) {
    return;
  }
  if (!st.in_section) {
    st.error("'key = value' outside of a section (start with [init] or [service NAME])");
    return;
  }
  const auto key = trim(line.substr(0, eq));
  std::string why;
  auto value = unquote_value(trim(line.substr(eq + 1)), why);
  const bool ok = value && (st.service ? set_service(st.cfg.services[*st.service], key, *value, why)
                                       : set_global(st.cfg.global, key, *value, why));
  if (!ok) {
    st.error(std::string(key) + ": " + why);
  }
}

} // namespace

std::string ConfigError::to_string() const {
  return file + (line > 0 ? ":" + std::to_string(line) : "") + ": " + message;
}

void parse_config_text(std::string_view text, const std::string& file, Config& cfg,
                       std::vector<ConfigError>& errors) {
  ParseState st{cfg, errors, file, 0, std::nullopt, false, false};
  while (!text.empty()) {
    ++st.line;
    const auto nl = text.find('\n');
    parse_line(st, text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
  }
}

} // namespace plinth::init
