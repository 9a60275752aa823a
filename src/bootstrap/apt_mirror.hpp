// SPDX-License-Identifier: Apache-2.0
// Finds the Debian mirror this machine's apt uses, from /etc/apt/sources.list (one-line
// format) and /etc/apt/sources.list.d/*.sources (deb822 `URIs:`), so a base can be
// bootstrapped from the same (possibly internal) mirror. Pure: app/bootstrap.cpp reads the
// files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plinth::bootstrap {

struct AptSource {
  std::string uri; // as written in the apt source, e.g. "http://mirror.example/debian"
  std::vector<std::string> suites; // "bookworm", "bookworm-updates"
};

std::vector<AptSource> parse_sources_list(std::string_view text);
std::vector<AptSource> parse_deb822_sources(std::string_view text);

// The first `deb` source that serves `suite` itself (not -security/-updates); empty if none.
std::string pick_mirror(const std::vector<AptSource>& sources, std::string_view suite);

// The sources of one file of /etc/apt/sources.list.d by its name: `*.sources` (deb822),
// `*.list` (one-line format), nothing for any other name.
std::vector<AptSource> parse_sources_file(std::string_view file_name, std::string_view text);

} // namespace plinth::bootstrap
