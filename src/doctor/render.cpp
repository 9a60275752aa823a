// SPDX-License-Identifier: Apache-2.0
#include "doctor/render.hpp"

#include <array>

namespace plinth::doctor {
namespace {

using nlohmann::json;

const char* tag(Status s) {
  switch (s) {
  case Status::ok: return "[ok]  ";
  case Status::warn: return "[warn]";
  case Status::fail: return "[FAIL]";
  }
  return "[FAIL]";
}

json opt_version(const std::optional<Version>& v) {
  return v ? json(v->str()) : json(nullptr);
}

json opt_driver(const std::optional<Version>& v) {
  return v ? json(compat::driver_str(*v)) : json(nullptr);
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

std::string render_check_text(const Check& c) {
  constexpr const char* k_indent = "         ";
  std::string out = "  " + std::string(tag(c.status)) + " " + c.title + ": ";
  if (!c.subject.empty()) {
    out += c.subject + ": ";
  }
  out += c.summary + "\n";
  for (const auto& d : c.details) {
    out += std::string(k_indent) + "- " + d + "\n";
  }
  if (!c.remedy.empty()) {
    out += std::string(k_indent) + "fix: " + c.remedy + "\n";
  }
  return out;
}

std::string render_text(const Report& report, const HostFacts& host,
                        const std::vector<ImageRequirement>& images) {
  static constexpr std::array<std::pair<const char*, const char*>, 4> k_sections = {
      {{"gpu", "GPU and driver"},
       {"host", "Host"},
       {"engine", "Container engine"},
       {"image", "Images"}}};
  std::string out = "plinth doctor";
  if (host.root != "/") {
    out += " (host root " + host.root + ")";
  }
  out += "\n";
  for (const auto& [key, heading] : k_sections) {
    std::string body;
    for (const auto& c : report.checks) {
      if (c.section == key) {
        body += render_check_text(c);
      }
    }
    if (std::string(key) == "image" && images.empty() && body.empty()) {
      body = "  (no image asked about: use -f STACK, --image REF, --cuda X.Y or --tf X.Y)\n";
    }
    if (!body.empty()) {
      out += "\n" + std::string(heading) + "\n" + body;
    }
  }
  out += "\n" + plural(report.count(Status::ok), "ok", "ok") + ", " +
         plural(report.count(Status::warn), "warning", "warnings") + ", " +
         plural(report.count(Status::fail), "failure", "failures") + " -> " +
         std::string(status_name(report.status())) + " (exit " +
         std::to_string(report.exit_code()) + ")\n";
  return out;
}

json check_json(const Check& c) {
  json j = {{"id", c.id},        {"section", c.section}, {"status", status_name(c.status)},
            {"title", c.title},  {"summary", c.summary}, {"details", c.details},
            {"remedy", c.remedy}};
  if (c.section == "image") {
    j["subject"] = c.subject;
    j["verdict"] = c.verdict.empty() ? json(nullptr) : json(c.verdict);
  }
  return j;
}

json engine_json(const EngineFacts& e) {
  return {{"reach", engine_reach_name(e.reach)},
          {"endpoint", e.endpoint},
          {"error", e.error},
          {"server_version", e.server_version},
          {"api_version", e.api_version},
          {"min_api_version", e.min_api_version},
          {"builder_version", e.builder_version},
          {"storage_driver", e.storage_driver},
          {"cgroup_driver", e.cgroup_driver},
          {"cgroup_version", e.cgroup_version},
          {"docker_root_dir", e.docker_root_dir},
          {"default_runtime", e.default_runtime},
          {"runtimes", e.runtimes},
          {"cdi_spec_dirs", e.cdi_spec_dirs},
          {"rootless", e.rootless}};
}

json host_json(const HostFacts& h) {
  json gpus = json::array();
  for (const auto& g : h.gpus()) {
    gpus.push_back({{"index", g.index},
                    {"name", g.name},
                    {"memory_mib", g.memory_mib ? json(*g.memory_mib) : json(nullptr)},
                    {"uuid", g.uuid}});
  }
  json toolkits = json::array();
  for (const auto& [dir, version] : h.toolkits.cuda) {
    toolkits.push_back({{"path", dir}, {"version", version}});
  }
  return {
      {"root", h.root},
      {"driver",
       {{"present", h.driver_version().has_value()},
        {"version", opt_driver(h.driver_version())},
        {"module_flavor", h.driver.module_flavor},
        {"arch", h.driver.arch},
        {"module_loaded", h.driver.module_loaded}}},
      {"nvidia_smi",
       {{"found", h.smi.found},
        {"ran", h.smi.ran},
        {"failure", h.smi.failure},
        {"driver", opt_driver(h.smi.driver)},
        {"cuda", opt_version(h.smi.cuda)}}},
      {"gpus", gpus},
      {"cgroup",
       {{"version", h.cgroup.version},
        {"controllers", h.cgroup.controllers},
        {"memory", h.cgroup.memory},
        {"pids", h.cgroup.pids},
        {"cpu", h.cgroup.cpu}}},
      {"gpu_runtime",
       {{"hook", h.gpu_runtime.hook_path},
        {"nvidia_ctk", h.gpu_runtime.ctk_path},
        {"runtime", h.gpu_runtime.runtime_path},
        {"cdi_specs", h.gpu_runtime.cdi_specs}}},
      {"cuda_toolkits", toolkits},
      {"cudnn", h.toolkits.cudnn},
      {"default_shm_size", h.daemon_config.default_shm_size},
      {"disk",
       {{"path", h.disk.path},
        {"known", h.disk.known},
        {"total_bytes", h.disk.total_bytes},
        {"available_bytes", h.disk.available_bytes}}},
  };
}

json requirement_json(const ImageRequirement& r) {
  return {{"name", r.name},
          {"source", r.source},
          {"gpu", r.gpu},
          {"cuda", opt_version(r.cuda)},
          {"cudnn", opt_version(r.cudnn)},
          {"tensorflow", opt_version(r.tensorflow)},
          {"driver_min", opt_driver(r.driver_min)},
          {"driver_toolkit", opt_driver(r.driver_toolkit)},
          {"nvidia_require", r.nvidia_require}};
}

json render_json(const Report& report, const HostFacts& host,
                 const std::vector<ImageRequirement>& images, const compat::Db& db) {
  json checks = json::array();
  for (const auto& c : report.checks) {
    checks.push_back(check_json(c));
  }
  json reqs = json::array();
  for (const auto& r : images) {
    auto j = requirement_json(r);
    j["verdict"] = nullptr;
    for (const auto& c : report.checks) {
      if (c.id == "image.fit" && c.subject == r.name) {
        j["verdict"] = c.verdict;
        j["status"] = status_name(c.status);
      }
    }
    reqs.push_back(std::move(j));
  }
  return {{"schema", k_json_schema},
          {"status", status_name(report.status())},
          {"exit_code", report.exit_code()},
          {"counts",
           {{"ok", report.count(Status::ok)},
            {"warn", report.count(Status::warn)},
            {"fail", report.count(Status::fail)}}},
          {"compat_data_version", std::string(db.data_version())},
          {"host", host_json(host)},
          {"engine", engine_json(host.engine)},
          {"images", reqs},
          {"checks", checks}};
}

} // namespace plinth::doctor
