// SPDX-License-Identifier: Apache-2.0
// The classic builder over the Engine API: upload a minimal deterministic context, follow
// "Step N/M" lines for progress, keep the current step's last lines for the error.
#include "builder/builder.hpp"

#include "engine/build_context.hpp"

#include <cctype>
#include <deque>
#include <regex>

namespace plinth::builder {
namespace {

constexpr std::size_t k_tail = 25;

class ClassicBuilder final : public Builder {
public:
  explicit ClassicBuilder(engine::Images& engine) : m_engine(engine) {}
  std::string_view name() const override { return "classic"; }
  render::Flavour flavour() const override { return render::Flavour::classic; }
  Result<std::string> build(const BuildJob& job, BuildProgress& events) override;

private:
  engine::Images& m_engine;
};

// Build output may carry terminal colour codes (pip's errors do): drop ESC [ ... letter.
std::string strip_ansi(const std::string& in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '\x1b' && i + 1 < in.size() && in[i + 1] == '[') {
      i += 2;
      while (i < in.size() && !std::isalpha(static_cast<unsigned char>(in[i]))) {
        ++i;
      }
      continue;
    }
    out += in[i];
  }
  return out;
}

struct StepTracker {
  std::string image;
  BuildProgress& events;
  std::string step_text;
  std::deque<std::string> tail;
  std::string partial;

  void line(const std::string& raw) {
    const auto l = strip_ansi(raw);
    static const std::regex k_step(R"(^Step (\d+)/(\d+) : (.*)$)");
    std::smatch m;
    if (std::regex_match(l, m, k_step)) {
      step_text = l;
      tail.clear();
      events.image_step(image, std::stoi(m[1]), std::stoi(m[2]), m[3].str());
      return;
    }
    events.image_log(image, l);
    tail.push_back(l);
    if (tail.size() > k_tail) {
      tail.pop_front();
    }
  }
  void text(const std::string& chunk) {
    partial += chunk;
    for (auto nl = partial.find('\n'); nl != std::string::npos; nl = partial.find('\n')) {
      line(partial.substr(0, nl));
      partial.erase(0, nl + 1);
    }
  }
  std::string describe() const {
    std::string out = step_text.empty() ? std::string("(before the first step)") : step_text;
    out += "\n--- last output ---\n";
    for (const auto& l : tail) {
      out += "  " + l + "\n";
    }
    return out;
  }
};

Result<std::string> ClassicBuilder::build(const BuildJob& job, BuildProgress& events) {
  auto context =
      engine::make_build_context(job.context_dir, job.dockerfile, job.dockerignore, job.extras);
  if (!context) {
    return fail(std::move(
        context.error().with_context("preparing the build context of '" + job.image + "'")));
  }
  engine::BuildRequest req;
  req.context_tar = std::move(*context);
  req.labels = job.labels;
  req.network_mode = job.network_mode;
  req.no_cache = job.no_cache;
  StepTracker tracker{job.image, events, {}, {}, {}};
  engine::StreamSink sink = [&](const engine::StreamMessage& m) {
    if (!m.stream.empty()) {
      tracker.text(m.stream);
    } else if (!m.status.empty()) {
      tracker.line(m.status + (m.id.empty() ? "" : " " + m.id));
    }
  };
  auto r = m_engine.build(req, sink);
  if (!r) {
    if (!tracker.partial.empty()) {
      tracker.line(tracker.partial);
    }
    auto e = r.error();
    if (e.code != Errc::unavailable && e.code != Errc::cancelled) {
      e.message += "\nfailing step: " + tracker.describe();
    }
    return fail(std::move(e.with_context("building '" + job.image + "'")));
  }
  return r->image_id;
}

} // namespace

std::unique_ptr<Builder> make_classic_builder(engine::Images& engine) {
  return std::make_unique<ClassicBuilder>(engine);
}

} // namespace plinth::builder
