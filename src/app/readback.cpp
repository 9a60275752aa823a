// SPDX-License-Identifier: Apache-2.0
#include "app/readback.hpp"

#include "model/labels.hpp"

#include <nlohmann/json.hpp>

namespace plinth::app {
namespace {

constexpr const char* k_program = R"PY(
import json, os, platform, subprocess
out = {"python": platform.python_version(), "uid": os.getuid(), "pip": {}, "dpkg": {}}
try:
    import importlib.metadata as md
    for d in md.distributions():
        name = d.metadata["Name"]
        if name:
            out["pip"][name.lower().replace("_", "-").replace(".", "-")] = d.version
except Exception:
    pass
try:
    text = subprocess.run(["dpkg-query", "-W", "-f", "${Package}=${Version}\n"],
                          capture_output=True, text=True).stdout
    for line in text.splitlines():
        if "=" in line:
            k, v = line.split("=", 1)
            out["dpkg"][k] = v
except Exception:
    pass
print(json.dumps(out, sort_keys=True))
)PY";

std::string major(std::string_view v) {
  return std::string(v.substr(0, v.find('.')));
}

std::string major_minor(std::string_view v) {
  const auto dot = v.find('.');
  if (dot == std::string_view::npos) {
    return std::string(v);
  }
  return std::string(v.substr(0, v.find('.', dot + 1)));
}

std::string first_of(const std::map<std::string, std::string>& m,
                     std::initializer_list<const char*> keys) {
  for (const auto* k : keys) {
    if (auto it = m.find(k); it != m.end()) {
      return it->second;
    }
  }
  return {};
}

std::string dpkg_prefixed(const std::map<std::string, std::string>& m, std::string_view prefix) {
  for (const auto& [k, v] : m) {
    if (k.rfind(prefix, 0) == 0) {
      return v;
    }
  }
  return {};
}

void check_pins(const model::ResolvedImage& image, const ReadBack& found,
                std::vector<std::string>& out) {
  for (const auto* spec : image.chain) {
    for (const auto& p : spec->pip) {
      if (p.op != "==") {
        continue;
      }
      const auto it = found.pip.find(p.name);
      if (it == found.pip.end()) {
        out.push_back("pip package " + p.name + " (declared by '" + spec->name +
                      "') is not installed");
      } else if (it->second != p.version) {
        out.push_back("pip package " + p.name + " is " + it->second + ", declared " + p.version);
      }
    }
  }
  for (const auto& t : image.tools) {
    const char* pkg = t.name == "jupyter"       ? "jupyterlab"
                      : t.name == "tensorboard" ? "tensorboard"
                                                : nullptr;
    if (pkg == nullptr) {
      continue;
    }
    const auto it = found.pip.find(pkg);
    if (it == found.pip.end() || it->second != t.version) {
      out.push_back("tool " + t.name + " is " +
                    (it == found.pip.end() ? std::string("missing") : it->second) + ", declared " +
                    t.version);
    }
  }
}

} // namespace

std::string ReadBack::tensorflow() const {
  return first_of(pip, {"tensorflow", "tensorflow-cpu", "tensorflow-gpu", "tf-nightly"});
}

std::string ReadBack::cuda() const {
  auto v = first_of(pip, {"nvidia-cuda-runtime-cu12", "nvidia-cuda-runtime-cu11"});
  return v.empty() ? dpkg_prefixed(dpkg, "cuda-cudart-") : v;
}

std::string ReadBack::cudnn() const {
  auto v = first_of(pip, {"nvidia-cudnn-cu12", "nvidia-cudnn-cu11"});
  if (v.empty()) {
    v = dpkg_prefixed(dpkg, "libcudnn9");
  }
  return v.empty() ? dpkg_prefixed(dpkg, "libcudnn8") : v;
}

std::string readback_program() {
  return k_program;
}

Result<ReadBack> parse_readback(std::string_view json_text) {
  const auto j = nlohmann::json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return fail(Errc::protocol, "the read-back program printed no JSON");
  }
  ReadBack r;
  r.python = j.value("python", "");
  r.uid = j.value("uid", -1);
  r.pip = j.value("pip", std::map<std::string, std::string>{});
  r.dpkg = j.value("dpkg", std::map<std::string, std::string>{});
  return r;
}

Result<ReadBack> read_back(engine::Containers& engine, const std::string& image_id) {
  engine::ContainerSpec spec;
  spec.image = image_id;
  // Overriding the entrypoint (plinth-init in workstation images) also drops the image's CMD.
  spec.entrypoint = {"python", "-c", readback_program()};
  spec.network_mode = "none";
  spec.labels = {{model::labels::readback, "1"}};
  auto run = engine::run_to_completion(engine, spec);
  if (!run) {
    return fail(std::move(run.error().with_context("reading back the contents of " + image_id)));
  }
  if (run->exit_code != 0) {
    return fail(Errc::io, "the read-back program exited with status " +
                              std::to_string(run->exit_code) + ": " + run->err.substr(0, 2000));
  }
  return parse_readback(run->out);
}

std::vector<std::string> verify(const model::ResolvedImage& image, const ReadBack& found) {
  std::vector<std::string> out;
  if (!image.tensorflow.empty() && found.tensorflow() != image.tensorflow) {
    out.push_back("TensorFlow is " +
                  (found.tensorflow().empty() ? std::string("not installed") : found.tensorflow()) +
                  ", declared " + image.tensorflow);
  }
  if (!image.python.empty() && major_minor(found.python) != image.python) {
    out.push_back("Python is " + found.python + ", declared " + image.python);
  }
  if (image.variant == "gpu" && !image.cuda.empty() && major(found.cuda()) != major(image.cuda)) {
    out.push_back("CUDA runtime is " +
                  (found.cuda().empty() ? std::string("missing") : found.cuda()) + ", TensorFlow " +
                  image.tensorflow + " needs CUDA " + image.cuda);
  }
  if (image.variant == "gpu" && !image.cudnn.empty() &&
      major(found.cudnn()) != major(image.cudnn)) {
    out.push_back("cuDNN is " + (found.cudnn().empty() ? std::string("missing") : found.cudnn()) +
                  ", TensorFlow " + image.tensorflow + " needs cuDNN " + major(image.cudnn) +
                  " (it would silently fall back to the CPU)");
  }
  if (image.user && found.uid != image.user->uid) {
    out.push_back("the image runs as uid " + std::to_string(found.uid) + ", declared " +
                  std::to_string(image.user->uid));
  }
  check_pins(image, found, out);
  return out;
}

} // namespace plinth::app
