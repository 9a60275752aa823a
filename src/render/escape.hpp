// SPDX-License-Identifier: Apache-2.0
// The one way each kind of value is spelled in a Dockerfile (and the other files render
// writes). Values come from the stack file, a trust boundary: validation should keep them
// tame, but the renderer does not rely on it. A value with no safe spelling in its context
// (a newline in a path, a quote in a label key) throws Unrenderable; render_stack turns that
// into an internal error instead of writing a Dockerfile.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::render {

// --- Interface ---

// An exception rather than a Result so that the many small string builders stay readable;
// it never leaves render_stack.
struct Unrenderable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Exec form (ENTRYPOINT, SHELL, and COPY when needed): `["a", "b"]`, JSON string escapes.
std::string exec_form(const std::vector<std::string>& args);
// A word for a shell command line (RUN): left bare when safe, single-quoted otherwise.
// Control characters are refused: a newline would end the instruction.
std::string shell_word(std::string_view value);
// A LABEL or ENV value: double-quoted with `"`, `\` and `$` escaped; control characters refused.
std::string quote(std::string_view value);
// COPY sources and destination: `src dest` when every path is plain, else the exec form
// (spaces, non-ASCII, a leading `-` or `[`). Paths with control characters, `$`, `\` or
// quotes are refused (BuildKit expands them even in exec form).
std::string copy_paths(const std::vector<std::string>& paths);
// WORKDIR's path (no exec form exists): bare when plain, else double-quoted. Refuses what
// copy_paths refuses.
std::string workdir_path(std::string_view path);
// A LABEL key (`com.example.key-1`) or ENV name (`MY_VAR`): written bare, so only
// [A-Za-z0-9._/-] is accepted.
std::string label_key(std::string_view key);
std::string env_name(std::string_view name);
// An image reference for FROM (`registry/repo:tag@sha256:…`).
std::string image_ref(std::string_view ref);
// Comment text: control characters are shown as `\n`, `\r`, `\xNN`, so a comment stays on
// one line.
std::string comment_text(std::string_view text);
// A value for a line-oriented file (.dockerignore, plinth-init.conf): refused when it holds
// a control character. `what` names the value in the error.
const std::string& single_line(const std::string& value, std::string_view what);

} // namespace plinth::render
