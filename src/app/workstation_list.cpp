// SPDX-License-Identifier: Apache-2.0
// `plinth ls`: the workstation containers of one stack, found by their labels (never
// anybody else's containers), with the URLs of the running ones.
#include "app/workstation.hpp"
#include "model/labels.hpp"
#include "workstation/names.hpp"

#include <algorithm>

namespace plinth::app {
namespace {

std::string label(const std::map<std::string, std::string>& labels, const char* key) {
  const auto it = labels.find(key);
  return it == labels.end() ? std::string() : it->second;
}

} // namespace

Result<std::vector<ListEntry>> workstation_list(const LoadedStack& loaded, bool all,
                                                engine::Containers& engine) {
  const auto stack_name = workstation_stack_name(loaded);
  engine::ContainerFilter f;
  f.labels = {std::string(model::labels::workstation) + "=1",
              std::string(model::labels::stack) + "=" + stack_name};
  f.all = all;
  PLINTH_TRY_ASSIGN(auto list, engine.list_containers(f));
  std::vector<ListEntry> out;
  for (const auto& c : list) {
    ListEntry e{c.name,
                label(c.labels, model::labels::image),
                label(c.labels, model::labels::reference),
                label(c.labels, model::labels::profile),
                c.state,
                c.status,
                {}};
    const auto* image = loaded.resolved ? loaded.resolved->find(e.image) : nullptr;
    if (c.state == "running" && image != nullptr) {
      auto info = engine.inspect_container(c.id);
      if (info && info->has_value()) {
        e.urls = urls_of(WorkstationTarget{stack_name, image, c.name}, **info);
      }
    }
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(),
            [](const ListEntry& a, const ListEntry& b) { return a.container < b.container; });
  return out;
}

} // namespace plinth::app
