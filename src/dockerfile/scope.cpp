// SPDX-License-Identifier: Apache-2.0
#include "dockerfile/scope.hpp"

#include <array>

namespace plinth::dockerfile {

bool is_builtin_arg(std::string_view name) {
  static constexpr std::array<std::string_view, 9> k_proxy = {
      "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY",
      "ftp_proxy",  "NO_PROXY",   "no_proxy",    "ALL_PROXY"};
  for (auto p : k_proxy) {
    if (name == p) {
      return true;
    }
  }
  return name == "all_proxy" || name == "SOURCE_DATE_EPOCH" || name.substr(0, 9) == "BUILDKIT_";
}

bool is_platform_arg(std::string_view name) {
  static constexpr std::array<std::string_view, 8> k_platform = {
      "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
      "BUILDPLATFORM",  "BUILDOS",  "BUILDARCH",  "BUILDVARIANT"};
  for (auto p : k_platform) {
    if (name == p) {
      return true;
    }
  }
  return false;
}

void VariableScope::set(std::string_view name, std::string value) {
  for (auto& [k, v] : m_vars) {
    if (k == name) {
      v = std::move(value);
      return;
    }
  }
  m_vars.emplace_back(std::string(name), std::move(value));
}

const std::string* VariableScope::get(std::string_view name) const {
  for (const auto& [k, v] : m_vars) {
    if (k == name) {
      return &v;
    }
  }
  return nullptr;
}

Lookup VariableScope::lookup() const {
  return [this](std::string_view n) { return get(n); };
}

ScopeTracker::ScopeTracker(const Dockerfile& df, const StageGraph& graph)
    : m_df(df), m_graph(graph) {}

void ScopeTracker::enter(const Instruction& inst, int stage) {
  if (inst.keyword != Keyword::from || stage < 0) {
    return;
  }
  if (stage > 0) {
    m_stage_end.push_back(m_current);
  }
  const auto& s = m_graph.stages[static_cast<std::size_t>(stage)];
  m_current = s.parent >= 0 && static_cast<std::size_t>(s.parent) < m_stage_end.size()
                  ? m_stage_end[static_cast<std::size_t>(s.parent)]
                  : VariableScope{};
}

void ScopeTracker::leave(const Instruction& inst, int stage) {
  VariableScope& target = stage < 0 ? m_global : m_current;
  if (inst.keyword == Keyword::arg) {
    for (const auto& kv : inst.pairs) {
      if (kv.value) {
        target.set(kv.key, expand_word(kv.raw_value, target.lookup(), m_df.escape).value);
      } else if (const auto* g = m_global.get(kv.key); g != nullptr && stage >= 0) {
        target.set(kv.key, *g);
      } else if (!target.has(kv.key)) {
        target.set(kv.key, "");
      }
    }
  } else if (inst.keyword == Keyword::env && stage >= 0) {
    // All pairs of one ENV see the values from before the instruction; only a multi-pair
    // ENV that references variables needs a snapshot.
    bool refs = false;
    for (const auto& kv : inst.pairs) {
      refs = refs || kv.raw_value.find('$') != std::string::npos;
    }
    if (!refs) {
      for (const auto& kv : inst.pairs) {
        m_current.set(kv.key, kv.value.value_or(""));
      }
      return;
    }
    const VariableScope before = inst.pairs.size() > 1 ? m_current : VariableScope{};
    const VariableScope& src = inst.pairs.size() > 1 ? before : m_current;
    for (const auto& kv : inst.pairs) {
      auto v = expand_word(kv.raw_value, src.lookup(), m_df.escape).value;
      m_current.set(kv.key, std::move(v));
    }
  }
}

} // namespace plinth::dockerfile
