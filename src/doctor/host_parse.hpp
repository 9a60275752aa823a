// SPDX-License-Identifier: Apache-2.0
// Parsers for the other host files the doctor reads: CUDA toolkit version files, the cuDNN
// version header, /etc/docker/daemon.json and CDI specs. Pure.
#pragma once

#include "doctor/facts.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace plinth::doctor {

// /usr/local/cuda-X.Y/version.json ({"cuda": {"version": "12.3.107"}}) -> "12.3.107".
std::optional<std::string> parse_cuda_version_json(std::string_view json);
// Older toolkits' version.txt ("CUDA Version 11.0.228") -> "11.0.228".
std::optional<std::string> parse_cuda_version_txt(std::string_view text);
// cudnn_version.h (or cudnn.h before 8): CUDNN_MAJOR/MINOR/PATCHLEVEL -> "8.9.7".
std::optional<std::string> parse_cudnn_header(std::string_view text);
// daemon.json: default-shm-size, default-runtime and the runtime names.
std::optional<DaemonConfigFacts> parse_daemon_json(std::string_view json);
// A CDI spec (YAML or JSON) whose kind is nvidia.com/gpu.
bool is_nvidia_cdi_spec(std::string_view text);
// cgroup v2 cgroup.controllers ("cpuset cpu io memory hugetlb pids rdma misc").
CgroupFacts parse_cgroup_v2(std::string_view controllers);
// cgroup v1: the hierarchies mounted under /sys/fs/cgroup (directory names).
CgroupFacts cgroup_v1_from_dirs(const std::vector<std::string>& dirs);

} // namespace plinth::doctor
