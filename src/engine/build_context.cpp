// SPDX-License-Identifier: Apache-2.0
#include "engine/build_context.hpp"

#include "util/files.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <memory>
#include <set>
#include <sstream>

namespace plinth::engine {
namespace {

namespace fs = std::filesystem;
constexpr std::time_t k_mtime = 315532800; // 1980-01-01, like reproducible zip/tar tools

struct ArchiveDeleter {
  void operator()(archive* a) const { archive_write_free(a); }
};

int write_cb(archive*, void* user, const void* buf, std::size_t n) {
  static_cast<std::string*>(user)->append(static_cast<const char*>(buf), n);
  return ARCHIVE_OK;
}
la_ssize_t write_cb_sized(archive* a, void* user, const void* buf, std::size_t n) {
  write_cb(a, user, buf, n);
  return static_cast<la_ssize_t>(n);
}

Result<void> add_entry(archive* a, const std::string& name, std::string_view data, bool dir,
                       bool exec) {
  std::unique_ptr<archive_entry, void (*)(archive_entry*)> e(archive_entry_new(),
                                                             &archive_entry_free);
  archive_entry_set_pathname(e.get(), name.c_str());
  archive_entry_set_filetype(e.get(), dir ? AE_IFDIR : AE_IFREG);
  archive_entry_set_perm(e.get(), dir || exec ? 0755 : 0644);
  archive_entry_set_size(e.get(), dir ? 0 : static_cast<la_int64_t>(data.size()));
  archive_entry_set_mtime(e.get(), k_mtime, 0);
  archive_entry_set_uid(e.get(), 0);
  archive_entry_set_gid(e.get(), 0);
  if (archive_write_header(a, e.get()) != ARCHIVE_OK) {
    return fail(Errc::io, "tar: " + std::string(archive_error_string(a)));
  }
  if (!dir && !data.empty() && archive_write_data(a, data.data(), data.size()) < 0) {
    return fail(Errc::io, "tar: " + std::string(archive_error_string(a)));
  }
  return {};
}

// Every file and directory under `rel` (itself included), sorted, as relative paths.
Result<std::set<std::string>> expand(const fs::path& root, const std::string& rel) {
  std::set<std::string> out;
  std::error_code ec;
  const auto top = root / rel;
  if (!fs::exists(top, ec)) {
    return fail(Errc::not_found,
                "'" + rel + "' does not exist in the build context " + root.string());
  }
  out.insert(rel);
  if (fs::is_directory(top, ec)) {
    for (auto it = fs::recursive_directory_iterator(top, ec);
         it != fs::recursive_directory_iterator(); ++it) {
      out.insert(fs::relative(it->path(), root, ec).generic_string());
    }
  }
  // Parent directories come first so the tar can be extracted in order.
  for (auto p = fs::path(rel).parent_path(); !p.empty(); p = p.parent_path()) {
    out.insert(p.generic_string());
  }
  return out;
}

bool provided_by(const std::vector<ContextFile>& extras, const std::string& rel) {
  for (const auto& e : extras) {
    if (e.path == rel || e.path.rfind(rel + "/", 0) == 0) {
      return true;
    }
  }
  return false;
}

Result<void> add_extras(archive* a, const std::vector<ContextFile>& extras,
                        std::set<std::string>& dirs) {
  auto sorted = extras;
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& x, const auto& y) { return x.path < y.path; });
  for (const auto& e : sorted) {
    for (auto p = fs::path(e.path).parent_path(); !p.empty(); p = p.parent_path()) {
      if (dirs.insert(p.generic_string()).second) {
        PLINTH_TRY(add_entry(a, p.generic_string(), {}, true, false));
      }
    }
    PLINTH_TRY(add_entry(a, e.path, e.content, false, e.executable));
  }
  return {};
}

} // namespace

std::vector<std::string> dockerignore_allow_list(std::string_view dockerignore) {
  std::vector<std::string> out;
  std::istringstream in{std::string(dockerignore)};
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.front() == '!') {
      out.push_back(line.substr(1));
    }
  }
  return out;
}

Result<std::string> make_build_context(const fs::path& context_dir, std::string_view dockerfile,
                                       std::string_view dockerignore,
                                       const std::vector<ContextFile>& extras) {
  std::set<std::string> paths;
  for (const auto& rel : dockerignore_allow_list(dockerignore)) {
    std::error_code ec;
    if (provided_by(extras, rel) && !fs::exists(context_dir / rel, ec)) {
      continue;
    }
    PLINTH_TRY_ASSIGN(auto more, expand(context_dir, rel));
    paths.insert(more.begin(), more.end());
  }
  std::string out;
  std::unique_ptr<archive, ArchiveDeleter> a(archive_write_new());
  archive_write_set_format_pax_restricted(a.get());
  archive_write_set_bytes_per_block(a.get(), 0);
  archive_write_open(a.get(), &out, nullptr, &write_cb_sized, nullptr);
  PLINTH_TRY(add_entry(a.get(), "Dockerfile", dockerfile, false, false));
  PLINTH_TRY(add_entry(a.get(), ".dockerignore", dockerignore, false, false));
  for (const auto& rel : paths) {
    std::error_code ec;
    const auto full = context_dir / rel;
    if (fs::is_directory(full, ec)) {
      PLINTH_TRY(add_entry(a.get(), rel, {}, true, false));
      continue;
    }
    PLINTH_TRY_ASSIGN(auto data, read_file(full));
    const auto perms = fs::status(full, ec).permissions();
    const bool exec = (perms & fs::perms::owner_exec) != fs::perms::none;
    PLINTH_TRY(add_entry(a.get(), rel, data, false, exec));
  }
  std::set<std::string> dirs;
  for (const auto& p : paths) {
    dirs.insert(p);
  }
  PLINTH_TRY(add_extras(a.get(), extras, dirs));
  archive_write_close(a.get());
  return out;
}

} // namespace plinth::engine
