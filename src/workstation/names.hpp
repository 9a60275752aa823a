// SPDX-License-Identifier: Apache-2.0
// How workstation containers are named and labelled, so `plinth up/down/status` find the
// one a stack image runs as, and never touch other containers. Pure.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace plinth::workstation {

// "plinth-<stack>-<image>[-<suffix>]", reduced to Docker's name grammar
// ([a-zA-Z0-9][a-zA-Z0-9_.-]*): other characters become '-'.
std::string container_name(std::string_view stack, std::string_view image,
                           std::string_view suffix = {});

// The labels every workstation container carries (never a secret).
std::map<std::string, std::string> workstation_labels(std::string_view stack,
                                                      std::string_view image,
                                                      std::string_view profile,
                                                      std::string_view reference);

} // namespace plinth::workstation
