// SPDX-License-Identifier: Apache-2.0
#include "spec/parse_profile.hpp"

#include "model/profile_limits.hpp"
#include "util/size.hpp"
#include "util/uid_gid.hpp"

#include <limits>

namespace plinth::spec {
namespace {

void read_gpus(YamlReader& r, const YAML::Node& g, const std::string& ctx, model::Profile& p) {
  p.gpus_pos = r.pos(g);
  if (g.IsSequence()) {
    for (const auto& id : r.strings(g, ctx + ".gpus")) {
      p.gpus += (p.gpus.empty() ? "" : ",") + id.value;
    }
  } else if (auto s = r.string(g, ctx + ".gpus")) {
    p.gpus = s->value;
  }
}

void read_size(YamlReader& r, const YAML::Node& node, const std::string& what,
               std::optional<std::int64_t>& out) {
  if (auto s = r.string(node, what)) {
    out = parse_size(s->value);
    if (!out) {
      r.error(node, "bad-size", what + ": '" + s->value + "' is not a size (examples: 512m, 16g)");
    }
  }
}

// A limit value: a non-negative integer, or -1 / "unlimited".
std::optional<std::int64_t> limit_value(YamlReader& r, const YAML::Node& node,
                                        const std::string& what) {
  if (node.IsScalar() && node.Scalar() == "unlimited") {
    return -1;
  }
  return r.integer(node, what + " (or 'unlimited')", -1, std::numeric_limits<std::int64_t>::max());
}

// `nofile: 65536` (soft = hard) or `nofile: {soft: 1024, hard: 65536}`.
std::optional<model::ProfileUlimit> read_ulimit(YamlReader& r, const std::string& name,
                                                const YAML::Node& key, const YAML::Node& value,
                                                const std::string& what) {
  model::ProfileUlimit u{name, 0, 0, r.pos(key)};
  if (value.IsMap()) {
    std::optional<YAML::Node> soft;
    std::optional<YAML::Node> hard;
    r.read_fields(value, what,
                  {{"soft", [&](const YAML::Node& n, const YAML::Node&) { soft = n; }},
                   {"hard", [&](const YAML::Node& n, const YAML::Node&) { hard = n; }}});
    if (!soft || !hard) {
      r.error(value, "missing-key", what + " needs both 'soft' and 'hard'");
      return std::nullopt;
    }
    const auto s = limit_value(r, *soft, what + ".soft");
    const auto h = limit_value(r, *hard, what + ".hard");
    if (!s || !h) {
      return std::nullopt;
    }
    // -1 (unlimited) is the largest value of all.
    const auto rank = [](std::int64_t v) {
      return v < 0 ? std::numeric_limits<std::int64_t>::max() : v;
    };
    if (rank(*s) > rank(*h)) {
      r.error(*soft, "out-of-range", what + ": soft limit above the hard limit");
      return std::nullopt;
    }
    u.soft = *s;
    u.hard = *h;
    return u;
  }
  const auto v = limit_value(r, value, what);
  if (!v) {
    return std::nullopt;
  }
  u.soft = u.hard = *v;
  return u;
}

void read_ulimits(YamlReader& r, const YAML::Node& node, const std::string& ctx,
                  model::Profile& p) {
  const auto what = ctx + ".ulimits";
  Fields fields;
  for (const auto name : ulimit_names()) {
    fields.push_back({name, [&, name](const YAML::Node& value, const YAML::Node& key) {
                        const std::string n(name);
                        if (auto u = read_ulimit(r, n, key, value, what + "." + n)) {
                          p.ulimits.push_back(std::move(*u));
                        }
                      }});
  }
  r.read_fields(node, what, fields);
}

// host | image | UID[:GID] (not root).
void read_user(YamlReader& r, const YAML::Node& node, const std::string& ctx, model::Profile& p) {
  const auto s = r.string(node, ctx + ".user");
  if (!s) {
    return;
  }
  p.user_pos = s->pos;
  const std::string_view v = s->value;
  if (v == "host" || v == "image") {
    p.user = s->value;
    return;
  }
  const auto ids = parse_uid_gid(v);
  if (!ids) {
    r.error(node, "bad-value",
            ctx + ".user must be 'host', 'image' or UID[:GID] (numbers), not '" + s->value + "'");
    return;
  }
  if (ids->uid == 0) {
    r.error(node, "bad-value", ctx + ".user: the workstation never runs as root (uid 0)");
    return;
  }
  p.user = s->value;
}

} // namespace

const std::vector<std::string_view>& ulimit_names() {
  static const std::vector<std::string_view> names = {
      "core",   "cpu",   "data", "fsize",  "locks",  "memlock",    "msgqueue", "nice",
      "nofile", "nproc", "rss",  "rtprio", "rttime", "sigpending", "stack"};
  return names;
}

model::Profile read_profile(YamlReader& r, const std::string& name, const YAML::Node& key,
                            const YAML::Node& node) {
  model::Profile p;
  p.name = name;
  p.pos = r.pos(key);
  const std::string ctx = "profiles." + name;
  // Each limit is judged by the same rule `plinth up` applies to its flags.
  auto judge = [&](const YAML::Node& n, const std::string& what, const model::LimitVerdict& bad) {
    if (bad) r.error(n, "out-of-range", what + " " + *bad);
  };
  r.read_fields(
      node, ctx,
      {{"gpus", [&](const YAML::Node& g, const YAML::Node&) { read_gpus(r, g, ctx, p); }},
       {"memory",
        [&](const YAML::Node& n, const YAML::Node&) {
          read_size(r, n, ctx + ".memory", p.memory_bytes);
          if (p.memory_bytes)
            judge(n, ctx + ".memory", model::memory_limit_problem(*p.memory_bytes));
        }},
       {"shm",
        [&](const YAML::Node& n, const YAML::Node&) {
          read_size(r, n, ctx + ".shm", p.shm_bytes);
          if (p.shm_bytes) judge(n, ctx + ".shm", model::shm_size_problem(*p.shm_bytes));
        }},
       {"cpus",
        [&](const YAML::Node& c, const YAML::Node&) {
          p.cpus = r.number(c, ctx + ".cpus");
          if (p.cpus && *p.cpus <= 0) {
            r.error(c, "out-of-range", ctx + ".cpus must be greater than 0");
          } else if (p.cpus) {
            judge(c, ctx + ".cpus", model::cpus_problem(*p.cpus));
          }
        }},
       {"pids",
        [&](const YAML::Node& n, const YAML::Node&) {
          p.pids = r.integer(n, ctx + ".pids", model::k_min_pids, model::k_max_pids);
        }},
       {"ulimits", [&](const YAML::Node& n, const YAML::Node&) { read_ulimits(r, n, ctx, p); }},
       {"user", [&](const YAML::Node& n, const YAML::Node&) { read_user(r, n, ctx, p); }}});
  return p;
}

} // namespace plinth::spec
