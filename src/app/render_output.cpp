// SPDX-License-Identifier: Apache-2.0
#include "app/render_output.hpp"

#include "util/files.hpp"

#include <algorithm>
#include <optional>
#include <unistd.h>

namespace plinth::app {
namespace fs = std::filesystem;
namespace {

struct Staged {
  fs::path from;
  fs::path to;
};

Unexpected io_error(const fs::path& p, const std::error_code& ec) {
  return fail(Errc::io, p.string() + ": " + ec.message());
}

// A fresh folder inside `out`, on the same file system, so the final renames are atomic.
Result<fs::path> make_staging(const fs::path& out) {
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) return io_error(out, ec);
  std::string tmpl = (out / ".plinth-render-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) {
    return fail(Errc::io, out.string() + ": cannot create a staging folder");
  }
  return fs::path(tmpl);
}

// An existing link at `out/<image>` could point anywhere: refuse rather than follow it.
Result<void> check_not_link(const fs::path& p) {
  std::error_code ec;
  if (fs::is_symlink(fs::symlink_status(p, ec))) {
    return fail(Errc::invalid_input,
                p.string() + " is a symbolic link; refusing to write through it");
  }
  return {};
}

Result<std::vector<Staged>> stage(const fs::path& staging, const fs::path& out,
                                  const std::vector<render::RenderedImage>& images) {
  std::vector<Staged> files;
  for (const auto& img : images) {
    auto dir = image_dir(out, img.name);
    if (!dir) return fail(std::move(dir.error()));
    if (auto ok = check_not_link(*dir); !ok) return fail(std::move(ok.error()));
    std::error_code ec;
    fs::create_directories(staging / img.name, ec);
    if (ec) return io_error(staging / img.name, ec);
    for (const auto& [name, content] :
         {std::pair{"Dockerfile", &img.dockerfile}, std::pair{".dockerignore", &img.dockerignore},
          std::pair{"plinth-init.conf", &img.init_config}}) {
      if (content->empty()) continue;
      const auto from = staging / img.name / name;
      if (auto ok = write_file_atomic(from, *content); !ok) return fail(std::move(ok.error()));
      files.push_back({from, *dir / name});
    }
  }
  return files;
}

// Renames every staged file over its target. The file it replaces is first moved aside into
// the staging folder, so a failure midway puts back what the earlier renames replaced (and
// removes what they added): the output holds the old render or the new one, never a mix.
Result<void> move_into_place(const fs::path& staging, const std::vector<Staged>& files) {
  struct Done {
    fs::path to;
    std::optional<fs::path> old; // where the replaced file waits
  };
  std::vector<Done> done;
  const auto undo = [&] {
    for (auto it = done.rbegin(); it != done.rend(); ++it) {
      std::error_code ec;
      if (it->old) {
        fs::rename(*it->old, it->to, ec);
      } else {
        fs::remove(it->to, ec);
      }
    }
  };
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& f = files[i];
    std::error_code ec;
    fs::create_directories(f.to.parent_path(), ec);
    Done d{f.to, std::nullopt};
    std::error_code absent; // a target that does not exist yet is not an error
    if (!ec && fs::is_regular_file(fs::symlink_status(f.to, absent))) {
      d.old = staging / (".old-" + std::to_string(i));
      fs::rename(f.to, *d.old, ec);
    }
    if (!ec) fs::rename(f.from, f.to, ec);
    if (ec) {
      if (d.old) {
        std::error_code ignored;
        fs::rename(*d.old, f.to, ignored);
      }
      undo();
      return io_error(f.to, ec);
    }
    done.push_back(std::move(d));
  }
  return {};
}

} // namespace

Result<fs::path> image_dir(const fs::path& out, std::string_view name) {
  const bool control = std::any_of(name.begin(), name.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  });
  if (name.empty() || name == "." || name == ".." || name.find('/') != std::string_view::npos ||
      control) {
    return fail(Errc::internal, "image name '" + std::string(name) +
                                    "' is not a plain folder name; refusing to write it");
  }
  const auto base = out.lexically_normal();
  const auto dir = (out / std::string(name)).lexically_normal();
  if (dir.lexically_relative(base) != fs::path(std::string(name))) {
    return fail(Errc::internal, "image folder " + dir.string() + " is not below " + base.string());
  }
  return out / std::string(name);
}

Result<std::vector<fs::path>> write_rendered(const fs::path& out,
                                             const std::vector<render::RenderedImage>& images) {
  // Every name is checked before anything touches the disk.
  std::vector<fs::path> dockerfiles;
  for (const auto& img : images) {
    auto dir = image_dir(out, img.name);
    if (!dir) return fail(std::move(dir.error()));
    dockerfiles.push_back(*dir / "Dockerfile");
  }
  auto staging = make_staging(out);
  if (!staging) return fail(std::move(staging.error()));
  auto files = stage(*staging, out, images);
  Result<void> moved =
      files ? move_into_place(*staging, *files) : Result<void>(fail(files.error()));
  std::error_code ec;
  fs::remove_all(*staging, ec);
  if (!moved) return fail(std::move(moved.error()));
  return dockerfiles;
}

} // namespace plinth::app
