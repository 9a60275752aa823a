// SPDX-License-Identifier: Apache-2.0
#include "policy/tags.hpp"

#include "util/spelling.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace plinth::policy {
namespace {

std::string without_dots(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), '.'), s.end());
  return s;
}

std::string value_of(std::string_view key, const model::ResolvedImage& img) {
  if (key == "version") return tag_version(img.spec->version.value);
  if (key == "name") return img.spec->name;
  if (key == "tier") return std::string(model::tier_name(img.spec->tier));
  if (key == "tf") return img.tensorflow_minor;
  if (key == "tf_full") return img.tensorflow;
  if (key == "py") return without_dots(img.python);
  if (key == "python") return img.python;
  if (key == "variant") return img.variant;
  if (key == "cuda") return img.cuda;
  if (key == "cudnn") return img.cudnn;
  return {};
}

} // namespace

std::string tag_version(std::string_view semver) {
  std::string out(semver);
  std::replace(out.begin(), out.end(), '+', '_');
  return out;
}

const std::vector<std::string_view>& tag_placeholders() {
  static const std::vector<std::string_view> k_names = {
      "version", "name", "tier", "tf", "tf_full", "py", "python", "variant", "cuda", "cudnn"};
  return k_names;
}

bool is_valid_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > 128) return false;
  auto ok = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.' || c == '-';
  };
  if (tag[0] == '.' || tag[0] == '-') return false;
  return std::all_of(tag.begin(), tag.end(), ok);
}

TagResult expand_tag(std::string_view tmpl, const model::ResolvedImage& image) {
  std::string out;
  bool has_version = false;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '{') {
      out += tmpl[i];
      continue;
    }
    const auto close = tmpl.find('}', i);
    if (close == std::string_view::npos) {
      return {{}, std::string("unterminated '{' in tag template '") + std::string(tmpl) + "'"};
    }
    const auto key = tmpl.substr(i + 1, close - i - 1);
    const auto& names = tag_placeholders();
    if (std::find(names.begin(), names.end(), key) == names.end()) {
      std::string msg = "unknown placeholder {" + std::string(key) + "} in tag template";
      if (auto best = closest_match(key, names)) msg += "; did you mean {" + *best + "}?";
      return {{}, msg};
    }
    const auto value = value_of(key, image);
    if (value.empty()) {
      return {{},
              "tag template uses {" + std::string(key) + "} but image '" + image.name() +
                  "' has no " + (key == "tf" || key == "tf_full" ? "framework" : std::string(key))};
    }
    has_version = has_version || key == "version";
    out += value;
    i = close;
  }
  if (!has_version) {
    return {{},
            std::string("tag template '") + std::string(tmpl) +
                "' must contain {version}: tags name releases, never moving targets like 'latest'"};
  }
  if (!is_valid_tag(out)) {
    return {{}, "tag '" + out + "' is not a valid image tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})"};
  }
  return {out, {}};
}

void apply_tags(model::ResolvedStack& stack, Diagnostics& diags) {
  const auto& tmpl = stack.stack->policy.tag_template;
  std::set<std::string> reported;
  std::map<std::string, std::string> seen; // reference -> image
  for (auto& img : stack.images) {
    auto r = expand_tag(tmpl.value, img);
    if (!r.error.empty()) {
      if (reported.insert(r.error).second) {
        SourcePos where = tmpl.pos.line > 0 ? tmpl.pos : img.spec->pos;
        diags.error(where, "bad-tag-template", r.error);
      }
      continue;
    }
    img.tag = r.tag;
    auto [it, inserted] = seen.emplace(img.reference(), img.name());
    if (!inserted) {
      diags.error(img.spec->pos, "duplicate-reference",
                  "images '" + it->second + "' and '" + img.name() + "' would both be " +
                      img.reference());
    }
  }
}

} // namespace plinth::policy
