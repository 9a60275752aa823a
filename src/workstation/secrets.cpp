// SPDX-License-Identifier: Apache-2.0
#include "workstation/secrets.hpp"

#include <nlohmann/json.hpp>

namespace plinth::workstation {

std::string secrets_to_json(const Secrets& s, std::string_view container) {
  nlohmann::json j = {{"container", std::string(container)},
                      {"jupyter_token", s.jupyter_token},
                      {"code_server_password", s.code_server_password}};
  return j.dump(2) + "\n";
}

Result<Secrets> secrets_from_json(std::string_view text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return fail(Errc::invalid_input, "the workstation secrets file is not a JSON object");
  }
  Secrets s;
  s.jupyter_token = j.value("jupyter_token", std::string());
  s.code_server_password = j.value("code_server_password", std::string());
  return s;
}

std::string hex_secret(std::string_view bytes) {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += k_hex[b >> 4];
    out += k_hex[b & 0xf];
  }
  return out;
}

} // namespace plinth::workstation
