// SPDX-License-Identifier: Apache-2.0
#include "compat/db.hpp"

#include <cstdio>
#include <cstdlib>
#include <functional>

namespace plinth::data {
extern const std::string_view compat_db;
} // namespace plinth::data

namespace plinth::compat {

std::string_view variant_name(Variant v) {
  switch (v) {
  case Variant::cpu: return "cpu";
  case Variant::gpu: return "gpu";
  }
  return "gpu";
}

std::string driver_str(const Version& driver) {
  std::string out;
  for (std::size_t i = 0; i < driver.size(); ++i) {
    const auto part = std::to_string(driver.part(i));
    if (i > 0) {
      out += part.size() < 2 ? "." + std::string(2 - part.size(), '0') + part : "." + part;
    } else {
      out += part;
    }
  }
  return out;
}

std::optional<Variant> parse_variant(std::string_view name) {
  if (name == "cpu") {
    return Variant::cpu;
  }
  if (name == "gpu") {
    return Variant::gpu;
  }
  return std::nullopt;
}

std::string_view driver_fit_name(DriverFit f) {
  switch (f) {
  case DriverFit::compatible: return "compatible";
  case DriverFit::minor_version_compat: return "minor_version_compat";
  case DriverFit::incompatible: return "incompatible";
  }
  return "incompatible";
}

std::vector<Version> TfBuild::python_versions() const {
  std::vector<Version> out;
  if (python_min.major() != python_max.major()) {
    // The parser rejects this; keep the two ends rather than guessing the minors between.
    out.push_back(python_min);
    out.push_back(python_max);
    return out;
  }
  for (int minor = python_min.minor(); minor <= python_max.minor(); ++minor) {
    out.push_back(
        *Version::parse(std::to_string(python_min.major()) + "." + std::to_string(minor)));
  }
  return out;
}

bool TfBuild::supports_python(const Version& python) const {
  const auto minor = python.truncated(2);
  return python_min <= minor && minor <= python_max;
}

const Db& Db::builtin() {
  static const Db db = [] {
    constexpr std::string_view k_name = "data/compat/compat.tsv (embedded)";
    Diagnostics diags;
    auto parsed = Db::parse(data::compat_db, k_name, diags);
    if (!parsed) {
      // Only reachable with a broken build (compat tests parse the same file), so there
      // is nobody to return an error to: say what is wrong and stop.
      std::fprintf(stderr, "plinth: the embedded compatibility database is invalid:\n");
      const LineIndex lines(data::compat_db);
      for (const auto& d : diags.items()) {
        std::fprintf(stderr, "%s\n", format_diagnostic(d, lines).c_str());
      }
      std::abort();
    }
    return std::move(*parsed);
  }();
  return db;
}

const TfBuild* Db::tensorflow(const Version& tf) const {
  const auto minor = tf.truncated(2);
  for (const auto& row : m_tf) {
    if (row.tensorflow.truncated(2) == minor) {
      return &row;
    }
  }
  return nullptr;
}

const CudaDriver* Db::cuda(const Version& cuda) const {
  const auto minor = cuda.truncated(2);
  const CudaDriver* newest_not_newer = nullptr;
  const CudaDriver* ga = nullptr;
  for (std::size_t i = 0; i < m_cuda.size(); ++i) {
    const auto& row = m_cuda[i];
    if (row.cuda.truncated(2) != minor) {
      continue;
    }
    if (m_cuda_release[i] == "GA") {
      ga = &row;
    }
    if (row.cuda <= cuda) {
      newest_not_newer = &row; // rows are sorted, so the last hit is the newest
    }
  }
  // "11.0" precedes every stored 11.0.x row (11.0.1 RC, 11.0.2 GA): it means the GA.
  return newest_not_newer != nullptr ? newest_not_newer : ga;
}

const MajorRule* Db::rule_for(int cuda_major) const {
  for (const auto& rule : m_major_rules) {
    if (rule.cuda_major == cuda_major) {
      return &rule;
    }
  }
  return nullptr;
}

std::optional<Version> Db::minor_compat_until(int cuda_major) const {
  const auto* rule = rule_for(cuda_major);
  return rule != nullptr ? rule->compat_until : std::nullopt;
}

DriverFit Db::driver_fit(const Version& driver, const CudaDriver& row) const {
  if (driver >= row.toolkit_driver) {
    return DriverFit::compatible;
  }
  const auto* rule = rule_for(row.cuda.major());
  if (rule != nullptr && driver >= row.minor_compat_driver &&
      (!rule->compat_until || driver < *rule->compat_until)) {
    return DriverFit::minor_version_compat;
  }
  return DriverFit::incompatible;
}

DriverFit Db::driver_fit(const Version& driver, const Version& cuda) const {
  if (const auto* row = this->cuda(cuda)) {
    return driver_fit(driver, *row);
  }
  // A release we do not know (newer than the data): only the per-major rule can vouch.
  const auto* rule = rule_for(cuda.major());
  if (rule == nullptr || driver < rule->min_driver) {
    return DriverFit::incompatible;
  }
  if (rule->compat_until && driver >= *rule->compat_until) {
    return DriverFit::compatible; // newer branch than every toolkit driver of the major
  }
  return DriverFit::minor_version_compat;
}

std::vector<const TfBuild*> Db::tensorflow_for_driver(const Version& driver) const {
  std::vector<const TfBuild*> out;
  for (const auto& row : m_tf) {
    if (driver_fit(driver, row.cuda) != DriverFit::incompatible) {
      out.push_back(&row);
    }
  }
  return out;
}

std::vector<std::pair<const CudaDriver*, DriverFit>>
Db::cuda_for_driver(const Version& driver) const {
  std::vector<std::pair<const CudaDriver*, DriverFit>> out;
  for (const auto& row : m_cuda) {
    const auto fit = driver_fit(driver, row);
    if (fit != DriverFit::incompatible) {
      out.emplace_back(&row, fit);
    }
  }
  return out;
}

std::string_view Db::cuda_release_kind(const CudaDriver& row) const {
  // std::less: a total order even for a pointer that is not into m_cuda.
  const std::less<const CudaDriver*> before;
  if (m_cuda.empty() || before(&row, m_cuda.data()) ||
      !before(&row, m_cuda.data() + m_cuda.size())) {
    return {};
  }
  return m_cuda_release[static_cast<std::size_t>(&row - m_cuda.data())];
}

std::string Db::cuda_release_name(const CudaDriver& row) const {
  const auto kind = cuda_release_kind(row);
  // "12.4.1" + "Update 1" reads as NVIDIA writes it: "12.4 Update 1".
  const bool update_patch = row.cuda.size() == 3 && kind.rfind("Update ", 0) == 0 &&
                            kind.substr(7) == std::to_string(row.cuda.part(2));
  const auto version = update_patch ? row.cuda.truncated(2).str() : row.cuda.str();
  return kind.empty() ? version : version + " " + std::string(kind);
}

} // namespace plinth::compat
