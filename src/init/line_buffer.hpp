// SPDX-License-Identifier: Apache-2.0
// Splits a byte stream (one service's stdout or stderr) into whole lines, so a line is only
// ever written out complete and two services' partial lines can never mix.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace plinth::init {

class LineBuffer {
public:
  static constexpr std::size_t k_default_max_line = 16 * 1024;

  explicit LineBuffer(std::size_t max_line = k_default_max_line) : m_max_line(max_line) {}

  // Feeds bytes; calls emit(line) for each complete line (without its '\n'). A line longer
  // than max_line is emitted in max_line pieces so memory stays bounded.
  void feed(std::string_view data, const std::function<void(std::string_view)>& emit);
  // Emits the pending partial line, if any (service died or the stream ended).
  void flush(const std::function<void(std::string_view)>& emit);
  std::size_t pending() const { return m_partial.size(); }

private:
  std::size_t m_max_line;
  std::string m_partial;
};

// "[name] " + line + "\n": the exact bytes written to the supervisor's stdout/stderr.
std::string prefix_line(std::string_view name, std::string_view line);

} // namespace plinth::init
