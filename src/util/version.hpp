// SPDX-License-Identifier: Apache-2.0
// Dotted numeric versions as used by TensorFlow, Python, CUDA, cuDNN and NVIDIA drivers
// ("2.16.1", "3.11", "12.3", "525.60.13"). Comparison is numeric per component; a missing
// component counts as 0 for ordering, and prefix matching supports "2.16" ⊇ "2.16.1".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plinth {

class Version {
public:
  static std::optional<Version> parse(std::string_view text);

  const std::vector<int>& parts() const { return m_parts; }
  int major() const { return part(0); }
  int minor() const { return part(1); }
  int part(std::size_t i) const { return i < m_parts.size() ? m_parts[i] : 0; }
  std::size_t size() const { return m_parts.size(); }

  // The first `n` components, e.g. Version("2.16.1").truncated(2) == "2.16".
  Version truncated(std::size_t n) const;
  // True when every component of `prefix` equals ours: "2.16" is a prefix of "2.16.1".
  bool has_prefix(const Version& prefix) const;
  // As written, components joined by '.', leading zeros kept ("545.23.06").
  std::string str() const;

  friend int compare(const Version& a, const Version& b);
  friend bool operator==(const Version& a, const Version& b) { return compare(a, b) == 0; }
  friend bool operator<(const Version& a, const Version& b) { return compare(a, b) < 0; }
  friend bool operator<=(const Version& a, const Version& b) { return compare(a, b) <= 0; }
  friend bool operator>(const Version& a, const Version& b) { return compare(a, b) > 0; }
  friend bool operator>=(const Version& a, const Version& b) { return compare(a, b) >= 0; }

private:
  std::vector<int> m_parts;
  std::vector<std::string> m_texts; // each component as written
};

// Namespace-scope declaration so `plinth::compare(a, b)` works as well as ADL.
int compare(const Version& a, const Version& b);

} // namespace plinth
