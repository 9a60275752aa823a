// SPDX-License-Identifier: Apache-2.0
// Streaming the JSON-based reports: the document skeleton is written by hand and each
// finding is dumped as its own small nlohmann::json, so memory stays constant per finding
// while the bytes equal those of one big dump(2) of the whole document.
#pragma once

#include <nlohmann/json.hpp>

#include <ostream>

namespace plinth::lint {

// Writes `v` as nlohmann's dump(2) would inside a document where `v` sits `indent` spaces
// deep. Invalid UTF-8 (messages quote Dockerfile text) becomes U+FFFD.
void write_json_value(std::ostream& out, const nlohmann::json& v, int indent);

} // namespace plinth::lint
