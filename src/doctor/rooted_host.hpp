// SPDX-License-Identifier: Apache-2.0
// HostView over a real file system under a root prefix: "/" for this host, or a fixture
// directory standing in for it. With a capture directory (fixtures), commands and disk
// space come from files instead of being run / measured:
//   <capture>/commands/<command id>.txt   the command's output (stdout+stderr)
//   <capture>/commands/<command id>.rc    its exit status (0 when absent)
//   <capture>/disk.tsv                    lines "<path>\t<total bytes>\t<available bytes>"
// This file does I/O (like util/files.cpp); the rest of src/doctor is pure.
#pragma once

#include "doctor/host_view.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace plinth::doctor {

// Conventional capture directory inside a fixture root.
inline constexpr const char* k_capture_dir = ".plinth-capture";

class RootedHost final : public HostView {
public:
  // `path_dirs`: the PATH to search, as host paths (the caller passes $PATH split on ':').
  RootedHost(std::filesystem::path root, std::vector<std::string> path_dirs,
             std::optional<std::filesystem::path> capture = std::nullopt);

  // A fixture root: PATH is the Debian default, captures from <root>/.plinth-capture.
  static RootedHost fixture(const std::filesystem::path& root);

  std::optional<std::string> read(std::string_view path) const override;
  bool exists(std::string_view path) const override;
  std::vector<std::string> list(std::string_view dir) const override;
  std::optional<std::string> which(std::string_view name) const override;
  std::optional<CommandOutput> run(const Command& command) const override;
  std::optional<DiskSpace> disk_space(std::string_view path) const override;
  std::string root() const override { return m_root.string(); }

  // A real command is killed after this long (exit code 124); see util/process.hpp.
  void set_timeout(std::chrono::milliseconds t) { m_timeout = t; }

private:
  std::filesystem::path under(std::string_view path) const;
  std::optional<CommandOutput> run_captured(const Command& command) const;
  std::optional<DiskSpace> disk_captured(std::string_view path) const;

  std::filesystem::path m_root;
  std::vector<std::string> m_path_dirs;
  std::optional<std::filesystem::path> m_capture;
  std::chrono::milliseconds m_timeout{15000};
};

} // namespace plinth::doctor
