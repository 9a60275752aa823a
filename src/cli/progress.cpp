// SPDX-License-Identifier: Apache-2.0
#include "cli/progress.hpp"

#include <cstdlib>
#include <ctime>
#include <unistd.h>

namespace plinth::cli {
namespace {

std::string timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  ::localtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
  return buf;
}

std::string bar(int step, int total, int width) {
  if (total <= 0) {
    return std::string(static_cast<std::size_t>(width) + 2, ' ');
  }
  const int filled = step * width / total;
  return "[" + std::string(static_cast<std::size_t>(filled), '#') +
         std::string(static_cast<std::size_t>(width - filled), '.') + "]";
}

int terminal_width() {
  if (const char* c = std::getenv("COLUMNS"); c != nullptr) {
    const int w = std::atoi(c);
    if (w > 20) {
      return w;
    }
  }
  return 100;
}

} // namespace

TerminalEvents::TerminalEvents(bool live, bool verbose, std::FILE* out)
    : m_out(out), m_live(live), m_verbose(verbose) {}

TerminalEvents::~TerminalEvents() {
  std::fflush(m_out);
}

bool TerminalEvents::stderr_is_live() {
  const char* term = std::getenv("TERM");
  return ::isatty(STDERR_FILENO) == 1 && (term == nullptr || std::string_view(term) != "dumb");
}

TerminalEvents::Line& TerminalEvents::line_for(std::string_view image) {
  for (auto& l : m_lines) {
    if (l.image == image) {
      return l;
    }
  }
  m_lines.push_back(Line{std::string(image), "queued", 0, 0, {}, std::chrono::steady_clock::now()});
  return m_lines.back();
}

std::string TerminalEvents::render(const Line& l) const {
  const auto secs =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - l.started)
          .count();
  std::string s = l.image;
  s.resize(std::max<std::size_t>(s.size(), 12), ' ');
  s += " " + l.state;
  s.resize(std::max<std::size_t>(s.size(), 25), ' ');
  if (l.state == "building") {
    s += " " + bar(l.step, l.total, 20) + " " + std::to_string(l.step) + "/" +
         std::to_string(l.total) + " " + std::to_string(secs) + "s ";
  } else {
    s += " ";
  }
  s += l.text;
  const auto width = static_cast<std::size_t>(terminal_width() - 1);
  if (s.size() > width) {
    s.resize(width);
  }
  return s;
}

void TerminalEvents::redraw() {
  if (m_drawn > 0) {
    std::fprintf(m_out, "\x1b[%zuA", m_drawn);
  }
  for (const auto& l : m_lines) {
    std::fprintf(m_out, "\r\x1b[2K%s\n", render(l).c_str());
  }
  m_drawn = m_lines.size();
  std::fflush(m_out);
}

void TerminalEvents::plain(std::string_view image, std::string_view text) {
  std::fprintf(m_out, "%s %.*s: %.*s\n", timestamp().c_str(), static_cast<int>(image.size()),
               image.data(), static_cast<int>(text.size()), text.data());
  std::fflush(m_out);
}

void TerminalEvents::image_state(std::string_view image, app::ImageState state,
                                 std::string_view detail) {
  std::lock_guard lock(m_mutex);
  auto& l = line_for(image);
  l.state = std::string(app::image_state_name(state));
  l.text = std::string(detail);
  if (state == app::ImageState::building) {
    l.started = std::chrono::steady_clock::now();
  }
  if (m_live) {
    redraw();
  } else {
    plain(image, l.state + (detail.empty() ? "" : " (" + std::string(detail) + ")"));
  }
}

void TerminalEvents::image_step(std::string_view image, int step, int total,
                                std::string_view text) {
  std::lock_guard lock(m_mutex);
  auto& l = line_for(image);
  l.step = step;
  l.total = total;
  l.text = std::string(text);
  if (m_live) {
    redraw();
  } else {
    plain(image,
          "step " + std::to_string(step) + "/" + std::to_string(total) + ": " + std::string(text));
  }
}

void TerminalEvents::image_log(std::string_view image, std::string_view line) {
  if (!m_verbose) {
    return;
  }
  std::lock_guard lock(m_mutex);
  if (m_live) {
    // Print above the live block, then redraw it below.
    if (m_drawn > 0) {
      std::fprintf(m_out, "\x1b[%zuA\x1b[J", m_drawn);
      m_drawn = 0;
    }
    std::fprintf(m_out, "%.*s | %.*s\n", static_cast<int>(image.size()), image.data(),
                 static_cast<int>(line.size()), line.data());
    redraw();
  } else {
    plain(image, line);
  }
}

void TerminalEvents::message(std::string_view text) {
  std::lock_guard lock(m_mutex);
  if (m_live && m_drawn > 0) {
    std::fprintf(m_out, "\x1b[%zuA\x1b[J", m_drawn);
    m_drawn = 0;
    std::fprintf(m_out, "%.*s\n", static_cast<int>(text.size()), text.data());
    redraw();
  } else {
    plain("plinth", text);
  }
}

} // namespace plinth::cli
