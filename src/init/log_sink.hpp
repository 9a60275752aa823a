// SPDX-License-Identifier: Apache-2.0
// Where service output goes: the supervisor's stdout/stderr (prefixed with the service name)
// and optionally a per-service log file rotated by size (file, file.1, ... file.N).
#pragma once

#include <string>
#include <string_view>

namespace plinth::init {

// Writes all bytes, retrying on EINTR/EAGAIN. Returns false on a hard error.
bool write_all(int fd, std::string_view data);

class RotatingFile {
public:
  RotatingFile() = default;
  RotatingFile(std::string path, long long max_bytes, int keep);
  RotatingFile(const RotatingFile&) = delete;
  RotatingFile& operator=(const RotatingFile&) = delete;
  RotatingFile(RotatingFile&& other) noexcept;
  RotatingFile& operator=(RotatingFile&& other) noexcept;
  ~RotatingFile();

  // Appends one line (a '\n' is added), rotating first when it would exceed max_bytes.
  void write_line(std::string_view line);
  bool enabled() const { return !m_path.empty(); }

private:
  void open_file();
  void rotate();

  std::string m_path;
  long long m_max_bytes = 0;
  int m_keep = 0;
  int m_fd = -1;
  long long m_size = 0;
};

// The supervisor's own event lines: "[plinth-init] message" on stderr.
void log_event(std::string_view message);

} // namespace plinth::init
