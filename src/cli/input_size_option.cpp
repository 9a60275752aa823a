// SPDX-License-Identifier: Apache-2.0
#include "cli/input_size_option.hpp"

#include "util/files.hpp"
#include "util/size.hpp"

#include <string>

namespace plinth::cli {

void add_max_input_size_option(CLI::App& cmd) {
  cmd.add_option_function<std::string>(
         "--max-input-size",
         [](const std::string& text) {
           const auto bytes = parse_size(text);
           if (!bytes || *bytes <= 0) {
             throw CLI::ValidationError("--max-input-size",
                                        "expected a size such as 16m or 1g, got '" + text + "'");
           }
           set_max_input_size(static_cast<std::uint64_t>(*bytes));
         },
         "Read at most SIZE bytes of a stack file or Dockerfile (e.g. 16m; default 4m for "
         "stack files, 64m for Dockerfiles)")
      ->type_name("SIZE");
}

} // namespace plinth::cli
