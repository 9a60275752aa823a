// SPDX-License-Identifier: Apache-2.0
#include "workstation/names.hpp"

namespace plinth::workstation {
namespace {

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-';
}

void append_part(std::string& out, std::string_view part) {
  if (part.empty()) {
    return;
  }
  out += '-';
  for (const char c : part) {
    out += name_char(c) ? c : '-';
  }
}

} // namespace

std::string container_name(std::string_view stack, std::string_view image,
                           std::string_view suffix) {
  std::string out = "plinth";
  append_part(out, stack);
  append_part(out, image);
  append_part(out, suffix);
  return out;
}

std::map<std::string, std::string> workstation_labels(std::string_view stack,
                                                      std::string_view image,
                                                      std::string_view profile,
                                                      std::string_view reference) {
  return {
      {k_label_workstation, "1"},
      {k_label_stack, std::string(stack)},
      {k_label_image, std::string(image)},
      {k_label_profile, std::string(profile)},
      {k_label_reference, std::string(reference)},
  };
}

} // namespace plinth::workstation
