// SPDX-License-Identifier: Apache-2.0
// The data-file parser behind Db::parse. Format (docs/compat.md): a header line, then
// TAB-separated records `source`, `major`, `cuda`, `tf` and `codeserver`, each type sorted
// by its key.
// Every malformed line is reported with its line and column; nothing here throws.
#include "compat/db_parser.hpp"

#include <algorithm>
#include <cctype>

namespace plinth::compat {

namespace {

constexpr int k_format_version = 1;
constexpr std::string_view k_header_prefix = "# plinth-compat v";

bool is_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
    return false;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i != 4 && i != 7 && std::isdigit(static_cast<unsigned char>(s[i])) == 0) {
      return false;
    }
  }
  return true;
}

// "GA", "RC" or "Update N" with N a positive number.
bool is_release_kind(std::string_view s) {
  if (s == "GA" || s == "RC") {
    return true;
  }
  constexpr std::string_view k_update = "Update ";
  if (s.substr(0, k_update.size()) != k_update || s.size() == k_update.size()) {
    return false;
  }
  const auto n = s.substr(k_update.size());
  return n[0] != '0' && std::all_of(n.begin(), n.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) != 0;
         });
}

std::vector<DbParser::Field> split_tabs(std::string_view line) {
  std::vector<DbParser::Field> out;
  std::size_t start = 0;
  while (true) {
    const auto tab = line.find('\t', start);
    const auto end = tab == std::string_view::npos ? line.size() : tab;
    out.push_back({line.substr(start, end - start), static_cast<int>(start) + 1});
    if (tab == std::string_view::npos) {
      return out;
    }
    start = tab + 1;
  }
}

} // namespace

std::optional<Db> Db::parse(std::string_view text, std::string_view filename, Diagnostics& diags) {
  return DbParser(text, filename, diags).run();
}

std::optional<Db> DbParser::run() {
  const LineIndex index(m_text);
  const int lines = static_cast<int>(std::count(m_text.begin(), m_text.end(), '\n')) +
                    (m_text.empty() || m_text.back() == '\n' ? 0 : 1);
  if (lines == 0) {
    error(1, 1, "compat-header",
          "empty compatibility database: expected the header `" + std::string(k_header_prefix) +
              "1 (data YYYY-MM-DD)`");
    return std::nullopt;
  }
  parse_header(index.line(1));
  for (int n = 2; n <= lines; ++n) {
    parse_line(n, index.line(n));
  }
  resolve();
  if (m_failed) {
    return std::nullopt;
  }
  return std::move(m_db);
}

void DbParser::parse_header(std::string_view line) {
  // "# plinth-compat v1 (data 2026-11-25)"
  const auto fail = [&](int column, const std::string& why) {
    error(1, column, "compat-header",
          why + ": the first line must be `" + std::string(k_header_prefix) +
              std::to_string(k_format_version) + " (data YYYY-MM-DD)`");
  };
  if (line.substr(0, k_header_prefix.size()) != k_header_prefix) {
    fail(1, "missing header");
    return;
  }
  auto rest = line.substr(k_header_prefix.size());
  const auto space = rest.find(' ');
  const auto format = rest.substr(0, space);
  if (format != std::to_string(k_format_version)) {
    fail(static_cast<int>(k_header_prefix.size()) + 1,
         "unsupported format version 'v" + std::string(format) + "'");
    return;
  }
  constexpr std::string_view k_data = " (data ";
  const auto after = space == std::string_view::npos ? std::string_view{} : rest.substr(space);
  const int date_column = static_cast<int>(line.size() - after.size() + k_data.size()) + 1;
  if (after.substr(0, k_data.size()) != k_data || after.size() != k_data.size() + 11 ||
      after.back() != ')' || !is_date(after.substr(k_data.size(), 10))) {
    fail(std::min(date_column, static_cast<int>(line.size()) + 1), "malformed data date");
    return;
  }
  m_db.m_data_version = std::string(after.substr(k_data.size(), 10));
}

void DbParser::parse_line(int line_no, std::string_view line) {
  const auto first = line.find_first_not_of(" \t");
  if (first == std::string_view::npos || line[first] == '#') {
    return; // blank or comment
  }
  const auto fields = split_tabs(line);
  if (fields.size() == 1 && line.find(' ') != std::string_view::npos) {
    error(line_no, static_cast<int>(line.find(' ')) + 1, "compat-tabs",
          "fields must be separated by tabs, not spaces");
    return;
  }
  struct Kind {
    std::string_view name;
    std::size_t fields;
    void (DbParser::*parse)(int, const std::vector<Field>&);
  };
  static constexpr Kind k_kinds[] = {
      {"source", 5, &DbParser::parse_source},
      {"major", 5, &DbParser::parse_major},
      {"cuda", 5, &DbParser::parse_cuda},
      {"tf", 8, &DbParser::parse_tf},
      {"codeserver", 6, &DbParser::parse_codeserver},
  };
  const auto type = fields[0].text;
  const auto* kind = std::find_if(std::begin(k_kinds), std::end(k_kinds),
                                  [&](const Kind& k) { return k.name == type; });
  if (kind == std::end(k_kinds)) {
    error(line_no, 1, "compat-record",
          "unknown record type '" + std::string(type) +
              "' (expected source, major, cuda, tf or codeserver)");
    return;
  }
  if (fields.size() != kind->fields) {
    // Point at the first extra field, or just past the end of a short line.
    const int column = fields.size() > kind->fields ? fields[kind->fields].column
                                                    : static_cast<int>(line.size()) + 1;
    error(line_no, column, "compat-columns",
          "a `" + std::string(type) + "` record has " + std::to_string(kind->fields) +
              " tab-separated fields, this one has " + std::to_string(fields.size()));
    return;
  }
  (this->*kind->parse)(line_no, fields);
}

std::optional<Version> DbParser::version(int line_no, const Field& f, std::string_view what,
                                         std::size_t min_parts, std::size_t max_parts) {
  auto v = Version::parse(f.text);
  if (!v || v->size() < min_parts || v->size() > max_parts) {
    const std::string shape = min_parts == max_parts
                                  ? std::to_string(min_parts) + " numeric components"
                                  : std::to_string(min_parts) + " to " + std::to_string(max_parts) +
                                        " numeric components";
    error(line_no, f.column, "compat-version",
          "invalid " + std::string(what) + " '" + std::string(f.text) + "': expected " + shape);
    return std::nullopt;
  }
  return v;
}

std::vector<DbParser::SourceUse> DbParser::source_ids(int line_no, const Field& f) {
  std::vector<SourceUse> out;
  std::size_t start = 0;
  while (true) {
    const auto comma = f.text.find(',', start);
    const auto end = comma == std::string_view::npos ? f.text.size() : comma;
    const auto id = f.text.substr(start, end - start);
    const int column = f.column + static_cast<int>(start);
    if (id.empty()) {
      error(line_no, column, "compat-source", "empty source id");
    } else {
      out.push_back({std::string(id), line_no, column});
    }
    if (comma == std::string_view::npos) {
      return out;
    }
    start = comma + 1;
  }
}

bool DbParser::check_order(int line_no, const Field& f, std::string_view type, const Version& key,
                           std::string_view shown) {
  const auto it = m_previous_version.find(type);
  const auto prev = m_previous.find(type);
  if (it != m_previous_version.end() && prev != m_previous.end()) {
    const int cmp = compare(key, it->second);
    if (cmp == 0) {
      error(line_no, f.column, "compat-duplicate",
            "duplicate `" + std::string(type) + "` row " + std::string(shown) +
                " (already on line " + std::to_string(prev->second.line) + ")");
      return false;
    }
    if (cmp < 0) {
      error(line_no, f.column, "compat-order",
            "`" + std::string(type) + "` rows must be sorted ascending: " + std::string(shown) +
                " comes after " + prev->second.key + " (line " + std::to_string(prev->second.line) +
                ")");
      return false;
    }
  }
  m_previous_version.insert_or_assign(std::string(type), key);
  m_previous.insert_or_assign(std::string(type), Previous{std::string(shown), line_no});
  return true;
}

bool DbParser::check_order(int line_no, const Field& f, std::string_view type,
                           const std::string& key) {
  const auto prev = m_previous.find(type);
  if (prev != m_previous.end()) {
    if (key == prev->second.key) {
      error(line_no, f.column, "compat-duplicate",
            "duplicate `" + std::string(type) + "` row " + key + " (already on line " +
                std::to_string(prev->second.line) + ")");
      return false;
    }
    if (key < prev->second.key) {
      error(line_no, f.column, "compat-order",
            "`" + std::string(type) + "` rows must be sorted ascending: " + key + " comes after " +
                prev->second.key + " (line " + std::to_string(prev->second.line) + ")");
      return false;
    }
  }
  m_previous.insert_or_assign(std::string(type), Previous{key, line_no});
  return true;
}

void DbParser::parse_source(int line_no, const std::vector<Field>& f) {
  // source <id> <date> <url> <title>
  if (f[1].text.empty() || f[1].text.find_first_of(", ") != std::string_view::npos) {
    error(line_no, f[1].column, "compat-source",
          "invalid source id '" + std::string(f[1].text) + "': no spaces or commas");
    return;
  }
  // The remaining checks do not drop the row: its id stays known, so the rows citing it
  // are not reported as well.
  if (!is_date(f[2].text)) {
    error(line_no, f[2].column, "compat-date",
          "invalid date '" + std::string(f[2].text) + "': expected YYYY-MM-DD");
  }
  if (f[3].text.substr(0, 8) != "https://" && f[3].text.substr(0, 7) != "http://") {
    error(line_no, f[3].column, "compat-url",
          "invalid URL '" + std::string(f[3].text) + "': expected http:// or https://");
  }
  if (f[4].text.empty()) {
    error(line_no, f[4].column, "compat-source", "empty source title");
  }
  if (check_order(line_no, f[1], "source", std::string(f[1].text))) {
    m_db.m_sources.push_back({std::string(f[1].text), std::string(f[2].text),
                              std::string(f[3].text), std::string(f[4].text)});
  }
}

void DbParser::parse_major(int line_no, const std::vector<Field>& f) {
  // major <cuda major> <minor-compat floor> <until | -> <sources>
  const auto major = version(line_no, f[1], "CUDA major", 1, 1);
  const auto floor = version(line_no, f[2], "minor-compat driver", 1, 3);
  std::optional<Version> until;
  bool ok = major && floor;
  if (f[3].text != "-") {
    until = version(line_no, f[3], "minor-compat upper driver", 1, 3);
    ok = ok && until;
    if (until && floor && *until <= *floor) {
      error(line_no, f[3].column, "compat-range",
            "minor-compat upper driver " + driver_str(*until) + " must be above the floor " +
                driver_str(*floor));
      ok = false;
    }
  }
  auto sources = source_ids(line_no, f[4]);
  if (ok && check_order(line_no, f[1], "major", *major, major->str())) {
    m_db.m_major_rules.push_back({major->major(), *floor, until});
    m_major_refs.push_back({line_no, 0, std::move(sources)});
  }
}

void DbParser::parse_cuda(int line_no, const std::vector<Field>& f) {
  // cuda <toolkit> <toolkit driver> <release kind> <sources>
  const auto toolkit = version(line_no, f[1], "CUDA toolkit version", 2, 3);
  const auto driver = version(line_no, f[2], "driver version", 2, 3);
  bool ok = toolkit && driver;
  if (!is_release_kind(f[3].text)) {
    error(line_no, f[3].column, "compat-release",
          "invalid release '" + std::string(f[3].text) + "': expected GA, RC or Update N");
    ok = false;
  }
  auto sources = source_ids(line_no, f[4]);
  if (ok && toolkit && !m_db.m_cuda.empty() &&
      *driver<m_db.m_cuda.back().toolkit_driver&& * toolkit> m_db.m_cuda.back().cuda) {
    error(line_no, f[2].column, "compat-order",
          "toolkit driver " + driver_str(*driver) + " of CUDA " + toolkit->str() +
              " is older than the one of the previous row (" +
              driver_str(m_db.m_cuda.back().toolkit_driver) + ")");
    ok = false;
  }
  if (ok && check_order(line_no, f[1], "cuda", *toolkit, toolkit->str())) {
    m_db.m_cuda.push_back({*toolkit, *driver, *driver, ""});
    m_db.m_cuda_release.emplace_back(f[3].text);
    m_cuda_refs.push_back({line_no, 0, std::move(sources)});
  }
}

void DbParser::parse_tf(int line_no, const std::vector<Field>& f) {
  // tf <tested release> <python min> <python max> <cuda> <cudnn> <and-cuda> <sources>
  const auto tf = version(line_no, f[1], "TensorFlow release", 3, 3);
  const auto py_min = version(line_no, f[2], "Python version", 2, 2);
  const auto py_max = version(line_no, f[3], "Python version", 2, 2);
  const auto cuda = version(line_no, f[4], "CUDA version", 2, 3);
  const auto cudnn = version(line_no, f[5], "cuDNN version", 2, 3);
  bool ok = tf && py_min && py_max && cuda && cudnn;
  if (py_min && py_max && (py_min->major() != py_max->major() || *py_max < *py_min)) {
    error(line_no, f[3].column, "compat-range",
          "Python range " + py_min->str() + " - " + py_max->str() +
              " must be ascending within one major version");
    ok = false;
  }
  if (f[6].text != "true" && f[6].text != "false") {
    error(line_no, f[6].column, "compat-bool",
          "invalid and-cuda flag '" + std::string(f[6].text) + "': expected true or false");
    ok = false;
  }
  auto sources = source_ids(line_no, f[7]);
  // One row per minor: 2.16.1 and 2.16.2 are duplicates, so order by the minor.
  if (ok && check_order(line_no, f[1], "tf", tf->truncated(2), tf->str())) {
    m_db.m_tf.push_back({*tf, *py_min, *py_max, *cuda, *cudnn, f[6].text == "true", ""});
    m_tf_refs.push_back({line_no, f[4].column, std::move(sources)});
  }
}

void DbParser::parse_codeserver(int line_no, const std::vector<Field>& f) {
  // codeserver <first release> <last minor> <node major> <node release> <sources>
  const auto first = version(line_no, f[1], "code-server release", 3, 3);
  const auto last = version(line_no, f[2], "code-server minor", 2, 2);
  const auto node_major = version(line_no, f[3], "Node major", 1, 1);
  const auto node = version(line_no, f[4], "Node release", 3, 3);
  bool ok = first && last && node_major && node;
  if (first && last && *last < first->truncated(2)) {
    error(line_no, f[2].column, "compat-range",
          "last minor " + last->str() + " is before the first release " + first->str());
    ok = false;
  }
  if (node_major && node && node->major() != node_major->major()) {
    error(line_no, f[4].column, "compat-range",
          "Node release " + node->str() + " is not of Node major " + node_major->str());
    ok = false;
  }
  // Ranges must not overlap: one release, one Node major.
  if (ok && !m_db.m_code_server.empty() &&
      first->truncated(2) <= m_db.m_code_server.back().last_minor &&
      *first > m_db.m_code_server.back().first) {
    error(line_no, f[1].column, "compat-order",
          "code-server " + first->str() + " is inside the previous row's range (up to " +
              m_db.m_code_server.back().last_minor.str() + ".x)");
    ok = false;
  }
  auto sources = source_ids(line_no, f[5]);
  if (ok && check_order(line_no, f[1], "codeserver", *first, first->str())) {
    m_db.m_code_server.push_back({*first, *last, node_major->major(), node->str(), ""});
    m_code_server_refs.push_back({line_no, 0, std::move(sources)});
  }
}

} // namespace plinth::compat
