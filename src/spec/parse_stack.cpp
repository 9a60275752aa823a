// SPDX-License-Identifier: Apache-2.0
#include "spec/parse_stack.hpp"

#include "spec/grammar.hpp"
#include "spec/parse_image.hpp"
#include "spec/parse_profile.hpp"
#include "spec/yaml_reader.hpp"
#include "spec/yaml_text.hpp"

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

Field pin_field(YamlReader& r, std::string_view key, model::PinPolicy& out) {
  return {key, [&r, &out, key](const YAML::Node& n, const YAML::Node&) {
            out = read_pin(r, n, "policy.pins." + std::string(key), out);
          }};
}

void read_policy(YamlReader& r, const YAML::Node& node, model::Policy& policy) {
  r.read_fields(
      node, "policy",
      {{"tag_template",
        [&](const YAML::Node& t, const YAML::Node&) {
          if (auto s = r.string(t, "policy.tag_template")) policy.tag_template = *s;
        }},
       {"pins",
        [&](const YAML::Node& pins, const YAML::Node&) {
          r.read_fields(pins, "policy.pins",
                        {pin_field(r, "pip", policy.pip_pins), pin_field(r, "apt", policy.apt_pins),
                         pin_field(r, "npm", policy.npm_pins)});
        }},
       {"allowed_base_registries", [&](const YAML::Node& regs, const YAML::Node&) {
          policy.allowed_base_registries = r.strings(regs, "policy.allowed_base_registries");
        }}});
}

// images: and profiles: are maps of names to sections.
template <typename Read>
void read_named_maps(YamlReader& r, const YAML::Node& node, std::string_view what, Read each) {
  if (!r.expect_map(node, what)) return;
  for (const auto& kv : node) {
    if (auto name = r.key(kv.first, what)) each(*name, kv.first, kv.second);
  }
}

SourcePos where(const std::string& file, const YAML::Mark& mark) {
  return {file, mark.is_null() ? 0 : mark.line + 1, mark.is_null() ? 0 : mark.column + 1};
}

} // namespace

ParseResult parse_stack(std::string_view text, const std::string& file) {
  ParseResult result;
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    result.diags.error({file, 1, 1}, "empty-file",
                       "the stack file is empty; it needs at least 'version: 1', 'registry' and "
                       "'images' (see docs/stack-file.md)");
    return result;
  }
  if (!check_text(text, file, result.diags)) return result;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    result.diags.error(where(file, e.mark), "yaml-syntax", explain_yaml_error(e.msg));
    return result;
  }
  YamlReader r(file, result.diags);
  model::Stack stack;
  stack.file = file;
  if (!root.IsMap()) {
    r.error(SourcePos{file, 1, 1}, "wrong-type", "the stack file must be a map with 'images:'");
    return result;
  }
  check_duplicate_keys(r, root);
  stack.policy.tag_template = {model::k_default_tag_template, {}};
  const Fields fields = {
      {"version",
       [&](const YAML::Node& v, const YAML::Node&) {
         if (auto n = r.integer(v, "version", 1, 1)) stack.format_version = static_cast<int>(*n);
       }},
      {"name",
       [&](const YAML::Node& n, const YAML::Node&) {
         auto s = r.string(n, "name");
         if (!s) return;
         if (auto bad = grammar::stack_name(s->value)) {
           r.error(n, "bad-name", "name " + *bad);
           return;
         }
         stack.name = *s;
       }},
      {"registry",
       [&](const YAML::Node& reg, const YAML::Node&) {
         if (auto s = r.string(reg, "registry")) stack.registry = *s;
       }},
      {"policy", [&](const YAML::Node& p, const YAML::Node&) { read_policy(r, p, stack.policy); }},
      {"images",
       [&](const YAML::Node& images, const YAML::Node&) {
         read_named_maps(
             r, images, "images",
             [&](const std::string& name, const YAML::Node& key, const YAML::Node& node) {
               stack.images.push_back(read_image(r, name, key, node));
             });
       }},
      {"profiles",
       [&](const YAML::Node& profiles, const YAML::Node&) {
         read_named_maps(
             r, profiles, "profiles",
             [&](const std::string& name, const YAML::Node& key, const YAML::Node& node) {
               stack.profiles.push_back(read_profile(r, name, key, node));
             });
       }},
      {"lint",
       [&](const YAML::Node& lint, const YAML::Node&) {
         result.lint = lint::parse_config(lint, result.diags, file);
       }},
  };
  r.read_fields(root, "the stack file", fields);
  if (!root["version"]) {
    r.error(SourcePos{file, 1, 1}, "missing-key",
            "missing 'version: 1' (the stack file format version)");
  }
  if (!root["registry"]) {
    r.error(SourcePos{file, 1, 1}, "missing-key", "missing 'registry' (where images are pushed)");
  }
  if (!root["images"]) {
    r.error(SourcePos{file, 1, 1}, "missing-key", "missing 'images' (the images of the stack)");
  }
  result.stack = std::move(stack);
  return result;
}

} // namespace plinth::spec
