// SPDX-License-Identifier: Apache-2.0
// The answers of `plinth compat`, as JSON (stable keys, documented in docs/compat.md) and
// as text. Pure: the CLI only picks one and prints it.
#pragma once

#include "compat/db.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace plinth::compat {

// Bumped when a key changes meaning or disappears (adding keys does not bump it).
inline constexpr int k_report_schema = 1;

// `plinth compat tf`: what one TensorFlow build needs.
nlohmann::json tf_json(const Db& db, const TfBuild& tf, Variant variant);
std::string tf_text(const Db& db, const TfBuild& tf, Variant variant);

// `plinth compat driver`: the CUDA releases and TF GPU builds a host driver runs.
nlohmann::json driver_json(const Db& db, const Version& driver);
std::string driver_text(const Db& db, const Version& driver);

// `plinth compat cuda`: the driver requirements of one CUDA release.
nlohmann::json cuda_json(const Db& db, const CudaDriver& cuda);
std::string cuda_text(const Db& db, const CudaDriver& cuda);

// `plinth compat list`: the whole TF table (or, with `cuda_table`, the CUDA table).
nlohmann::json list_json(const Db& db);
std::string list_text(const Db& db);
nlohmann::json cuda_list_json(const Db& db);
std::string cuda_list_text(const Db& db);

// Versions the database knows, for "not in database" errors: "2.4", ..., "2.21" and
// "10.0", ..., "13.2" (one per minor).
std::vector<std::string> known_tensorflow(const Db& db);
std::vector<std::string> known_cuda(const Db& db);

// {"error": {"code", "message", "known"}}: what `--json` prints when a query fails.
nlohmann::json error_json(std::string_view code, std::string_view message,
                          const std::vector<std::string>& known = {});

} // namespace plinth::compat
