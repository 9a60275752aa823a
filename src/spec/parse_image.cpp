// SPDX-License-Identifier: Apache-2.0
#include "spec/parse_image.hpp"

#include "spec/packages.hpp"

namespace plinth::spec {
namespace {

const std::vector<std::string_view> k_image_keys = {
    "tier",      "parent", "from", "owner",  "cadence", "description", "version",
    "framework", "python", "cuda", "cudnn",  "apt",     "pip",         "requirements",
    "npm",       "copy",   "env",  "labels", "user",    "workdir",     "tools"};

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

void read_string_map(YamlReader& r, const YAML::Node& node, const std::string& what,
                     std::vector<std::pair<std::string, model::Located>>& out) {
  if (!r.expect_map(node, what)) return;
  for (const auto& kv : node) {
    if (auto v = r.string(kv.second, what + "." + kv.first.Scalar())) {
      out.emplace_back(kv.first.Scalar(), std::move(*v));
    }
  }
}

void read_framework(YamlReader& r, const YAML::Node& node, const std::string& ctx,
                    model::ImageSpec& img) {
  if (!r.expect_map(node, ctx)) return;
  r.check_keys(node, ctx, {"name", "version", "variant"});
  model::Framework fw;
  fw.pos = r.pos(node);
  if (const auto n = node["name"]) {
    if (auto s = r.string(n, ctx + ".name")) {
      fw.name = s->value;
      if (fw.name != "tensorflow") {
        r.error(n, "bad-value",
                ctx + ".name: only 'tensorflow' is supported, not '" + fw.name + "'");
      }
    }
  }
  if (const auto v = node["version"]) {
    if (auto s = r.string(v, ctx + ".version")) fw.version = *s;
  } else {
    r.error(node, "missing-key", ctx + ": missing 'version' (e.g. 2.16.1)");
  }
  fw.variant = "cpu";
  if (const auto v = node["variant"]) {
    if (auto s = r.string(v, ctx + ".variant")) {
      fw.variant = s->value;
      fw.variant_pos = s->pos;
      if (fw.variant != "cpu" && fw.variant != "gpu") {
        r.error(v, "bad-value", ctx + ".variant must be 'cpu' or 'gpu', not '" + fw.variant + "'");
      }
    }
  }
  img.framework = std::move(fw);
}

void read_copy(YamlReader& r, const YAML::Node& node, const std::string& ctx,
               model::ImageSpec& img) {
  if (!r.expect_sequence(node, ctx)) return;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const auto item = node[i];
    const auto item_ctx = ctx + "[" + std::to_string(i) + "]";
    if (!r.expect_map(item, item_ctx)) continue;
    r.check_keys(item, item_ctx, {"src", "dest"});
    model::CopyItem c;
    c.pos = r.pos(item);
    if (!item["src"] || !item["dest"]) {
      r.error(item, "missing-key", item_ctx + " needs both 'src' and 'dest'");
      continue;
    }
    auto src = r.string(item["src"], item_ctx + ".src");
    auto dest = r.string(item["dest"], item_ctx + ".dest");
    if (!src || !dest) continue;
    c.src = src->value;
    c.dest = dest->value;
    if (c.src.empty() || c.src[0] == '/' || c.src == ".." || c.src.rfind("../", 0) == 0 ||
        c.src.find("/../") != std::string::npos) {
      r.error(item["src"], "bad-path",
              item_ctx + ".src must be a path inside the stack's directory, not '" + c.src + "'");
    }
    if (c.dest.empty() || c.dest[0] != '/') {
      r.error(item["dest"], "bad-path",
              item_ctx + ".dest must be an absolute path in the image, not '" + c.dest + "'");
    }
    img.copy.push_back(std::move(c));
  }
}

void read_user(YamlReader& r, const YAML::Node& node, const std::string& ctx,
               model::ImageSpec& img) {
  if (!r.expect_map(node, ctx)) return;
  r.check_keys(node, ctx, {"name", "uid", "gid"});
  model::User u;
  u.pos = r.pos(node);
  if (const auto n = node["name"]) {
    if (auto s = r.string(n, ctx + ".name")) u.name = s->value;
  } else {
    r.error(node, "missing-key", ctx + ": missing 'name'");
  }
  if (const auto n = node["uid"])
    u.uid = static_cast<int>(r.integer(n, ctx + ".uid", 0, 2147483647).value_or(u.uid));
  if (const auto n = node["gid"])
    u.gid = static_cast<int>(r.integer(n, ctx + ".gid", 0, 2147483647).value_or(u.gid));
  img.user = std::move(u);
}

void read_tools(YamlReader& r, const YAML::Node& node, const std::string& ctx,
                model::ImageSpec& img) {
  if (!r.expect_map(node, ctx)) return;
  r.check_keys(node, ctx, k_tool_names);
  for (const auto& kv : node) {
    const auto name = kv.first.Scalar();
    const auto tool_ctx = ctx + "." + name;
    model::Tool t;
    t.name = name;
    t.pos = r.pos(kv.first);
    if (!r.expect_map(kv.second, tool_ctx)) continue;
    r.check_keys(kv.second, tool_ctx, {"version", "port"});
    if (const auto v = kv.second["version"]) {
      if (auto s = r.string(v, tool_ctx + ".version")) t.version = s->value;
    } else {
      r.error(kv.first, "missing-key", tool_ctx + ": missing 'version'");
    }
    if (const auto p = kv.second["port"]) {
      t.port = static_cast<int>(r.integer(p, tool_ctx + ".port", 1, 65535).value_or(0));
    }
    img.tools.push_back(std::move(t));
  }
}

void read_optional(YamlReader& r, const YAML::Node& node, const char* key, const std::string& ctx,
                   std::optional<model::Located>& out) {
  if (const auto n = node[key]) {
    if (auto s = r.string(n, ctx + "." + key)) out = std::move(*s);
  }
}

void read_located(YamlReader& r, const YAML::Node& node, const char* key, const std::string& ctx,
                  model::Located& out) {
  if (const auto n = node[key]) {
    if (auto s = r.string(n, ctx + "." + key)) out = std::move(*s);
  }
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
    if (slash == std::string::npos || slash == 0 || slash + 1 == rest.size()) {
      r.error(node, "bad-from",
              "from: '" + s->value + "' must look like 'bootstrap:debian/bookworm'");
      return std::nullopt;
    }
    from.bootstrap = true;
    from.bootstrap_distribution = rest.substr(0, slash);
    from.bootstrap_suite = rest.substr(slash + 1);
  }
  return from;
}

model::ImageSpec read_image(YamlReader& r, const std::string& name, const YAML::Node& key,
                            const YAML::Node& node) {
  model::ImageSpec img;
  img.name = name;
  img.pos = r.pos(key);
  const std::string ctx = "images." + name;
  if (!r.expect_map(node, ctx)) return img;
  r.check_keys(node, ctx, k_image_keys);
  if (const auto t = node["tier"]) {
    if (auto s = r.string(t, ctx + ".tier")) {
      img.tier_pos = s->pos;
      if (auto tier = model::parse_tier(s->value)) {
        img.tier = *tier;
      } else {
        r.error(t, "bad-value",
                ctx + ".tier must be base, common or project, not '" + s->value + "'");
      }
    }
  } else {
    r.error(key, "missing-key", ctx + ": missing 'tier' (base, common or project)");
    img.tier_pos = img.pos;
  }
  read_located(r, node, "parent", ctx, img.parent);
  if (const auto f = node["from"]) img.from = read_base_from(r, f);
  read_located(r, node, "owner", ctx, img.owner);
  read_located(r, node, "cadence", ctx, img.cadence);
  if (const auto d = node["description"]) {
    if (auto s = r.string(d, ctx + ".description")) img.description = s->value;
  }
  if (const auto v = node["version"]) {
    if (auto s = r.string(v, ctx + ".version")) img.version = *s;
  } else {
    r.error(key, "missing-key",
            ctx + ": missing 'version' (the image's semantic version, e.g. 1.0.0)");
  }
  if (const auto f = node["framework"]) read_framework(r, f, ctx + ".framework", img);
  read_optional(r, node, "python", ctx, img.python);
  read_optional(r, node, "cuda", ctx, img.cuda);
  read_optional(r, node, "cudnn", ctx, img.cudnn);
  if (const auto n = node["apt"])
    read_packages<model::AptPackage>(r, n, ctx + ".apt", img.apt, parse_apt);
  if (const auto n = node["pip"])
    read_packages<model::PipPackage>(r, n, ctx + ".pip", img.pip, parse_pip);
  if (const auto n = node["npm"])
    read_packages<model::NpmPackage>(r, n, ctx + ".npm", img.npm, parse_npm);
  read_optional(r, node, "requirements", ctx, img.requirements);
  if (const auto n = node["copy"]) read_copy(r, n, ctx + ".copy", img);
  if (const auto n = node["env"]) read_string_map(r, n, ctx + ".env", img.env);
  if (const auto n = node["labels"]) read_string_map(r, n, ctx + ".labels", img.labels);
  if (const auto n = node["user"]) read_user(r, n, ctx + ".user", img);
  read_optional(r, node, "workdir", ctx, img.workdir);
  if (const auto n = node["tools"]) read_tools(r, n, ctx + ".tools", img);
  return img;
}

} // namespace plinth::spec
