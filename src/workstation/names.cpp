// SPDX-License-Identifier: Apache-2.0
#include "workstation/names.hpp"

#include "model/labels.hpp"

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
      {model::labels::workstation, "1"},
      {model::labels::stack, std::string(stack)},
      {model::labels::image, std::string(image)},
      {model::labels::profile, std::string(profile)},
      {model::labels::reference, std::string(reference)},
  };
}

} // namespace plinth::workstation
