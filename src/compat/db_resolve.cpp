// SPDX-License-Identifier: Apache-2.0
// The data-file checks that need the whole file (rows may cite a source defined later):
// source references (and how often each source is cited), one GA row per CUDA minor, each
// TF row's CUDA in the cuda table.
#include "compat/db_parser.hpp"

#include <algorithm>

namespace plinth::compat {

std::string DbParser::describe_sources(const std::vector<SourceUse>& uses) const {
  std::string out;
  for (const auto& use : uses) {
    for (const auto& s : m_db.m_sources) {
      if (s.id == use.id) {
        out += (out.empty() ? "" : "; ") + s.url + " (" + s.date + ")";
      }
    }
  }
  return out;
}

// The checks that need the whole file: source references, GA rows, TF -> CUDA rows.
void DbParser::resolve() {
  const auto check_sources = [&](const std::vector<RowRefs>& rows) {
    for (const auto& row : rows) {
      for (const auto& use : row.sources) {
        const auto it = std::find_if(m_db.m_sources.begin(), m_db.m_sources.end(),
                                     [&](const Source& s) { return s.id == use.id; });
        if (it != m_db.m_sources.end()) {
          ++it->cited_by;
        } else {
          error(use.line, use.column, "compat-source",
                "unknown source '" + use.id + "' (define it with a `source` record)");
        }
      }
    }
  };
  check_sources(m_major_refs);
  check_sources(m_cuda_refs);
  check_sources(m_tf_refs);
  check_sources(m_code_server_refs);
  for (std::size_t i = 0; i < m_db.m_code_server.size(); ++i) {
    m_db.m_code_server[i].source = describe_sources(m_code_server_refs[i].sources);
  }

  // Each CUDA minor needs exactly one GA row: "12.3" resolves to it.
  for (std::size_t i = 0; i < m_db.m_cuda.size();) {
    const auto minor = m_db.m_cuda[i].cuda.truncated(2);
    std::size_t end = i;
    int ga = 0;
    for (; end < m_db.m_cuda.size() && m_db.m_cuda[end].cuda.truncated(2) == minor; ++end) {
      if (m_db.m_cuda_release[end] == "GA") {
        ++ga;
        if (ga > 1) {
          error(m_cuda_refs[end].line, 1, "compat-release",
                "CUDA " + minor.str() + " has more than one GA row");
        }
      }
    }
    if (ga == 0) {
      error(m_cuda_refs[i].line, 1, "compat-release", "CUDA " + minor.str() + " has no GA row");
    }
    i = end;
  }

  for (std::size_t i = 0; i < m_db.m_cuda.size(); ++i) {
    auto& row = m_db.m_cuda[i];
    row.source = describe_sources(m_cuda_refs[i].sources);
    // Below the major's floor there is no minor-version compatibility (e.g. 11.0 is
    // older than the 11.x floor 450.80.02), so the toolkit driver is the minimum.
    if (const auto* rule = m_db.rule_for(row.cuda.major())) {
      row.minor_compat_driver = std::min(rule->min_driver, row.toolkit_driver);
    }
  }
  for (std::size_t i = 0; i < m_db.m_tf.size(); ++i) {
    auto& row = m_db.m_tf[i];
    row.source = describe_sources(m_tf_refs[i].sources);
    if (m_db.cuda(row.cuda) == nullptr) {
      error(m_tf_refs[i].line, m_tf_refs[i].cuda_column, "compat-reference",
            "CUDA " + row.cuda.str() + " of TensorFlow " + row.tensorflow.str() +
                " is not in the `cuda` table");
    }
  }
}

} // namespace plinth::compat
