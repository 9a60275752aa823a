// SPDX-License-Identifier: Apache-2.0
// Every real-world Dockerfile under tests/corpus parses without errors, and every position
// the parser reports points at exactly the text it describes.
#include "dockerfile/parser.hpp"
#include "util/diagnostic.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace plinth::dockerfile {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> corpus_files() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(PLINTH_SOURCE_DIR) / "tests/corpus")) {
    if (e.path().extension() == ".Dockerfile") {
      out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string_view at(std::string_view src, Pos p, std::size_t n) {
  const auto line = source_line(src, p.line);
  if (p.column < 1 || static_cast<std::size_t>(p.column - 1) > line.size()) {
    return {};
  }
  return line.substr(static_cast<std::size_t>(p.column - 1), n);
}

// Heredoc delimiters in an instruction's text, by a regex independent of the parser.
std::vector<std::pair<std::string, bool>> naive_heredocs(const std::string& text) {
  std::vector<std::pair<std::string, bool>> out;
  if (text.find('[') != std::string::npos && text.find("<<") == std::string::npos) {
    return out;
  }
  static const std::regex k_marker(R"((^|\s)\d*<<(-?)\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?)");
  for (std::sregex_iterator it(text.begin(), text.end(), k_marker), end; it != end; ++it) {
    out.emplace_back((*it)[3].str(), (*it)[2].length() > 0);
  }
  return out;
}

// Instruction start lines by a naive scan independent of the parser.
std::set<int> naive_starts(std::string_view src) {
  std::set<int> out;
  const int total = static_cast<int>(std::count(src.begin(), src.end(), '\n')) + 1;
  bool continuing = false;
  bool directives = true;
  std::string text; // the current instruction's lines
  for (int n = 1; n <= total; ++n) {
    auto line = source_line(src, n);
    const auto b = line.find_first_not_of(" \t");
    const bool blank = b == std::string_view::npos;
    const bool comment = !blank && line[b] == '#';
    if (directives && comment && line.find('=') != std::string_view::npos &&
        line.find("syntax") != std::string_view::npos) {
      continue;
    }
    directives = false;
    if (blank || comment) {
      continue;
    }
    if (!continuing) {
      out.insert(n);
      text.clear();
    }
    text += std::string(line) + " ";
    const auto e = line.find_last_not_of(" \t");
    continuing = line[e] == '\\' && (e == 0 || line[e - 1] != '\\');
    if (continuing) {
      continue;
    }
    for (const auto& [name, chomp] : naive_heredocs(text)) {
      while (++n <= total) {
        auto body = source_line(src, n);
        if (chomp) {
          body.remove_prefix(std::min(body.find_first_not_of('\t'), body.size()));
        }
        if (body == name) {
          break;
        }
      }
    }
  }
  return out;
}

class Corpus : public ::testing::TestWithParam<fs::path> {};

TEST_P(Corpus, ParsesWithoutErrors) {
  const auto src = slurp(GetParam());
  const auto r = parse(src, GetParam().filename().string());
  for (const auto& d : r.diagnostics.items()) {
    ADD_FAILURE() << format_diagnostic(d);
  }
  EXPECT_GT(r.dockerfile.instructions.size(), 3u);
}

TEST_P(Corpus, PositionsRoundTrip) {
  const auto src = slurp(GetParam());
  const auto r = parse(src);
  std::set<int> starts;
  for (const auto& inst : r.dockerfile.instructions) {
    starts.insert(inst.pos.line);
    EXPECT_EQ(at(src, inst.pos, inst.keyword_raw.size()), inst.keyword_raw)
        << "keyword at " << inst.pos.line << ":" << inst.pos.column;
    for (const auto& f : inst.flags) {
      EXPECT_EQ(at(src, f.pos, 2 + f.name.size()), "--" + f.name) << "flag on line " << f.pos.line;
    }
    for (const auto& w : inst.args) {
      // A word never spans a continuation in this corpus, so its raw text is on one line.
      EXPECT_EQ(at(src, w.pos, w.raw.size()), w.raw) << "arg on line " << w.pos.line;
    }
    for (const auto& kv : inst.pairs) {
      EXPECT_EQ(at(src, kv.key_pos, 1), std::string_view(kv.key).substr(0, 1) == "\""
                                            ? "\""
                                            : std::string_view(kv.key).substr(0, 1))
          << "key " << kv.key << " on line " << kv.key_pos.line;
    }
    if (!inst.text.empty()) {
      EXPECT_EQ(at(src, inst.text_pos, 1), inst.text.substr(0, 1));
    }
    EXPECT_GE(inst.end_line, inst.pos.line);
  }
  EXPECT_EQ(starts, naive_starts(src));
}

INSTANTIATE_TEST_SUITE_P(Files, Corpus, ::testing::ValuesIn(corpus_files()), [](const auto& info) {
  std::string n = info.param.stem().string();
  std::replace_if(
      n.begin(), n.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return n;
});

} // namespace
} // namespace plinth::dockerfile
