// SPDX-License-Identifier: Apache-2.0
// Property test of the renderer over 500 generated valid stacks (fixed seed, so it is
// deterministic): names, absolute paths with spaces and unicode, label keys, env values and
// descriptions with quotes, `$`, backslashes and unicode. Every rendered Dockerfile parses
// back into exactly its plan and carries every value unchanged; `plinth render -o` writes
// every file below the output folder.
#include "app/render_output.hpp"
#include "dockerfile/parser.hpp"
#include "render/render.hpp"
#include "render/verify.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <random>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace plinth;

namespace {

class Gen {
public:
  explicit Gen(unsigned seed) : m_rng(seed) {}

  int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
  template <typename T> const T& pick(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(between(0, static_cast<int>(v.size()) - 1))];
  }
  std::string from(const std::vector<std::string>& alphabet, int lo, int hi) {
    std::string out;
    for (int n = between(lo, hi); n > 0; --n)
      out += pick(alphabet);
    return out;
  }
  // [a-z0-9]+([._-][a-z0-9]+)*
  std::string name() {
    std::string out = from(k_alnum, 1, 6);
    for (int n = between(0, 2); n > 0; --n)
      out += pick(std::vector<std::string>{".", "_", "-"}) + from(k_alnum, 1, 5);
    return out;
  }
  std::string path_segment() { return from(k_path_chars, 1, 8); }
  std::string absolute_path() {
    std::string out;
    for (int n = between(1, 4); n > 0; --n)
      out += "/" + path_segment();
    return out;
  }
  std::string relative_path() {
    std::string out = path_segment();
    for (int n = between(0, 2); n > 0; --n)
      out += "/" + path_segment();
    return out;
  }
  std::string value() { return from(k_value_chars, 0, 24); }
  std::string env_name() {
    return pick(std::vector<std::string>{"A", "B", "_", "X"}) + from(k_upper, 0, 8);
  }

private:
  inline static const std::vector<std::string> k_alnum = {"a", "b", "c", "x", "y", "z", "0", "7"};
  inline static const std::vector<std::string> k_upper = {"A", "Z", "_", "0", "9"};
  inline static const std::vector<std::string> k_path_chars = {
      "a", "b", "Z", "0", "-", "_", ".", " ", "ü", "ñ", "✓", "#", "=",
      "@", "+", ",", "&", "[", "]", "(", ")", "%", ":", "!", "~"};
  inline static const std::vector<std::string> k_value_chars = {
      "a", "Z", "1", " ", "\"", "'", "$", "\\", "{", "}", "ü", "✓",       "#",
      "=", "`", "&", ";", "|",  "<", ">", "*",  "?", "-", "%", "\xc2\xa0"};
  std::mt19937 m_rng;
};

// A generated stack and its resolution; images point into `stack`, so it is not copied.
struct GeneratedStack {
  model::Stack stack;
  model::ResolvedStack resolved;
};

model::ImageSpec image_spec(Gen& g, std::string name, model::Tier tier) {
  model::ImageSpec spec;
  spec.name = std::move(name);
  spec.tier = tier;
  spec.version.value = std::to_string(g.between(0, 9)) + ".1.0";
  spec.owner.value = g.value();
  spec.description = "the \"" + g.value() + "\" image";
  for (int n = g.between(0, 3); n > 0; --n)
    spec.copy.push_back({g.relative_path(), g.absolute_path(), {}});
  for (int n = g.between(0, 3); n > 0; --n)
    spec.env.push_back({g.env_name() + std::to_string(n), {g.value(), {}}});
  for (int n = g.between(0, 3); n > 0; --n)
    spec.labels.push_back({"com.example." + g.name() + "-" + std::to_string(n), {g.value(), {}}});
  if (g.between(0, 1) == 1) spec.workdir = model::Located{g.absolute_path(), {}};
  return spec;
}

std::unique_ptr<GeneratedStack> generate(Gen& g) {
  auto s = std::make_unique<GeneratedStack>();
  s->stack.file = "plinth.yaml";
  s->stack.name.value = g.name();
  s->stack.registry.value = "registry.example.com/" + g.name();
  const int count = g.between(1, 3);
  for (int i = 0; i < count; ++i) {
    auto spec = image_spec(g, g.name() + std::to_string(i), static_cast<model::Tier>(i));
    if (i == 0) {
      spec.from = model::BaseFrom{{"debian:bookworm", {}}, false, "", ""};
      spec.user = model::User{g.name(), g.between(1000, 2000), g.between(1000, 2000), {}};
      if (g.between(0, 1) == 1) spec.tools = {{"jupyter", "4.2.5", 8888, {}}};
    } else {
      spec.parent.value = s->stack.images.back().name;
    }
    s->stack.images.push_back(std::move(spec));
  }
  s->resolved.stack = &s->stack;
  const auto variant = g.between(0, 1) == 1 ? "gpu" : "cpu";
  std::string workdir = "/workspace";
  for (int i = 0; i < count; ++i) {
    const auto& spec = s->stack.images[static_cast<std::size_t>(i)];
    model::ResolvedImage r;
    r.spec = &spec;
    r.parent = i > 0 ? &s->stack.images[static_cast<std::size_t>(i - 1)] : nullptr;
    for (int k = 0; k <= i; ++k)
      r.chain.push_back(&s->stack.images[static_cast<std::size_t>(k)]);
    r.tensorflow = "2.16.1";
    r.tensorflow_minor = "2.16";
    r.variant = variant;
    r.cuda = r.variant == "gpu" ? "12.3" : "";
    r.python = "3.11";
    r.user = s->stack.images[0].user;
    if (spec.workdir) workdir = spec.workdir->value;
    r.workdir = workdir;
    r.tools = s->stack.images[0].tools;
    r.repository = s->stack.registry.value + "/" + spec.name;
    r.tag = "v" + spec.version.value;
    s->resolved.images.push_back(std::move(r));
  }
  return s;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs pairs_of(const dockerfile::Dockerfile& df, dockerfile::Keyword k) {
  Pairs out;
  for (const auto& i : df.instructions) {
    if (i.keyword != k) continue;
    for (const auto& kv : i.pairs)
      out.emplace_back(kv.key, kv.value.value_or(""));
  }
  return out;
}

bool contains(const Pairs& pairs, const std::pair<std::string, std::string>& p) {
  return std::find(pairs.begin(), pairs.end(), p) != pairs.end();
}

// The parsed Dockerfile carries every value of the image exactly.
void expect_values(const model::ResolvedImage& img, const dockerfile::Dockerfile& df) {
  const auto& spec = *img.spec;
  const auto env = pairs_of(df, dockerfile::Keyword::env);
  for (const auto& [k, v] : spec.env)
    EXPECT_TRUE(contains(env, {k, v.value})) << k << "=" << v.value;
  const auto labels = pairs_of(df, dockerfile::Keyword::label);
  for (const auto& [k, v] : spec.labels)
    EXPECT_TRUE(contains(labels, {k, v.value})) << k << "=" << v.value;
  EXPECT_TRUE(contains(labels, {"org.opencontainers.image.description", spec.description}));
  std::vector<std::vector<std::string>> copies;
  std::string workdir;
  for (const auto& i : df.instructions) {
    std::vector<std::string> args;
    for (const auto& a : i.args)
      args.push_back(a.text);
    if (i.keyword == dockerfile::Keyword::copy && !i.flags.empty()) copies.push_back(args);
    if (i.keyword == dockerfile::Keyword::workdir) workdir = args.at(0);
  }
  ASSERT_EQ(copies.size(), spec.copy.size());
  for (std::size_t c = 0; c < copies.size(); ++c)
    EXPECT_EQ(copies[c], (std::vector<std::string>{spec.copy[c].src, spec.copy[c].dest}));
  EXPECT_EQ(workdir, img.workdir);
}

// Every file under `out` lies below it (no links, nothing outside) and there are `expected`.
void expect_written_below(const fs::path& out, std::size_t expected) {
  const auto root = fs::canonical(out);
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    EXPECT_FALSE(e.is_symlink()) << e.path();
    const auto rel = fs::canonical(e.path()).lexically_relative(root);
    EXPECT_FALSE(rel.empty() || *rel.begin() == "..") << e.path();
    files += e.is_regular_file() ? 1 : 0;
  }
  EXPECT_EQ(files, expected);
}

} // namespace

TEST(RenderProperty, GeneratedStacksRenderIntoTheirPlanAndStayBelowTheOutput) {
  Gen g(20261201);
  const auto out =
      fs::path(::testing::TempDir()) / ("plinth-render-property-" + std::to_string(::getpid()));
  for (int n = 0; n < 500; ++n) {
    const auto s = generate(g);
    const auto flavour = n % 2 == 0 ? render::Flavour::buildkit : render::Flavour::classic;
    const auto r = render::render_stack(s->resolved, flavour, {});
    ASSERT_TRUE(r) << "stack " << n << ": " << r.error().describe();
    std::size_t files = 0;
    for (std::size_t i = 0; i < r->size(); ++i) {
      const auto& img = (*r)[i];
      const auto parsed = dockerfile::parse(img.dockerfile);
      ASSERT_EQ(parsed.diagnostics.error_count(), 0u) << img.dockerfile;
      const auto ok = render::verify(img.dockerfile, img.plan);
      ASSERT_TRUE(ok) << ok.error().describe() << "\n" << img.dockerfile;
      EXPECT_EQ(parsed.dockerfile.instructions.size(), img.plan.instructions.size());
      expect_values(s->resolved.images[i], parsed.dockerfile);
      files += 2 + (img.init_config.empty() ? 0 : 1);
    }
    if (n % 10 == 0) { // the file system is slow: a sample is enough
      std::error_code ec;
      fs::remove_all(out, ec);
      const auto written = app::write_rendered(out, *r);
      ASSERT_TRUE(written) << written.error().describe();
      expect_written_below(out, files);
    }
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "first failing stack: " << n;
      break;
    }
  }
  std::error_code ec;
  fs::remove_all(out, ec);
}
