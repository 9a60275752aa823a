// SPDX-License-Identifier: Apache-2.0
#include "spec/analyze.hpp"

#include "util/spelling.hpp"

#include <functional>
#include <map>
#include <set>

namespace plinth::spec {
namespace {

std::string line_of(const SourcePos& p) {
  return "line " + std::to_string(p.line);
}

} // namespace

std::vector<const model::ImageSpec*> check_graph(const model::Stack& stack, Diagnostics& diags) {
  using model::Tier;
  std::map<std::string, const model::ImageSpec*> by_name;
  std::vector<std::string_view> names;
  for (const auto& img : stack.images) {
    auto [it, inserted] = by_name.emplace(img.name, &img);
    if (!inserted) {
      diags.error(img.pos, "duplicate-image",
                  "image '" + img.name + "' is declared twice (first at " +
                      line_of(it->second->pos) + ")");
    }
    names.push_back(img.name);
  }
  std::set<std::string> broken; // images whose chain cannot be resolved
  for (const auto& img : stack.images) {
    if (!img.tier_valid) {
      broken.insert(img.name); // its tier error stands alone: no follow-on errors
      continue;
    }
    if (img.tier == Tier::base) {
      if (!img.parent.empty()) {
        diags.error(
            img.parent.pos, "base-with-parent",
            "image '" + img.name +
                "' is a base image and cannot have a parent; a base starts 'from' an OS image");
        broken.insert(img.name);
      }
      if (!img.from && img.from_valid) {
        diags.error(
            img.pos, "missing-from",
            "base image '" + img.name +
                "' needs 'from' (an image pinned by digest, or 'bootstrap:debian/bookworm')");
      }
      continue;
    }
    if (img.from) {
      diags.error(img.from->ref.pos, "from-on-child",
                  "only base images have 'from'; '" + img.name + "' is a " +
                      std::string(model::tier_name(img.tier)) +
                      " image and inherits from its parent");
    }
    if (img.parent.empty()) {
      diags.error(img.pos, "missing-parent",
                  std::string(model::tier_name(img.tier)) + " image '" + img.name +
                      "' needs a 'parent'");
      broken.insert(img.name);
      continue;
    }
    const auto it = by_name.find(img.parent.value);
    if (it == by_name.end()) {
      std::string msg = "unknown parent '" + img.parent.value + "'";
      if (auto best = closest_match(img.parent.value, names))
        msg += "; did you mean '" + *best + "'?";
      diags.error(img.parent.pos, "unknown-parent", msg);
      broken.insert(img.name);
      continue;
    }
    const auto& parent = *it->second;
    if (parent.tier > img.tier) {
      diags.error(img.parent.pos, "tier-order",
                  std::string(model::tier_name(img.tier)) + " image '" + img.name +
                      "' cannot inherit from " + std::string(model::tier_name(parent.tier)) +
                      " image '" + parent.name + "' (tiers inherit base <- common <- project)");
    }
  }
  // Walk each chain up to its base; report each cycle once, at the first image on it.
  std::vector<const model::ImageSpec*> order;
  std::set<std::string> placed;
  std::set<std::string> cycle_reported;
  std::function<bool(const model::ImageSpec&, std::vector<std::string>&)> place =
      [&](const model::ImageSpec& img, std::vector<std::string>& path) -> bool {
    if (placed.count(img.name)) return true;
    if (broken.count(img.name)) return false;
    for (std::size_t i = 0; i < path.size(); ++i) {
      if (path[i] != img.name) continue;
      std::string cycle;
      for (std::size_t j = i; j < path.size(); ++j)
        cycle += path[j] + " -> ";
      cycle += img.name;
      if (cycle_reported.insert(img.name).second) {
        diags.error(img.parent.pos, "parent-cycle", "parent cycle: " + cycle);
      }
      for (std::size_t j = i; j < path.size(); ++j)
        cycle_reported.insert(path[j]);
      return false;
    }
    if (img.tier != model::Tier::base || !img.parent.empty()) {
      path.push_back(img.name);
      const bool ok = place(*by_name.at(img.parent.value), path);
      path.pop_back();
      if (!ok) {
        broken.insert(img.name);
        return false;
      }
    }
    placed.insert(img.name);
    order.push_back(&img);
    return true;
  };
  for (const auto& img : stack.images) {
    std::vector<std::string> path;
    if (by_name.at(img.name) == &img) place(img, path);
  }
  return order;
}

} // namespace plinth::spec
