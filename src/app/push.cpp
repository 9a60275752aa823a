// SPDX-License-Identifier: Apache-2.0
#include "app/push.hpp"

#include "lock/lock_file.hpp"
#include "registry/client.hpp"
#include "util/files.hpp"
#include "util/process.hpp"

#include <algorithm>
#include <cstdlib>

namespace plinth::app {
namespace {

namespace fs = std::filesystem;

struct Ref {
  std::string repository; // host/path
  std::string host;
  std::string path;
  std::string tag;
};

Ref split(const std::string& reference) {
  Ref r;
  const auto colon = reference.rfind(':');
  r.repository = reference.substr(0, colon);
  r.tag = reference.substr(colon + 1);
  const auto slash = r.repository.find('/');
  r.host = r.repository.substr(0, slash);
  r.path = r.repository.substr(slash + 1);
  return r;
}

fs::path default_config_dir() {
  if (const char* d = std::getenv("DOCKER_CONFIG"); d != nullptr && *d != '\0') {
    return d;
  }
  const char* home = std::getenv("HOME");
  return fs::path(home != nullptr ? home : "/root") / ".docker";
}

Result<std::optional<registry::Credentials>> run_helper(const std::string& helper,
                                                        const std::string& server) {
  std::string out;
  auto r = run_process(
      {"docker-credential-" + helper, "get"},
      [&](std::string_view l) { out += std::string(l) + "\n"; }, server);
  if (!r) {
    return fail(std::move(r.error().with_context("credential helper docker-credential-" + helper)));
  }
  if (r->exit_code != 0) {
    if (out.find("credentials not found") != std::string::npos) {
      return std::optional<registry::Credentials>{};
    }
    return fail(Errc::unauthorized, "docker-credential-" + helper + " failed with status " +
                                        std::to_string(r->exit_code));
  }
  PLINTH_TRY_ASSIGN(auto c, registry::parse_helper_output(out));
  return std::optional<registry::Credentials>(c);
}

struct Pusher {
  const LoadedStack& stack;
  const PushOptions& opts;
  engine::Images& engine;
  http::Transport& transport;
  Events& events;
  lock::LockFile lock;
  std::map<std::string, std::unique_ptr<registry::Client>> clients;  // by host
  std::map<std::string, std::optional<registry::Credentials>> creds; // by host
};

Result<registry::Client*> client_for(Pusher& p, const Ref& ref) {
  if (auto it = p.clients.find(ref.host); it != p.clients.end()) {
    return it->second.get();
  }
  std::optional<registry::Credentials> creds = p.opts.credentials;
  if (!creds) {
    PLINTH_TRY_ASSIGN(auto found,
                      docker_config_credentials(p.opts.docker_config.empty() ? default_config_dir()
                                                                             : p.opts.docker_config,
                                                ref.host));
    creds = found;
  }
  auto client = std::make_unique<registry::Client>(p.transport, ref.host, creds);
  PLINTH_TRY(client->check_access(ref.path));
  p.creds[ref.host] = creds;
  auto* raw = client.get();
  p.clients[ref.host] = std::move(client);
  return raw;
}

engine::RegistryAuth engine_auth(const Pusher& p, const std::string& host) {
  engine::RegistryAuth a;
  a.server_address = host;
  if (const auto& c = p.creds.at(host)) {
    a.username = c->username;
    a.password = c->password;
    a.identity_token = c->identity_token;
  }
  return a;
}

Result<PushedImage> push_one(Pusher& p, lock::LockedImage& locked) {
  const auto ref = split(locked.reference);
  PushedImage out{locked.name, locked.reference, {}, false};
  PLINTH_TRY_ASSIGN(auto local, p.engine.inspect_image(locked.reference));
  if (!local.has_value() || local->id != locked.image_id) {
    return fail(Errc::conflict, "the engine's " + locked.reference +
                                    " is not the image plinth.lock records (" +
                                    locked.image_id.substr(0, 19) + "): run `plinth build` first");
  }
  PLINTH_TRY_ASSIGN(auto client, client_for(p, ref));
  PLINTH_TRY_ASSIGN(auto remote, client->head_manifest(ref.path, ref.tag));
  if (remote.has_value()) {
    const auto& digests = local->repo_digests;
    const auto mine = ref.repository + "@" + remote->digest;
    if (std::find(digests.begin(), digests.end(), mine) != digests.end()) {
      out.digest = remote->digest;
      out.already_there = true;
      p.events.image_state(locked.name, ImageState::cached,
                           "already in the registry as " + out.digest.substr(0, 19));
      return out;
    }
    if (!p.opts.allow_overwrite) {
      return fail(Errc::conflict, "refusing to overwrite " + locked.reference +
                                      ": the registry's tag points to " + remote->digest +
                                      ", a different image. Released tags are immutable: bump "
                                      "the image's version, or pass --allow-overwrite");
    }
  }
  p.events.image_state(locked.name, ImageState::pushing, locked.reference);
  engine::StreamSink sink = [&](const engine::StreamMessage& m) {
    if (!m.status.empty()) {
      p.events.image_log(locked.name, m.id.empty() ? m.status : m.id + ": " + m.status);
    }
  };
  PLINTH_TRY_ASSIGN(auto pushed,
                    p.engine.push(ref.repository, ref.tag, engine_auth(p, ref.host), sink));
  PLINTH_TRY_ASSIGN(auto check, client->head_manifest(ref.path, ref.tag));
  if (!check.has_value() || check->digest != pushed.digest) {
    return fail(Errc::protocol, "after pushing " + locked.reference +
                                    " the registry does not serve digest " + pushed.digest);
  }
  out.digest = pushed.digest;
  p.events.image_state(locked.name, ImageState::pushed, out.digest.substr(0, 19));
  return out;
}

} // namespace

Result<std::optional<registry::Credentials>> docker_config_credentials(const fs::path& config_dir,
                                                                       const std::string& host) {
  auto text = read_file(config_dir / "config.json");
  if (!text) {
    return std::optional<registry::Credentials>{};
  }
  return registry::lookup_credentials(*text, host, &run_helper);
}

Result<std::vector<PushedImage>> push_stack(const LoadedStack& stack, const PushOptions& options,
                                            engine::Images& engine,
                                            http::Transport& registry_transport, Events& events) {
  const auto lock_path = options.lock_path.empty() ? stack.dir / "plinth.lock" : options.lock_path;
  auto text = read_file(lock_path);
  if (!text) {
    return fail(Errc::not_found, lock_path.string() + " does not exist: run `plinth build` first");
  }
  PLINTH_TRY_ASSIGN(auto lock, lock::parse(*text));
  Pusher p{stack, options, engine, registry_transport, events, std::move(lock), {}, {}};
  std::vector<PushedImage> out;
  for (auto& locked : p.lock.images) {
    const bool wanted = options.images.empty() ||
                        std::find(options.images.begin(), options.images.end(), locked.name) !=
                            options.images.end();
    if (!wanted) {
      continue;
    }
    auto r = push_one(p, locked);
    if (!r) {
      return fail(std::move(r.error().with_context("pushing '" + locked.name + "'")));
    }
    locked.manifest_digest = r->digest;
    PLINTH_TRY(write_file_atomic(lock_path, lock::serialize(p.lock)));
    out.push_back(std::move(*r));
  }
  return out;
}

} // namespace plinth::app
