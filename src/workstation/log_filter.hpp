// SPDX-License-Identifier: Apache-2.0
// plinth-init prefixes each line of a service with "[name] ": `plinth logs SERVICE` keeps
// one service's lines, whatever the chunk boundaries of a followed stream. Pure.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::workstation {

class LineFilter {
public:
  // `service` empty: every line passes. `strip_prefix`: "[name] " is removed.
  LineFilter(std::string service, bool strip_prefix,
             std::function<void(std::string_view line)> sink);
  void feed(std::string_view chunk); // complete lines go to the sink (with their '\n')
  void finish();                     // a last line without '\n'

private:
  void line(std::string_view text);

  std::string m_prefix;
  bool m_strip;
  std::function<void(std::string_view)> m_sink;
  std::string m_partial;
};

// The last `n` lines of `text` that belong to `service` (prefix removed).
std::vector<std::string> last_service_lines(std::string_view text, std::string_view service,
                                            std::size_t n);

} // namespace plinth::workstation
