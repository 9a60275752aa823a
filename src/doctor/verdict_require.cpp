// SPDX-License-Identifier: Apache-2.0
// The NVIDIA container toolkit's start-time check (NVIDIA_REQUIRE_*), done before
// `docker run` so its failure comes with an explanation.
#include "doctor/diagnose.hpp"

#include <algorithm>

namespace plinth::doctor {
namespace {

std::string join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const auto& i : items) {
    out += (out.empty() ? "" : sep) + i;
  }
  return out;
}

// "brand=tesla,driver>=535,driver<536" alternatives grouped by what is not the brand:
// "driver>=535,driver<536 with brand tesla, geforce or quadro".
std::vector<std::string> group_by_brand(const std::vector<std::string>& alternatives) {
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  for (const auto& text : alternatives) {
    const auto expr = parse_require(text);
    if (!expr || expr->alternatives.size() != 1) {
      continue;
    }
    std::string rest;
    std::vector<std::string> brands;
    for (const auto& c : expr->alternatives[0]) {
      if (c.key == "brand" && c.op == "=") {
        brands.push_back(c.value);
      } else {
        rest += (rest.empty() ? "" : ",") + c.text;
      }
    }
    auto it =
        std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == rest; });
    if (it == groups.end()) {
      groups.emplace_back(rest, brands);
    } else {
      it->second.insert(it->second.end(), brands.begin(), brands.end());
    }
  }
  std::vector<std::string> out;
  for (const auto& [rest, brands] : groups) {
    std::string b;
    for (std::size_t i = 0; i < brands.size(); ++i) {
      b += (i == 0 ? "" : i + 1 == brands.size() ? " or " : ", ") + brands[i];
    }
    out.push_back(brands.empty() ? rest : (rest.empty() ? "" : rest + " with ") + "brand " + b);
  }
  return out;
}

} // namespace

std::optional<Check> nvidia_require_check(const HostFacts& host, const ImageRequirement& image,
                                          const compat::Db& db) {
  if (image.nvidia_require.empty() || !host.driver_version()) {
    return std::nullopt;
  }
  Check c;
  c.id = "image.nvidia-require";
  c.section = "image";
  c.title = "Container toolkit requirement";
  c.subject = image.name;
  for (const auto& r : image.nvidia_require) {
    c.details.push_back("NVIDIA_REQUIRE: " + r);
  }
  if (image.disable_require) {
    c.summary = "NVIDIA_DISABLE_REQUIRE is set: the container toolkit skips its requirement check";
    return c;
  }
  const auto host_props = require_host(host, db);
  const auto cuda = host_props.cuda ? host_props.cuda->str() : std::string("unknown");
  c.details.push_back("host as the toolkit sees it: driver " +
                      compat::driver_str(*host_props.driver) + ", CUDA " + cuda + ", brand " +
                      (host_props.brand.empty() ? std::string("unknown") : host_props.brand));
  const auto result = evaluate_requires(image.nvidia_require, host_props);
  switch (result.result) {
  case Tri::yes: c.summary = "satisfied: the NVIDIA container toolkit will start this image"; break;
  case Tri::no:
    c.status = Status::fail;
    c.summary = "the NVIDIA container toolkit will refuse to start this image: \"requirement "
                "error: unsatisfied condition: " +
                result.unsatisfied + "\"";
    c.remedy = "upgrade the NVIDIA driver to one that supports " + result.unsatisfied +
               "; if the image fit says minor-version compatibility suffices, start it with "
               "NVIDIA_DISABLE_REQUIRE=true";
    break;
  case Tri::unknown:
    c.status = Status::warn;
    c.summary =
        "the NVIDIA container toolkit starts it only if the GPU's brand (as NVML reports it) "
        "is admitted: " +
        join(group_by_brand(result.possible), "; ") +
        "; otherwise: \"unsatisfied condition: " + result.unsatisfied + "\"";
    c.details.push_back(
        "the GPU brand is not probed; older driver branches admitted this way run the "
        "image's CUDA only through the forward-compatibility package cuda-compat "
        "(datacenter GPUs)");
    c.remedy =
        "if the container is refused, upgrade the driver to satisfy " + result.unsatisfied +
        ", or start it with NVIDIA_DISABLE_REQUIRE=true when the image fit allows minor-version "
        "compatibility";
    break;
  }
  return c;
}

} // namespace plinth::doctor
