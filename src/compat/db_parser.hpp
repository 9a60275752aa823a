// SPDX-License-Identifier: Apache-2.0
// Internal to src/compat: the parser behind Db::parse (a friend of Db). db_parser.cpp reads
// the lines; db_resolve.cpp runs the checks that need the whole file.
#pragma once

#include "compat/db.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::compat {

class DbParser {
public:
  struct Field {
    std::string_view text;
    int column = 1; // 1-based byte column of the field's first character
  };

  DbParser(std::string_view text, std::string_view filename, Diagnostics& diags)
      : m_text(text), m_file(filename), m_diags(diags) {}

  std::optional<Db> run();

private:
  struct SourceUse {
    std::string id;
    int line = 0;
    int column = 0;
  };
  // Where each parsed row came from, for the checks that need the whole file.
  struct RowRefs {
    int line = 0;
    int cuda_column = 0; // tf rows: the cuda field
    std::vector<SourceUse> sources;
  };
  // The previous row of one record type, for the sort and duplicate checks.
  struct Previous {
    std::string key;
    int line = 0;
  };

  void error(int line, int column, std::string code, std::string message) {
    m_diags.error({std::string(m_file), line, column}, std::move(code), std::move(message));
    m_failed = true;
  }

  void parse_header(std::string_view line);
  void parse_line(int line_no, std::string_view line);
  void parse_source(int line_no, const std::vector<Field>& f);
  void parse_major(int line_no, const std::vector<Field>& f);
  void parse_cuda(int line_no, const std::vector<Field>& f);
  void parse_tf(int line_no, const std::vector<Field>& f);
  void parse_codeserver(int line_no, const std::vector<Field>& f);

  // A version in column `what` with between `min_parts` and `max_parts` components.
  std::optional<Version> version(int line_no, const Field& f, std::string_view what,
                                 std::size_t min_parts, std::size_t max_parts);
  std::vector<SourceUse> source_ids(int line_no, const Field& f);
  // Sort/duplicate check of `key` against the previous row of `type`; true when in order.
  bool check_order(int line_no, const Field& f, std::string_view type, const Version& key,
                   std::string_view shown);
  bool check_order(int line_no, const Field& f, std::string_view type, const std::string& key);

  void resolve();
  std::string describe_sources(const std::vector<SourceUse>& uses) const;

  std::string_view m_text;
  std::string_view m_file;
  Diagnostics& m_diags;
  bool m_failed = false;
  Db m_db;
  std::vector<RowRefs> m_tf_refs;   // parallel to m_db.m_tf
  std::vector<RowRefs> m_cuda_refs; // parallel to m_db.m_cuda
  std::vector<RowRefs> m_major_refs;
  std::vector<RowRefs> m_code_server_refs;                 // parallel to m_db.m_code_server
  std::map<std::string, Previous, std::less<>> m_previous; // per record type
  std::map<std::string, Version, std::less<>> m_previous_version;
};

} // namespace plinth::compat
