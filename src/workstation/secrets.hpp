// SPDX-License-Identifier: Apache-2.0
// The workstation secrets file (<state dir>/workstations/<container>.json, mode 0600):
// the Jupyter token and the code-server password `plinth up` generated. Pure format.
#pragma once

#include "util/result.hpp"
#include "workstation/plan.hpp"

#include <string>
#include <string_view>

namespace plinth::workstation {

std::string secrets_to_json(const Secrets& secrets, std::string_view container);
Result<Secrets> secrets_from_json(std::string_view text);

// Lower-case hex of `bytes` (the app fills them from a CSPRNG): 32 bytes → 64 characters.
std::string hex_secret(std::string_view bytes);

} // namespace plinth::workstation
