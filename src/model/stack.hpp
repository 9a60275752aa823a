// SPDX-License-Identifier: Apache-2.0
// The stack as declared in plinth.yaml: pure values, each field with the source position
// it came from so validation can point at it. See docs/stack-file.md.
#pragma once

#include "util/diagnostic.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace plinth::model {

// Tiers in inheritance order: a child's tier is never lower than its parent's.
enum class Tier { base = 0, common = 1, project = 2 };
std::string_view tier_name(Tier t);
std::optional<Tier> parse_tier(std::string_view s);

enum class PinPolicy { exact, any };

// A string value and where it was written.
struct Located {
  std::string value;
  SourcePos pos;
  bool empty() const { return value.empty(); }
};

// One pip requirement, e.g. "tensorflow[and-cuda]==2.16.1".
struct PipPackage {
  std::string name;    // normalized (PEP 503: lower case, runs of -_. -> -)
  std::string extras;  // "and-cuda" (without brackets), may be empty
  std::string op;      // "==", ">=", "~=", ... or empty when unversioned
  std::string version; // may be empty
  std::string text;    // as written
  SourcePos pos;
};

// One Debian package, "name" or "name=version".
struct AptPackage {
  std::string name;
  std::string version;
  SourcePos pos;
};

// One npm global, "name@version" (scoped names such as "@scope/pkg@1.0.0" allowed).
struct NpmPackage {
  std::string name;
  std::string version;
  SourcePos pos;
};

struct CopyItem {
  std::string src;  // relative to the stack file's directory
  std::string dest; // absolute path in the image
  SourcePos pos;
};

struct User {
  std::string name;
  int uid = 1000;
  int gid = 1000;
  SourcePos pos;
};

// A workstation tool started later by `plinth up`: jupyter, tensorboard or code-server.
struct Tool {
  std::string name;
  std::string version;
  int port = 0;
  SourcePos pos;
};

struct Framework {
  std::string name = "tensorflow";
  Located version;     // "2.16" or "2.16.1"
  std::string variant; // "cpu" or "gpu"
  SourcePos variant_pos;
  SourcePos pos;
};

// Where a base image starts from.
struct BaseFrom {
  Located ref;            // as written
  bool bootstrap = false; // "bootstrap:debian/bookworm": an image `plinth base bootstrap` made
  std::string bootstrap_distribution; // "debian"
  std::string bootstrap_suite;        // "bookworm"

  // The reference a Dockerfile's FROM uses: the digest-pinned image as written, or the
  // local name `plinth base bootstrap` gives the image it creates.
  std::string image_ref() const;
};

// Local name of a bootstrapped base, e.g. "plinth.local/bootstrap/debian:bookworm".
std::string bootstrap_image_ref(std::string_view distribution, std::string_view suite);

struct ImageSpec {
  std::string name;
  SourcePos pos; // of the image's key under `images:`
  Tier tier = Tier::base;
  SourcePos tier_pos;
  // False when the name, tier or framework could not be read: checks that would only repeat
  // that first error (tier order, base-only fields, compat) skip the image.
  bool name_valid = true;
  bool tier_valid = true;
  bool framework_valid = true;
  bool from_valid = true; // false when 'from' is written but unreadable
  Located parent;
  std::optional<BaseFrom> from;
  Located owner;
  Located cadence;
  std::string description;
  Located version; // the image's own semantic version
  std::optional<Framework> framework;
  std::optional<Located> python;
  std::optional<Located> cuda;
  std::optional<Located> cudnn;
  std::vector<AptPackage> apt;
  std::vector<PipPackage> pip;
  std::optional<Located> requirements; // path of a requirements.txt, relative to the stack file
  std::vector<NpmPackage> npm;
  std::vector<CopyItem> copy;
  std::vector<std::pair<std::string, Located>> env;    // in file order
  std::vector<std::pair<std::string, Located>> labels; // in file order
  std::optional<User> user;
  std::optional<Located> workdir;
  std::vector<Tool> tools;
};

// A process resource limit of the workstation (setrlimit name without RLIMIT_, lower case);
// -1 is unlimited.
struct ProfileUlimit {
  std::string name; // nofile, memlock, core, ...
  std::int64_t soft = 0;
  std::int64_t hard = 0;
  SourcePos pos;
};

// Resource limits and identity used by `plinth up`.
struct Profile {
  std::string name;
  SourcePos pos;
  std::string gpus; // "" none, "all", "2" (count) or "0,1" / "GPU-uuid" ids
  SourcePos gpus_pos;
  std::optional<std::int64_t> memory_bytes;
  std::optional<std::int64_t> shm_bytes;
  std::optional<double> cpus;
  std::optional<std::int64_t> pids;
  std::vector<ProfileUlimit> ulimits; // in file order
  std::string user;                   // "" (host: the default), "host", "image" or "UID[:GID]"
  SourcePos user_pos;
};

struct Policy {
  Located tag_template; // default k_default_tag_template
  PinPolicy pip_pins = PinPolicy::exact;
  PinPolicy apt_pins = PinPolicy::any;
  PinPolicy npm_pins = PinPolicy::exact;
  std::vector<Located> allowed_base_registries; // empty: any registry
};

inline constexpr const char* k_default_tag_template = "tf{tf}-py{py}-{variant}-v{version}";

struct Stack {
  std::string file; // path as given, used in diagnostics
  int format_version = 1;
  Located name;
  Located registry; // "registry.example.com/ml" (host[:port][/namespace])
  Policy policy;
  std::vector<ImageSpec> images; // in file order
  std::vector<Profile> profiles;

  const ImageSpec* find(std::string_view image) const;
};

} // namespace plinth::model
