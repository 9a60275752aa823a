// SPDX-License-Identifier: Apache-2.0
#include "lint/packages.hpp"
#include "lint/shell.hpp"

#include <gtest/gtest.h>

namespace plinth::lint {
namespace {

TEST(Shell, SplitsCommandsAndPipes) {
  const auto s =
      parse_shell("set -e; curl -fsSL 'https://x' | sh && echo \"a b\" || true\n# c\nls");
  ASSERT_EQ(s.commands.size(), 6u);
  EXPECT_EQ(s.commands[1].name(), "curl");
  EXPECT_TRUE(s.commands[1].pipe_out);
  EXPECT_TRUE(s.commands[2].pipe_in);
  EXPECT_EQ(s.commands[3].arg(0), "a b");
  EXPECT_EQ(s.commands[5].name(), "ls");
  EXPECT_TRUE(s.has_pipe);
}

TEST(Shell, SkipsWrappersAndAssignments) {
  const auto s =
      parse_shell("DEBIAN_FRONTEND=noninteractive sudo -u root env A=1 /usr/bin/apt-get install x");
  ASSERT_EQ(s.commands.size(), 1u);
  EXPECT_EQ(s.commands[0].name(), "apt-get");
  EXPECT_EQ(s.commands[0].arg(0), "install");
}

TEST(Shell, CommandSubstitutionStaysInOneWord) {
  const auto s = parse_shell("echo $(uname -m | tr a b) done");
  ASSERT_EQ(s.commands.size(), 1u);
  EXPECT_EQ(s.commands[0].arg_count(), 2u);
}

TEST(Packages, AptAndPip) {
  const auto s = parse_shell("apt-get -q -o X=1 install -y --no-install-recommends a b=1");
  const auto apt = apt_command(s.commands[0]);
  EXPECT_EQ(apt.subcommand, "install");
  ASSERT_EQ(apt.operands.size(), 2u);
  EXPECT_TRUE(apt.has_option({"--no-install-recommends"}));
  const auto p = parse_shell("python3 -m pip install -r req.txt -i https://x flask");
  const auto pip = pip_command(p.commands[0]);
  EXPECT_EQ(pip.subcommand, "install");
  ASSERT_EQ(pip.operands.size(), 1u);
  EXPECT_EQ(pip.operands[0]->text, "flask");
  EXPECT_FALSE(pip_command(parse_shell("python3 script.py").commands[0]).valid());
}

} // namespace
} // namespace plinth::lint
