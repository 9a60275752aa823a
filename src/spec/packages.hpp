// SPDX-License-Identifier: Apache-2.0
// Parsing of package strings: pip requirements (a PEP 508 subset), Debian "name=version",
// npm "name@version". Pure; errors are returned as messages for the caller to position.
#pragma once

#include "model/stack.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace plinth::spec {

// PEP 503 normalization: lower case, runs of "-", "_", "." become "-".
std::string normalize_pip_name(std::string_view name);

// "name[extra]==1.2.3". Returns the package or an error message.
std::variant<model::PipPackage, std::string> parse_pip(std::string_view text);
std::variant<model::AptPackage, std::string> parse_apt(std::string_view text);
std::variant<model::NpmPackage, std::string> parse_npm(std::string_view text);

// Lines of a requirements.txt, each parsed with parse_pip; comments, blank lines and
// option lines (-r, -c, --hash continuation) are handled. Errors carry line and column.
struct RequirementsResult {
  std::vector<model::PipPackage> packages;
  Diagnostics diags;
};
RequirementsResult parse_requirements(std::string_view text, const std::string& file);

} // namespace plinth::spec
