// SPDX-License-Identifier: Apache-2.0
// Rendering lint results: human text (source line + caret), JSON, SARIF 2.1.0, checkstyle.
// The write_* functions stream to `out` (memory: a constant per finding); the format_*
// ones return the same bytes as a string.
#pragma once

#include "lint/finding.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::lint {

enum class Format { text, json, sarif, checkstyle };

std::optional<Format> parse_format(std::string_view name);

void write_text(std::ostream& out, const std::vector<FileReport>& reports);
void write_json(std::ostream& out, const std::vector<FileReport>& reports);
void write_sarif(std::ostream& out, const std::vector<FileReport>& reports);
void write_checkstyle(std::ostream& out, const std::vector<FileReport>& reports);
void write_report(std::ostream& out, const std::vector<FileReport>& reports, Format format);

std::string format_text(const std::vector<FileReport>& reports);
std::string format_json(const std::vector<FileReport>& reports);
std::string format_sarif(const std::vector<FileReport>& reports);
std::string format_checkstyle(const std::vector<FileReport>& reports);
std::string format_report(const std::vector<FileReport>& reports, Format format);

// docs/lint-rules.md, generated from the rule metadata.
std::string rules_markdown();
// One line per rule: "PL2003  warning  Pin versions in apt-get install".
std::string rules_table();

} // namespace plinth::lint
