// SPDX-License-Identifier: Apache-2.0
// Package-manager command lines (apt-get, pip, npm, apk): the subcommand, the options and
// the package operands, skipping the values of options that take one (`-o X`, `-r file`).
#pragma once

#include "lint/shell.hpp"

#include <string_view>
#include <vector>

namespace plinth::lint {

struct PackageCommand {
  std::string_view subcommand;            // "install", "add" …; "" if none
  std::vector<std::string_view> options;  // option names, without "=value"
  std::vector<const ShellWord*> operands; // package specs after the subcommand

  bool has_option(std::initializer_list<std::string_view> names) const;
  bool valid() const { return !subcommand.empty(); }
};

// One shell command read as each package manager (at most one is valid).
struct PackageCommands {
  PackageCommand apt, pip, npm, apk;
};

// Returns an invalid (empty) PackageCommand when `cmd` is not that tool.
PackageCommand apt_command(const ShellCommand& cmd); // apt-get and apt
PackageCommand pip_command(const ShellCommand& cmd); // pip, pip3, python -m pip
PackageCommand npm_command(const ShellCommand& cmd);
PackageCommand apk_command(const ShellCommand& cmd);

PackageCommands package_commands(const ShellCommand& cmd);

// A package spec we cannot judge (variables, paths, URLs, archives): never "unpinned".
bool opaque_operand(std::string_view spec);

} // namespace plinth::lint
