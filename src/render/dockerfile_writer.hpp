// SPDX-License-Identifier: Apache-2.0
// Writes Dockerfile text with consistent layout (comments, instructions, multi-line RUN
// commands joined with " \" continuations) and records the plan of what it wrote. Every
// value goes through its context's escaping function (escape.hpp); callers pass values, not
// Dockerfile syntax, except RUN, whose command is shell code built with shell_word().
#pragma once

#include "render/plan.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::render {

// One ENV variable. `quoted` false writes the value as is: only for Plinth's own constants
// that rely on expansion, such as PATH=/opt/venv/bin:$PATH.
struct EnvVar {
  std::string name;
  std::string value;
  bool quoted = true;
};

class DockerfileWriter {
public:
  void blank();
  void directive(std::string_view key, std::string_view value);
  void comment(std::string_view text);
  void from(std::string_view ref);
  // RUN [flags] head, then each of `parts` on its own indented continuation line.
  void run(const std::vector<std::string>& flags, std::string_view head,
           const std::vector<std::string>& parts = {});
  // ENV/LABEL: the first pair on the instruction's line, each other on its own.
  void env(const std::vector<EnvVar>& vars);
  void label(const std::map<std::string, std::string>& labels);
  void arg(std::string_view name, std::string_view value);
  // SHELL or ENTRYPOINT in exec form.
  void exec(dockerfile::Keyword keyword, const std::vector<std::string>& args);
  void workdir(std::string_view path);
  void copy(const std::vector<std::string>& flags, const std::string& src, const std::string& dest);
  void expose(const std::vector<int>& ports);
  void user(std::string_view user);

  const std::string& text() const { return m_out; }
  const Plan& plan() const { return m_plan; }

private:
  PlannedInstruction& add(dockerfile::Keyword keyword, std::vector<std::string> flags = {});
  void head(const PlannedInstruction& inst);
  void continued(const std::vector<std::string>& parts);

  std::string m_out;
  Plan m_plan;
};

// Appends a step to a RUN's continuation parts: "&& step", or just "step" when it is first.
void and_then(std::vector<std::string>& parts, std::string_view step);

} // namespace plinth::render
