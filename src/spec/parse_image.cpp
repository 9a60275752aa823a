// SPDX-License-Identifier: Apache-2.0
#include "spec/parse_image.hpp"

#include "spec/grammar.hpp"
#include "spec/packages.hpp"
#include "util/spelling.hpp"

namespace plinth::spec {
namespace {

const std::vector<std::string_view> k_tool_names = {"jupyter", "tensorboard", "code-server"};

template <typename T, typename Parse>
void read_packages(YamlReader& r, const YAML::Node& node, const std::string& what,
                   std::vector<T>& out, Parse parse) {
  if (!r.expect_sequence(node, what)) return;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const auto item = node[i];
    auto s = r.string(item, what + "[" + std::to_string(i) + "]");
    if (!s) continue;
    auto parsed = parse(s->value);
    if (auto* err = std::get_if<std::string>(&parsed)) {
      r.error(item, "bad-package", *err);
      continue;
    }
    auto pkg = std::get<T>(std::move(parsed));
    pkg.pos = r.pos(item);
    out.push_back(std::move(pkg));
  }
}

// A map of names to strings (env, labels); `name_rule` judges each key.
void read_string_map(YamlReader& r, const YAML::Node& node, const std::string& what,
                     grammar::Verdict (*name_rule)(std::string_view), const char* code,
                     const char* noun, std::vector<std::pair<std::string, model::Located>>& out) {
  if (!r.expect_map(node, what)) return;
  for (const auto& kv : node) {
    const auto key = r.key(kv.first, what);
    if (!key) continue;
    if (auto bad = name_rule(*key)) {
      r.error(kv.first, code, what + ": " + noun + " '" + *key + "' " + *bad);
      continue;
    }
    if (auto v = r.string(kv.second, what + "." + *key)) out.emplace_back(*key, std::move(*v));
  }
}

void read_framework(YamlReader& r, const YAML::Node& node, const std::string& ctx,
                    model::ImageSpec& img) {
  model::Framework fw;
  fw.pos = r.pos(node);
  fw.variant = "cpu";
  const bool is_map = r.read_fields(
      node, ctx,
      {{"name",
        [&](const YAML::Node& n, const YAML::Node&) {
          if (auto s = r.string(n, ctx + ".name")) {
            fw.name = s->value;
            if (fw.name != "tensorflow") {
              r.error(n, "bad-value",
                      ctx + ".name: only 'tensorflow' is supported, not '" + fw.name + "'");
            }
          }
        }},
       {"version",
        [&](const YAML::Node& n, const YAML::Node&) {
          if (auto s = r.string(n, ctx + ".version")) fw.version = *s;
        }},
       {"variant", [&](const YAML::Node& n, const YAML::Node&) {
          if (auto s = r.string(n, ctx + ".variant")) {
            fw.variant = s->value;
            fw.variant_pos = s->pos;
            if (fw.variant != "cpu" && fw.variant != "gpu") {
              r.error(n, "bad-value",
                      ctx + ".variant must be 'cpu' or 'gpu', not '" + fw.variant + "'");
            }
          }
        }}});
  if (!is_map) return;
  if (!node["version"]) r.error(node, "missing-key", ctx + ": missing 'version' (e.g. 2.16.1)");
  img.framework = std::move(fw);
}

void read_copy_item(YamlReader& r, const YAML::Node& item, const std::string& item_ctx,
                    model::ImageSpec& img) {
  std::optional<model::Located> src;
  std::optional<model::Located> dest;
  const bool is_map = r.read_fields(
      item, item_ctx,
      {{"src",
        [&](const YAML::Node& n, const YAML::Node&) { src = r.string(n, item_ctx + ".src"); }},
       {"dest",
        [&](const YAML::Node& n, const YAML::Node&) { dest = r.string(n, item_ctx + ".dest"); }}});
  if (!is_map) return;
  if (!item["src"] || !item["dest"]) {
    r.error(item, "missing-key", item_ctx + " needs both 'src' and 'dest'");
    return;
  }
  if (!src || !dest) return;
  model::CopyItem c;
  c.pos = r.pos(item);
  c.src = src->value;
  c.dest = dest->value;
  bool ok = true;
  if (grammar::relative_path(c.src)) {
    r.error(item["src"], "bad-path",
            item_ctx + ".src must be a path inside the stack's directory, not '" + c.src + "'");
    ok = false;
  }
  if (c.dest.empty() || c.dest[0] != '/') {
    r.error(item["dest"], "bad-path",
            item_ctx + ".dest must be an absolute path in the image, not '" + c.dest + "'");
    ok = false;
  } else if (auto bad = grammar::absolute_path(c.dest)) {
    r.error(item["dest"], "bad-path", item_ctx + ".dest " + *bad);
    ok = false;
  }
  if (ok) img.copy.push_back(std::move(c)); // only checked paths reach the file checks
}

void read_copy(YamlReader& r, const YAML::Node& node, const std::string& ctx,
               model::ImageSpec& img) {
  if (!r.expect_sequence(node, ctx)) return;
  for (std::size_t i = 0; i < node.size(); ++i)
    read_copy_item(r, node[i], ctx + "[" + std::to_string(i) + "]", img);
}

void read_user(YamlReader& r, const YAML::Node& node, const std::string& ctx,
               model::ImageSpec& img) {
  model::User u;
  u.pos = r.pos(node);
  auto id = [&](const char* key, int& out) {
    return [&r, &ctx, &out, key](const YAML::Node& n, const YAML::Node&) {
      out = static_cast<int>(r.integer(n, ctx + "." + key, 0, 2147483647).value_or(out));
    };
  };
  const bool is_map = r.read_fields(node, ctx,
                                    {{"name",
                                      [&](const YAML::Node& n, const YAML::Node&) {
                                        if (auto s = r.string(n, ctx + ".name")) u.name = s->value;
                                      }},
                                     {"uid", id("uid", u.uid)},
                                     {"gid", id("gid", u.gid)}});
  if (!is_map) return;
  if (!node["name"]) r.error(node, "missing-key", ctx + ": missing 'name'");
  img.user = std::move(u);
}

void read_tool(YamlReader& r, const std::string& name, const YAML::Node& key,
               const YAML::Node& value, const std::string& tool_ctx, model::ImageSpec& img) {
  model::Tool t;
  t.name = name;
  t.pos = r.pos(key);
  const bool is_map = r.read_fields(value, tool_ctx,
                                    {{"version",
                                      [&](const YAML::Node& n, const YAML::Node&) {
                                        if (auto s = r.string(n, tool_ctx + ".version"))
                                          t.version = s->value;
                                      }},
                                     {"port", [&](const YAML::Node& n, const YAML::Node&) {
                                        t.port = static_cast<int>(
                                            r.integer(n, tool_ctx + ".port", 1, 65535).value_or(0));
                                      }}});
  if (!is_map) return;
  if (!value["version"]) r.error(key, "missing-key", tool_ctx + ": missing 'version'");
  img.tools.push_back(std::move(t));
}

void read_tools(YamlReader& r, const YAML::Node& node, const std::string& ctx,
                model::ImageSpec& img) {
  Fields fields;
  for (const auto name : k_tool_names) {
    fields.push_back({name, [&r, &ctx, &img, name](const YAML::Node& v, const YAML::Node& k) {
                        read_tool(r, std::string(name), k, v, ctx + "." + std::string(name), img);
                      }});
  }
  r.read_fields(node, ctx, fields);
}

// A field read into a Located (or an optional one).
template <typename Out>
Field text_field(YamlReader& r, std::string_view key, const std::string& ctx, Out& out,
                 bool free_text = false) {
  return {key, [&r, &out, key, ctx, free_text](const YAML::Node& n, const YAML::Node&) {
            if (auto s = r.string(n, ctx + "." + std::string(key), free_text)) {
              if (free_text && s->value.size() > grammar::k_max_text) {
                r.error(n, "too-long",
                        ctx + "." + std::string(key) + " is " + std::to_string(s->value.size()) +
                            " characters long; at most " + std::to_string(grammar::k_max_text) +
                            " are allowed");
                return;
              }
              out = std::move(*s);
            }
          }};
}

} // namespace

std::optional<model::BaseFrom> read_base_from(YamlReader& r, const YAML::Node& node) {
  auto s = r.string(node, "from");
  if (!s) return std::nullopt;
  model::BaseFrom from;
  from.ref = *s;
  constexpr std::string_view k_prefix = "bootstrap:";
  if (s->value.rfind(k_prefix, 0) == 0) {
    const auto rest = s->value.substr(k_prefix.size());
    const auto slash = rest.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == rest.size() ||
        grammar::image_name(rest.substr(0, slash)) || grammar::image_name(rest.substr(slash + 1))) {
      r.error(node, "bad-from",
              "from: '" + s->value + "' must look like 'bootstrap:debian/bookworm'");
      return std::nullopt;
    }
    from.bootstrap = true;
    from.bootstrap_distribution = rest.substr(0, slash);
    from.bootstrap_suite = rest.substr(slash + 1);
  } else if (auto bad = grammar::image_reference(s->value)) {
    r.error(node, "bad-from", "from: '" + s->value + "' " + *bad);
    return std::nullopt;
  }
  return from;
}

model::ImageSpec read_image(YamlReader& r, const std::string& name, const YAML::Node& key,
                            const YAML::Node& node) {
  model::ImageSpec img;
  img.name = name;
  img.pos = r.pos(key);
  const std::string ctx = "images." + name;
  if (auto bad = grammar::image_name(name)) {
    r.error(key, "bad-name", "image name " + *bad);
    img.name_valid = false;
  }
  std::optional<model::Located> description;
  const Fields fields = {
      {"tier",
       [&](const YAML::Node& t, const YAML::Node&) {
         if (auto s = r.string(t, ctx + ".tier")) {
           img.tier_pos = s->pos;
           if (auto tier = model::parse_tier(s->value)) {
             img.tier = *tier;
           } else {
             img.tier_valid = false;
             r.error(t, "bad-value",
                     ctx + ".tier must be base, common or project, not '" + s->value + "'");
           }
         } else {
           img.tier_valid = false;
         }
       }},
      text_field(r, "parent", ctx, img.parent),
      {"from",
       [&](const YAML::Node& f, const YAML::Node&) {
         img.from = read_base_from(r, f);
         img.from_valid = img.from.has_value();
       }},
      text_field(r, "owner", ctx, img.owner, true),
      text_field(r, "cadence", ctx, img.cadence, true),
      text_field(r, "description", ctx, description, true),
      text_field(r, "version", ctx, img.version),
      {"framework",
       [&](const YAML::Node& f, const YAML::Node&) {
         read_framework(r, f, ctx + ".framework", img);
         if (!img.framework) img.framework_valid = false;
       }},
      text_field(r, "python", ctx, img.python),
      text_field(r, "cuda", ctx, img.cuda),
      text_field(r, "cudnn", ctx, img.cudnn),
      {"apt",
       [&](const YAML::Node& n, const YAML::Node&) {
         read_packages<model::AptPackage>(r, n, ctx + ".apt", img.apt, parse_apt);
       }},
      {"pip",
       [&](const YAML::Node& n, const YAML::Node&) {
         read_packages<model::PipPackage>(r, n, ctx + ".pip", img.pip, parse_pip);
       }},
      {"requirements",
       [&](const YAML::Node& n, const YAML::Node&) {
         auto s = r.string(n, ctx + ".requirements");
         if (!s) return;
         if (auto bad = grammar::relative_path(s->value)) {
           r.error(n, "bad-path", ctx + ".requirements " + *bad);
           return;
         }
         img.requirements = std::move(*s);
       }},
      {"npm",
       [&](const YAML::Node& n, const YAML::Node&) {
         read_packages<model::NpmPackage>(r, n, ctx + ".npm", img.npm, parse_npm);
       }},
      {"copy",
       [&](const YAML::Node& n, const YAML::Node&) { read_copy(r, n, ctx + ".copy", img); }},
      {"env",
       [&](const YAML::Node& n, const YAML::Node&) {
         read_string_map(r, n, ctx + ".env", grammar::env_name, "bad-env", "name", img.env);
       }},
      {"labels",
       [&](const YAML::Node& n, const YAML::Node&) {
         read_string_map(r, n, ctx + ".labels", grammar::label_key, "bad-label", "key", img.labels);
       }},
      {"user",
       [&](const YAML::Node& n, const YAML::Node&) { read_user(r, n, ctx + ".user", img); }},
      {"workdir",
       [&](const YAML::Node& n, const YAML::Node&) {
         auto s = r.string(n, ctx + ".workdir");
         if (!s) return;
         if (!s->value.empty() && s->value[0] == '/') {
           if (auto bad = grammar::absolute_path(s->value)) {
             r.error(n, "bad-path", ctx + ".workdir " + *bad);
             return;
           }
         }
         img.workdir = std::move(*s);
       }},
      {"tools",
       [&](const YAML::Node& n, const YAML::Node&) { read_tools(r, n, ctx + ".tools", img); }},
  };
  if (!r.read_fields(node, ctx, fields)) return img;
  if (description) img.description = description->value;
  // A misspelt tier or framework key was reported as unknown with a suggestion: the
  // checks that need the field would only repeat that error in other words.
  for (const auto& kv : node) {
    if (!kv.first.IsScalar()) continue;
    const auto k = kv.first.Scalar();
    if (k == "tier" || k == "framework") continue;
    if (closest_match(k, {"tier"}) && !node["tier"]) img.tier_valid = false;
    if (closest_match(k, {"framework"}) && !node["framework"]) img.framework_valid = false;
  }
  if (!node["tier"] && img.tier_valid) {
    r.error(key, "missing-key", ctx + ": missing 'tier' (base, common or project)");
    img.tier_pos = img.pos;
    img.tier_valid = false;
  }
  if (!node["version"]) {
    r.error(key, "missing-key",
            ctx + ": missing 'version' (the image's semantic version, e.g. 1.0.0)");
  }
  return img;
}

} // namespace plinth::spec
