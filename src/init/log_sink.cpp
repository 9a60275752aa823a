// SPDX-License-Identifier: Apache-2.0
#include "init/log_sink.hpp"

#include "init/line_buffer.hpp"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace plinth::init {

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n > 0) {
      data.remove_prefix(static_cast<std::size_t>(n));
    } else if (n < 0 && errno == EAGAIN) {
      pollfd p{fd, POLLOUT, 0};
      ::poll(&p, 1, 1000);
    } else if (n < 0 && errno != EINTR) {
      return false;
    }
  }
  return true;
}

RotatingFile::RotatingFile(std::string path, long long max_bytes, int keep)
    : m_path(std::move(path)), m_max_bytes(max_bytes), m_keep(keep) {}

RotatingFile::RotatingFile(RotatingFile&& other) noexcept
    : m_path(std::move(other.m_path)), m_max_bytes(other.m_max_bytes), m_keep(other.m_keep),
      m_fd(std::exchange(other.m_fd, -1)), m_size(other.m_size) {}

RotatingFile& RotatingFile::operator=(RotatingFile&& other) noexcept {
  if (this != &other) {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
    m_path = std::move(other.m_path);
    m_max_bytes = other.m_max_bytes;
    m_keep = other.m_keep;
    m_fd = std::exchange(other.m_fd, -1);
    m_size = other.m_size;
  }
  return *this;
}

RotatingFile::~RotatingFile() {
  if (m_fd >= 0) {
    ::close(m_fd);
  }
}

void RotatingFile::open_file() {
  m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
  struct stat st {};
  m_size = (m_fd >= 0 && ::fstat(m_fd, &st) == 0) ? st.st_size : 0;
  if (m_fd < 0) {
    log_event("cannot open log file " + m_path);
  }
}

void RotatingFile::rotate() {
  if (m_fd >= 0) {
    ::close(m_fd);
    m_fd = -1;
  }
  if (m_keep <= 0) {
    ::unlink(m_path.c_str());
  } else {
    for (int i = m_keep - 1; i >= 1; --i) {
      const auto from = m_path + "." + std::to_string(i);
      ::rename(from.c_str(), (m_path + "." + std::to_string(i + 1)).c_str());
    }
    ::rename(m_path.c_str(), (m_path + ".1").c_str());
  }
  open_file();
}

void RotatingFile::write_line(std::string_view line) {
  if (!enabled()) {
    return;
  }
  if (m_fd < 0) {
    open_file();
  }
  const auto bytes = static_cast<long long>(line.size()) + 1;
  if (m_size > 0 && m_size + bytes > m_max_bytes) {
    rotate();
  }
  if (m_fd < 0) {
    return;
  }
  std::string out(line);
  out += '\n';
  if (write_all(m_fd, out)) {
    m_size += bytes;
  }
}

void log_event(std::string_view message) {
  write_all(STDERR_FILENO, prefix_line("plinth-init", message));
}

} // namespace plinth::init
