// SPDX-License-Identifier: Apache-2.0
// Db::parse on small hand-written files: valid input, and every kind of malformed line
// reported with its exact line and column.
#include "compat/db.hpp"

#include <gtest/gtest.h>

#include <string>

namespace plinth::compat {
namespace {

// A small valid file; the tests splice broken lines into it. Line numbers:
// 1 header, 2 comment, 3 source, 4 major 11, 5 major 12, 6-9 cuda, 10-11 tf, 12-13 codeserver.
const std::string k_valid = "# plinth-compat v1 (data 2026-11-25)\n"
                            "# a comment\n"
                            "source\tnv\t2026-11-25\thttps://example.com/nv\tNVIDIA tables\n"
                            "major\t11\t450.80.02\t525\tnv\n"
                            "major\t12\t525.60.13\t580\tnv\n"
                            "cuda\t11.0.2\t450.51.05\tGA\tnv\n"
                            "cuda\t11.2\t460.27.03\tGA\tnv\n"
                            "cuda\t12.3\t545.23.06\tGA\tnv\n"
                            "cuda\t12.3.1\t545.23.08\tUpdate 1\tnv\n"
                            "tf\t2.11.0\t3.7\t3.10\t11.2\t8.1\tfalse\tnv\n"
                            "tf\t2.16.1\t3.9\t3.12\t12.3\t8.9\ttrue\tnv\n"
                            "codeserver\t4.90.0\t4.102\t20\t20.18.0\tnv\n"
                            "codeserver\t4.103.0\t4.132\t22\t22.20.0\tnv\n";

// Replaces 1-based line `n` of k_valid with `text` (a line without its newline).
std::string with_line(int n, const std::string& text) {
  std::string out;
  int line = 1;
  std::size_t start = 0;
  while (start < k_valid.size()) {
    const auto nl = k_valid.find('\n', start);
    out += line == n ? text : k_valid.substr(start, nl - start);
    out += '\n';
    start = nl + 1;
    ++line;
  }
  return out;
}

struct Parsed {
  std::optional<Db> db;
  Diagnostics diags;
};

Parsed parse(const std::string& text) {
  Parsed p;
  p.db = Db::parse(text, "compat.tsv", p.diags);
  return p;
}

TEST(CompatParse, ValidFile) {
  auto p = parse(k_valid);
  ASSERT_TRUE(p.db.has_value());
  EXPECT_TRUE(p.diags.empty());
  const auto& db = *p.db;
  EXPECT_EQ(db.data_version(), "2026-11-25");
  ASSERT_EQ(db.tensorflow_builds().size(), 2U);
  ASSERT_EQ(db.cuda_releases().size(), 4U);
  EXPECT_EQ(db.tensorflow_builds()[1].source, "https://example.com/nv (2026-11-25)");
  EXPECT_EQ(db.cuda_release_name(db.cuda_releases()[3]), "12.3 Update 1");
  EXPECT_EQ(db.cuda_release_kind(db.cuda_releases()[0]), "GA");
  EXPECT_EQ(db.driver_fit(*Version::parse("535.54.03"), *Version::parse("12.3")),
            DriverFit::minor_version_compat);
  ASSERT_EQ(db.sources().size(), 1U);
  EXPECT_EQ(db.sources()[0].title, "NVIDIA tables");
  EXPECT_EQ(db.sources()[0].cited_by, 10); // every row but the header and comment
  ASSERT_EQ(db.code_server_releases().size(), 2U);
  const auto& cs = db.code_server_releases()[1];
  EXPECT_EQ(cs.first.str(), "4.103.0");
  EXPECT_EQ(cs.last_minor.str(), "4.132");
  EXPECT_EQ(cs.node_major, 22);
  EXPECT_EQ(cs.node_version, "22.20.0");
  EXPECT_EQ(cs.source, "https://example.com/nv (2026-11-25)");
}

TEST(CompatParse, CrlfBlankLinesAndNoFinalNewline) {
  std::string text;
  for (char c : k_valid) {
    text += c == '\n' ? std::string("\r\n") : std::string(1, c);
  }
  text += "\n   \n";
  text += "tf\t2.17.0\t3.9\t3.12\t12.3\t8.9\ttrue\tnv"; // no trailing newline
  auto p = parse(text);
  ASSERT_TRUE(p.db.has_value()) << (p.diags.empty() ? "" : format_diagnostic(p.diags.items()[0]));
  EXPECT_EQ(p.db->tensorflow_builds().size(), 3U);
}

struct BadCase {
  const char* name;
  int line; // which line of k_valid to replace
  const char* text;
  int want_line;
  int want_column;
  const char* code;
};

class CompatParseError : public ::testing::TestWithParam<BadCase> {};

TEST_P(CompatParseError, ReportsPosition) {
  const auto& c = GetParam();
  const auto text = with_line(c.line, c.text);
  auto p = parse(text);
  EXPECT_FALSE(p.db.has_value());
  ASSERT_EQ(p.diags.items().size(), 1U) << [&] {
    std::string all;
    for (const auto& d : p.diags.items()) {
      all += format_diagnostic(d) + "\n";
    }
    return all;
  }();
  const auto& d = p.diags.items()[0];
  EXPECT_EQ(d.severity, Severity::error);
  EXPECT_EQ(d.where.file, "compat.tsv");
  EXPECT_EQ(d.where.line, c.want_line) << format_diagnostic(d);
  EXPECT_EQ(d.where.column, c.want_column) << format_diagnostic(d);
  EXPECT_EQ(d.code, c.code) << format_diagnostic(d);
  EXPECT_FALSE(d.message.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CompatParseError,
    ::testing::Values(
        BadCase{"missing_header", 1, "# just a comment", 1, 1, "compat-header"},
        BadCase{"header_version", 1, "# plinth-compat v2 (data 2026-11-25)", 1, 18,
                "compat-header"},
        BadCase{"header_date", 1, "# plinth-compat v1 (data 2026-11)", 1, 26, "compat-header"},
        BadCase{"bad_tf_version", 10, "tf\t2.x.0\t3.7\t3.10\t11.2\t8.1\tfalse\tnv", 10, 4,
                "compat-version"},
        BadCase{"tf_two_parts", 10, "tf\t2.11\t3.7\t3.10\t11.2\t8.1\tfalse\tnv", 10, 4,
                "compat-version"},
        BadCase{"bad_python", 10, "tf\t2.11.0\t3.7\t3..10\t11.2\t8.1\tfalse\tnv", 10, 15,
                "compat-version"},
        BadCase{"python_range", 10, "tf\t2.11.0\t3.10\t3.7\t11.2\t8.1\tfalse\tnv", 10, 16,
                "compat-range"},
        BadCase{"bad_bool", 10, "tf\t2.11.0\t3.7\t3.10\t11.2\t8.1\tyes\tnv", 10, 29, "compat-bool"},
        BadCase{"too_few_columns", 10, "tf\t2.11.0\t3.7\t3.10\t11.2", 10, 24, "compat-columns"},
        BadCase{"too_many_columns", 6, "cuda\t11.0.2\t450.51.05\tGA\tnv\textra", 6, 29,
                "compat-columns"},
        BadCase{"unknown_record", 6, "cudnn\t8.9\t12.3", 6, 1, "compat-record"},
        BadCase{"spaces_not_tabs", 6, "cuda 11.0.2 450.51.05 GA nv", 6, 5, "compat-tabs"},
        BadCase{"bad_driver", 6, "cuda\t11.0.2\t450.51.x\tGA\tnv", 6, 13, "compat-version"},
        BadCase{"bad_release", 6, "cuda\t11.0.2\t450.51.05\tUpdate\tnv", 6, 23, "compat-release"},
        BadCase{"unknown_source", 7, "cuda\t11.2\t460.27.03\tGA\tnv,nvidia", 7, 27,
                "compat-source"},
        BadCase{"unsorted_cuda", 9, "cuda\t12.2.9\t545.23.08\tUpdate 9\tnv", 9, 6, "compat-order"},
        BadCase{"duplicate_cuda", 9, "cuda\t12.3\t545.23.08\tGA\tnv", 9, 6, "compat-duplicate"},
        BadCase{"driver_goes_down", 9, "cuda\t12.3.1\t545.23.05\tUpdate 1\tnv", 9, 13,
                "compat-order"},
        BadCase{"duplicate_tf_minor", 11, "tf\t2.11.1\t3.9\t3.12\t12.3\t8.9\ttrue\tnv", 11, 4,
                "compat-duplicate"},
        BadCase{"unsorted_tf", 11, "tf\t2.10.0\t3.9\t3.12\t12.3\t8.9\ttrue\tnv", 11, 4,
                "compat-order"},
        BadCase{"unsorted_major", 5, "major\t10\t400\t-\tnv", 5, 7, "compat-order"},
        BadCase{"major_range", 5, "major\t12\t525.60.13\t500\tnv", 5, 20, "compat-range"},
        BadCase{"tf_cuda_unknown", 11, "tf\t2.16.1\t3.9\t3.12\t12.4\t8.9\ttrue\tnv", 11, 20,
                "compat-reference"},
        BadCase{"no_ga_row", 9, "cuda\t12.4.1\t550.54.15\tUpdate 1\tnv", 9, 1, "compat-release"},
        BadCase{"bad_source_date", 3, "source\tnv\t25.11.2026\thttps://example.com\tNV", 3, 11,
                "compat-date"},
        BadCase{"codeserver_two_parts", 12, "codeserver\t4.90\t4.102\t20\t20.18.0\tnv", 12, 12,
                "compat-version"},
        BadCase{"codeserver_last_before_first", 12, "codeserver\t4.90.0\t4.89\t20\t20.18.0\tnv", 12,
                19, "compat-range"},
        BadCase{"codeserver_node_major", 12, "codeserver\t4.90.0\t4.102\t20\t22.20.0\tnv", 12, 28,
                "compat-range"},
        BadCase{"codeserver_overlap", 13, "codeserver\t4.100.0\t4.132\t22\t22.20.0\tnv", 13, 12,
                "compat-order"},
        BadCase{"codeserver_unsorted", 13, "codeserver\t4.80.0\t4.85\t18\t18.20.0\tnv", 13, 12,
                "compat-order"},
        BadCase{"codeserver_duplicate", 13, "codeserver\t4.90.0\t4.95\t20\t20.18.0\tnv", 13, 12,
                "compat-duplicate"},
        BadCase{"codeserver_columns", 12, "codeserver\t4.90.0\t4.102\t20\tnv", 12, 30,
                "compat-columns"},
        BadCase{"bad_source_url", 3, "source\tnv\t2026-11-25\texample.com\tNV", 3, 22,
                "compat-url"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(CompatParse, ReportsEveryBadLine) {
  auto text = with_line(6, "cuda\t11.0.2\t450.51.x\tGA\tnv");
  text += "bogus\tline\n";
  text += "tf\t2.17.0\t3.9\t3.12\t12.3\t8.9\tmaybe\tnv\n";
  auto p = parse(text);
  EXPECT_FALSE(p.db.has_value());
  ASSERT_GE(p.diags.error_count(), 3U);
  std::vector<int> lines;
  for (const auto& d : p.diags.items()) {
    lines.push_back(d.where.line);
  }
  EXPECT_NE(std::find(lines.begin(), lines.end(), 6), lines.end());
  EXPECT_NE(std::find(lines.begin(), lines.end(), 14), lines.end());
  EXPECT_NE(std::find(lines.begin(), lines.end(), 15), lines.end());
}

TEST(CompatParse, EmptyAndGarbageInputDoNotCrash) {
  for (const std::string& text :
       {std::string(), std::string("\n"), std::string("\t\t\t"), std::string("tf"),
        std::string("# plinth-compat v1 (data 2026-11-25)\ntf\t\t\t\t\t\t\t"),
        std::string("# plinth-compat v1 (data 2026-11-25)\ncuda\t99999999999\t1\tGA\tx"),
        std::string("# plinth-compat v1 (data 2026-11-25)\nsource\t\t\t\t"),
        std::string("# plinth-compat v1 (data 2026-11-25)\nmajor\t-1\t1\t-\t,,"),
        std::string("\0\0\0", 3)}) {
    Diagnostics diags;
    EXPECT_FALSE(Db::parse(text, "x.tsv", diags).has_value()) << text;
    EXPECT_TRUE(diags.has_errors()) << text;
  }
}

TEST(CompatParse, HeaderOnlyIsAnEmptyDatabase) {
  Diagnostics diags;
  auto db = Db::parse("# plinth-compat v1 (data 2026-11-25)\n", "x.tsv", diags);
  ASSERT_TRUE(db.has_value());
  EXPECT_TRUE(db->tensorflow_builds().empty());
  EXPECT_EQ(db->cuda(*Version::parse("12.3")), nullptr);
  EXPECT_EQ(db->driver_fit(*Version::parse("999"), *Version::parse("12.3")),
            DriverFit::incompatible);
}

} // namespace
} // namespace plinth::compat
