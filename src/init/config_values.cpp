// SPDX-License-Identifier: Apache-2.0
// Parsers for single config values: durations, commands, readiness probes, JSON strings.
#include "init/config.hpp"

#include <cctype>
#include <charconv>

namespace plinth::init {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool parse_escape(std::string_view text, std::size_t& pos, std::string& out) {
  const char c = text[pos++];
  switch (c) {
  case '"':
  case '\\':
  case '/': out += c; return true;
  case 'n': out += '\n'; return true;
  case 't': out += '\t'; return true;
  case 'r': out += '\r'; return true;
  case 'b': out += '\b'; return true;
  case 'f': out += '\f'; return true;
  case 'u': {
    unsigned cp = 0;
    if (pos + 4 > text.size() ||
        std::from_chars(text.data() + pos, text.data() + pos + 4, cp, 16).ptr !=
            text.data() + pos + 4) {
      return false;
    }
    pos += 4;
    append_utf8(out, cp);
    return true;
  }
  default: return false;
  }
}

// Shell-like word splitting: whitespace separates words, '...' is literal, "..." and bare
// words honour backslash escapes. No expansion of any kind.
std::optional<std::vector<std::string>> split_words(std::string_view text, std::string& why) {
  std::vector<std::string> words;
  std::string cur;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_space(c)) {
      if (in_word) {
        words.push_back(cur);
        cur.clear();
        in_word = false;
      }
      continue;
    }
    in_word = true;
    if (c == '\'') {
      const auto end = text.find('\'', i + 1);
      if (end == std::string_view::npos) {
        why = "unterminated single quote";
        return std::nullopt;
      }
      cur.append(text.substr(i + 1, end - i - 1));
      i = end;
    } else if (c == '"') {
      ++i;
      while (i < text.size() && text[i] != '"') {
        if (text[i] == '\\' && i + 1 < text.size()) {
          ++i;
        }
        cur += text[i++];
      }
      if (i >= text.size()) {
        why = "unterminated double quote";
        return std::nullopt;
      }
    } else if (c == '\\' && i + 1 < text.size()) {
      cur += text[++i];
    } else {
      cur += c;
    }
  }
  if (in_word) {
    words.push_back(cur);
  }
  return words;
}

std::optional<int> parse_port(std::string_view text) {
  int port = 0;
  const auto res = std::from_chars(text.data(), text.data() + text.size(), port);
  if (res.ec != std::errc() || res.ptr != text.data() + text.size() || port < 1 || port > 65535) {
    return std::nullopt;
  }
  return port;
}

// "host:port" with a numeric IPv4 host or localhost.
bool parse_host_port(std::string_view text, ReadyProbe& probe, std::string& why) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos) {
    why = "expected HOST:PORT in '" + std::string(text) + "'";
    return false;
  }
  std::string host(text.substr(0, colon));
  if (host == "localhost" || host.empty()) {
    host = "127.0.0.1";
  }
  for (char c : host) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') {
      why = "host '" + host + "' must be a numeric IPv4 address (no name lookups in plinth-init)";
      return false;
    }
  }
  const auto port = parse_port(text.substr(colon + 1));
  if (!port) {
    why = "invalid port in '" + std::string(text) + "'";
    return false;
  }
  probe.host = host;
  probe.port = *port;
  return true;
}

} // namespace

std::optional<std::string> parse_json_string(std::string_view text, std::size_t& pos,
                                             std::string& why) {
  if (pos >= text.size() || text[pos] != '"') {
    why = "expected '\"'";
    return std::nullopt;
  }
  std::string out;
  ++pos;
  while (pos < text.size() && text[pos] != '"') {
    if (text[pos] == '\\') {
      ++pos;
      if (pos >= text.size() || !parse_escape(text, pos, out)) {
        why = "invalid escape in string";
        return std::nullopt;
      }
    } else {
      out += text[pos++];
    }
  }
  if (pos >= text.size()) {
    why = "unterminated string";
    return std::nullopt;
  }
  ++pos;
  return out;
}

std::optional<Millis> parse_duration(std::string_view text, std::string& why) {
  double value = 0;
  const auto res = std::from_chars(text.data(), text.data() + text.size(), value);
  if (res.ec != std::errc() || value < 0) {
    why = "invalid duration '" + std::string(text) + "' (examples: 8, 8s, 500ms, 2m)";
    return std::nullopt;
  }
  const std::string_view unit(res.ptr, text.data() + text.size() - res.ptr);
  double scale = 1000;
  if (unit == "ms") {
    scale = 1;
  } else if (unit == "m") {
    scale = 60000;
  } else if (unit == "h") {
    scale = 3600000;
  } else if (!unit.empty() && unit != "s") {
    why = "unknown duration unit '" + std::string(unit) + "' (use ms, s, m or h)";
    return std::nullopt;
  }
  return Millis(static_cast<long long>(value * scale + 0.5));
}

std::optional<std::vector<std::string>> parse_command(std::string_view text, std::string& why) {
  std::vector<std::string> argv;
  if (!text.empty() && text.front() == '[') {
    std::size_t pos = 1;
    auto skip = [&] {
      while (pos < text.size() && is_space(text[pos])) {
        ++pos;
      }
    };
    skip();
    while (pos < text.size() && text[pos] != ']') {
      auto s = parse_json_string(text, pos, why);
      if (!s) {
        return std::nullopt;
      }
      argv.push_back(*s);
      skip();
      if (pos < text.size() && text[pos] == ',') {
        ++pos;
        skip();
      } else if (pos < text.size() && text[pos] != ']') {
        why = "expected ',' or ']' in command array";
        return std::nullopt;
      }
    }
    if (pos >= text.size() || pos + 1 != text.size()) {
      why = "command array must end with ']'";
      return std::nullopt;
    }
  } else {
    auto words = split_words(text, why);
    if (!words) {
      return std::nullopt;
    }
    argv = std::move(*words);
  }
  if (argv.empty() || argv.front().empty()) {
    why = "command is empty";
    return std::nullopt;
  }
  return argv;
}

std::optional<ReadyProbe> parse_ready(std::string_view text, std::string& why) {
  ReadyProbe probe;
  if (text.starts_with("http://")) {
    probe.kind = ProbeKind::http;
    auto rest = text.substr(7);
    const auto slash = rest.find('/');
    probe.path = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
    auto hostport = rest.substr(0, slash);
    if (hostport.find(':') == std::string_view::npos) {
      return parse_host_port(std::string(hostport) + ":80", probe, why) ? std::optional(probe)
                                                                        : std::nullopt;
    }
    return parse_host_port(hostport, probe, why) ? std::optional(probe) : std::nullopt;
  }
  if (text.starts_with("tcp:")) {
    probe.kind = ProbeKind::tcp;
    auto rest = text.substr(4);
    if (rest.starts_with("//")) {
      rest.remove_prefix(2);
    }
    return parse_host_port(rest, probe, why) ? std::optional(probe) : std::nullopt;
  }
  if (text.starts_with("cmd:")) {
    probe.kind = ProbeKind::cmd;
    probe.command = std::string(text.substr(4));
    if (probe.command.find_first_not_of(" \t") == std::string::npos) {
      why = "cmd: probe needs a command";
      return std::nullopt;
    }
    return probe;
  }
  if (text == "none" || text.empty()) {
    return probe;
  }
  why = "readiness must be http://HOST:PORT/PATH, tcp:HOST:PORT, cmd:COMMAND or none";
  return std::nullopt;
}

std::string describe_probe(const ReadyProbe& probe) {
  switch (probe.kind) {
  case ProbeKind::http:
    return "http://" + probe.host + ":" + std::to_string(probe.port) + probe.path;
  case ProbeKind::tcp: return "tcp:" + probe.host + ":" + std::to_string(probe.port);
  case ProbeKind::cmd: return "cmd:" + probe.command;
  case ProbeKind::none: break;
  }
  return "";
}

} // namespace plinth::init
