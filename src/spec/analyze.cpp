// SPDX-License-Identifier: Apache-2.0
#include "spec/analyze.hpp"

#include "model/profile_limits.hpp"
#include "spec/grammar.hpp"

#include <algorithm>
#include <map>
#include <regex>

namespace plinth::spec {
namespace {

void check_registry(const model::Stack& stack, Diagnostics& diags) {
  const auto& reg = stack.registry;
  if (reg.empty()) return;
  if (reg.value.find("://") != std::string::npos) {
    diags.error(reg.pos, "bad-registry",
                "registry is host[:port]/namespace without a scheme, not '" + reg.value + "'");
    return;
  }
  if (auto bad = grammar::registry(reg.value)) {
    diags.error(reg.pos, "bad-registry",
                "registry '" + reg.value + "' must be host[:port]/namespace: it " + *bad);
  }
}

void check_profiles(const model::Stack& stack, Diagnostics& diags) {
  for (const auto& p : stack.profiles) {
    if (std::holds_alternative<std::string>(model::parse_gpus(p.gpus))) {
      diags.error(p.gpus_pos, "bad-gpus",
                  "profiles." + p.name +
                      ".gpus must be 'all', a count, or a list of GPU indexes/UUIDs, not '" +
                      p.gpus + "'");
    }
  }
}

// Effective user, workdir and tools: nearest declaration wins.
void inherit(model::ResolvedImage& out, Diagnostics& diags) {
  std::map<std::string, model::Tool> tools;
  std::vector<std::string> order;
  out.workdir = "/workspace";
  for (const auto* img : out.chain) {
    if (img->user) out.user = img->user;
    if (img->workdir) out.workdir = img->workdir->value;
    for (const auto& t : img->tools) {
      if (!tools.count(t.name)) order.push_back(t.name);
      tools[t.name] = t;
    }
  }
  std::map<int, std::string> ports;
  for (const auto& name : order) {
    const auto& t = tools[name];
    out.tools.push_back(t);
    if (t.port == 0) continue;
    auto [it, inserted] = ports.emplace(t.port, t.name);
    const auto& own = out.chain.back()->tools;
    const bool declared_here =
        std::any_of(own.begin(), own.end(), [&](const model::Tool& o) { return o.name == t.name; });
    if (!inserted && declared_here) {
      diags.error(t.pos, "port-conflict",
                  "tool '" + t.name + "' uses port " + std::to_string(t.port) +
                      ", already used by '" + it->second + "'");
    }
  }
}

} // namespace

AnalysisResult analyze(const model::Stack& stack, const compat::Db& db) {
  AnalysisResult result;
  auto& diags = result.diags;
  check_registry(stack, diags);
  check_profiles(stack, diags);
  for (const auto& img : stack.images)
    check_image_fields(stack, img, diags);
  const auto order = check_graph(stack, diags);
  model::ResolvedStack resolved;
  resolved.stack = &stack;
  for (const auto* img : order) {
    model::ResolvedImage r;
    r.spec = img;
    for (const auto* p = img; p != nullptr;
         p = p->parent.empty() ? nullptr : stack.find(p->parent.value)) {
      r.chain.insert(r.chain.begin(), p);
    }
    r.parent = r.chain.size() > 1 ? r.chain[r.chain.size() - 2] : nullptr;
    r.repository = stack.registry.value + "/" + img->name;
    check_packages(stack, r.chain, diags);
    if (img->tier == model::Tier::base) {
      resolve_framework(db, r, diags);
    } else {
      const auto* parent = resolved.find(r.parent->name);
      r.tensorflow = parent->tensorflow;
      r.tensorflow_minor = parent->tensorflow_minor;
      r.variant = parent->variant;
      r.python = parent->python;
      r.cuda = parent->cuda;
      r.cudnn = parent->cudnn;
      r.driver_min = parent->driver_min;
      r.driver_toolkit = parent->driver_toolkit;
      r.and_cuda_extra = parent->and_cuda_extra;
    }
    inherit(r, diags);
    if (!r.user && img->tier == model::Tier::base) {
      diags.error(img->pos, "missing-user",
                  "base image '" + img->name +
                      "' declares no user; images run as a non-root user: add user: {name: ..., "
                      "uid: 1000, gid: 1000}");
    }
    resolved.images.push_back(std::move(r));
  }
  diags.sort();
  if (!diags.has_errors()) result.resolved = std::move(resolved);
  return result;
}

} // namespace plinth::spec
