// SPDX-License-Identifier: Apache-2.0
#include "dockerfile/heredoc.hpp"

#include "dockerfile/words.hpp"

namespace plinth::dockerfile {
namespace {

// The delimiter spelled by `raw`: quotes removed; quoting disables expansion.
bool set_name(Heredoc& h, std::string_view raw, char escape) {
  if (raw.empty() || raw[0] == '<') {
    return false;
  }
  h.expand = raw.find_first_of(std::string{'\'', '"', escape}) == std::string_view::npos;
  h.name = unquote(raw, escape);
  return !h.name.empty();
}

} // namespace

void detect_heredocs(const LogicalLine& line, std::size_t from, char escape, Instruction& inst) {
  const std::string_view s = line.text();
  if (s.find("<<", from) == std::string_view::npos) {
    return;
  }
  const auto spans = split_word_spans(s, from, escape);
  for (std::size_t w = 0; w < spans.size(); ++w) {
    auto word = s.substr(spans[w].begin, spans[w].end - spans[w].begin);
    std::size_t k = 0;
    while (k < word.size() && word[k] >= '0' && word[k] <= '9') {
      ++k;
    }
    if (word.substr(k, 2) != "<<") {
      continue;
    }
    Heredoc h;
    h.pos = line.pos_at(spans[w].begin + k);
    k += 2;
    if (k < word.size() && word[k] == '-') {
      h.chomp = true;
      ++k;
    }
    auto rest = word.substr(k);
    if (rest.empty() && w + 1 < spans.size()) {
      // `<< EOF`: the delimiter is the next word.
      rest = s.substr(spans[w + 1].begin, spans[w + 1].end - spans[w + 1].begin);
      if (rest.find("<<") != std::string_view::npos) {
        continue;
      }
      ++w;
    }
    if (set_name(h, rest, escape)) {
      inst.heredocs.push_back(std::move(h));
    }
  }
}

std::size_t read_heredoc_bodies(const std::vector<PhysicalLine>& lines, std::size_t next,
                                Instruction& inst, const ParseSink& sink) {
  Instruction* target = inst.trigger ? inst.trigger.get() : &inst;
  for (auto& h : target->heredocs) {
    h.body_line = next < lines.size() ? lines[next].number : 0;
    bool done = false;
    while (next < lines.size()) {
      std::string_view l = lines[next].text;
      ++next;
      if (h.chomp) {
        while (!l.empty() && l.front() == '\t') {
          l.remove_prefix(1);
        }
      }
      if (l == h.name) {
        h.end_line = lines[next - 1].number;
        inst.end_line = h.end_line;
        done = true;
        break;
      }
      h.body.append(l);
      h.body += '\n';
    }
    if (!done) {
      sink.error(h.pos, "dockerfile-heredoc", "unterminated heredoc '" + h.name + "'");
      h.end_line = lines.empty() ? 0 : lines.back().number;
      inst.end_line = h.end_line;
    }
  }
  return next;
}

} // namespace plinth::dockerfile
