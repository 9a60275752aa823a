// SPDX-License-Identifier: Apache-2.0
// TensorFlow <-> Python <-> CUDA <-> cuDNN <-> driver, from the base image's declaration
// and the compatibility database.
#include "spec/analyze.hpp"

namespace plinth::spec {
namespace {

std::string join_versions(const std::vector<Version>& vs) {
  std::string out;
  for (const auto& v : vs)
    out += (out.empty() ? "" : ", ") + v.str();
  return out;
}

std::string known_tf(const compat::Db& db) {
  const auto& builds = db.tensorflow_builds();
  if (builds.empty()) return "none";
  return builds.front().tensorflow.truncated(2).str() + " to " +
         builds.back().tensorflow.truncated(2).str();
}

// Checks a declared CUDA or cuDNN version against the one the TF build was tested with.
void check_declared(const std::optional<model::Located>& declared, const Version& expected,
                    const char* what, const std::string& tf, Diagnostics& diags) {
  if (!declared) return;
  const auto v = Version::parse(declared->value);
  if (!v) {
    diags.error(declared->pos, "bad-version",
                std::string(what) + " '" + declared->value + "' is not a version");
  } else if (!(v->truncated(2) == expected.truncated(2))) {
    diags.error(declared->pos, "incompatible",
                "TensorFlow " + tf + " GPU builds use " + what + " " + expected.truncated(2).str() +
                    ", not " + declared->value + " (TensorFlow's tested build configurations)");
  }
}

void resolve_cuda_driver(const compat::Db& db, model::ResolvedImage& out, const SourcePos& where,
                         Diagnostics& diags) {
  const auto cuda = Version::parse(out.cuda);
  const auto* row = cuda ? db.cuda(*cuda) : nullptr;
  if (row == nullptr) {
    diags.error(where, "unknown-cuda",
                "CUDA " + out.cuda + " is not in the compatibility database");
    return;
  }
  out.driver_toolkit = row->toolkit_driver.str();
  out.driver_min = row->minor_compat_driver.str();
}

} // namespace

void resolve_framework(const compat::Db& db, model::ResolvedImage& out, Diagnostics& diags) {
  const model::ImageSpec& base = *out.chain.front();
  std::optional<Version> python;
  if (base.python) {
    python = Version::parse(base.python->value);
    if (!python || python->size() != 2) {
      diags.error(base.python->pos, "bad-version",
                  "python '" + base.python->value + "' must be MAJOR.MINOR, e.g. 3.11");
      python.reset();
    } else {
      out.python = python->str();
    }
  }
  if (!base.framework) {
    if (base.cuda) {
      out.cuda = base.cuda->value;
      out.variant = "gpu";
      resolve_cuda_driver(db, out, base.cuda->pos, diags);
    }
    return;
  }
  const auto& fw = *base.framework;
  const auto tf = Version::parse(fw.version.value);
  if (!tf || tf->size() != 3) {
    diags.error(fw.version.pos, "bad-version",
                "framework.version '" + fw.version.value +
                    "' must be a full release such as 2.16.1 (pip installs exactly it)");
    return;
  }
  const auto* build = db.tensorflow(*tf);
  if (build == nullptr) {
    diags.error(fw.version.pos, "unknown-framework",
                "TensorFlow " + fw.version.value +
                    " is not in the compatibility database (known: " + known_tf(db) + ")");
    return;
  }
  out.tensorflow = tf->str();
  out.tensorflow_minor = tf->truncated(2).str();
  out.variant = fw.variant;
  if (!base.python) {
    diags.error(fw.pos, "missing-python",
                "the base declares TensorFlow " + out.tensorflow_minor +
                    " but no 'python' (supported: " + join_versions(build->python_versions()) +
                    ")");
  } else if (python && !build->supports_python(*python)) {
    diags.error(base.python->pos, "incompatible",
                "TensorFlow " + out.tensorflow_minor + " does not support Python " + python->str() +
                    " (supported: " + join_versions(build->python_versions()) + ")");
  }
  if (fw.variant != "gpu") {
    for (const auto* field : {&base.cuda, &base.cudnn}) {
      if (*field) {
        diags.error((*field)->pos, "cuda-on-cpu",
                    "cuda and cudnn apply to the gpu variant only; framework.variant is '" +
                        fw.variant + "'");
      }
    }
    return;
  }
  check_declared(base.cuda, build->cuda, "CUDA", out.tensorflow_minor, diags);
  check_declared(base.cudnn, build->cudnn, "cuDNN", out.tensorflow_minor, diags);
  out.cuda = build->cuda.str();
  out.cudnn = build->cudnn.str();
  out.and_cuda_extra = build->and_cuda_extra;
  if (!build->and_cuda_extra) {
    diags.warning(fw.pos, "cuda-from-base-image",
                  "TensorFlow " + out.tensorflow_minor +
                      " has no tensorflow[and-cuda] extra: the 'from' image must provide CUDA " +
                      out.cuda + " and cuDNN " + out.cudnn +
                      " (e.g. an nvidia/cuda cudnn runtime image)");
  }
  resolve_cuda_driver(db, out, fw.pos, diags);
}

} // namespace plinth::spec
