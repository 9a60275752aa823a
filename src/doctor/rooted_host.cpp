// SPDX-License-Identifier: Apache-2.0
#include "doctor/rooted_host.hpp"

#include "doctor/text.hpp"
#include "util/process.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include <sys/statvfs.h>
#include <unistd.h>

namespace plinth::doctor {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    return std::nullopt;
  }
  return ss.str();
}

std::optional<std::uint64_t> to_u64(std::string_view s) {
  s = text::trim(s);
  std::uint64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || ptr != s.data() + s.size()) {
    return std::nullopt;
  }
  return v;
}

} // namespace

RootedHost::RootedHost(fs::path root, std::vector<std::string> path_dirs,
                       std::optional<fs::path> capture)
    : m_root(std::move(root)), m_path_dirs(std::move(path_dirs)), m_capture(std::move(capture)) {}

RootedHost RootedHost::fixture(const fs::path& root) {
  return RootedHost(root,
                    {"/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"},
                    root / k_capture_dir);
}

fs::path RootedHost::under(std::string_view path) const {
  auto rel = fs::path(path).relative_path();
  return m_root / rel;
}

std::optional<std::string> RootedHost::read(std::string_view path) const {
  return slurp(under(path));
}

bool RootedHost::exists(std::string_view path) const {
  std::error_code ec;
  return fs::exists(under(path), ec);
}

std::vector<std::string> RootedHost::list(std::string_view dir) const {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(under(dir), ec), end; !ec && it != end; it.increment(ec)) {
    out.push_back(it->path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> RootedHost::which(std::string_view name) const {
  for (const auto& dir : m_path_dirs) {
    if (dir.empty() || dir.front() != '/') {
      continue; // relative PATH entries would depend on the working directory
    }
    const auto host_path = (fs::path(dir) / name).string();
    const auto real = under(host_path);
    std::error_code ec;
    if (!fs::is_regular_file(real, ec)) {
      continue;
    }
    if (m_capture || ::access(real.c_str(), X_OK) == 0) {
      return host_path;
    }
  }
  return std::nullopt;
}

std::optional<CommandOutput> RootedHost::run_captured(const Command& command) const {
  const auto dir = *m_capture / "commands";
  auto output = slurp(dir / (command.id + ".txt"));
  if (!output) {
    return std::nullopt;
  }
  CommandOutput out;
  out.output = std::move(*output);
  if (auto rc = slurp(dir / (command.id + ".rc"))) {
    out.exit_code = static_cast<int>(to_u64(*rc).value_or(1));
  }
  return out;
}

std::optional<CommandOutput> RootedHost::run(const Command& command) const {
  if (command.argv.empty()) {
    return std::nullopt;
  }
  const auto program = which(command.argv[0]);
  if (!program) {
    return std::nullopt;
  }
  if (m_capture) {
    return run_captured(command);
  }
  auto argv = command.argv;
  argv[0] = under(*program).string();
  // stdin from /dev/null, stdout and stderr together (a probe never needs more than 1 MiB),
  // killed at the deadline (exit code 124); nullopt when it cannot be started.
  ProcessOptions options;
  options.timeout = m_timeout;
  options.keep_output = std::size_t{1} << 20;
  auto r = run_process(argv, options);
  if (!r) {
    return std::nullopt;
  }
  CommandOutput out;
  out.exit_code = r->exit_code;
  out.output = std::move(r->output);
  return out;
}

std::optional<DiskSpace> RootedHost::disk_captured(std::string_view path) const {
  auto table = slurp(*m_capture / "disk.tsv");
  if (!table) {
    return std::nullopt;
  }
  for (const auto line : text::lines(*table)) {
    const auto f = text::split(line, '\t');
    if (f.size() == 3 && f[0] == path) {
      auto total = to_u64(f[1]);
      auto avail = to_u64(f[2]);
      if (total && avail) {
        return DiskSpace{*total, *avail};
      }
    }
  }
  return std::nullopt;
}

std::optional<DiskSpace> RootedHost::disk_space(std::string_view path) const {
  if (m_capture) {
    return disk_captured(path);
  }
  // The data root may not exist yet (no engine): measure its nearest existing ancestor.
  auto p = under(path);
  std::error_code ec;
  while (!fs::exists(p, ec) && p.has_parent_path() && p != p.parent_path()) {
    p = p.parent_path();
  }
  struct statvfs st {};
  if (::statvfs(p.c_str(), &st) != 0) {
    return std::nullopt;
  }
  return DiskSpace{static_cast<std::uint64_t>(st.f_blocks) * st.f_frsize,
                   static_cast<std::uint64_t>(st.f_bavail) * st.f_frsize};
}

} // namespace plinth::doctor
