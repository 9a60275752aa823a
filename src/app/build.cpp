// SPDX-License-Identifier: Apache-2.0
#include "app/build.hpp"
#include "model/labels.hpp"

#include "app/graph_runner.hpp"
#include "app/init_binary.hpp"
#include "app/readback.hpp"
#include "buildplan/locked.hpp"
#include "buildplan/plan.hpp"
#include "render/init_config.hpp"
#include "render/render.hpp"
#include "util/files.hpp"
#include "util/sha256.hpp"

#include <algorithm>
#include <mutex>
#include <optional>

namespace plinth::app {
namespace {

struct Context {
  const LoadedStack& stack;
  const BuildOptions& opts;
  engine::Images& images;         // inspect, list, tag
  engine::Containers& containers; // read back what was built
  Builder& builder;
  Events& events;
  std::vector<render::RenderedImage> rendered; // stack order
  std::vector<std::size_t> selected;           // indices into stack order
  std::optional<lock::LockFile> previous;
  std::vector<BuiltImage> results; // parallel to `selected`
  std::vector<std::optional<Error>> errors;
  std::string init_binary; // plinth-init's bytes, when a base needs it
  std::string builder_id;  // builder name + plinth-init digest
};

const model::ResolvedImage& image_at(const Context& c, std::size_t k) {
  return c.stack.resolved->images[c.selected[k]];
}

// Targets plus their ancestors, in stack order (parents first).
Result<std::vector<std::size_t>> select_images(const model::ResolvedStack& stack,
                                               const std::vector<std::string>& names) {
  std::vector<bool> want(stack.images.size(), names.empty());
  for (const auto& n : names) {
    const auto* img = stack.find(n);
    if (img == nullptr) {
      return fail(Errc::invalid_input, "no image named '" + n + "' in the stack");
    }
    for (const auto* s : img->chain) {
      for (std::size_t i = 0; i < stack.images.size(); ++i) {
        if (stack.images[i].spec == s) {
          want[i] = true;
        }
      }
    }
  }
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i]) {
      out.push_back(i);
    }
  }
  return out;
}

// The base's starting point: the bootstrapped image's ID, or the digest-pinned reference.
Result<std::string> base_parent_id(Context& c, const model::ResolvedImage& img) {
  std::optional<std::string> bootstrap_id;
  if (buildplan::needs_bootstrap_image(img)) {
    PLINTH_TRY_ASSIGN(auto found, c.images.inspect_image(img.spec->from->image_ref()));
    if (found.has_value()) {
      bootstrap_id = found->id;
    }
  }
  return buildplan::base_parent_id(img, bootstrap_id);
}

lock::LockedImage lock_entry(const Context& c, std::size_t k, const std::string& parent_id,
                             const std::string& digest) {
  const auto& img = image_at(c, k);
  lock::LockedImage l;
  l.name = img.name();
  l.reference = img.reference();
  l.parent = img.parent != nullptr ? img.parent->name
                                   : (img.spec->from ? img.spec->from->image_ref() : "");
  l.parent_digest = parent_id;
  l.input_digest = c.rendered[c.selected[k]].input_digest;
  l.build_digest = digest;
  return l;
}

Result<void> verify_image(Context& c, std::size_t k, lock::LockedImage& l) {
  const auto& img = image_at(c, k);
  c.events.image_state(img.name(), ImageState::verifying, "reading back versions");
  PLINTH_TRY_ASSIGN(auto found, read_back(c.containers, l.image_id));
  const auto problems = verify(img, found);
  if (!problems.empty() && c.opts.verify) {
    std::string msg = "the built image contradicts its declaration:";
    for (const auto& p : problems) {
      msg += "\n  - " + p;
    }
    return fail(Error(Errc::protocol, msg)
                    .with_context("verifying '" + img.name() + "' (" + l.image_id + ")"));
  }
  l.tensorflow = found.tensorflow();
  l.python = found.python;
  l.cuda = found.cuda();
  l.cudnn = found.cudnn();
  l.pip = found.pip;
  l.apt = found.dpkg;
  return {};
}

// What the engine and the previous lock say about this image, for buildplan::decide: the
// image its reference tags, else (only then) any image carrying this build digest.
Result<buildplan::Observed> observe(Context& c, const model::ResolvedImage& img,
                                    const std::string& digest) {
  buildplan::Observed o;
  o.digest = digest;
  o.force = c.opts.force;
  if (const lock::LockedImage* before = c.previous ? c.previous->find(img.name()) : nullptr) {
    o.previous = *before;
  }
  if (o.force) {
    return o; // builds whatever exists: nothing to ask the engine
  }
  PLINTH_TRY_ASSIGN(auto current, c.images.inspect_image(img.reference()));
  if (current.has_value()) {
    const auto& labels = current->labels;
    const auto it = labels.find(std::string(model::labels::build_digest));
    o.tagged = buildplan::EngineImage{current->id, it != labels.end() ? it->second : ""};
  }
  if (buildplan::tagged_with_digest(o.tagged, digest)) {
    return o;
  }
  engine::ImageFilter filter;
  filter.labels = {std::string(model::labels::build_digest) + "=" + digest,
                   std::string(model::labels::image) + "=" + img.name()};
  PLINTH_TRY_ASSIGN(auto list, c.images.list_images(filter));
  if (!list.empty()) {
    o.labelled = list.front().id;
  }
  return o;
}

Result<std::string> run_builder(Context& c, std::size_t k, const std::string& digest) {
  const auto& img = image_at(c, k);
  const auto& r = c.rendered[c.selected[k]];
  BuildJob job;
  job.image = img.name();
  job.context_dir = c.stack.dir;
  job.dockerfile = r.dockerfile;
  job.dockerignore = r.dockerignore;
  job.labels = {{std::string(model::labels::build_digest), digest},
                {std::string(model::labels::builder), std::string(c.builder.name())},
                {model::labels::image, img.name()}};
  job.network_mode = c.opts.network_mode;
  if (!r.init_config.empty()) {
    job.extras.push_back({render::k_init_config, r.init_config, false});
  }
  if (r.needs_init_binary) {
    job.extras.push_back({render::k_init_binary, c.init_binary, true});
  }
  if (job.extras.empty()) {
    // Nothing generated for this image: drop the allow-list line of the extras folder.
    const auto line = "!" + std::string(render::k_context_extras_dir) + "\n";
    if (const auto at = job.dockerignore.find(line); at != std::string::npos) {
      job.dockerignore.erase(at, line.size());
    }
  }
  job.no_cache = c.opts.force;
  c.events.image_state(img.name(), ImageState::building, "");
  return c.builder.build(job, c.events);
}

Result<BuiltImage> build_one(Context& c, std::size_t k, const std::string& parent_id) {
  const auto& img = image_at(c, k);
  const auto digest =
      buildplan::build_digest(c.rendered[c.selected[k]].input_digest, parent_id, c.builder_id);
  PLINTH_TRY_ASSIGN(auto observed, observe(c, img, digest));
  const auto plan = buildplan::decide(observed);
  BuiltImage out;
  if (plan.action == buildplan::Action::up_to_date) {
    out.locked = *observed.previous; // nothing to build, verify or tag
    out.cached = true;
    c.events.image_state(img.name(), ImageState::cached, plan.image_id.substr(0, 19));
    return out;
  }
  out.locked = lock_entry(c, k, parent_id, digest);
  if (plan.action == buildplan::Action::reuse) {
    out.locked.image_id = plan.image_id;
    out.cached = true;
  } else {
    PLINTH_TRY_ASSIGN(auto id, run_builder(c, k, digest));
    out.locked.image_id = id;
    out.built = true;
  }
  PLINTH_TRY(verify_image(c, k, out.locked));
  if (plan.tag) {
    c.events.image_state(img.name(), ImageState::tagging, img.reference());
    auto colon = img.reference().rfind(':');
    PLINTH_TRY(c.images.tag(out.locked.image_id, img.reference().substr(0, colon),
                            img.reference().substr(colon + 1)));
  }
  out.locked.manifest_digest =
      buildplan::kept_manifest_digest(observed.previous, digest, out.locked.image_id);
  c.events.image_state(img.name(), out.built ? ImageState::built : ImageState::cached,
                       out.locked.image_id.substr(0, 19));
  return out;
}

Result<void> load_init_binary(Context& c) {
  c.builder_id = std::string(c.builder.name());
  const bool needed = std::any_of(c.selected.begin(), c.selected.end(),
                                  [&](std::size_t i) { return c.rendered[i].needs_init_binary; });
  if (!needed) {
    return {};
  }
  PLINTH_TRY_ASSIGN(auto path, c.opts.init_binary.empty()
                                   ? find_init_binary()
                                   : Result<std::filesystem::path>(c.opts.init_binary));
  auto bytes = read_file(path);
  if (!bytes) {
    return fail(std::move(bytes.error().with_context("reading plinth-init")));
  }
  c.init_binary = std::move(*bytes);
  c.builder_id += " plinth-init sha256:" + sha256_hex(c.init_binary);
  return {};
}

Result<void> prepare(Context& c) {
  PLINTH_TRY_ASSIGN(auto selected, select_images(*c.stack.resolved, c.opts.images));
  c.selected = std::move(selected);
  render::RenderInputs inputs;
  inputs.file_digests = c.stack.file_digests;
  PLINTH_TRY_ASSIGN(auto rendered,
                    render::render_stack(*c.stack.resolved, c.builder.flavour(), inputs));
  c.rendered = std::move(rendered);
  const auto lock_path = c.opts.lock_path;
  if (auto text = read_file(lock_path)) {
    auto parsed = lock::parse(*text);
    if (!parsed && c.opts.locked) {
      return fail(std::move(parsed.error()));
    }
    if (parsed) {
      c.previous = std::move(*parsed);
    } else {
      c.events.message("ignoring " + lock_path.string() + ": " + parsed.error().message);
    }
  } else if (c.opts.locked) {
    return fail(Errc::not_found,
                "--locked needs " + lock_path.string() + " (run `plinth build` once to create it)");
  }
  c.results.resize(c.selected.size());
  c.errors.resize(c.selected.size());
  return load_init_binary(c);
}

std::vector<int> parent_indices(const Context& c) {
  std::vector<int> parents;
  for (std::size_t k = 0; k < c.selected.size(); ++k) {
    const auto& img = image_at(c, k);
    int p = -1;
    for (std::size_t j = 0; j < k; ++j) {
      if (img.parent != nullptr && image_at(c, j).spec == img.parent) {
        p = static_cast<int>(j);
      }
    }
    parents.push_back(p);
  }
  return parents;
}

bool run_node(Context& c, std::size_t k, const std::vector<int>& parents) {
  const auto& img = image_at(c, k);
  Result<std::string> parent_id =
      parents[k] >= 0
          ? Result<std::string>(c.results[static_cast<std::size_t>(parents[k])].locked.image_id)
          : base_parent_id(c, img);
  Result<BuiltImage> r = parent_id ? build_one(c, k, *parent_id)
                                   : Result<BuiltImage>(fail(std::move(parent_id.error())));
  if (!r) {
    c.events.image_state(img.name(), ImageState::failed,
                         r.error().message.substr(0, r.error().message.find('\n')));
    c.errors[k] = std::move(r.error());
    return false;
  }
  c.results[k] = std::move(*r);
  return true;
}

Result<void> write_lock(Context& c, BuildReport& report) {
  lock::LockFile lock = c.previous.value_or(lock::LockFile{});
  lock.stack = c.stack.stack->name.value;
  for (const auto& r : c.results) {
    lock.upsert(r.locked);
  }
  // Keep stack order and drop images the stack no longer has.
  lock::LockFile ordered;
  ordered.stack = lock.stack;
  for (const auto& img : c.stack.resolved->images) {
    if (const auto* l = lock.find(img.name())) {
      ordered.images.push_back(*l);
    }
  }
  PLINTH_TRY(write_file_atomic(c.opts.lock_path, lock::serialize(ordered)));
  report.lock_written = true;
  return {};
}

} // namespace

Result<BuildReport> build_stack(const LoadedStack& stack, const BuildOptions& options,
                                engine::Images& images, engine::Containers& containers,
                                Builder& builder, Events& events) {
  if (!stack.ok()) {
    return fail(Errc::invalid_input, "the stack file has errors (run `plinth check`)");
  }
  BuildOptions opts = options;
  if (opts.lock_path.empty()) {
    opts.lock_path = stack.dir / "plinth.lock";
  }
  Context c{stack, opts, images, containers, builder, events, {}, {}, {}, {}, {}, {}, {}};
  PLINTH_TRY(prepare(c));
  if (opts.locked) {
    PLINTH_TRY(
        buildplan::check_inputs_against_lock(*c.previous, c.rendered, *stack.resolved, c.selected));
  }
  for (std::size_t k = 0; k < c.selected.size(); ++k) {
    events.image_state(image_at(c, k).name(), ImageState::queued, "");
  }
  const auto parents = parent_indices(c);
  const auto results = run_graph(
      parents, opts.jobs, [&](int k) { return run_node(c, static_cast<std::size_t>(k), parents); });
  BuildReport report;
  report.lock_path = opts.lock_path;
  for (std::size_t k = 0; k < results.size(); ++k) {
    if (results[k] == NodeResult::failed) {
      return fail(std::move(*c.errors[k]));
    }
    if (results[k] == NodeResult::skipped) {
      return fail(Errc::internal, "image '" + image_at(c, k).name() + "' was skipped");
    }
    report.images.push_back(c.results[k]);
  }
  if (opts.locked) {
    std::vector<lock::LockedImage> built;
    for (const auto& i : report.images) {
      built.push_back(i.locked);
    }
    PLINTH_TRY(buildplan::check_results_against_lock(*c.previous, built));
    return report; // the lock already says exactly this
  }
  PLINTH_TRY(write_lock(c, report));
  return report;
}

} // namespace plinth::app
