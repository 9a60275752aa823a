// SPDX-License-Identifier: Apache-2.0
#include "dockerfile/instruction_parser.hpp"

#include "dockerfile/heredoc.hpp"
#include "dockerfile/json_form.hpp"
#include "dockerfile/words.hpp"

namespace plinth::dockerfile {
namespace {

struct Cursor {
  const LogicalLine& line;
  char escape;
  const ParseSink& sink;
  std::string_view text() const { return line.text(); }
};

// The word spans of the instruction being parsed: one buffer reused for all instructions.
std::vector<WordSpan>& spans_of(const Cursor& c, std::size_t from) {
  thread_local std::vector<WordSpan> buffer;
  split_word_spans(c.text(), from, c.escape, buffer);
  return buffer;
}

Word make_word(const Cursor& c, WordSpan span) {
  const auto raw = c.text().substr(span.begin, span.end - span.begin);
  return {unquote(raw, c.escape), std::string(raw), c.line.pos_at(span.begin)};
}

std::vector<Word> words_from(const Cursor& c, std::size_t from) {
  std::vector<Word> out;
  const auto& spans = spans_of(c, from);
  out.reserve(spans.size());
  for (const auto& span : spans) {
    out.push_back(make_word(c, span));
  }
  return out;
}

// Leading `--flag[=value]` words; returns the offset after them.
std::size_t parse_flags(const Cursor& c, std::size_t i, Instruction& inst) {
  const auto s = c.text();
  while (true) {
    i = skip_blank(s, i);
    if (s.substr(i, 2) != "--") {
      return i;
    }
    const auto end = word_end(s, i, c.escape);
    const auto word = s.substr(i, end - i);
    if (word == "--") {
      return skip_blank(s, end);
    }
    Flag f;
    f.pos = c.line.pos_at(i);
    const auto eq = word.find('=');
    f.name = std::string(word.substr(2, eq == std::string_view::npos ? word.npos : eq - 2));
    if (eq != std::string_view::npos) {
      f.value = unquote(word.substr(eq + 1), c.escape);
      f.value_pos = c.line.pos_at(i + eq + 1);
    } else {
      f.value_pos = f.pos;
    }
    if (f.name.empty()) {
      c.sink.error(f.pos, "dockerfile-flag", "malformed flag '" + std::string(word) + "'");
    }
    inst.flags.push_back(std::move(f));
    i = end;
  }
}

// JSON array if valid, else shell form words. Returns false on a hard JSON error.
void parse_json_or_shell(const Cursor& c, std::size_t i, Instruction& inst) {
  auto arr = parse_json_array(c.text(), i);
  if (arr.status == JsonStatus::non_string_element) {
    c.sink.error(c.line.pos_at(i), "dockerfile-json", "arrays must be comprised of strings only");
  }
  if (arr.status != JsonStatus::ok) {
    inst.args = words_from(c, i);
    return;
  }
  inst.exec_form = true;
  inst.args.reserve(arr.elements.size());
  for (auto& e : arr.elements) {
    inst.args.push_back({std::move(e.value),
                         std::string(c.text().substr(e.offset, e.end - e.offset)),
                         c.line.pos_at(e.offset)});
  }
}

KeyValue pair_from(const Cursor& c, WordSpan span, std::size_t eq) {
  const auto s = c.text();
  KeyValue kv;
  kv.key_pos = c.line.pos_at(span.begin);
  if (eq == std::string_view::npos) {
    kv.key = unquote(s.substr(span.begin, span.end - span.begin), c.escape);
    kv.value_pos = c.line.pos_at(span.end);
    return kv;
  }
  kv.key = unquote(s.substr(span.begin, eq - span.begin), c.escape);
  kv.raw_value = std::string(s.substr(eq + 1, span.end - eq - 1));
  kv.value = unquote(kv.raw_value, c.escape);
  kv.value_pos = c.line.pos_at(eq + 1);
  return kv;
}

// ENV and LABEL: `k=v k2="v 2"` or the legacy `k value with spaces`.
void parse_name_val(const Cursor& c, std::size_t i, Instruction& inst) {
  const auto s = c.text();
  const auto& spans = spans_of(c, i);
  if (spans.empty()) {
    c.sink.error(inst.pos, "dockerfile-args",
                 std::string(keyword_name(inst.keyword)) + " requires at least one argument");
    return;
  }
  const auto first = s.substr(spans[0].begin, spans[0].end - spans[0].begin);
  if (first.find('=') == std::string_view::npos) {
    if (spans.size() < 2) {
      c.sink.error(inst.pos, "dockerfile-args",
                   std::string(keyword_name(inst.keyword)) + " must have two arguments");
      return;
    }
    KeyValue kv = pair_from(c, spans[0], std::string_view::npos);
    auto end = s.size();
    while (end > spans[1].begin && is_blank(s[end - 1])) {
      --end;
    }
    kv.raw_value = std::string(s.substr(spans[1].begin, end - spans[1].begin));
    kv.value = unquote(kv.raw_value, c.escape);
    kv.value_pos = c.line.pos_at(spans[1].begin);
    kv.legacy = true;
    inst.pairs.push_back(std::move(kv));
    return;
  }
  for (const auto& span : spans) {
    const auto word = s.substr(span.begin, span.end - span.begin);
    const auto eq = word.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      c.sink.error(c.line.pos_at(span.begin), "dockerfile-args",
                   "syntax error - can't find = in \"" + std::string(word) +
                       "\"; must be of the form: name=value");
      continue;
    }
    inst.pairs.push_back(pair_from(c, span, span.begin + eq));
  }
}

void parse_arg(const Cursor& c, std::size_t i, Instruction& inst) {
  const auto s = c.text();
  const auto& spans = spans_of(c, i);
  if (spans.empty()) {
    c.sink.error(inst.pos, "dockerfile-args", "ARG requires at least one argument");
  }
  for (const auto& span : spans) {
    const auto eq = s.substr(span.begin, span.end - span.begin).find('=');
    inst.pairs.push_back(pair_from(c, span, eq == std::string_view::npos ? eq : span.begin + eq));
  }
}

void parse_body(const Cursor& c, std::size_t i, Instruction& inst) {
  switch (inst.keyword) {
  case Keyword::run:
  case Keyword::cmd:
  case Keyword::entrypoint:
  case Keyword::shell:
  case Keyword::add:
  case Keyword::copy:
  case Keyword::volume:
    parse_json_or_shell(c, i, inst);
    if (!inst.exec_form && (inst.keyword == Keyword::run || inst.keyword == Keyword::add ||
                            inst.keyword == Keyword::copy)) {
      detect_heredocs(c.line, i, c.escape, inst);
    }
    break;
  case Keyword::env:
  case Keyword::label: parse_name_val(c, i, inst); break;
  case Keyword::arg: parse_arg(c, i, inst); break;
  case Keyword::healthcheck: {
    inst.args = words_from(c, i);
    if (!inst.args.empty() && keyword_from(inst.args[0].text) == Keyword::cmd) {
      const auto after = word_end(c.text(), skip_blank(c.text(), i), c.escape);
      const auto arr = parse_json_array(c.text(), after);
      if (arr.status == JsonStatus::ok) {
        inst.exec_form = true;
        inst.args.resize(1);
        for (const auto& e : arr.elements) {
          inst.args.push_back({e.value, std::string(c.text().substr(e.offset, e.end - e.offset)),
                               c.line.pos_at(e.offset)});
        }
      }
    }
    break;
  }
  default: inst.args = words_from(c, i); break;
  }
}

} // namespace

Instruction parse_instruction(const LogicalLine& line, std::size_t from, char escape,
                              const ParseSink& sink) {
  const Cursor c{line, escape, sink};
  const auto s = c.text();
  Instruction inst;
  std::size_t i = skip_blank(s, from);
  std::size_t k = i;
  while (k < s.size() && !is_blank(s[k])) {
    ++k;
  }
  inst.keyword_raw = std::string(s.substr(i, k - i));
  inst.keyword = keyword_from(inst.keyword_raw);
  inst.pos = line.pos_at(i);
  if (inst.keyword == Keyword::onbuild) {
    const auto sub = skip_blank(s, k);
    inst.text = std::string(s.substr(sub));
    inst.text_pos = line.pos_at(sub);
    if (line.segments_after(sub) > 0) {
      inst.text_map = line.segments_from(sub);
    }
    if (sub >= s.size()) {
      sink.error(inst.pos, "dockerfile-args", "ONBUILD requires an instruction");
      return inst;
    }
    auto trigger = std::make_unique<Instruction>(parse_instruction(line, sub, escape, sink));
    const auto kw = trigger->keyword;
    if (kw == Keyword::onbuild || kw == Keyword::from || kw == Keyword::maintainer) {
      sink.error(trigger->pos, "dockerfile-onbuild",
                 std::string(keyword_name(kw)) + " isn't allowed as an ONBUILD trigger");
    }
    inst.trigger = std::move(trigger);
    return inst;
  }
  i = parse_flags(c, k, inst);
  auto end = s.size();
  while (end > i && is_blank(s[end - 1])) {
    --end;
  }
  inst.text = std::string(s.substr(i, end - i));
  inst.text_pos = line.pos_at(i);
  if (line.segments_after(i) > 0) { // continuation lines: map the pieces
    inst.text_map = line.segments_from(i);
  }
  parse_body(c, i, inst);
  return inst;
}

} // namespace plinth::dockerfile
