// SPDX-License-Identifier: Apache-2.0
// Image verdicts: how the host driver fits the CUDA an image was built for (through the
// compatibility database), and whether the container toolkit's NVIDIA_REQUIRE_* check
// would let it start.
#include "doctor/diagnose.hpp"

namespace plinth::doctor {
namespace {

using compat::DriverFit;

// What an image's CUDA asks of the driver.
struct Needs {
  std::string cuda_name;                 // "CUDA 12.3 GA" or "CUDA 12.3"
  std::optional<Version> toolkit_driver; // full support
  std::optional<Version> min_driver;     // through minor-version compatibility
  std::optional<DriverFit> fit;          // unset: cannot tell
};

Needs needs_of(const ImageRequirement& image, const std::optional<Version>& driver,
               const compat::Db& db) {
  Needs n;
  const auto& cuda = *image.cuda;
  n.cuda_name = "CUDA " + cuda.str();
  if (const auto* row = db.cuda(cuda)) {
    n.cuda_name = "CUDA " + db.cuda_release_name(*row);
    n.toolkit_driver = row->toolkit_driver;
    n.min_driver = row->minor_compat_driver;
    if (driver) {
      n.fit = db.driver_fit(*driver, *row);
    }
    return n;
  }
  n.toolkit_driver = image.driver_toolkit;
  n.min_driver = image.driver_min ? image.driver_min : image.driver_toolkit;
  if (driver && n.min_driver) {
    n.fit = *driver >= n.toolkit_driver.value_or(*n.min_driver) ? DriverFit::compatible
            : *driver >= *n.min_driver                          ? DriverFit::minor_version_compat
                                                                : DriverFit::incompatible;
  }
  return n;
}

std::string describe_image(const ImageRequirement& image) {
  std::string out;
  if (image.tensorflow) {
    out = "TensorFlow " + image.tensorflow->str() + " GPU";
    if (image.cuda) {
      out += ": CUDA " + image.cuda->str() +
             (image.cudnn ? ", cuDNN " + image.cudnn->str() : std::string());
    }
    return out;
  }
  return image.cuda ? "CUDA " + image.cuda->str() : "GPU image";
}

std::string source_words(const std::string& source) {
  if (source == "stack") {
    return "the stack file";
  }
  if (source == "labels") {
    return "the image's io.plinth.* labels";
  }
  if (source == "env") {
    return "the image's environment";
  }
  return "the command line";
}

// The newest TF GPU build a driver runs ("TensorFlow 2.14 (CUDA 11.8)"), or "".
std::string newest_tf_short(const compat::Db& db, const Version& driver) {
  const auto runs = db.tensorflow_for_driver(driver);
  if (runs.empty()) {
    return {};
  }
  const auto& tf = *runs.back();
  return "TensorFlow " + tf.tensorflow.truncated(2).str() + " (CUDA " + tf.cuda.str() + ")";
}

std::string drv(const Version& v) {
  return compat::driver_str(v);
}

Check image_base(const ImageRequirement& image) {
  Check c;
  c.id = "image.fit";
  c.section = "image";
  c.title = "Image fit";
  c.subject = image.name;
  return c;
}

void explain_minor_compat(Check& c, const Needs& n, const Version& driver, const Version& cuda,
                          const std::optional<Version>& driver_cuda_version) {
  c.status = Status::warn;
  c.verdict = k_verdict_minor_compat;
  c.summary = "compatible only through CUDA minor-version compatibility: driver " + drv(driver) +
              " is below " + n.cuda_name + "'s toolkit driver " + drv(*n.toolkit_driver) +
              " but at or above the CUDA " + std::to_string(cuda.major()) + ".x floor " +
              drv(*n.min_driver);
  const auto drv_cuda = driver_cuda_version ? " (CUDA " + driver_cuda_version->str() + ")" : "";
  c.details.push_back("works: code built ahead of time for this GPU runs on the " + drv(driver) +
                      " driver" + drv_cuda + " with the image's own CUDA " + cuda.str() +
                      " libraries");
  c.details.push_back("will not work: PTX JIT compilation. Kernels not built as SASS for this "
                      "GPU's architecture (PTX-only builds, a GPU newer than the build, "
                      "XLA/Triton-generated PTX) fail with cudaErrorUnsupportedPtxVersion");
  c.details.push_back("will not work: CUDA " + cuda.str() +
                      " APIs that need a newer driver "
                      "return cudaErrorCallRequiresNewerDriver");
  c.remedy = "for full support upgrade the NVIDIA driver to " + drv(*n.toolkit_driver) +
             " or newer (the toolkit driver of " + n.cuda_name + ")";
}

void explain_incompatible(Check& c, const Needs& n, const Version& driver, const compat::Db& db) {
  c.status = Status::fail;
  c.verdict = k_verdict_incompatible;
  c.summary = "incompatible: " + n.cuda_name + " needs NVIDIA driver >= " + drv(*n.min_driver);
  if (n.toolkit_driver && *n.toolkit_driver != *n.min_driver) {
    c.summary +=
        " (minor-version compatibility; >= " + drv(*n.toolkit_driver) + " for full support)";
  }
  c.summary += "; this host has " + drv(driver);
  c.details.push_back("on driver " + drv(driver) + ": " + cuda_on_driver(db, driver));
  const auto tf = tensorflow_on_driver(db, driver);
  c.details.push_back("newest TensorFlow GPU build that runs on " + drv(driver) + ": " + tf);
  c.details.push_back("symptoms if run anyway: the container toolkit refuses to start it, or "
                      "TensorFlow finds no GPU / fails with \"CUDA driver version is "
                      "insufficient for CUDA runtime version\"");
  const auto older = newest_tf_short(db, driver);
  c.remedy =
      "upgrade the NVIDIA driver to >= " + drv(n.toolkit_driver.value_or(*n.min_driver)) +
      (n.toolkit_driver && *n.toolkit_driver != *n.min_driver
           ? " (at least " + drv(*n.min_driver) + ", through minor-version compatibility)"
           : std::string()) +
      " and reboot" +
      (older.empty() ? std::string() : "; or, on this driver, build on " + older + " or older");
}

} // namespace

std::optional<Version> driver_cuda(const HostFacts& host, const compat::Db& db) {
  if (host.smi.cuda) {
    return host.smi.cuda;
  }
  const auto driver = host.driver_version();
  if (!driver) {
    return std::nullopt;
  }
  std::optional<Version> best;
  for (const auto& row : db.cuda_releases()) {
    if (*driver >= row.toolkit_driver) {
      best = row.cuda.truncated(2);
    }
  }
  return best;
}

RequireHost require_host(const HostFacts& host, const compat::Db& db) {
  RequireHost h;
  h.driver = host.driver_version();
  h.cuda = driver_cuda(host, db);
  const auto& gpus = host.gpus();
  if (!gpus.empty() && !gpus.front().compute_cap.empty()) {
    h.arch = Version::parse(gpus.front().compute_cap);
  }
  return h;
}

std::string cuda_on_driver(const compat::Db& db, const Version& driver) {
  const compat::CudaDriver* full = nullptr;
  const compat::CudaDriver* minor_first = nullptr;
  const compat::CudaDriver* minor_last = nullptr;
  for (const auto& [row, fit] : db.cuda_for_driver(driver)) {
    if (fit == DriverFit::compatible) {
      full = row;
    } else {
      minor_first = minor_first != nullptr ? minor_first : row;
      minor_last = row;
    }
  }
  if (full == nullptr && minor_first == nullptr) {
    return "no CUDA release in the compatibility database runs";
  }
  std::string out;
  if (full != nullptr) {
    out = "CUDA up to " + db.cuda_release_name(*full) + " with full support";
  }
  if (minor_first != nullptr) {
    const auto a = minor_first->cuda.truncated(2).str();
    const auto b = minor_last->cuda.truncated(2).str();
    out += (out.empty() ? "CUDA " : "; CUDA ") + (a == b ? a : a + " to " + b) +
           " through minor-version compatibility";
  }
  return out;
}

std::string tensorflow_on_driver(const compat::Db& db, const Version& driver) {
  const compat::TfBuild* newest = nullptr;
  const compat::TfBuild* newest_full = nullptr;
  for (const auto* tf : db.tensorflow_for_driver(driver)) {
    newest = tf;
    if (db.driver_fit(driver, tf->cuda) == DriverFit::compatible) {
      newest_full = tf;
    }
  }
  if (newest == nullptr) {
    return "none (no TensorFlow GPU build in the compatibility database runs on it)";
  }
  const auto name = [](const compat::TfBuild& tf) {
    return "TensorFlow " + tf.tensorflow.str() + " (CUDA " + tf.cuda.str() + ", cuDNN " +
           tf.cudnn.str() + ")";
  };
  if (newest == newest_full) {
    return name(*newest) + " with full support";
  }
  auto out = name(*newest) + " through minor-version compatibility";
  if (newest_full != nullptr) {
    out += "; newest with full support: " + name(*newest_full);
  }
  return out;
}

Check image_check(const HostFacts& host, const ImageRequirement& image, const compat::Db& db) {
  Check c = image_base(image);
  const auto what = describe_image(image);
  c.details.push_back("needs: " + what + " (from " + source_words(image.source) + ")");
  if (!image.gpu) {
    c.verdict = k_verdict_cpu;
    c.summary = "CPU image: no GPU or driver needed";
    return c;
  }
  if (!image.cuda) {
    c.status = Status::warn;
    c.verdict = k_verdict_unknown_cuda;
    c.summary = "GPU image whose CUDA version is unknown: no label io.plinth.cuda or CUDA_VERSION";
    c.remedy = "ask directly with `plinth doctor --cuda X.Y`, or label the image io.plinth.cuda";
    return c;
  }
  const auto driver = host.driver_version();
  const auto n = needs_of(image, driver, db);
  if (!driver) {
    c.status = Status::fail;
    c.verdict = k_verdict_no_driver;
    c.summary = "no NVIDIA driver on this host: " + what + " needs a GPU and driver >= " +
                (n.min_driver ? drv(*n.min_driver) : std::string("(unknown)"));
    c.remedy =
        "install the NVIDIA driver" +
        (n.toolkit_driver ? " " + drv(*n.toolkit_driver) + " or newer" : std::string()) +
        " and the NVIDIA container toolkit on a host with an NVIDIA GPU, or use the CPU variant";
    return c;
  }
  if (!n.fit || !n.min_driver) {
    c.status = Status::warn;
    c.verdict = k_verdict_unknown_cuda;
    c.summary = "CUDA " + image.cuda->str() + " is not in the compatibility database (data " +
                std::string(db.data_version()) + "): cannot tell which driver it needs";
    c.remedy = "check NVIDIA's CUDA release notes for the minimum driver, or upgrade plinth";
    return c;
  }
  switch (*n.fit) {
  case DriverFit::compatible:
    c.verdict = k_verdict_compatible;
    c.summary = "compatible: driver " + drv(*driver) +
                " >= " + drv(n.toolkit_driver.value_or(*n.min_driver)) +
                ", the toolkit driver of " + n.cuda_name;
    break;
  case DriverFit::minor_version_compat:
    explain_minor_compat(c, n, *driver, *image.cuda, driver_cuda(host, db));
    break;
  case DriverFit::incompatible: explain_incompatible(c, n, *driver, db); break;
  }
  return c;
}

} // namespace plinth::doctor
