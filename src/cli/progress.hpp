// SPDX-License-Identifier: Apache-2.0
// app::Events for the terminal: on a TTY one live line per image (state, step, bar);
// elsewhere plain timestamped lines. Writes to stderr (stdout is for data).
#pragma once

#include "app/events.hpp"

#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace plinth::cli {

class TerminalEvents final : public app::Events {
public:
  // live: redraw lines in place (stderr is a TTY); verbose: also print build output lines.
  TerminalEvents(bool live, bool verbose, std::FILE* out = stderr);
  ~TerminalEvents() override;

  void image_state(std::string_view image, app::ImageState state, std::string_view detail) override;
  void image_step(std::string_view image, int step, int total, std::string_view text) override;
  void image_log(std::string_view image, std::string_view line) override;
  void message(std::string_view text) override;

  // Whether stderr is a terminal and TERM is not "dumb".
  static bool stderr_is_live();

private:
  struct Line {
    std::string image;
    std::string state;
    int step = 0;
    int total = 0;
    std::string text;
    std::chrono::steady_clock::time_point started;
  };
  Line& line_for(std::string_view image);
  void redraw();
  void plain(std::string_view image, std::string_view text);
  std::string render(const Line& l) const;

  std::mutex m_mutex;
  std::FILE* m_out;
  bool m_live;
  bool m_verbose;
  std::vector<Line> m_lines;
  std::size_t m_drawn = 0;
};

} // namespace plinth::cli
