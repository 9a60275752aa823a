// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the Dockerfile parser plus every lint rule and output format must accept
// any byte string without crashing, hanging or tripping ASan/UBSan.
#include "dockerfile/parser.hpp"
#include "lint/engine.hpp"
#include "lint/report.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto parsed = plinth::dockerfile::parse(input, "fuzz");
  static plinth::lint::Engine engine; // rules reset their state per file
  auto findings = engine.lint(parsed);
  std::vector<plinth::lint::FileReport> reports{{"fuzz", std::string(input), std::move(findings)}};
  // Renderers index into the source by line/column: exercise them too.
  (void)plinth::lint::format_text(reports);
  (void)plinth::lint::format_json(reports);
  (void)plinth::lint::format_checkstyle(reports);
  if (size % 8 == 0) { // SARIF carries every rule's metadata: costly, so sample it
    (void)plinth::lint::format_sarif(reports);
  }
  return 0;
}
