// SPDX-License-Identifier: Apache-2.0
// The Dockerfile of one image, in cache order: OS packages, Python dependencies, tools,
// configuration, project files last; labels at the very end.
#include "render/render_image.hpp"

#include "render/build_cache.hpp"
#include "render/code_server_install.hpp"
#include "render/dockerfile_writer.hpp"
#include "render/escape.hpp"
#include "render/init_config.hpp"

#include <algorithm>
#include <set>

namespace plinth::render {
namespace {

bool buildkit(Flavour f) {
  return f == Flavour::buildkit;
}

std::string user_spec(const model::User& u) {
  return std::to_string(u.uid) + ":" + std::to_string(u.gid);
}

void os_packages(DockerfileWriter& w, const model::ResolvedImage& img, Flavour f) {
  std::vector<std::string> pkgs;
  std::set<std::string> names;
  for (const auto& a : img.spec->apt) {
    pkgs.push_back(a.version.empty() ? a.name : a.name + "=" + a.version);
    names.insert(a.name);
  }
  if (img.spec->tier == model::Tier::base && !img.python.empty()) {
    for (const auto& p : {"python" + img.python, "python" + img.python + "-venv"}) {
      if (!names.count(p)) pkgs.push_back(p);
    }
  }
  if (pkgs.empty()) return;
  w.blank();
  w.comment("1. OS packages");
  // Unpinned packages are the stack's policy decision (policy.pins.apt: any); say so to
  // the linter here rather than silencing the rule everywhere.
  const bool unpinned = std::any_of(pkgs.begin(), pkgs.end(), [](const std::string& p) {
    return p.find('=') == std::string::npos;
  });
  if (unpinned) w.comment("plinth-lint ignore=PL2003");
  auto parts = apt_keep_downloads(f);
  and_then(parts, "apt-get update");
  parts.push_back("&& apt-get install -y --no-install-recommends");
  for (const auto& p : pkgs)
    parts.push_back("   " + shell_word(p));
  if (!buildkit(f)) parts.push_back("&& apt-get clean");
  parts.push_back("&& rm -rf /var/lib/apt/lists/*");
  w.run(cache_mounts(f, {k_apt_cache_mount}), "", parts);
}

void pip_requirements(DockerfileWriter& w, Flavour f, const std::vector<std::string>& reqs) {
  if (reqs.empty()) return;
  std::vector<std::string> parts;
  for (const auto& r : reqs)
    parts.push_back(shell_word(r));
  w.run(cache_mounts(f, {k_pip_cache_mount}), pip_install(f), parts);
}

void python_packages(DockerfileWriter& w, const model::ResolvedImage& img, Flavour f) {
  const auto& spec = *img.spec;
  const bool base_with_python = spec.tier == model::Tier::base && !img.python.empty();
  std::vector<std::string> reqs;
  if (spec.tier == model::Tier::base && !img.tensorflow.empty()) {
    // CPU images take the CPU-only wheel (a fraction of the size); GPU images from TF 2.14
    // on take CUDA and cuDNN as NVIDIA wheels through the [and-cuda] extra.
    if (img.variant == "cpu") {
      reqs.push_back("tensorflow-cpu==" + img.tensorflow);
    } else {
      reqs.push_back(std::string("tensorflow") + (img.and_cuda_extra ? "[and-cuda]" : "") +
                     "==" + img.tensorflow);
    }
  }
  for (const auto& p : spec.pip)
    reqs.push_back(p.text);
  if (!base_with_python && reqs.empty() && !spec.requirements) return;
  w.blank();
  w.comment("2. Python environment and dependencies");
  if (base_with_python) {
    w.env({{"VIRTUAL_ENV", "/opt/venv", false},
           {"PATH", "/opt/venv/bin:$PATH", false},
           {"PIP_DISABLE_PIP_VERSION_CHECK", "1", false},
           {"PYTHONDONTWRITEBYTECODE", "1", false},
           {"PYTHONUNBUFFERED", "1", false}});
    w.run({}, shell_word("python" + img.python) + " -m venv /opt/venv");
  }
  pip_requirements(w, f, reqs);
  if (spec.requirements) {
    const auto dest = "/tmp/plinth/" + spec.name + "/requirements.txt";
    w.copy({}, spec.requirements->value, dest);
    w.run(cache_mounts(f, {k_pip_cache_mount}), pip_install(f) + " -r " + shell_word(dest));
  }
}

// TensorBoard has no authentication of its own: `plinth up` reaches it through Jupyter's
// token-protected proxy, so the first image that has both tools gets the proxy extension.
inline constexpr const char* k_jupyter_server_proxy = "jupyter-server-proxy==4.4.0";

bool has_tool(const std::vector<const model::ImageSpec*>& chain, std::size_t count,
              std::string_view name) {
  for (std::size_t i = 0; i < count && i < chain.size(); ++i) {
    for (const auto& t : chain[i]->tools) {
      if (t.name == name) return true;
    }
  }
  return false;
}

bool needs_server_proxy(const model::ResolvedImage& img) {
  const auto n = img.chain.size();
  const bool here = has_tool(img.chain, n, "jupyter") && has_tool(img.chain, n, "tensorboard");
  const bool above =
      has_tool(img.chain, n - 1, "jupyter") && has_tool(img.chain, n - 1, "tensorboard");
  return here && !above;
}

const model::Tool* own_code_server(const model::ImageSpec& spec) {
  for (const auto& t : spec.tools) {
    if (t.name == "code-server") return &t;
  }
  return nullptr;
}

void tools(DockerfileWriter& w, const model::ResolvedImage& img, Flavour f) {
  const auto& spec = *img.spec;
  std::vector<std::string> pip;
  std::vector<std::string> npm;
  for (const auto& t : spec.tools) {
    if (t.name == "jupyter") pip.push_back("jupyterlab==" + t.version);
    if (t.name == "tensorboard") pip.push_back("tensorboard==" + t.version);
  }
  if (needs_server_proxy(img)) pip.push_back(k_jupyter_server_proxy);
  for (const auto& n : spec.npm)
    npm.push_back(n.version.empty() ? n.name : n.name + "@" + n.version);
  const auto* code_server = own_code_server(spec);
  if (pip.empty() && npm.empty() && !code_server) return;
  w.blank();
  w.comment("3. Tools");
  pip_requirements(w, f, pip);
  if (code_server) code_server_install(w, code_server->version, f);
  if (!npm.empty()) {
    std::vector<std::string> parts;
    for (const auto& n : npm)
      parts.push_back(shell_word(n));
    if (!buildkit(f)) parts.push_back("&& npm cache clean --force");
    w.run(cache_mounts(f, {k_npm_cache_mount}), "npm_config_yes=true npm install -g --unsafe-perm",
          parts);
  }
}

void configuration(DockerfileWriter& w, const model::ResolvedImage& img) {
  const auto& spec = *img.spec;
  w.blank();
  w.comment("4. Configuration");
  if (spec.user) {
    const auto& u = *spec.user;
    w.run({}, "groupadd --gid " + std::to_string(u.gid) + " " + shell_word(u.name),
          {"&& useradd --uid " + std::to_string(u.uid) + " --gid " + std::to_string(u.gid) +
           " --create-home --shell /bin/bash " + shell_word(u.name)});
  }
  if (spec.user || spec.workdir) {
    const auto owner =
        "-o " + std::to_string(img.user->uid) + " -g " + std::to_string(img.user->gid);
    w.run({}, "install -d " + owner + " " + shell_word(img.workdir) + " && install -d -m 0700 " +
                  owner + " " + init_contract::k_socket_dir);
  }
  std::vector<EnvVar> env;
  if (spec.tier == model::Tier::base) {
    env.push_back(
        {init_contract::k_socket_env, init_contract::k_socket, false}); // for `plinth-init status`
  }
  if (spec.tier == model::Tier::base && img.variant == "gpu") {
    env.push_back({"NVIDIA_VISIBLE_DEVICES", "all", false});
    env.push_back({"NVIDIA_DRIVER_CAPABILITIES", "compute,utility", false});
    // The driver floor for minor-version compatibility of this CUDA major; `plinth doctor`
    // explains what that mode cannot do.
    env.push_back(
        {"NVIDIA_REQUIRE_CUDA", "cuda>=" + img.cuda.substr(0, img.cuda.find('.')) + ".0"});
  }
  for (const auto& [key, value] : spec.env)
    env.push_back({key, value.value});
  if (!env.empty()) w.env(env);
  w.workdir(img.workdir);
  std::vector<int> ports;
  for (const auto& t : spec.tools) {
    if (t.port > 0) ports.push_back(t.port);
  }
  if (!ports.empty()) w.expose(ports);
}

void project_files(DockerfileWriter& w, const model::ResolvedImage& img, Flavour f) {
  if (img.spec->copy.empty()) return;
  w.blank();
  w.comment("5. Project files");
  std::vector<std::string> flags;
  if (buildkit(f)) flags.emplace_back("--link");
  flags.push_back("--chown=" + user_spec(*img.user));
  for (const auto& c : img.spec->copy) {
    w.copy(flags, c.src, c.dest);
  }
}

// The supervisor and its service list come last: they change with Plinth's version and the
// tool list, and must not invalidate the heavy layers above.
void supervisor(DockerfileWriter& w, const model::ResolvedImage& img, bool with_config) {
  const bool binary = img.spec->tier == model::Tier::base;
  if (!binary && !with_config) return;
  w.blank();
  w.comment("6. Supervisor (plinth-init, PID 1)");
  if (binary) w.copy({}, k_init_binary, init_contract::k_binary);
  if (with_config) {
    w.copy({}, k_init_config, init_contract::k_config);
    w.exec(dockerfile::Keyword::entrypoint, {init_contract::k_binary});
  }
}

} // namespace

DockerfileWriter render_body(const model::ResolvedImage& img, Flavour f,
                             const std::string& from_ref, const std::string& stack_file,
                             bool with_init_config) {
  DockerfileWriter w;
  if (buildkit(f)) w.directive("syntax", "docker/dockerfile:1");
  w.comment("Generated by plinth from " + stack_file + ": image '" + img.name() + "' (" +
            std::string(model::tier_name(img.spec->tier)) + " tier, v" + img.spec->version.value +
            ", " + std::string(flavour_name(f)) + " flavour).");
  w.comment("Do not edit: change the stack file and run `plinth render`.");
  w.from(from_ref);
  w.blank();
  w.exec(dockerfile::Keyword::shell, {"/bin/bash", "-o", "pipefail", "-c"});
  w.arg("DEBIAN_FRONTEND", "noninteractive");
  if (img.parent != nullptr) w.user("root");
  os_packages(w, img, f);
  python_packages(w, img, f);
  tools(w, img, f);
  configuration(w, img);
  project_files(w, img, f);
  supervisor(w, img, with_init_config);
  return w;
}

} // namespace plinth::render
