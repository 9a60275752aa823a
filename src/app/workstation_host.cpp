// SPDX-License-Identifier: Apache-2.0
// Host side of the workstation: secrets from a CSPRNG in 0600 files under the state
// directory, free host ports, and the URLs to print.
#include "app/state_dir.hpp"
#include "app/workstation.hpp"
#include "util/files.hpp"
#include "workstation/secrets.hpp"

#include <openssl/rand.h>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace plinth::app {
namespace {

Result<std::string> random_hex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(raw.size())) != 1) {
    return fail(Errc::internal, "the system's random generator failed (OpenSSL RAND_bytes)");
  }
  return workstation::hex_secret(raw);
}

// true: the port can be bound on ip now.
bool port_free(const std::string& ip, int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    return false;
  }
  // Like the engine's port proxy: connections of a workstation that just stopped (TIME_WAIT)
  // do not make the port busy.
  const int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  if (::inet_pton(AF_INET, ip == "0.0.0.0" || ip.empty() ? "0.0.0.0" : ip.c_str(),
                  &addr.sin_addr) != 1) {
    ::close(fd);
    return true; // not an IPv4 literal: let the engine decide
  }
  const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

} // namespace

std::filesystem::path workstation_state_dir() {
  return state_dir() / "workstations";
}

std::filesystem::path secrets_path(std::string_view container) {
  return workstation_state_dir() / (std::string(container) + ".secrets.json");
}

Result<workstation::Secrets> generate_secrets() {
  auto token = random_hex(24);
  auto password = random_hex(24);
  if (!token || !password) {
    return fail(std::move(token ? password.error() : token.error()));
  }
  return workstation::Secrets{std::move(*token), std::move(*password)};
}

Result<void> write_private_file(const std::filesystem::path& path, std::string_view content,
                                unsigned mode) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) {
    return fail(Errc::io, path.parent_path().string() + ": cannot create: " + ec.message());
  }
  ::chmod(path.parent_path().c_str(), 0700);
  return write_file_atomic(path, content, mode);
}

std::optional<workstation::Secrets> read_secrets(std::string_view container) {
  auto text = read_file(secrets_path(container));
  if (!text) {
    return std::nullopt;
  }
  auto s = workstation::secrets_from_json(*text);
  if (!s) {
    return std::nullopt;
  }
  return *s;
}

Result<int> choose_host_port(const std::string& ip, int wanted, bool exact) {
  if (port_free(ip, wanted)) {
    return wanted;
  }
  if (exact) {
    return fail(Errc::conflict, "port " + ip + ":" + std::to_string(wanted) +
                                    " is already in use; choose another with --port TOOL=PORT");
  }
  for (int p = wanted + 1; p < wanted + 200 && p <= 65535; ++p) {
    if (port_free(ip, p)) {
      return p;
    }
  }
  return fail(Errc::conflict, "no free port near " + std::to_string(wanted) + " on " + ip +
                                  "; choose one with --port TOOL=PORT");
}

std::vector<ServiceUrl> urls_for(const std::vector<workstation::Endpoint>& endpoints,
                                 std::string_view listen, const workstation::Secrets& secrets) {
  std::vector<ServiceUrl> out;
  for (const auto& e : endpoints) {
    ServiceUrl u;
    u.tool = e.tool;
    u.url = workstation::endpoint_url(e, endpoints, listen, secrets, true);
    u.url_redacted = workstation::endpoint_url(e, endpoints, listen, secrets, false);
    u.published = e.host_port > 0;
    out.push_back(std::move(u));
  }
  return out;
}

} // namespace plinth::app
