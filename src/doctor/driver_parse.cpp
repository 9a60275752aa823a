// SPDX-License-Identifier: Apache-2.0
#include "doctor/driver_parse.hpp"

#include "doctor/text.hpp"

#include <charconv>

namespace plinth::doctor {
namespace {

// A driver version token has 2 or 3 numeric components ("570.26", "470.82.01").
std::optional<Version> driver_token(std::string_view token) {
  auto v = Version::parse(text::trim(token));
  if (!v || v->size() < 2 || v->size() > 3) {
    return std::nullopt;
  }
  return v;
}

std::optional<std::int64_t> mib(std::string_view field) {
  field = text::trim(field);
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (ec != std::errc{} || ptr == field.data()) {
    return std::nullopt;
  }
  return value;
}

// The word before `at` in `line` ("x86_64" in "NVIDIA UNIX x86_64 Kernel Module").
std::string_view word_before(std::string_view line, std::size_t at) {
  const auto head = text::words(line.substr(0, at));
  return head.empty() ? std::string_view{} : head.back();
}

} // namespace

std::optional<DriverFacts> parse_proc_driver_version(std::string_view input) {
  constexpr std::string_view k_module = "Kernel Module";
  for (const auto line : text::lines(input)) {
    if (!text::starts_with(text::trim(line), "NVRM version:")) {
      continue;
    }
    const auto at = line.find(k_module);
    if (at == std::string_view::npos) {
      continue;
    }
    DriverFacts out;
    out.proc_line = std::string(text::trim(line));
    const auto before = word_before(line, at);
    out.module_flavor = before == "Open" ? "open" : "proprietary";
    auto after = text::words(line.substr(at + k_module.size()));
    std::size_t next = 0;
    if (after.size() >= 2 && after[0] == "for") {
      out.arch = std::string(after[1]); // open module: "... Kernel Module for x86_64  575.57.08"
      next = 2;
    } else if (out.module_flavor == "proprietary" && before != "UNIX") {
      out.arch = std::string(before); // "NVIDIA UNIX x86_64 Kernel Module  550.90.07"
    }
    if (next < after.size()) {
      out.version = driver_token(after[next]);
    }
    if (!out.version) {
      // Unknown wording: the first dotted number after "Module".
      out.version = driver_token(text::first_version_token(line, at));
    }
    if (!out.version) {
      continue;
    }
    out.present = true;
    return out;
  }
  return std::nullopt;
}

std::optional<Version> parse_bare_version(std::string_view input) {
  return driver_token(text::trim(input));
}

std::optional<GpuFacts> parse_gpu_information(std::string_view input) {
  GpuFacts gpu;
  for (const auto line : text::lines(input)) {
    if (auto v = text::value_after(line, "Model");
        !v.empty() && text::starts_with(text::trim(line), "Model")) {
      gpu.name = std::string(v);
    } else if (auto u = text::value_after(line, "GPU UUID"); !u.empty()) {
      gpu.uuid = std::string(u);
    } else if (auto b = text::value_after(line, "Bus Location"); !b.empty()) {
      gpu.pci_bus = std::string(b);
    }
  }
  if (gpu.name.empty()) {
    return std::nullopt;
  }
  return gpu;
}

std::string smi_failure(std::string_view input) {
  static constexpr std::string_view k_failures[] = {
      "NVIDIA-SMI has failed",
      "Failed to initialize NVML",
      "No devices were found",
      "Unable to determine the device handle",
      "couldn't communicate with the NVIDIA driver",
  };
  for (const auto line : text::lines(input)) {
    for (const auto f : k_failures) {
      if (text::contains(line, f)) {
        return std::string(text::trim(line));
      }
    }
  }
  return {};
}

SmiFacts parse_smi_table(std::string_view input) {
  SmiFacts out;
  out.found = true;
  out.failure = smi_failure(input);
  out.version_mismatch = text::contains(input, "Driver/library version mismatch");
  GpuFacts* last = nullptr;
  for (const auto line : text::lines(input)) {
    if (const auto d = line.find("Driver Version:"); d != std::string_view::npos) {
      out.driver = driver_token(text::first_version_token(line, d));
      if (const auto c = line.find("CUDA Version:"); c != std::string_view::npos) {
        out.cuda = Version::parse(text::first_version_token(line, c));
      }
      continue;
    }
    // GPU rows: "|   0  NVIDIA A100-SXM4-80GB          On  | 00000000:07:00.0 Off | ..."
    const auto cells = text::split(line, '|');
    if (cells.size() >= 3 && cells[0].empty()) {
      const auto w = text::words(cells[1]);
      int index = -1;
      if (w.size() >= 3 && (w.back() == "On" || w.back() == "Off") &&
          std::from_chars(w[0].data(), w[0].data() + w[0].size(), index).ec == std::errc{} &&
          std::to_string(index) == w[0]) {
        GpuFacts gpu;
        gpu.index = index;
        const auto name_begin = cells[1].find(w[1]);
        const auto name_end = cells[1].rfind(w.back());
        gpu.name = std::string(text::trim(cells[1].substr(name_begin, name_end - name_begin)));
        gpu.pci_bus = std::string(text::words(cells[2]).empty() ? "" : text::words(cells[2])[0]);
        out.gpus.push_back(std::move(gpu));
        last = &out.gpus.back();
        continue;
      }
      // The row below a GPU row holds "  0MiB / 81559MiB".
      if (last != nullptr && !last->memory_mib && cells.size() >= 3) {
        const auto slash = cells[2].find('/');
        if (slash != std::string_view::npos && text::contains(cells[2], "MiB")) {
          auto total = text::trim(cells[2].substr(slash + 1));
          last->memory_mib = mib(total.substr(0, total.find("MiB")));
        }
      }
    }
  }
  out.ran = out.driver.has_value() && out.failure.empty();
  return out;
}

std::vector<GpuFacts> parse_smi_query(std::string_view input, std::optional<Version>* driver) {
  std::vector<GpuFacts> out;
  for (const auto line : text::lines(input)) {
    const auto f = text::split(line, ',');
    if (f.size() < 4 || !driver_token(f[0])) {
      continue;
    }
    if (driver != nullptr && !*driver) {
      *driver = driver_token(f[0]);
    }
    GpuFacts gpu;
    gpu.index = static_cast<int>(out.size());
    gpu.name = std::string(f[1]);
    const auto mem = f[2];
    gpu.memory_mib = mib(mem.substr(0, mem.find("MiB")));
    gpu.uuid = std::string(f[3]);
    out.push_back(std::move(gpu));
  }
  return out;
}

SmiFacts parse_smi_version(std::string_view input) {
  SmiFacts out;
  out.found = true;
  out.failure = smi_failure(input);
  out.version_mismatch = text::contains(input, "Driver/library version mismatch");
  for (const auto line : text::lines(input)) {
    if (auto v = text::value_after(line, "DRIVER version"); !v.empty()) {
      out.driver = driver_token(v);
    } else if (auto c = text::value_after(line, "CUDA Version"); !c.empty()) {
      out.cuda = Version::parse(c);
    }
  }
  out.ran = out.driver.has_value() && out.failure.empty();
  return out;
}

} // namespace plinth::doctor
