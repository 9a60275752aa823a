// SPDX-License-Identifier: Apache-2.0
#include "lint/json_stream.hpp"

#include <string>

namespace plinth::lint {

void write_json_value(std::ostream& out, const nlohmann::json& v, int indent) {
  const auto text = v.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  // dump() escapes newlines inside strings, so every raw '\n' starts a new line.
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  std::size_t start = 0;
  while (true) {
    const auto nl = text.find('\n', start);
    if (nl == std::string::npos) {
      out.write(text.data() + start, static_cast<std::streamsize>(text.size() - start));
      return;
    }
    out.write(text.data() + start, static_cast<std::streamsize>(nl + 1 - start));
    out << pad;
    start = nl + 1;
  }
}

} // namespace plinth::lint
