// SPDX-License-Identifier: Apache-2.0
#include "render/dockerfile_writer.hpp"

#include "render/escape.hpp"

namespace plinth::render {
namespace {

constexpr std::string_view k_indent = "    ";

std::string trimmed(std::string_view s) {
  const auto b = s.find_first_not_of(' ');
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(' ') - b + 1));
}

} // namespace

void and_then(std::vector<std::string>& parts, std::string_view step) {
  parts.push_back(parts.empty() ? std::string(step) : "&& " + std::string(step));
}

PlannedInstruction& DockerfileWriter::add(dockerfile::Keyword keyword,
                                          std::vector<std::string> flags) {
  auto& inst = m_plan.instructions.emplace_back();
  inst.keyword = keyword;
  inst.flags = std::move(flags);
  return inst;
}

// "KEYWORD --flag…", no newline.
void DockerfileWriter::head(const PlannedInstruction& inst) {
  m_out += dockerfile::keyword_name(inst.keyword);
  for (const auto& f : inst.flags) {
    m_out += " " + f;
  }
}

void DockerfileWriter::continued(const std::vector<std::string>& parts) {
  for (const auto& p : parts) {
    m_out += " \\\n";
    m_out += k_indent;
    m_out += p;
  }
  m_out += '\n';
}

void DockerfileWriter::blank() {
  if (m_out.size() >= 2 && m_out.substr(m_out.size() - 2) != "\n\n") m_out += '\n';
}

void DockerfileWriter::directive(std::string_view key, std::string_view value) {
  const auto text = std::string(key) + "=" + std::string(value);
  m_out += "# " + comment_text(text) + "\n";
  m_plan.directives.push_back(text);
}

void DockerfileWriter::comment(std::string_view text) {
  const auto escaped = comment_text(text);
  m_out += "# " + escaped + "\n";
  m_plan.comments.push_back(trimmed(escaped));
}

void DockerfileWriter::from(std::string_view ref) {
  auto& inst = add(dockerfile::Keyword::from);
  inst.args = {std::string(ref)};
  head(inst);
  m_out += " " + image_ref(ref) + "\n";
}

void DockerfileWriter::run(const std::vector<std::string>& flags, std::string_view command,
                           const std::vector<std::string>& parts) {
  auto& inst = add(dockerfile::Keyword::run, flags);
  head(inst);
  if (!command.empty()) m_out += " " + std::string(command);
  continued(parts);
  // What the parser sees: each " \" + newline is cut, the indent stays.
  std::string joined(command);
  for (const auto& p : parts) {
    joined += " " + std::string(k_indent) + p;
  }
  inst.command = trimmed(joined);
}

void DockerfileWriter::env(const std::vector<EnvVar>& vars) {
  auto& inst = add(dockerfile::Keyword::env);
  std::vector<std::string> parts;
  for (const auto& v : vars) {
    parts.push_back(env_name(v.name) + "=" + (v.quoted ? quote(v.value) : v.value));
    inst.pairs.emplace_back(v.name, v.value);
  }
  if (parts.empty()) throw Unrenderable("an ENV or LABEL needs at least one pair");
  head(inst);
  m_out += " " + parts.front();
  parts.erase(parts.begin());
  continued(parts);
}

void DockerfileWriter::label(const std::map<std::string, std::string>& labels) {
  auto& inst = add(dockerfile::Keyword::label);
  std::vector<std::string> parts;
  for (const auto& [k, v] : labels) {
    parts.push_back(label_key(k) + "=" + quote(v));
    inst.pairs.emplace_back(k, v);
  }
  if (parts.empty()) throw Unrenderable("an ENV or LABEL needs at least one pair");
  head(inst);
  m_out += " " + parts.front();
  parts.erase(parts.begin());
  continued(parts);
}

void DockerfileWriter::arg(std::string_view name, std::string_view value) {
  auto& inst = add(dockerfile::Keyword::arg);
  inst.pairs.emplace_back(name, value);
  head(inst);
  m_out += " " + env_name(name) + "=" + shell_word(value) + "\n";
}

void DockerfileWriter::exec(dockerfile::Keyword keyword, const std::vector<std::string>& args) {
  auto& inst = add(keyword);
  inst.exec_form = true;
  inst.args = args;
  head(inst);
  m_out += " " + exec_form(args) + "\n";
}

void DockerfileWriter::workdir(std::string_view path) {
  auto& inst = add(dockerfile::Keyword::workdir);
  inst.args = {std::string(path)};
  head(inst);
  m_out += " " + workdir_path(path) + "\n";
}

void DockerfileWriter::copy(const std::vector<std::string>& flags, const std::string& src,
                            const std::string& dest) {
  auto& inst = add(dockerfile::Keyword::copy, flags);
  inst.args = {src, dest};
  const auto paths = copy_paths(inst.args);
  inst.exec_form = paths.front() == '[';
  head(inst);
  m_out += " " + paths + "\n";
}

void DockerfileWriter::expose(const std::vector<int>& ports) {
  auto& inst = add(dockerfile::Keyword::expose);
  head(inst);
  for (const int p : ports) {
    inst.args.push_back(std::to_string(p));
    m_out += " " + inst.args.back();
  }
  m_out += '\n';
}

void DockerfileWriter::user(std::string_view user) {
  auto& inst = add(dockerfile::Keyword::user);
  inst.args = {std::string(user)};
  head(inst);
  m_out += " " + shell_word(user) + "\n";
}

} // namespace plinth::render
