// SPDX-License-Identifier: Apache-2.0
// The doctor's report as human text and as JSON (schema in docs/doctor.md; keys are stable,
// adding keys does not bump k_json_schema). Pure.
#pragma once

#include "compat/db.hpp"
#include "doctor/facts.hpp"
#include "doctor/report.hpp"
#include "doctor/requirements.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace plinth::doctor {

inline constexpr int k_json_schema = 1;

// One check: "  [FAIL] Title: summary\n         - detail\n         fix: remedy\n".
std::string render_check_text(const Check& check);

std::string render_text(const Report& report, const HostFacts& host,
                        const std::vector<ImageRequirement>& images);

nlohmann::json render_json(const Report& report, const HostFacts& host,
                           const std::vector<ImageRequirement>& images, const compat::Db& db);

nlohmann::json check_json(const Check& check);
nlohmann::json host_json(const HostFacts& host);
nlohmann::json engine_json(const EngineFacts& engine);
nlohmann::json requirement_json(const ImageRequirement& image);

} // namespace plinth::doctor
