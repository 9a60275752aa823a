// SPDX-License-Identifier: Apache-2.0
#include "util/uid_gid.hpp"

#include <charconv>

namespace plinth {
namespace {

std::optional<int> parse_id(std::string_view s) {
  int v = -1;
  const auto* end = s.data() + s.size();
  const auto [p, ec] = std::from_chars(s.data(), end, v);
  if (s.empty() || ec != std::errc() || p != end || v < 0) {
    return std::nullopt;
  }
  return v;
}

} // namespace

std::optional<UidGid> parse_uid_gid(std::string_view text) {
  const auto colon = text.find(':');
  const auto uid = parse_id(text.substr(0, colon));
  const auto gid = colon == std::string_view::npos ? uid : parse_id(text.substr(colon + 1));
  if (!uid || !gid) {
    return std::nullopt;
  }
  return UidGid{*uid, *gid};
}

} // namespace plinth
