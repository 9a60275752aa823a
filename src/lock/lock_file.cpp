// SPDX-License-Identifier: Apache-2.0
#include "lock/lock_file.hpp"

#include <nlohmann/json.hpp>

namespace plinth::lock {
namespace {

using nlohmann::json;

json to_json(const LockedImage& i) {
  return json{{"name", i.name},
              {"reference", i.reference},
              {"image_id", i.image_id},
              {"manifest_digest", i.manifest_digest},
              {"parent", i.parent},
              {"parent_digest", i.parent_digest},
              {"input_digest", i.input_digest},
              {"build_digest", i.build_digest},
              {"resolved",
               {{"tensorflow", i.tensorflow},
                {"python", i.python},
                {"cuda", i.cuda},
                {"cudnn", i.cudnn},
                {"pip", i.pip},
                {"apt", i.apt}}}};
}

std::string get(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::map<std::string, std::string> get_map(const json& j, const char* key) {
  std::map<std::string, std::string> out;
  auto it = j.find(key);
  if (it != j.end() && it->is_object()) {
    for (const auto& [k, v] : it->items()) {
      if (v.is_string()) {
        out[k] = v.get<std::string>();
      }
    }
  }
  return out;
}

Result<LockedImage> from_json(const json& j, std::size_t index) {
  if (!j.is_object() || get(j, "name").empty()) {
    return fail(Errc::invalid_input,
                "plinth.lock: images[" + std::to_string(index) + "] has no name");
  }
  LockedImage i;
  i.name = get(j, "name");
  i.reference = get(j, "reference");
  i.image_id = get(j, "image_id");
  i.manifest_digest = get(j, "manifest_digest");
  i.parent = get(j, "parent");
  i.parent_digest = get(j, "parent_digest");
  i.input_digest = get(j, "input_digest");
  i.build_digest = get(j, "build_digest");
  if (auto r = j.find("resolved"); r != j.end() && r->is_object()) {
    i.tensorflow = get(*r, "tensorflow");
    i.python = get(*r, "python");
    i.cuda = get(*r, "cuda");
    i.cudnn = get(*r, "cudnn");
    i.pip = get_map(*r, "pip");
    i.apt = get_map(*r, "apt");
  }
  return i;
}

} // namespace

const LockedImage* LockFile::find(std::string_view name) const {
  for (const auto& i : images) {
    if (i.name == name) {
      return &i;
    }
  }
  return nullptr;
}

LockedImage* LockFile::find(std::string_view name) {
  for (auto& i : images) {
    if (i.name == name) {
      return &i;
    }
  }
  return nullptr;
}

void LockFile::upsert(LockedImage image) {
  if (auto* existing = find(image.name)) {
    *existing = std::move(image);
  } else {
    images.push_back(std::move(image));
  }
}

std::string serialize(const LockFile& lock) {
  json images = json::array();
  for (const auto& i : lock.images) {
    images.push_back(to_json(i));
  }
  const json j{{"lock_version", lock.version},
               {"stack", lock.stack},
               {"images", images},
               {"generated_by", "plinth build (do not edit)"}};
  return j.dump(2) + "\n";
}

Result<LockFile> parse(std::string_view text) {
  const auto j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return fail(Errc::invalid_input, "plinth.lock is not valid JSON");
  }
  const auto v = j.find("lock_version");
  if (v == j.end() || !v->is_number_integer()) {
    return fail(Errc::invalid_input, "plinth.lock has no lock_version");
  }
  if (v->get<int>() != k_format_version) {
    return fail(Errc::invalid_input,
                "plinth.lock has format version " + std::to_string(v->get<int>()) +
                    "; this plinth reads version " + std::to_string(k_format_version));
  }
  LockFile lock;
  lock.stack = get(j, "stack");
  if (auto it = j.find("images"); it != j.end() && it->is_array()) {
    for (std::size_t k = 0; k < it->size(); ++k) {
      PLINTH_TRY_ASSIGN(auto img, from_json((*it)[k], k));
      lock.images.push_back(std::move(img));
    }
  }
  return lock;
}

} // namespace plinth::lock
