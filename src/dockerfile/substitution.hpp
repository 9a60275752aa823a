// SPDX-License-Identifier: Apache-2.0
// BuildKit's word processing (shell/lex.go): quote removal plus `$var` / `${var…}`
// expansion with every modifier (:- - :+ + :? ? # ## % %% / //).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::dockerfile {

// Returns the variable's value, or nullptr when it is not set.
using Lookup = std::function<const std::string*(std::string_view name)>;

struct Expansion {
  std::string value;
  std::vector<std::string> referenced; // every variable name used
  std::vector<std::string> undefined;  // used without a default and not set
  std::vector<std::string> errors;     // bad substitution, unsupported modifier, ${v:?msg}
};

Expansion expand_word(std::string_view raw, const Lookup& lookup, char escape = '\\');

// Shell glob match supporting '*', '?' and escaped literals ("\*", "\?").
bool glob_match(std::string_view pattern, std::string_view text);

} // namespace plinth::dockerfile
