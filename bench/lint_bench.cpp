// SPDX-License-Identifier: Apache-2.0
// Lines per second for parse + all lint rules over tests/corpus, single-threaded, next to two
// baselines measured in the same process: a naive line splitter and parse-only. Prints the
// ratios at the end. Target: >= 1,000,000 lines/s for parse + lint in a Release build.
#include "dockerfile/parser.hpp"
#include "lint/engine.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Corpus {
  std::vector<std::string> files;
  std::size_t lines = 0;
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus out;
    const char* env = std::getenv("PLINTH_BENCH_CORPUS");
    const fs::path dir = env ? fs::path(env) : fs::path(PLINTH_SOURCE_DIR) / "tests/corpus";
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() != ".Dockerfile") {
        continue;
      }
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      out.files.push_back(ss.str());
      out.lines += static_cast<std::size_t>(
          std::count(out.files.back().begin(), out.files.back().end(), '\n'));
    }
    return out;
  }();
  return c;
}

void set_rate(benchmark::State& state) {
  state.counters["lines/s"] = benchmark::Counter(static_cast<double>(corpus().lines),
                                                 benchmark::Counter::kIsIterationInvariantRate);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * [] {
    std::size_t b = 0;
    for (const auto& f : corpus().files) {
      b += f.size();
    }
    return static_cast<std::int64_t>(b);
  }());
}

// Baseline: the cheapest possible pass over the same bytes (split into lines, touch each).
void BM_NaiveLineSplit(benchmark::State& state) {
  for (auto _ : state) {
    std::size_t n = 0;
    for (const auto& f : corpus().files) {
      std::string_view s = f;
      while (!s.empty()) {
        const auto nl = s.find('\n');
        const auto line = s.substr(0, nl);
        n += line.empty() ? 0 : static_cast<unsigned char>(line.front());
        s.remove_prefix(nl == std::string_view::npos ? s.size() : nl + 1);
      }
    }
    benchmark::DoNotOptimize(n);
  }
  set_rate(state);
}

void BM_Parse(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& f : corpus().files) {
      auto r = plinth::dockerfile::parse(f);
      benchmark::DoNotOptimize(r);
    }
  }
  set_rate(state);
}

void BM_ParseAndLint(benchmark::State& state) {
  plinth::lint::Engine engine;
  for (auto _ : state) {
    for (const auto& f : corpus().files) {
      auto findings = engine.lint(f);
      benchmark::DoNotOptimize(findings);
    }
  }
  set_rate(state);
}

BENCHMARK(BM_NaiveLineSplit);
BENCHMARK(BM_Parse);
BENCHMARK(BM_ParseAndLint);

// Remembers lines/s per benchmark so main can print the ratios.
class RateReporter : public benchmark::ConsoleReporter {
public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs) {
      const auto it = r.counters.find("lines/s");
      if (it != r.counters.end()) {
        m_rates[r.benchmark_name()] = it->second.value;
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }
  double rate(const std::string& name) const {
    const auto it = m_rates.find(name);
    return it == m_rates.end() ? 0.0 : it->second;
  }

private:
  std::map<std::string, double> m_rates;
};

} // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  RateReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const double lint = reporter.rate("BM_ParseAndLint");
  const double parse = reporter.rate("BM_Parse");
  const double naive = reporter.rate("BM_NaiveLineSplit");
  std::printf("\ncorpus: %zu files, %zu lines\n", corpus().files.size(), corpus().lines);
  std::printf("parse+lint: %.0f lines/s (target 1000000: %s)\n", lint,
              lint >= 1e6 ? "met" : "NOT met");
  if (parse > 0 && lint > 0) {
    std::printf("parse+lint / parse-only: %.3f  (lint rules cost %.0f%% on top of parsing)\n",
                lint / parse, (parse / lint - 1.0) * 100.0);
  }
  if (naive > 0 && lint > 0) {
    std::printf("parse+lint / naive line split: %.4f\n", lint / naive);
  }
  benchmark::Shutdown();
  return 0;
}
