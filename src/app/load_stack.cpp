// SPDX-License-Identifier: Apache-2.0
#include "app/load_stack.hpp"

#include "policy/tags.hpp"
#include "spec/analyze.hpp"
#include "spec/packages.hpp"
#include "spec/parse_stack.hpp"
#include "util/files.hpp"

namespace plinth::app {
namespace {

namespace fs = std::filesystem;

// A path the stack names must stay inside the stack's folder once symbolic links are
// followed: the build context is that folder, and `check` must not read or hash elsewhere.
bool inside_stack(LoadedStack& out, const std::string& rel, const SourcePos& pos,
                  const std::string& what, bool report = true) {
  std::error_code ec;
  const auto root = fs::weakly_canonical(fs::absolute(out.dir, ec), ec);
  const auto target = fs::weakly_canonical(fs::absolute(out.dir / rel, ec), ec);
  if (ec) return true; // unreadable paths are reported by the readers below
  const auto relative = target.lexically_relative(root);
  if (!relative.empty() && *relative.begin() != "..") return true;
  if (relative == ".") return true;
  if (report)
    out.diags.error(pos, "outside-stack",
                    what + " '" + rel + "' resolves to " + target.string() +
                        ", outside the stack's folder " + root.string());
  return false;
}

// requirements.txt files must follow the same pin policy as the stack's pip lists.
void check_requirements(LoadedStack& out, const model::ImageSpec& img) {
  const auto& req = *img.requirements;
  if (!inside_stack(out, req.value, req.pos, "requirements file")) return;
  const auto path = out.dir / req.value;
  auto text = read_input(path, InputKind::stack_file);
  if (!text) {
    out.diags.error(req.pos, "missing-file",
                    "requirements file '" + req.value +
                        "' cannot be read: " + text.error().message);
    return;
  }
  const auto display = (fs::path(out.path).parent_path() / req.value).string();
  out.sources[display] = *text;
  auto parsed = spec::parse_requirements(*text, display);
  out.diags.append(parsed.diags);
  if (out.stack->policy.pip_pins != model::PinPolicy::exact) return;
  for (const auto& p : parsed.packages) {
    if (p.op != "==" && p.op != "===") {
      out.diags.error(p.pos, "unpinned-package",
                      "pip package '" + p.text + "' is not pinned: write " + p.name +
                          "==<version> (policy.pins.pip is 'exact')");
    }
  }
}

void digest_copied_files(LoadedStack& out, const model::ImageSpec& img) {
  // The requirements file's place was judged (and reported) by check_requirements.
  auto add = [&](const std::string& rel, const SourcePos& pos, bool report) {
    if (!inside_stack(out, rel, pos, "copied path", report)) return;
    if (auto d = digest_path(out.dir / rel)) {
      out.file_digests[rel] = *d;
    } else {
      out.diags.error(pos, "missing-file",
                      "'" + rel + "' does not exist next to the stack file (" +
                          (out.dir / rel).string() + ")");
    }
  };
  if (img.requirements) add(img.requirements->value, img.requirements->pos, false);
  for (const auto& c : img.copy)
    add(c.src, c.pos, true);
}

} // namespace

LoadedStack load_stack(const fs::path& path, const compat::Db& db) {
  LoadedStack out;
  out.path = path;
  out.dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  const auto display = path.string();
  auto text = read_input(path, InputKind::stack_file);
  if (!text) {
    out.diags.error({display, 0, 0}, "io", text.error().message);
    out.read_error = text.error();
    return out;
  }
  out.sources[display] = *text;
  auto parsed = spec::parse_stack(*text, display);
  out.diags.append(parsed.diags);
  if (!parsed.stack) return out;
  out.stack = std::make_unique<model::Stack>(std::move(*parsed.stack));
  for (const auto& img : out.stack->images) {
    if (img.requirements) check_requirements(out, img);
    digest_copied_files(out, img);
  }
  auto analysis = spec::analyze(*out.stack, db);
  out.diags.append(analysis.diags);
  if (analysis.resolved) {
    policy::apply_tags(*analysis.resolved, out.diags);
    out.resolved = std::move(analysis.resolved);
  }
  out.diags.sort();
  return out;
}

} // namespace plinth::app
