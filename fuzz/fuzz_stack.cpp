// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the stack file as a trust boundary: YAML text -> parse_stack ->
// analyze (builtin compat db) -> tags -> render -> parse. Asserts no crash, that every
// rendered Dockerfile parses back into exactly its plan (no injected or split instruction),
// and that every image's output folder stays below a fake output root. All in memory.
#include "app/render_output.hpp"
#include "compat/db.hpp"
#include "dockerfile/parser.hpp"
#include "policy/tags.hpp"
#include "render/render.hpp"
#include "render/verify.hpp"
#include "spec/analyze.hpp"
#include "spec/parse_stack.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

using namespace plinth;

namespace {

[[noreturn]] void fatal(const std::string& what) {
  std::fprintf(stderr, "fuzz_stack: %s\n", what.c_str());
  std::abort();
}

void check_rendered(const std::vector<render::RenderedImage>& images) {
  const std::filesystem::path root = "/fake/out";
  for (const auto& img : images) {
    if (auto ok = render::verify(img.dockerfile, img.plan); !ok) fatal(ok.error().describe());
    if (dockerfile::parse(img.dockerfile).dockerfile.instructions.size() !=
        img.plan.instructions.size()) {
      fatal("instruction count differs from the plan for image " + img.name);
    }
    // `plinth render` refuses names image_dir refuses; what it accepts must stay below root.
    if (const auto dir = app::image_dir(root, img.name)) {
      const auto rel = dir->lexically_normal().lexically_relative(root);
      if (rel.empty() || *rel.begin() == ".." || std::distance(rel.begin(), rel.end()) != 1) {
        fatal("output folder escapes the root: " + dir->string());
      }
    }
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto parsed = spec::parse_stack(input, "plinth.yaml");
  if (!parsed.stack) return 0;
  static const auto& db = compat::Db::builtin();
  auto analysis = spec::analyze(*parsed.stack, db);
  if (!analysis.resolved) return 0;
  policy::apply_tags(*analysis.resolved, analysis.diags);
  // Validation passed here; the render still checks every value itself, and a refusal
  // (Errc::internal, "cannot render …") is an acceptable outcome, a plan mismatch is not.
  for (const auto flavour : {render::Flavour::buildkit, render::Flavour::classic}) {
    const auto rendered = render::render_stack(*analysis.resolved, flavour, {});
    if (rendered) {
      check_rendered(*rendered);
    } else if (rendered.error().code != Errc::internal) {
      fatal("unexpected error kind: " + rendered.error().describe());
    } else if (rendered.error().message.rfind("rendered Dockerfile does not match", 0) == 0) {
      fatal(rendered.error().describe()); // a refusal is fine; a plan mismatch is a bug
    }
  }
  return 0;
}
