// SPDX-License-Identifier: Apache-2.0
// Replays data/compat/cases.tsv (queries and their expected answers; format in its header)
// through the real query functions against the embedded database.
#include "compat/code_server.hpp"
#include "compat/report.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace plinth::compat {
namespace {

using nlohmann::json;

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string part;
  while (std::getline(in, part, sep)) {
    out.push_back(part);
  }
  return out;
}

json unknown(std::string_view code) {
  return error_json(code, "");
}

// The answer to one query, as `plinth compat ... --json` (or the function it names) gives it.
json answer(const Db& db, const std::vector<std::string>& q) {
  const auto version = [&](std::size_t i) {
    return i < q.size() ? Version::parse(q[i]) : std::nullopt;
  };
  const auto v1 = version(1);
  if (!v1) return unknown("malformed-version");
  if (q[0] == "tf" && (q.size() == 2 || (q.size() == 3 && q[2] == "cpu"))) {
    const auto* tf = db.tensorflow(*v1);
    return tf != nullptr ? tf_json(db, *tf, q.size() == 3 ? Variant::cpu : Variant::gpu)
                         : unknown("unknown-tensorflow");
  }
  if (q[0] == "driver" && q.size() == 2) return driver_json(db, *v1);
  if (q[0] == "cuda" && q.size() == 2) {
    const auto* row = db.cuda(*v1);
    return row != nullptr ? cuda_json(db, *row) : unknown("unknown-cuda");
  }
  if (q[0] == "fit" && q.size() == 3 && version(2)) {
    return {{"fit", driver_fit_name(db.driver_fit(*v1, *version(2)))}};
  }
  if (q[0] == "codeserver" && q.size() == 2) {
    const auto node = code_server_node(db, *v1);
    return node ? json{{"node_major", node->node_major}, {"node_version", node->node_version}}
                : unknown("unknown-code-server");
  }
  return unknown("unknown-query");
}

// A JSON value as the cases file writes it: strings bare, arrays of scalars comma-joined.
std::string shown(const json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_array()) {
    std::string out;
    for (const auto& item : j) {
      out += (out.empty() ? "" : ",") + shown(item);
    }
    return out;
  }
  return j.dump();
}

// Walks `path` (format in cases.tsv) through `j`; "<missing>" when a step finds nothing.
std::string lookup(const json& j, const std::vector<std::string>& path, std::size_t from = 0) {
  if (from == path.size()) return shown(j);
  const auto& step = path[from];
  if (step.ends_with("[]")) {
    const auto key = step.substr(0, step.size() - 2);
    if (!j.is_object() || !j.contains(key) || !j[key].is_array()) return "<missing>";
    std::string out;
    for (const auto& item : j[key]) {
      out += (out.empty() ? "" : ",") + lookup(item, path, from + 1);
    }
    return out;
  }
  if (step.ends_with("#")) {
    const auto key = step.substr(0, step.size() - 1);
    if (!j.is_object() || !j.contains(key)) return "<missing>";
    return std::to_string(j[key].size());
  }
  if (j.is_array()) {
    const auto index = std::stoul(step);
    return index < j.size() ? lookup(j[index], path, from + 1) : "<missing>";
  }
  if (!j.is_object() || !j.contains(step)) return "<missing>";
  return lookup(j[step], path, from + 1);
}

struct Case {
  int line = 0;
  std::string query;
  std::vector<std::string> expectations; // "path=value"
};

std::vector<Case> read_cases() {
  std::ifstream in(std::string(PLINTH_SOURCE_DIR) + "/data/compat/cases.tsv");
  EXPECT_TRUE(in.good()) << "cannot read data/compat/cases.tsv";
  std::vector<Case> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    auto fields = split(line, '\t');
    out.push_back({n, fields[0], {fields.begin() + 1, fields.end()}});
  }
  return out;
}

TEST(CompatCases, EveryCaseAnswersAsExpected) {
  const auto cases = read_cases();
  ASSERT_FALSE(cases.empty());
  const auto& db = Db::builtin();
  for (const auto& c : cases) {
    SCOPED_TRACE("cases.tsv:" + std::to_string(c.line) + ": " + c.query);
    EXPECT_FALSE(c.expectations.empty()) << "a case without expectations";
    const auto got = answer(db, split(c.query, ' '));
    EXPECT_NE(lookup(got, {"error", "code"}), "unknown-query");
    EXPECT_NE(lookup(got, {"error", "code"}), "malformed-version");
    for (const auto& e : c.expectations) {
      const auto eq = e.find('=');
      ASSERT_NE(eq, std::string::npos) << "expectation without '=': " << e;
      EXPECT_EQ(lookup(got, split(e.substr(0, eq), '.')), e.substr(eq + 1))
          << e.substr(0, eq) << " in " << got.dump();
    }
  }
}

// Each `tf` row has its own case, so a new release cannot come without its expected answer.
TEST(CompatCases, EveryTensorflowRowHasACase) {
  std::vector<std::string> queried;
  for (const auto& c : read_cases()) {
    const auto q = split(c.query, ' ');
    if (q.size() == 2 && q[0] == "tf") queried.push_back(q[1]);
  }
  for (const auto& row : Db::builtin().tensorflow_builds()) {
    const auto minor = row.tensorflow.truncated(2).str();
    EXPECT_NE(std::find(queried.begin(), queried.end(), minor), queried.end())
        << "data/compat/cases.tsv has no `tf " << minor << "` case";
  }
}

} // namespace
} // namespace plinth::compat
