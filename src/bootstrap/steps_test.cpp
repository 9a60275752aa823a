// SPDX-License-Identifier: Apache-2.0
#include "bootstrap/steps.hpp"

#include <gtest/gtest.h>

namespace plinth::bootstrap {
namespace {

using Argv = std::vector<std::string>;

TEST(BootstrapSteps, CommandLines) {
  EXPECT_EQ(debootstrap_argv("bookworm", "/var/tmp/w/rootfs", "http://mirror.corp/debian"),
            (Argv{"debootstrap", "--variant=minbase", "bookworm", "/var/tmp/w/rootfs",
                  "http://mirror.corp/debian"}));
  EXPECT_EQ(pack_argv("/w/rootfs", "/w/rootfs.tar"),
            (Argv{"tar", "--numeric-owner", "-C", "/w/rootfs", "-cf", "/w/rootfs.tar", "."}));
}

TEST(BootstrapSteps, ImportChangesLabelTheImage) {
  EXPECT_EQ(import_changes("debian", "bookworm", "http://m/debian"),
            (Argv{"ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                  "CMD [\"/bin/bash\"]",
                  "LABEL io.plinth.bootstrap=\"debian/bookworm\" "
                  "io.plinth.bootstrap.mirror=\"http://m/debian\""}));
}

TEST(BootstrapSteps, SplitReference) {
  EXPECT_EQ(split_reference("plinth.local/bootstrap/debian:bookworm"),
            (std::pair<std::string, std::string>{"plinth.local/bootstrap/debian", "bookworm"}));
  EXPECT_EQ(split_reference("localhost:5000/x:1"),
            (std::pair<std::string, std::string>{"localhost:5000/x", "1"}));
}

} // namespace
} // namespace plinth::bootstrap
