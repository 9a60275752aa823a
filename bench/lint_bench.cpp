// SPDX-License-Identifier: Apache-2.0
// Lint throughput and heap peaks, single-threaded, each next to a baseline measured in the
// same process so the printed ratios hold across machines:
//  - tests/corpus and a large generated clean Dockerfile: naive line split, parse only,
//    parse + all rules (target: >= 1,000,000 lines/s for parse + lint, Release build);
//  - worst-case ${v//p/r}-style substitutions: parse + lint against parse only;
//  - a SARIF report of many findings: peak heap against the input size.
// Never asserts times: it prints, and bench/lint.md records what was measured.
#include "alloc_counter.hpp"
#include "dockerfile/parser.hpp"
#include "generated_dockerfiles.hpp"
#include "lint/engine.hpp"
#include "lint/report.hpp"

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using plinth::bench::measure_peak;

struct Corpus {
  std::vector<std::string> files;
  std::size_t lines = 0;
  std::size_t bytes = 0;
  void add(std::string f) {
    lines += static_cast<std::size_t>(std::count(f.begin(), f.end(), '\n'));
    bytes += f.size();
    files.push_back(std::move(f));
  }
};

std::size_t env_size(const char* name, std::size_t fallback) {
  const char* v = std::getenv(name);
  return v ? static_cast<std::size_t>(std::strtoull(v, nullptr, 10)) : fallback;
}

const Corpus& real_corpus() {
  static const Corpus c = [] {
    Corpus out;
    const char* env = std::getenv("PLINTH_BENCH_CORPUS");
    const fs::path dir = env ? fs::path(env) : fs::path(PLINTH_SOURCE_DIR) / "tests/corpus";
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() == ".Dockerfile") {
        std::ifstream in(e.path(), std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        out.add(ss.str());
      }
    }
    return out;
  }();
  return c;
}

const Corpus& large_clean() {
  static const Corpus c = [] {
    Corpus out;
    out.add(plinth::bench::large_clean_dockerfile(env_size("PLINTH_BENCH_LINES", 192600)));
    return out;
  }();
  return c;
}

const Corpus& substitution() {
  static const Corpus c = [] {
    Corpus out;
    out.add(plinth::bench::substitution_dockerfile(env_size("PLINTH_BENCH_SUBST_BYTES", 60000)));
    return out;
  }();
  return c;
}

// Lines/s and bytes/s for one pass over `c`, plus the heap peak of one more (untimed) pass.
void set_counters(benchmark::State& state, const Corpus& c, const std::function<void()>& pass) {
  state.counters["lines/s"] = benchmark::Counter(static_cast<double>(c.lines),
                                                 benchmark::Counter::kIsIterationInvariantRate);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * c.bytes));
  state.counters["peak_heap/input"] =
      static_cast<double>(measure_peak(pass)) / static_cast<double>(c.bytes);
}

// Baseline: the cheapest possible pass over the same bytes (split into lines, touch each).
void naive_line_split(benchmark::State& state, const Corpus& c) {
  const auto pass = [&] {
    std::size_t n = 0;
    for (const auto& f : c.files) {
      std::string_view s = f;
      while (!s.empty()) {
        const auto nl = s.find('\n');
        const auto line = s.substr(0, nl);
        n += line.empty() ? 0 : static_cast<unsigned char>(line.front());
        s.remove_prefix(nl == std::string_view::npos ? s.size() : nl + 1);
      }
    }
    benchmark::DoNotOptimize(n);
  };
  for (auto _ : state) {
    pass();
  }
  set_counters(state, c, pass);
}

void parse(benchmark::State& state, const Corpus& c) {
  const auto pass = [&] {
    for (const auto& f : c.files) {
      auto r = plinth::dockerfile::parse(f);
      benchmark::DoNotOptimize(r);
    }
  };
  for (auto _ : state) {
    pass();
  }
  set_counters(state, c, pass);
}

void parse_and_lint(benchmark::State& state, const Corpus& c) {
  plinth::lint::Engine engine;
  const auto pass = [&] {
    for (const auto& f : c.files) {
      auto findings = engine.lint(f);
      benchmark::DoNotOptimize(findings);
    }
  };
  for (auto _ : state) {
    pass();
  }
  set_counters(state, c, pass);
}

// Discards output but counts it, so the report is really produced.
class NullBuf : public std::streambuf {
public:
  std::size_t size = 0;

protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    size += static_cast<std::size_t>(n);
    return n;
  }
  int overflow(int c) override {
    ++size;
    return c;
  }
};

// A file with findings on nearly every line: unpinned installs and mutable tags.
void sarif_many_findings(benchmark::State& state) {
  std::string src = "FROM debian\n";
  for (std::size_t i = 0, n = env_size("PLINTH_BENCH_FINDING_LINES", 50000); i < n; ++i) {
    src += "RUN apt-get install curl" + std::to_string(i) + "\n";
  }
  std::vector<plinth::lint::FileReport> reports{{"Dockerfile", src, {}}};
  reports[0].findings = plinth::lint::Engine().lint(src);
  std::size_t out_bytes = 0;
  const auto pass = [&] {
    NullBuf buf;
    std::ostream out(&buf);
    plinth::lint::write_sarif(out, reports);
    out_bytes = buf.size;
  };
  for (auto _ : state) {
    pass();
  }
  state.counters["findings"] = static_cast<double>(reports[0].findings.size());
  state.counters["output/input"] = static_cast<double>(out_bytes) / static_cast<double>(src.size());
  state.counters["peak_heap/input"] =
      static_cast<double>(measure_peak(pass)) / static_cast<double>(src.size());
}

BENCHMARK_CAPTURE(naive_line_split, corpus, real_corpus());
BENCHMARK_CAPTURE(parse, corpus, real_corpus());
BENCHMARK_CAPTURE(parse_and_lint, corpus, real_corpus());
BENCHMARK_CAPTURE(naive_line_split, large_clean, large_clean())->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parse, large_clean, large_clean())->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parse_and_lint, large_clean, large_clean())->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parse, substitution, substitution())->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(parse_and_lint, substitution, substitution())->Unit(benchmark::kMillisecond);
BENCHMARK(sarif_many_findings)->Unit(benchmark::kMillisecond);

// Remembers every counter per benchmark so main can print the ratios.
class RatioReporter : public benchmark::ConsoleReporter {
public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs) {
      m_time[r.benchmark_name()] = r.GetAdjustedRealTime();
      for (const auto& [k, v] : r.counters) {
        m_counters[r.benchmark_name()][k] = v.value;
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }
  double counter(const std::string& bench, const std::string& name) const {
    const auto it = m_counters.find(bench);
    if (it == m_counters.end()) {
      return 0.0;
    }
    const auto c = it->second.find(name);
    return c == it->second.end() ? 0.0 : c->second;
  }
  double time(const std::string& bench) const {
    const auto it = m_time.find(bench);
    return it == m_time.end() ? 0.0 : it->second;
  }

private:
  std::map<std::string, std::map<std::string, double>> m_counters;
  std::map<std::string, double> m_time;
};

void print_throughput(const RatioReporter& r, const std::string& set, const Corpus& c) {
  const double lint = r.counter("parse_and_lint/" + set, "lines/s");
  const double parse = r.counter("parse/" + set, "lines/s");
  const double naive = r.counter("naive_line_split/" + set, "lines/s");
  if (lint <= 0) {
    return;
  }
  std::map<std::string, int> by_rule;
  plinth::lint::Engine engine;
  for (const auto& f : c.files) {
    for (const auto& finding : engine.lint(f)) {
      ++by_rule[finding.rule];
    }
  }
  std::string rules;
  for (const auto& [rule, n] : by_rule) {
    rules += " " + rule + "x" + std::to_string(n);
  }
  std::printf("\n%s: %zu files, %zu lines, %zu bytes; findings:%s\n", set.c_str(), c.files.size(),
              c.lines, c.bytes, rules.empty() ? " none" : rules.c_str());
  std::printf("  parse+lint: %.0f lines/s (target 1000000: %s), peak heap %.2f x input\n", lint,
              lint >= 1e6 ? "met" : "NOT met",
              r.counter("parse_and_lint/" + set, "peak_heap/input"));
  if (parse > 0) {
    std::printf("  parse+lint / parse-only: %.3f  (rules cost %.0f%% on top of parsing)\n",
                lint / parse, (parse / lint - 1.0) * 100.0);
  }
  if (naive > 0) {
    std::printf("  parse+lint / naive line split: %.4f\n", lint / naive);
  }
}

} // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  print_throughput(reporter, "corpus", real_corpus());
  print_throughput(reporter, "large_clean", large_clean());
  if (const double parse = reporter.time("parse/substitution"); parse > 0) {
    std::printf(
        "\nsubstitution worst case (%zu-byte Dockerfile): parse+lint %.2f ms = %.1f x parse-only,"
        " peak heap %.2f x input\n",
        substitution().bytes, reporter.time("parse_and_lint/substitution"),
        reporter.time("parse_and_lint/substitution") / parse,
        reporter.counter("parse_and_lint/substitution", "peak_heap/input"));
  }
  if (const double f = reporter.counter("sarif_many_findings", "findings"); f > 0) {
    std::printf("\nSARIF of %.0f findings: output %.1f x input, peak heap %.3f x input\n", f,
                reporter.counter("sarif_many_findings", "output/input"),
                reporter.counter("sarif_many_findings", "peak_heap/input"));
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("\nprocess peak RSS (ru_maxrss, all benchmarks): %ld KiB\n", ru.ru_maxrss);
  benchmark::Shutdown();
  return 0;
}
