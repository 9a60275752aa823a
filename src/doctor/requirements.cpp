// SPDX-License-Identifier: Apache-2.0
#include "doctor/requirements.hpp"

#include "doctor/text.hpp"
#include "model/labels.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace plinth::doctor {
namespace {

std::optional<Version> version_of(std::string_view s) {
  s = text::trim(s);
  if (s.empty()) {
    return std::nullopt;
  }
  return Version::parse(s);
}

std::optional<std::string> get(const std::map<std::string, std::string>& m, const std::string& k) {
  const auto it = m.find(k);
  if (it == m.end() || it->second.empty()) {
    return std::nullopt;
  }
  return it->second;
}

bool same_needs(const ImageRequirement& a, const ImageRequirement& b) {
  return a.gpu == b.gpu && a.cuda == b.cuda && a.cudnn == b.cudnn && a.tensorflow == b.tensorflow &&
         a.driver_min == b.driver_min && a.driver_toolkit == b.driver_toolkit &&
         a.and_cuda_extra == b.and_cuda_extra;
}

// Plinth's own labels (render/labels.cpp writes them).
void apply_plinth_labels(ImageRequirement& req, const std::map<std::string, std::string>& labels) {
  if (auto v = get(labels, model::labels::cuda)) {
    req.cuda = version_of(*v);
  }
  if (auto v = get(labels, model::labels::cudnn)) {
    req.cudnn = version_of(*v);
  }
  if (auto v = get(labels, model::labels::tensorflow)) {
    req.tensorflow = version_of(*v);
  }
  if (auto v = get(labels, model::labels::driver_min)) {
    req.driver_min = version_of(*v);
  }
  if (auto v = get(labels, model::labels::driver_toolkit)) {
    req.driver_toolkit = version_of(*v);
  }
  if (auto v = get(labels, model::labels::variant)) {
    req.gpu = *v == "gpu";
  }
}

} // namespace

bool go_parse_bool_true(std::string_view v) {
  return v == "1" || v == "t" || v == "T" || v == "TRUE" || v == "true" || v == "True";
}

ImageRequirement requirement_from_resolved(const model::ResolvedImage& image) {
  ImageRequirement req;
  req.name = image.name();
  req.source = "stack";
  req.gpu = image.variant == "gpu";
  req.cuda = version_of(image.cuda);
  req.cudnn = version_of(image.cudnn);
  req.tensorflow = version_of(image.tensorflow);
  req.driver_min = version_of(image.driver_min);
  req.driver_toolkit = version_of(image.driver_toolkit);
  req.and_cuda_extra = image.and_cuda_extra;
  return req;
}

std::vector<ImageRequirement> requirements_from_stack(const model::ResolvedStack& stack) {
  std::vector<ImageRequirement> out;
  for (const auto& image : stack.images) {
    auto req = requirement_from_resolved(image);
    if (!req.gpu) {
      continue;
    }
    auto same = std::find_if(out.begin(), out.end(),
                             [&](const ImageRequirement& r) { return same_needs(r, req); });
    if (same != out.end()) {
      same->name += ", " + req.name;
    } else {
      out.push_back(std::move(req));
    }
  }
  return out;
}

ImageRequirement requirement_from_config(std::string name,
                                         const std::map<std::string, std::string>& labels,
                                         const std::vector<std::string>& env,
                                         const compat::Db& db) {
  ImageRequirement req;
  req.name = std::move(name);
  std::map<std::string, std::string> vars;
  for (const auto& e : env) {
    const auto eq = e.find('=');
    if (eq != std::string::npos) {
      vars[e.substr(0, eq)] = e.substr(eq + 1);
    }
  }
  for (const auto& [key, value] : vars) {
    if (text::starts_with(key, "NVIDIA_REQUIRE_") && key != "NVIDIA_REQUIRE_JETPACK" &&
        !value.empty()) {
      req.nvidia_require.push_back(value);
    }
  }
  req.disable_require = go_parse_bool_true(vars["NVIDIA_DISABLE_REQUIRE"]);
  const bool plinth =
      labels.count(model::labels::variant) > 0 || labels.count(model::labels::cuda) > 0;
  if (plinth) {
    req.source = "labels";
    apply_plinth_labels(req, labels);
    return req;
  }
  req.source = "env";
  // nvidia/cuda images: CUDA_VERSION=12.3.2; NGC: TENSORFLOW_VERSION=2.15.0, CUDNN_VERSION.
  req.cuda = version_of(vars["CUDA_VERSION"]);
  req.cudnn = version_of(vars["CUDNN_VERSION"]);
  req.tensorflow = version_of(vars["TENSORFLOW_VERSION"]);
  const auto visible = vars.find("NVIDIA_VISIBLE_DEVICES");
  req.gpu = req.cuda.has_value() || !req.nvidia_require.empty() ||
            (visible != vars.end() && visible->second != "void" && !visible->second.empty());
  if (req.gpu && !req.cuda && req.tensorflow) {
    if (const auto* tf = db.tensorflow(*req.tensorflow)) {
      req.cuda = tf->cuda;
    }
  }
  return req;
}

Result<ImageRequirement> requirement_from_inspect(std::string name, std::string_view json,
                                                  const compat::Db& db) {
  const auto j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return fail(Errc::protocol, "the engine's image inspect reply is not a JSON object");
  }
  std::map<std::string, std::string> labels;
  std::vector<std::string> env;
  if (const auto c = j.find("Config"); c != j.end() && c->is_object()) {
    if (const auto l = c->find("Labels"); l != c->end() && l->is_object()) {
      for (const auto& [k, v] : l->items()) {
        if (v.is_string()) {
          labels[k] = v.get<std::string>();
        }
      }
    }
    if (const auto e = c->find("Env"); e != c->end() && e->is_array()) {
      for (const auto& v : *e) {
        if (v.is_string()) {
          env.push_back(v.get<std::string>());
        }
      }
    }
  }
  return requirement_from_config(std::move(name), labels, env, db);
}

ImageRequirement requirement_for_cuda(const Version& cuda) {
  ImageRequirement req;
  req.name = "CUDA " + cuda.str();
  req.source = "flag";
  req.gpu = true;
  req.cuda = cuda;
  return req;
}

std::optional<ImageRequirement> requirement_for_tf(const Version& tf, const compat::Db& db) {
  const auto* row = db.tensorflow(tf);
  if (row == nullptr) {
    return std::nullopt;
  }
  ImageRequirement req;
  req.name = "TensorFlow " + row->tensorflow.str() + " (GPU)";
  req.source = "flag";
  req.gpu = true;
  req.tensorflow = row->tensorflow;
  req.cuda = row->cuda;
  req.cudnn = row->cudnn;
  req.and_cuda_extra = row->and_cuda_extra;
  return req;
}

} // namespace plinth::doctor
