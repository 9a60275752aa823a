// SPDX-License-Identifier: Apache-2.0
// Edge cases beyond the documented examples: false positives users hit with hadolint.
#include "lint/test_support.hpp"

#include <gtest/gtest.h>

namespace plinth::lint {
namespace {

using testing::fires;
using testing::lint_text;
using testing::only_rule;

struct Case {
  const char* rule;
  const char* dockerfile;
  bool expected;
};

class RuleCases : public ::testing::TestWithParam<Case> {};

TEST_P(RuleCases, Fires) {
  const auto& c = GetParam();
  EXPECT_EQ(fires(c.rule, c.dockerfile), c.expected) << c.rule << " on:\n" << c.dockerfile;
}

const Case k_cases[] = {
    // PL1004: images, stage indexes and variables are not unknown stages.
    {"PL1004", "FROM a AS x\nFROM b\nCOPY --from=0 /a /a\n", false},
    {"PL1004", "FROM b\nCOPY --from=nginx:1.27 /a /a\n", false},
    {"PL1004", "ARG S=x\nFROM b\nCOPY --from=$S /a /a\n", false},
    {"PL1004", "FROM b AS me\nCOPY --from=me /a /a\n", true},
    {"PL1004", "FROM b AS one\nRUN --mount=type=bind,from=two,target=/t ls\nFROM c AS two\n", true},
    // PL1005: FROM sees only global args; platform args are predefined there.
    {"PL1005", "FROM debian:${TAG}\n", true},
    {"PL1005", "ARG TAG=12\nFROM debian:${TAG}\n", false},
    {"PL1005", "FROM --platform=$BUILDPLATFORM debian:12\n", false},
    {"PL1005", "FROM debian:12\nENV PATH=/opt/bin:$PATH\n", false},
    {"PL1005", "FROM scratch\nENV X=$UNSET\n", true},
    {"PL1005", "FROM debian:12\nARG V=1\nFROM debian:12\nLABEL v=${V:-none}\n", false},
    // PL1007: not when SHELL is set in the stage.
    {"PL1007",
     "FROM mcr.microsoft.com/windows:ltsc2022\nSHELL [\"powershell\"]\nCMD Start-Sleep 1\n", false},
    // PL2001/PL2002: stages, scratch and resolved ARG defaults.
    {"PL2001", "FROM debian:12 AS base\nFROM base\n", false},
    {"PL2001", "FROM scratch\n", false},
    {"PL2001", "ARG IMG=debian\nFROM ${IMG}\n", true},
    {"PL2001", "ARG IMG=debian:12\nFROM ${IMG}\n", false},
    {"PL2002", "FROM debian:latest@sha256:abc\n", false},
    {"PL2002", "FROM localhost:5000/debian:latest\n", true},
    {"PL2002", "FROM debian:sid\n", true}, // in the shared list (dockerfile::k_mutable_tags)
    {"PL2002", "FROM debian:Nightly\n", true},
    {"PL2002", "FROM debian:bookworm-20251117\n", false},
    // PL2003: variables, .deb files, -o values and pins are fine; `-t release` skips a value.
    {"PL2003", "FROM d\nRUN apt-get install -y $PKGS\n", false},
    {"PL2003", "FROM d\nRUN apt-get install -y ./x.deb\n", false},
    {"PL2003", "FROM d\nRUN apt-get -o Dpkg::Options::=--force-confold install -y a=1\n", false},
    {"PL2003", "FROM d\nRUN apt-get install -t bookworm-backports -y a=1\n", false},
    {"PL2003", "FROM d\nRUN sudo -E apt-get install -y curl\n", true},
    {"PL2003", "FROM d\nRUN [\"apt-get\", \"install\", \"-y\", \"curl\"]\n", true},
    {"PL2003", "FROM d\nONBUILD RUN apt-get install -y curl\n", true},
    {"PL2003", "FROM d\nRUN <<EOF\napt-get install -y curl\nEOF\n", true},
    {"PL2003", "FROM d\nRUN python3 <<EOF\napt-get install -y curl\nEOF\n", false},
    // PL2005: requirements/constraints, local paths, --index-url values.
    {"PL2005", "FROM p\nRUN pip install -r requirements.txt\n", false},
    {"PL2005", "FROM p\nRUN pip install -c constraints.txt flask\n", false},
    {"PL2005", "FROM p\nRUN pip install --index-url https://x/simple flask==1\n", false},
    {"PL2005", "FROM p\nRUN pip install .\n", false},
    {"PL2005", "FROM p\nRUN python3 -m pip install 'flask>=2'\n", true},
    {"PL2006", "FROM n\nRUN npm install -g @angular/cli@18.2.0\n", false},
    {"PL2006", "FROM n\nRUN npm install -g @angular/cli\n", true},
    {"PL2006", "FROM n\nRUN npm ci\n", false},
    // PL3001: only the final stage matters; inherited USER counts.
    {"PL3001", "FROM d AS build\nUSER root\nFROM d\nUSER 1000\n", false},
    {"PL3001", "FROM d AS base\nUSER 1000\nFROM base\n", false},
    {"PL3001", "FROM d\nUSER 1000\nUSER root:root\n", true},
    {"PL3001", "FROM d\nUSER ${UID}\n", false},
    {"PL3002", "FROM d\nARG PUBLIC_KEY_FILE\n", false},
    {"PL3002", "FROM d\nENV DB_PASSWORD=x\n", true},
    {"PL3002", "FROM d\nENV X=ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n", true},
    {"PL3002", "FROM d\nENV TOKENIZERS_PARALLELISM=false\n", false},
    {"PL3004", "FROM d\nRUN wget -qO- https://x/i.sh | sudo bash\n", true},
    {"PL3004", "FROM d\nRUN curl -fsSL https://x/key | gpg --dearmor -o /k.gpg\n", false},
    {"PL3005", "FROM d\nRUN chmod 1777 /tmp\n", false},
    {"PL3005", "FROM d\nCOPY --chmod=777 a /a\n", true},
    {"PL3007", "FROM d\nCMD code-server --auth none --bind-addr 0.0.0.0:8080\n", true},
    {"PL3007", "FROM d\nCMD jupyter lab --NotebookApp.token='' --ip=0.0.0.0\n", true},
    {"PL3007", "FROM d\nENV JUPYTER_TOKEN=\n", true},
    // PL4001/PL4003: cache mounts count as cleanup.
    {"PL4001",
     "FROM d\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get "
     "install -y a=1\n",
     false},
    {"PL4003", "FROM p\nRUN --mount=target=/root/.cache/pip,type=cache pip install a==1\n", false},
    {"PL4003", "FROM p\nENV PIP_NO_CACHE_DIR=1\nRUN pip install a==1\n", false},
    {"PL4004", "FROM d\nRUN apt-get update && apt-get clean\n", true},
    {"PL5001", "FROM p\nCOPY . /app\nRUN echo hi\n", false},
    {"PL5001", "FROM p AS a\nCOPY . /app\nFROM p\nRUN pip install -r r.txt\n", false},
};

INSTANTIATE_TEST_SUITE_P(Cases, RuleCases, ::testing::ValuesIn(k_cases));

// A Dockerfile in the style `plinth render` emits must be clean with the default rules.
TEST(RenderedStyle, IsClean) {
  const char* df = R"(# syntax=docker/dockerfile:1
# Generated by plinth render; do not edit.
FROM plinth.local/debian:bookworm-20241202 AS base
ARG DEBIAN_FRONTEND=noninteractive
# plinth-lint ignore=PL2003
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install numpy==2.1.3 pandas==2.2.3
RUN pip install --no-cache-dir torch==2.5.1
FROM base
RUN useradd --uid 1000 --create-home dev
USER 1000
WORKDIR /home/dev
CMD ["bash"]
)";
  const auto findings = lint_text(df);
  EXPECT_TRUE(findings.empty()) << findings.front().rule << ": " << findings.front().message;
}

TEST(Positions, FindingsPointAtTheToken) {
  const auto f = only_rule(
      lint_text("FROM d\nRUN apt-get update \\\n && apt-get install -y \\\n     curl\n"), "PL2003");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].line, 4);
  EXPECT_EQ(f[0].column, 6);
  EXPECT_EQ(f[0].end_line, 4);
  const auto h =
      only_rule(lint_text("FROM d\nRUN <<EOF\nset -e\n  apt-get install -y curl\nEOF\n"), "PL2003");
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].line, 4);
  EXPECT_EQ(h[0].column, 22);
}

} // namespace
} // namespace plinth::lint
