// SPDX-License-Identifier: Apache-2.0
#include "lint/packages.hpp"

#include <algorithm>

namespace plinth::lint {
namespace {

bool in(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

PackageCommand parse(const ShellCommand& cmd, std::size_t first,
                     std::initializer_list<std::string_view> valued) {
  PackageCommand out;
  const auto& w = cmd.words;
  for (std::size_t i = first; i < w.size(); ++i) {
    std::string_view t = w[i].text;
    if (t.size() > 1 && t[0] == '-' && !w[i].quoted) {
      const auto eq = t.find('=');
      const auto name = t.substr(0, eq);
      out.options.push_back(name);
      if (eq == std::string_view::npos && in(name, valued)) {
        ++i; // skip the option's value
      }
      continue;
    }
    if (out.subcommand.empty()) {
      out.subcommand = t;
    } else {
      out.operands.push_back(&w[i]);
    }
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

} // namespace

bool PackageCommand::has_option(std::initializer_list<std::string_view> names) const {
  for (auto o : options) {
    if (in(o, names)) {
      return true;
    }
  }
  return false;
}

PackageCommands package_commands(const ShellCommand& cmd) {
  return {apt_command(cmd), pip_command(cmd), npm_command(cmd), apk_command(cmd)};
}

bool opaque_operand(std::string_view s) {
  return s.empty() || s.find('$') != std::string_view::npos ||
         s.find('/') != std::string_view::npos || s.find('`') != std::string_view::npos ||
         s.find('*') != std::string_view::npos || s[0] == '.' || s[0] == '<' || s[0] == '>' ||
         s.find(".deb") != std::string_view::npos || s.find(".whl") != std::string_view::npos ||
         s.find(".tar") != std::string_view::npos || s.find(".tgz") != std::string_view::npos;
}

PackageCommand apt_command(const ShellCommand& cmd) {
  const auto n = cmd.name();
  if (n != "apt-get" && n != "apt") {
    return {};
  }
  return parse(cmd, cmd.program + 1,
               {"-o", "--option", "-t", "--target-release", "--default-release", "-c",
                "--config-file", "-a", "--host-architecture"});
}

PackageCommand pip_command(const ShellCommand& cmd) {
  const auto n = cmd.name();
  std::size_t first = cmd.program + 1;
  if (starts_with(n, "python")) {
    if (cmd.arg(0) != "-m" || (cmd.arg(1) != "pip" && cmd.arg(1) != "pip3")) {
      return {};
    }
    first += 2;
  } else if (!(n == "pip" || starts_with(n, "pip3") || starts_with(n, "pip2"))) {
    return {};
  }
  return parse(cmd, first,
               {"-r",
                "--requirement",
                "-c",
                "--constraint",
                "-i",
                "--index-url",
                "--extra-index-url",
                "-f",
                "--find-links",
                "-t",
                "--target",
                "--prefix",
                "--root",
                "--src",
                "-e",
                "--editable",
                "--trusted-host",
                "--platform",
                "--python-version",
                "--implementation",
                "--abi",
                "--progress-bar",
                "--cache-dir",
                "--upgrade-strategy",
                "--log",
                "--proxy",
                "--retries",
                "--timeout",
                "--exists-action",
                "-C",
                "--config-settings",
                "--global-option",
                "--install-option",
                "--only-binary",
                "--no-binary",
                "--python"});
}

PackageCommand npm_command(const ShellCommand& cmd) {
  if (cmd.name() != "npm") {
    return {};
  }
  return parse(cmd, cmd.program + 1,
               {"--prefix", "--registry", "--cache", "--tag", "-w", "--workspace"});
}

PackageCommand apk_command(const ShellCommand& cmd) {
  if (cmd.name() != "apk") {
    return {};
  }
  return parse(cmd, cmd.program + 1,
               {"-X", "--repository", "-t", "--virtual", "-p", "--root", "--arch", "--keys-dir",
                "--repositories-file", "--cache-dir"});
}

} // namespace plinth::lint
