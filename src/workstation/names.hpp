// SPDX-License-Identifier: Apache-2.0
// How workstation containers are named and labelled, so `plinth up/down/status` find the
// one a stack image runs as, and never touch other containers. Pure.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace plinth::workstation {

inline constexpr const char* k_label_workstation = "io.plinth.workstation"; // "1"
inline constexpr const char* k_label_stack = "io.plinth.stack";
inline constexpr const char* k_label_image = "io.plinth.image";
inline constexpr const char* k_label_profile = "io.plinth.profile";
inline constexpr const char* k_label_reference = "io.plinth.reference"; // image reference
inline constexpr const char* k_label_fingerprint = "io.plinth.workstation.fingerprint";

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
