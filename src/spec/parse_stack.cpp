// SPDX-License-Identifier: Apache-2.0
#include "spec/parse_stack.hpp"

#include "spec/parse_image.hpp"
#include "spec/parse_profile.hpp"
#include "spec/yaml_reader.hpp"

#include <functional>

namespace plinth::spec {
namespace {

model::PinPolicy read_pin(YamlReader& r, const YAML::Node& node, std::string_view what,
                          model::PinPolicy fallback) {
  const auto s = r.string(node, what);
  if (!s) return fallback;
  if (s->value == "exact") return model::PinPolicy::exact;
  if (s->value == "any") return model::PinPolicy::any;
  r.error(node, "bad-value",
          std::string(what) + " must be 'exact' or 'any', not '" + s->value + "'");
  return fallback;
}

void read_policy(YamlReader& r, const YAML::Node& node, model::Policy& policy) {
  if (!r.expect_map(node, "policy")) return;
  r.check_keys(node, "policy", {"tag_template", "pins", "allowed_base_registries"});
  if (const auto t = node["tag_template"]) {
    if (auto s = r.string(t, "policy.tag_template")) policy.tag_template = *s;
  }
  if (const auto pins = node["pins"]; pins && r.expect_map(pins, "policy.pins")) {
    r.check_keys(pins, "policy.pins", {"pip", "apt", "npm"});
    if (pins["pip"]) policy.pip_pins = read_pin(r, pins["pip"], "policy.pins.pip", policy.pip_pins);
    if (pins["apt"]) policy.apt_pins = read_pin(r, pins["apt"], "policy.pins.apt", policy.apt_pins);
    if (pins["npm"]) policy.npm_pins = read_pin(r, pins["npm"], "policy.pins.npm", policy.npm_pins);
  }
  if (const auto regs = node["allowed_base_registries"]) {
    policy.allowed_base_registries = r.strings(regs, "policy.allowed_base_registries");
  }
}

void read_named_maps(
    YamlReader& r, const YAML::Node& node, std::string_view what,
    const std::function<void(const std::string&, const YAML::Node&, const YAML::Node&)>& each) {
  if (!r.expect_map(node, what)) return;
  for (const auto& kv : node) {
    each(kv.first.Scalar(), kv.first, kv.second);
  }
}

} // namespace

ParseResult parse_stack(std::string_view text, const std::string& file) {
  ParseResult result;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    const SourcePos where{file, e.mark.is_null() ? 0 : e.mark.line + 1,
                          e.mark.is_null() ? 0 : e.mark.column + 1};
    result.diags.error(where, "yaml-syntax", e.msg);
    return result;
  }
  YamlReader r(file, result.diags);
  model::Stack stack;
  stack.file = file;
  if (!root.IsMap()) {
    r.error(SourcePos{file, 1, 1}, "wrong-type", "the stack file must be a map with 'images:'");
    return result;
  }
  r.check_keys(root, "the stack file",
               {"version", "name", "registry", "policy", "images", "profiles", "lint"});
  if (const auto v = root["version"]) {
    if (auto n = r.integer(v, "version", 1, 1)) stack.format_version = static_cast<int>(*n);
  } else {
    r.error(SourcePos{file, 1, 1}, "missing-key",
            "missing 'version: 1' (the stack file format version)");
  }
  if (const auto n = root["name"]) {
    if (auto s = r.string(n, "name")) stack.name = *s;
  }
  if (const auto reg = root["registry"]) {
    if (auto s = r.string(reg, "registry")) stack.registry = *s;
  } else {
    r.error(SourcePos{file, 1, 1}, "missing-key", "missing 'registry' (where images are pushed)");
  }
  stack.policy.tag_template = {model::k_default_tag_template, {}};
  if (const auto p = root["policy"]) read_policy(r, p, stack.policy);
  if (const auto images = root["images"]) {
    read_named_maps(r, images, "images",
                    [&](const std::string& name, const YAML::Node& key, const YAML::Node& node) {
                      stack.images.push_back(read_image(r, name, key, node));
                    });
  } else {
    r.error(SourcePos{file, 1, 1}, "missing-key", "missing 'images' (the images of the stack)");
  }
  if (const auto profiles = root["profiles"]) {
    read_named_maps(r, profiles, "profiles",
                    [&](const std::string& name, const YAML::Node& key, const YAML::Node& node) {
                      stack.profiles.push_back(read_profile(r, name, key, node));
                    });
  }
  result.stack = std::move(stack);
  return result;
}

} // namespace plinth::spec
