// SPDX-License-Identifier: Apache-2.0
// Parsers for what the NVIDIA driver and nvidia-smi print: /proc/driver/nvidia/version
// (proprietary and open kernel module forms), /sys/module/nvidia/version,
// /proc/driver/nvidia/gpus/*/information, and nvidia-smi's table header (old and wide
// layouts), `--query-gpu=... --format=csv,noheader` lines and `--version`. Pure.
#pragma once

#include "doctor/facts.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace plinth::doctor {

// The arguments the probe runs nvidia-smi with, in the order parse_smi_query expects.
inline constexpr const char* k_smi_query_fields = "driver_version,name,memory.total,uuid";

// "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.90.07  ..." or
// "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  575.57.08  Release Build ...".
// Fills present/version/module_flavor/arch/proc_line; nullopt when no NVRM line parses.
std::optional<DriverFacts> parse_proc_driver_version(std::string_view text);

// A bare version file such as /sys/module/nvidia/version ("550.54.14\n").
std::optional<Version> parse_bare_version(std::string_view text);

// /proc/driver/nvidia/gpus/<bus>/information ("Model: \t\t Tesla T4", "GPU UUID: ...").
std::optional<GpuFacts> parse_gpu_information(std::string_view text);

// Plain `nvidia-smi`: the header's Driver Version and CUDA Version, the GPU rows, and the
// failure messages it prints instead when the driver is unusable.
SmiFacts parse_smi_table(std::string_view text);

// `nvidia-smi --query-gpu=driver_version,name,memory.total,uuid --format=csv,noheader`:
// one GPU per line; memory with or without the " MiB" unit.
std::vector<GpuFacts> parse_smi_query(std::string_view text, std::optional<Version>* driver);

// `nvidia-smi --version`: "DRIVER version : 590.48.01", "CUDA Version : 13.1".
SmiFacts parse_smi_version(std::string_view text);

// Text nvidia-smi prints when it cannot talk to the driver, or "" when none is found.
std::string smi_failure(std::string_view text);

} // namespace plinth::doctor
