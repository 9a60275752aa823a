// SPDX-License-Identifier: Apache-2.0
// Loading config files from disk and validating the whole configuration.
#include "init/config.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <map>
#include <unistd.h>

namespace plinth::init {

namespace {

std::optional<std::string> slurp(const std::string& path, std::string& why) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    why = std::strerror(errno);
    return std::nullopt;
  }
  std::string out;
  char buf[4096];
  ssize_t n = 0;
  while ((n = ::read(fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR)) {
    out.append(buf, static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
  }
  ::close(fd);
  return out;
}

std::vector<std::string> conf_files_in(const std::string& dir) {
  std::vector<std::string> files;
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) {
    return files;
  }
  while (const dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    if (name.size() > 5 && name.ends_with(".conf") && name.front() != '.') {
      files.push_back(dir + "/" + name);
    }
  }
  ::closedir(d);
  std::sort(files.begin(), files.end());
  return files;
}

void check_service(const ServiceConfig& s, std::vector<ConfigError>& errors) {
  auto err = [&](const std::string& msg) {
    errors.push_back({s.file, s.line, "service '" + s.name + "': " + msg});
  };
  if (s.argv.empty()) {
    err("missing 'command'");
  }
  if (s.backoff_max < s.backoff_initial) {
    err("backoff_max must be >= backoff_initial");
  }
  if (!s.log_file.empty() && s.log_file.front() != '/') {
    err("log_file must be an absolute path");
  }
}

// Depth-first topological sort; reports unknown dependencies and cycles.
struct Sorter {
  const std::vector<ServiceConfig>& services;
  std::map<std::string, std::size_t> index;
  std::vector<int> mark; // 0 new, 1 visiting, 2 done
  std::vector<std::size_t> order;
  std::vector<ConfigError>& errors;

  void visit(std::size_t i) {
    if (mark[i] == 2) {
      return;
    }
    const auto& s = services[i];
    if (mark[i] == 1) {
      errors.push_back({s.file, s.line, "dependency cycle through service '" + s.name + "'"});
      return;
    }
    mark[i] = 1;
    for (const auto& dep : s.depends_on) {
      auto it = index.find(dep);
      if (it == index.end()) {
        errors.push_back(
            {s.file, s.line, "service '" + s.name + "' depends on unknown service '" + dep + "'"});
      } else if (it->second == i) {
        errors.push_back({s.file, s.line, "service '" + s.name + "' depends on itself"});
      } else {
        visit(it->second);
      }
    }
    mark[i] = 2;
    order.push_back(i);
  }
};

} // namespace

void validate_config(Config& cfg, std::vector<ConfigError>& errors) {
  for (const auto& s : cfg.services) {
    check_service(s, errors);
  }
  Sorter sorter{cfg.services, {}, std::vector<int>(cfg.services.size(), 0), {}, errors};
  for (std::size_t i = 0; i < cfg.services.size(); ++i) {
    sorter.index[cfg.services[i].name] = i;
  }
  for (std::size_t i = 0; i < cfg.services.size(); ++i) {
    sorter.visit(i);
  }
  std::vector<ServiceConfig> sorted;
  sorted.reserve(cfg.services.size());
  for (std::size_t i : sorter.order) {
    sorted.push_back(std::move(cfg.services[i]));
  }
  cfg.services = std::move(sorted);
}

std::vector<ConfigError> load_config(const std::string& main_file, const std::string& dir,
                                     Config& cfg) {
  std::vector<ConfigError> errors;
  std::vector<std::string> files;
  if (!main_file.empty()) {
    files.push_back(main_file);
  }
  const auto extra = dir.empty() ? std::vector<std::string>{} : conf_files_in(dir);
  files.insert(files.end(), extra.begin(), extra.end());
  for (const auto& f : files) {
    std::string why;
    auto text = slurp(f, why);
    if (!text) {
      errors.push_back({f, 0, "cannot read: " + why});
      continue;
    }
    parse_config_text(*text, f, cfg, errors);
  }
  if (files.empty()) {
    errors.push_back({main_file.empty() ? dir : main_file, 0, "no configuration files found"});
  }
  if (errors.empty()) {
    if (cfg.services.empty()) {
      errors.push_back({files.front(), 0, "no [service NAME] sections"});
    }
    validate_config(cfg, errors);
  }
  return errors;
}

} // namespace plinth::init
