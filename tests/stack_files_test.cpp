// SPDX-License-Identifier: Apache-2.0
// The stack files shipped in the repository: every example passes `check`, every file in
// tests/spec-invalid/ fails with its expected message at its expected line and column, and
// rendering the examples matches the golden files byte for byte.
#include "app/load_stack.hpp"
#include "compat/db.hpp"
#include "lint/engine.hpp"
#include "render/render.hpp"
#include "util/files.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using namespace plinth;

namespace {

const fs::path k_root = PLINTH_SOURCE_DIR;

std::string all_diagnostics(const app::LoadedStack& s) {
  std::string out;
  for (const auto& d : s.diags.items())
    out += format_diagnostic(d) + "\n";
  return out;
}

struct Expectation {
  std::string file;
  int line = 0;
  int column = 0;
  std::string message_prefix;
};

std::vector<Expectation> read_expectations() {
  std::vector<Expectation> out;
  std::ifstream in(k_root / "tests/spec-invalid/EXPECTED.tsv");
  std::string row;
  while (std::getline(in, row)) {
    if (row.empty() || row[0] == '#') continue;
    std::istringstream ss(row);
    Expectation e;
    std::string pos;
    std::getline(ss, e.file, '\t');
    std::getline(ss, pos, '\t');
    std::getline(ss, e.message_prefix);
    e.line = std::stoi(pos.substr(0, pos.find(':')));
    e.column = std::stoi(pos.substr(pos.find(':') + 1));
    out.push_back(e);
  }
  return out;
}

} // namespace

TEST(Examples, EveryExamplePassesCheck) {
  int count = 0;
  for (const auto& dir : fs::directory_iterator(k_root / "examples")) {
    const auto file = dir.path() / "plinth.yaml";
    if (!fs::exists(file)) continue;
    ++count;
    const auto loaded = app::load_stack(file, compat::Db::builtin());
    EXPECT_TRUE(loaded.ok()) << file << "\n" << all_diagnostics(loaded);
    EXPECT_EQ(loaded.diags.items().size(), 0u) << all_diagnostics(loaded);
  }
  EXPECT_GE(count, 2);
}

TEST(InvalidStacks, EachFileFailsAtTheExpectedPosition) {
  const auto expectations = read_expectations();
  std::set<std::string> covered;
  for (const auto& e : expectations) {
    covered.insert(e.file);
    const auto loaded =
        app::load_stack(k_root / "tests/spec-invalid" / e.file, compat::Db::builtin());
    EXPECT_FALSE(loaded.ok()) << e.file;
    bool found = false;
    for (const auto& d : loaded.diags.items()) {
      found = found || (d.severity == Severity::error && d.where.line == e.line &&
                        d.where.column == e.column && d.message.rfind(e.message_prefix, 0) == 0);
    }
    EXPECT_TRUE(found) << e.file << ": expected " << e.line << ":" << e.column << ": "
                       << e.message_prefix << "\ngot:\n"
                       << all_diagnostics(loaded);
  }
  int files = 0;
  for (const auto& f : fs::directory_iterator(k_root / "tests/spec-invalid")) {
    if (f.path().extension() != ".yaml") continue;
    ++files;
    EXPECT_TRUE(covered.count(f.path().filename().string()))
        << f.path() << " has no line in EXPECTED.tsv";
  }
  EXPECT_GE(files, 60);
}

TEST(InvalidStacks, ReportsSeveralErrorsInOneRun) {
  const auto loaded =
      app::load_stack(k_root / "tests/spec-invalid/08-unpinned-pip.yaml", compat::Db::builtin());
  EXPECT_EQ(loaded.diags.error_count(), 2u) << all_diagnostics(loaded);
}

class GoldenRender : public ::testing::TestWithParam<std::tuple<std::string, render::Flavour>> {};

TEST_P(GoldenRender, MatchesGoldenFilesAndIsDeterministic) {
  const auto& [example, flavour] = GetParam();
  const auto loaded =
      app::load_stack(k_root / "examples" / example / "plinth.yaml", compat::Db::builtin());
  ASSERT_TRUE(loaded.ok()) << all_diagnostics(loaded);
  render::RenderInputs inputs;
  inputs.file_digests = loaded.file_digests;
  const auto first_r = render::render_stack(*loaded.resolved, flavour, inputs);
  const auto second_r = render::render_stack(*loaded.resolved, flavour, inputs);
  ASSERT_TRUE(first_r && second_r);
  const auto& first = *first_r;
  const auto& second = *second_r;
  ASSERT_EQ(first.size(), second.size());
  const bool update = std::getenv("PLINTH_UPDATE_GOLDEN") != nullptr;
  const auto golden =
      k_root / "tests/golden" / example / std::string(render::flavour_name(flavour));
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].dockerfile, second[i].dockerfile);
    for (const auto& [name, text] : {std::pair{"Dockerfile", first[i].dockerfile},
                                     std::pair{".dockerignore", first[i].dockerignore},
                                     std::pair{"plinth-init.conf", first[i].init_config}}) {
      if (text.empty()) continue;
      const auto path = golden / first[i].name / name;
      if (update) {
        fs::create_directories(path.parent_path());
        ASSERT_TRUE(write_file_atomic(path, text));
        continue;
      }
      const auto expected = read_file(path);
      ASSERT_TRUE(expected) << path << " missing; run with PLINTH_UPDATE_GOLDEN=1 to create it";
      EXPECT_EQ(*expected, text) << path
                                 << " differs; if intended, PLINTH_UPDATE_GOLDEN=1 rewrites it";
    }
  }
}

// Every Dockerfile Plinth renders lints clean with the default rules. The only addition
// is the stack's own registry as digest-exempt: children are built FROM their parent's
// Plinth tag, which plinth.lock pins by digest at build time.
TEST_P(GoldenRender, RenderedDockerfilesLintClean) {
  const auto& [example, flavour] = GetParam();
  const auto loaded =
      app::load_stack(k_root / "examples" / example / "plinth.yaml", compat::Db::builtin());
  ASSERT_TRUE(loaded.ok()) << all_diagnostics(loaded);
  lint::Config config;
  config.digest_exempt_prefixes.push_back(loaded.stack->registry.value + "/");
  lint::Engine engine(config);
  const auto rendered = render::render_stack(*loaded.resolved, flavour, {});
  ASSERT_TRUE(rendered) << rendered.error().describe();
  for (const auto& img : *rendered) {
    for (const auto& f : engine.lint(img.dockerfile)) {
      ADD_FAILURE() << example << "/" << img.name << ":" << f.line << ":" << f.column << ": "
                    << f.rule << " " << f.message;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Examples, GoldenRender,
                         ::testing::Combine(::testing::Values("tf-gpu-team", "tf-cpu-local"),
                                            ::testing::Values(render::Flavour::buildkit,
                                                              render::Flavour::classic)),
                         [](const auto& info) {
                           std::string n =
                               std::get<0>(info.param) + "_" +
                               std::string(render::flavour_name(std::get<1>(info.param)));
                           for (auto& c : n)
                             c = (c == '-') ? '_' : c;
                           return n;
                         });
