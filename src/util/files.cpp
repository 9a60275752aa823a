// SPDX-License-Identifier: Apache-2.0
#include "util/files.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace plinth {
namespace {

std::atomic<std::uint64_t> g_max_input_size{0}; // 0: the per-kind defaults

constexpr std::size_t k_chunk = 64 * 1024;

std::string describe_size(std::uint64_t bytes) {
  constexpr std::uint64_t k_kib = 1024;
  constexpr std::uint64_t k_mib = 1024 * k_kib;
  if (bytes >= k_mib && bytes % k_mib == 0) return std::to_string(bytes / k_mib) + " MiB";
  if (bytes >= k_kib && bytes % k_kib == 0) return std::to_string(bytes / k_kib) + " KiB";
  return std::to_string(bytes) + " bytes";
}

const char* kind_name(InputKind kind) {
  return kind == InputKind::stack_file ? "stack files" : "Dockerfiles";
}

Unexpected too_large(std::string_view name, InputKind kind) {
  return fail(Errc::invalid_input, std::string(name) + ": larger than " +
                                       describe_size(max_input_size(kind)) + ", the limit for " +
                                       kind_name(kind) + " (raise it with --max-input-size SIZE)");
}

// Appends one chunk; false once `out` would pass the limit.
bool append_bounded(std::string& out, const char* data, std::size_t n, std::uint64_t limit) {
  if (out.size() + n > limit) return false;
  out.append(data, n);
  return true;
}

// Why `st` is not something we read, or nullptr. Regular files, FIFOs and character
// devices are streams we can read bounded; /dev/zero then fails on the size.
const char* refusal(const struct stat& st) {
  if (S_ISDIR(st.st_mode)) return "is a directory, not a file";
  if (S_ISBLK(st.st_mode)) return "is a block device, not a file";
  return nullptr;
}

Result<std::string> read_fd(int fd, const std::string& name, InputKind kind) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    return fail(Errc::io, name + ": cannot stat: " + std::strerror(errno));
  }
  if (const char* why = refusal(st)) {
    return fail(Errc::invalid_input, name + ": " + why);
  }
  const auto limit = max_input_size(kind);
  if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > limit) {
    return too_large(name, kind);
  }
  std::string out;
  char buf[k_chunk];
  for (;;) {
    const auto n = ::read(fd, buf, sizeof buf);
    if (n == 0) return out;
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(Errc::io, name + ": read error: " + std::strerror(errno));
    }
    if (!append_bounded(out, buf, static_cast<std::size_t>(n), limit)) {
      return too_large(name, kind);
    }
  }
}

} // namespace

Result<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    return fail(err == ENOENT ? Errc::not_found : Errc::io,
                path.string() + ": cannot open: " + std::strerror(err));
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    return fail(Errc::io, path.string() + ": read error");
  }
  return ss.str();
}

void set_max_input_size(std::uint64_t bytes) {
  g_max_input_size = bytes;
}

std::uint64_t max_input_size(InputKind kind) {
  if (const auto set = g_max_input_size.load()) return set;
  return kind == InputKind::stack_file ? k_default_max_stack_file : k_default_max_dockerfile;
}

Result<std::string> read_input(const std::filesystem::path& path, InputKind kind) {
  const auto name = path.string();
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    return fail(err == ENOENT ? Errc::not_found : Errc::io,
                name + ": cannot open: " + std::strerror(err));
  }
  auto text = read_fd(fd, name, kind);
  ::close(fd);
  return text;
}

Result<std::string> read_input(std::istream& in, std::string_view name, InputKind kind) {
  const auto limit = max_input_size(kind);
  std::string out;
  char buf[k_chunk];
  while (in) {
    in.read(buf, sizeof buf);
    if (!append_bounded(out, buf, static_cast<std::size_t>(in.gcount()), limit)) {
      return too_large(name, kind);
    }
  }
  if (in.bad()) {
    return fail(Errc::io, std::string(name) + ": read error");
  }
  return out;
}

Result<void> write_file_atomic(const std::filesystem::path& path, std::string_view content,
                               unsigned mode) {
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string tmpl = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    return fail(Errc::io,
                path.string() + ": cannot create temporary file: " + std::strerror(errno));
  }
  auto cleanup_fail = [&](const char* what) {
    const int err = errno;
    ::close(fd);
    ::unlink(tmpl.c_str());
    return fail(Errc::io, path.string() + ": " + what + ": " + std::strerror(err));
  };
  std::size_t done = 0;
  while (done < content.size()) {
    const auto n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return cleanup_fail("write failed");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, static_cast<mode_t>(mode)) != 0) return cleanup_fail("chmod failed");
  if (::fsync(fd) != 0) return cleanup_fail("fsync failed");
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmpl.c_str());
    return fail(Errc::io, path.string() + ": close failed: " + std::strerror(err));
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmpl.c_str());
    return fail(Errc::io, path.string() + ": rename failed: " + std::strerror(err));
  }
  return {};
}

} // namespace plinth
