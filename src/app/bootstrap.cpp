// SPDX-License-Identifier: Apache-2.0
#include "app/bootstrap.hpp"

#include "app/state_dir.hpp"
#include "bootstrap/apt_mirror.hpp"
#include "bootstrap/steps.hpp"
#include "model/labels.hpp"
#include "model/stack.hpp"
#include "util/files.hpp"
#include "util/process.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <unistd.h>

namespace plinth::app {
namespace {

namespace fs = std::filesystem;
constexpr std::string_view k_who = "bootstrap";

fs::path state_file() {
  return state_dir() / "bootstrap.json";
}

nlohmann::json read_state() {
  auto text = read_file(state_file());
  if (!text) {
    return nlohmann::json::object();
  }
  auto j = nlohmann::json::parse(*text, nullptr, false);
  return j.is_object() ? j : nlohmann::json::object();
}

Result<void> record(const BootstrapReport& r, const BootstrapOptions& o) {
  auto j = read_state();
  j["version"] = 1;
  j["images"][r.reference] = {{"image_id", r.image_id},
                              {"mirror", r.mirror},
                              {"suite", o.suite},
                              {"recorded_at", static_cast<std::int64_t>(std::time(nullptr))}};
  std::error_code ec;
  fs::create_directories(state_dir(), ec);
  return write_file_atomic(state_file(), j.dump(2) + "\n");
}

// The machine's apt configuration under `root` ("/" normally): sources.list, then
// sources.list.d/* in name order.
std::vector<bootstrap::AptSource> read_apt_sources(const std::string& root) {
  std::vector<bootstrap::AptSource> out;
  const fs::path base = fs::path(root) / "etc/apt";
  if (auto text = read_file(base / "sources.list")) {
    auto more = bootstrap::parse_sources_list(*text);
    out.insert(out.end(), more.begin(), more.end());
  }
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(base / "sources.list.d", ec)) {
    files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    auto text = read_file(f);
    if (!text) {
      continue;
    }
    const auto more = bootstrap::parse_sources_file(f.filename().string(), *text);
    out.insert(out.end(), more.begin(), more.end());
  }
  return out;
}

Result<void> run_step(const std::vector<std::string>& argv, Events& events,
                      const std::string& what) {
  auto r = run_process(argv, [&](std::string_view line) { events.image_log(k_who, line); });
  if (!r) {
    return fail(std::move(r.error().with_context(what)));
  }
  if (r->exit_code != 0) {
    return fail(Error(Errc::io, argv[0] + " exited with status " + std::to_string(r->exit_code) +
                                    "; last output:\n" + r->tail)
                    .with_context(what));
  }
  return {};
}

// The host's trust configuration, so pip and apt inside builds accept the same TLS
// interception proxy or internal CA the host does.
void copy_host_trust(const fs::path& rootfs, Events& events) {
  std::error_code ec;
  const fs::path cas = "/usr/local/share/ca-certificates";
  if (fs::is_directory(cas, ec)) {
    fs::create_directories(rootfs / "usr/local/share/ca-certificates", ec);
    fs::copy(cas, rootfs / "usr/local/share/ca-certificates",
             fs::copy_options::recursive | fs::copy_options::overwrite_existing, ec);
    events.message("copied the host's extra CA certificates from " + cas.string());
  }
  if (fs::exists("/etc/pip.conf", ec)) {
    fs::copy_file("/etc/pip.conf", rootfs / "etc/pip.conf", fs::copy_options::overwrite_existing,
                  ec);
    events.message("copied /etc/pip.conf");
  }
}

void slim_rootfs(const fs::path& rootfs) {
  std::error_code ec;
  for (const auto* dir : {"var/cache/apt/archives", "var/lib/apt/lists"}) {
    for (const auto& e : fs::directory_iterator(rootfs / dir, ec)) {
      if (e.is_regular_file(ec)) {
        fs::remove(e.path(), ec);
      }
    }
  }
}

Result<std::string> build_rootfs_and_import(const BootstrapOptions& o, const std::string& mirror,
                                            const std::string& reference, engine::Images& engine,
                                            Events& events) {
  std::string tmpl = (o.work_dir / "plinth-bootstrap-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) {
    return fail(Errc::io, "cannot create a work directory under " + o.work_dir.string());
  }
  const fs::path work = tmpl;
  const auto rootfs = work / "rootfs";
  auto cleanup = [&] {
    std::error_code ec;
    fs::remove_all(work, ec);
  };
  events.image_state(k_who, ImageState::building, "debootstrap " + o.suite + " from " + mirror);
  auto r = run_step(bootstrap::debootstrap_argv(o.suite, rootfs.string(), mirror), events,
                    "debootstrap");
  if (r && o.host_trust) {
    copy_host_trust(rootfs, events);
  }
  if (r) {
    slim_rootfs(rootfs);
    r = run_step(bootstrap::pack_argv(rootfs.string(), (work / "rootfs.tar").string()), events,
                 "packing the root filesystem");
  }
  if (!r) {
    cleanup();
    return fail(std::move(r.error()));
  }
  const auto changes = bootstrap::import_changes(o.distribution, o.suite, mirror);
  const auto [repository, tag] = bootstrap::split_reference(reference);
  events.image_state(k_who, ImageState::tagging, "importing into the engine as " + reference);
  engine::StreamSink none;
  auto id = engine.import_image(work / "rootfs.tar", repository, tag, changes, none);
  cleanup();
  return id;
}

} // namespace

std::string recorded_bootstrap_id(const std::string& reference) {
  const auto j = read_state();
  if (auto it = j.find("images"); it != j.end() && it->contains(reference)) {
    return (*it)[reference].value("image_id", "");
  }
  return {};
}

Result<BootstrapReport> bootstrap_base(const BootstrapOptions& o, engine::Images& engine,
                                       Events& events) {
  BootstrapReport report;
  report.reference = model::bootstrap_image_ref(o.distribution, o.suite);
  if (!o.force) {
    PLINTH_TRY_ASSIGN(auto existing, engine.inspect_image(report.reference));
    if (existing.has_value()) {
      report.image_id = existing->id;
      report.mirror = existing->labels.count(model::labels::bootstrap_mirror) != 0
                          ? existing->labels.at(model::labels::bootstrap_mirror)
                          : "";
      report.cached = true;
      PLINTH_TRY(record(report, o));
      events.image_state(k_who, ImageState::cached,
                         report.reference + " exists (--force rebuilds it)");
      return report;
    }
  }
  if (o.distribution != "debian") {
    return fail(Errc::invalid_input,
                "only debian can be bootstrapped (got '" + o.distribution + "')");
  }
  if (::geteuid() != 0) {
    return fail(Errc::unauthorized, "debootstrap needs root: run `sudo plinth base bootstrap`");
  }
  report.mirror =
      o.mirror.empty() ? bootstrap::pick_mirror(read_apt_sources("/"), o.suite) : o.mirror;
  if (report.mirror.empty()) {
    return fail(
        Errc::not_found,
        "no apt source for suite '" + o.suite +
            "' in /etc/apt/sources.list or /etc/apt/sources.list.d/*.sources: pass --mirror URL");
  }
  auto id = build_rootfs_and_import(o, report.mirror, report.reference, engine, events);
  if (!id) {
    return fail(std::move(id.error().with_context("bootstrapping " + report.reference)));
  }
  report.image_id = *id;
  PLINTH_TRY(record(report, o));
  events.image_state(k_who, ImageState::built, report.image_id);
  return report;
}

} // namespace plinth::app
