// SPDX-License-Identifier: Apache-2.0
#include "engine_api/ports.hpp"

namespace plinth::engine {

Result<RunOutput> run_to_completion(Containers& containers, const ContainerSpec& spec) {
  auto id = containers.create_container(spec);
  PLINTH_TRY(id);
  auto result = [&]() -> Result<RunOutput> {
    PLINTH_TRY(containers.start_container(*id));
    auto waited = containers.wait_container(*id);
    PLINTH_TRY(waited);
    auto logs = containers.container_logs(*id);
    PLINTH_TRY(logs);
    return RunOutput{waited->status_code, std::move(logs->out), std::move(logs->err)};
  }();
  (void)containers.remove_container(*id, true); // best effort: the run's answer matters more
  return result;
}

} // namespace plinth::engine
