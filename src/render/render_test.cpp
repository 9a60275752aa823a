// SPDX-License-Identifier: Apache-2.0
#include "render/render.hpp"

#include <gtest/gtest.h>

using namespace plinth;

namespace {

// A small resolved stack built by hand: base -> common -> project.
struct Stack3 {
  model::Stack stack;
  model::ResolvedStack resolved;

  Stack3() {
    stack.file = "plinth.yaml";
    stack.name.value = "demo";
    stack.registry.value = "registry.example.com/ml";
    model::ImageSpec base;
    base.name = "base";
    base.tier = model::Tier::base;
    base.version.value = "1.0.0";
    base.from = model::BaseFrom{{"bootstrap:debian/bookworm", {}}, true, "debian", "bookworm"};
    base.apt = {{"git", "", {}}};
    base.pip = {{"numpy", "", "==", "1.26.4", "numpy==1.26.4", {}}};
    base.user = model::User{"ml", 1000, 1000, {}};
    base.tools = {{"jupyter", "4.2.5", 8888, {}}};
    model::ImageSpec common;
    common.name = "common";
    common.tier = model::Tier::common;
    common.parent.value = "base";
    common.version.value = "0.1.0";
    model::ImageSpec project;
    project.name = "project";
    project.tier = model::Tier::project;
    project.parent.value = "common";
    project.version.value = "2.0.0";
    project.copy = {{"src", "/workspace/src", {}}};
    stack.images = {base, common, project};
    resolved.stack = &stack;
    const model::ImageSpec* chain[3] = {&stack.images[0], &stack.images[1], &stack.images[2]};
    for (int i = 0; i < 3; ++i) {
      model::ResolvedImage r;
      r.spec = chain[i];
      r.parent = i > 0 ? chain[i - 1] : nullptr;
      r.chain.assign(chain, chain + i + 1);
      r.tensorflow = "2.16.1";
      r.tensorflow_minor = "2.16";
      r.python = "3.11";
      r.user = stack.images[0].user;
      r.workdir = "/workspace";
      r.repository = "registry.example.com/ml/" + chain[i]->name;
      r.tag = "v" + chain[i]->version.value;
      resolved.images.push_back(r);
    }
  }
};

std::size_t at(const std::string& text, const std::string& needle) {
  const auto p = text.find(needle);
  EXPECT_NE(p, std::string::npos) << "missing: " << needle << "\n" << text;
  return p;
}

} // namespace

TEST(Render, OrdersLayersForCacheReuse) {
  Stack3 s;
  const auto out = render::render_stack(s.resolved, render::Flavour::buildkit, {});
  const auto& base = out[0].dockerfile;
  EXPECT_LT(at(base, "apt-get install"), at(base, "python3.11 -m venv"));
  EXPECT_LT(at(base, "tensorflow-cpu==2.16.1"), at(base, "jupyterlab==4.2.5"));
  EXPECT_LT(at(base, "jupyterlab==4.2.5"), at(base, "useradd --uid 1000"));
  EXPECT_LT(at(base, "WORKDIR /workspace"), at(base, "LABEL "));
  const auto& project = out[2].dockerfile;
  EXPECT_LT(at(project, "USER root"),
            at(project, "COPY --link --chown=1000:1000 src /workspace/src"));
}

TEST(Render, EndsAsNonRootAndKeepsCachesOutOfLayers) {
  Stack3 s;
  for (auto flavour : {render::Flavour::buildkit, render::Flavour::classic}) {
    for (const auto& img : render::render_stack(s.resolved, flavour, {})) {
      const auto& df = img.dockerfile;
      EXPECT_EQ(df.substr(df.rfind("USER ")), "USER 1000:1000\n") << img.name;
    }
  }
  const auto classic = render::render_stack(s.resolved, render::Flavour::classic, {});
  EXPECT_NE(classic[0].dockerfile.find("pip install --no-cache-dir"), std::string::npos);
  EXPECT_NE(classic[0].dockerfile.find("rm -rf /var/lib/apt/lists/*"), std::string::npos);
  EXPECT_EQ(classic[0].dockerfile.find("--mount="), std::string::npos);
  EXPECT_EQ(classic[0].dockerfile.find("# syntax="), std::string::npos);
  const auto buildkit = render::render_stack(s.resolved, render::Flavour::buildkit, {});
  EXPECT_NE(buildkit[0].dockerfile.find("--mount=type=cache,target=/root/.cache/pip"),
            std::string::npos);
  EXPECT_NE(buildkit[0].dockerfile.find("rm -rf /var/lib/apt/lists/*"), std::string::npos);
}

TEST(Render, UnpinnedAptPackagesCarryAnExplicitLintWaiver) {
  Stack3 s;
  const auto out = render::render_stack(s.resolved, render::Flavour::buildkit, {});
  EXPECT_NE(out[0].dockerfile.find("# plinth-lint ignore=PL2003\nRUN"), std::string::npos);
}

TEST(Render, InputDigestFollowsFilesAndParents) {
  Stack3 s;
  render::RenderInputs a;
  a.file_digests["src"] = "sha256:aaaa";
  render::RenderInputs b = a;
  b.file_digests["src"] = "sha256:bbbb";
  const auto ra = render::render_stack(s.resolved, render::Flavour::buildkit, a);
  const auto rb = render::render_stack(s.resolved, render::Flavour::buildkit, b);
  EXPECT_EQ(ra[0].input_digest, rb[0].input_digest);
  EXPECT_EQ(ra[1].input_digest, rb[1].input_digest);
  EXPECT_NE(ra[2].input_digest, rb[2].input_digest); // only the project copies src
  s.stack.images[0].pip[0] = {"numpy", "", "==", "1.26.3", "numpy==1.26.3", {}};
  const auto rc = render::render_stack(s.resolved, render::Flavour::buildkit, a);
  for (int i = 0; i < 3; ++i)
    EXPECT_NE(ra[i].input_digest, rc[i].input_digest) << i;
  EXPECT_NE(ra[2].dockerfile.find("io.plinth.inputs.digest=\"" + ra[2].input_digest + "\""),
            std::string::npos);
}

TEST(Render, PinsParentsByDigestWhenKnown) {
  Stack3 s;
  render::RenderInputs in;
  in.image_digests["common"] = "sha256:" + std::string(64, 'c');
  const auto out = render::render_stack(s.resolved, render::Flavour::buildkit, in);
  EXPECT_NE(out[2].dockerfile.find("FROM registry.example.com/ml/common:v0.1.0@sha256:ccc"),
            std::string::npos);
  EXPECT_NE(out[1].dockerfile.find("FROM registry.example.com/ml/base:v1.0.0\n"),
            std::string::npos);
}

TEST(Render, DockerignoreAllowsOnlyCopiedFiles) {
  Stack3 s;
  const auto out = render::render_stack(s.resolved, render::Flavour::buildkit, {});
  EXPECT_EQ(out[2].dockerignore, "# Generated by plinth: the build context holds only what image "
                                 "'project' copies.\n*\n!.plinth\n!src\n");
}

TEST(Render, BaseWithToolsRunsUnderPlinthInit) {
  Stack3 s;
  s.resolved.images[0].tools = s.stack.images[0].tools;
  const auto out = render::render_stack(s.resolved, render::Flavour::buildkit, {});
  EXPECT_TRUE(out[0].needs_init_binary);
  EXPECT_FALSE(out[1].needs_init_binary);
  EXPECT_NE(out[0].dockerfile.find("COPY .plinth/plinth-init /usr/local/bin/plinth-init\n"
                                   "COPY .plinth/plinth-init.conf /etc/plinth-init.conf\n"
                                   "ENTRYPOINT [\"/usr/local/bin/plinth-init\"]"),
            std::string::npos);
  EXPECT_NE(out[0].init_config.find("[service jupyter]\ncommand = [\"jupyter\",\"lab\""),
            std::string::npos);
  EXPECT_NE(out[0].init_config.find("user = 1000:1000"), std::string::npos);
  EXPECT_EQ(out[0].init_config.find("token"), std::string::npos);
  EXPECT_TRUE(out[1].init_config.empty()); // inherits the base's config
}

TEST(Render, FirstImageWithJupyterAndTensorboardGetsTheServerProxy) {
  Stack3 s;
  s.stack.images[1].tools = {{"tensorboard", "2.16.2", 6006, {}}};
  const auto out = render::render_stack(s.resolved, render::Flavour::buildkit, {});
  EXPECT_EQ(out[0].dockerfile.find("jupyter-server-proxy"), std::string::npos);
  EXPECT_NE(out[1].dockerfile.find("jupyter-server-proxy==4.4.0"), std::string::npos);
  EXPECT_EQ(out[2].dockerfile.find("jupyter-server-proxy"), std::string::npos);
}
