// SPDX-License-Identifier: Apache-2.0
// Synthetic Dockerfiles for lint_bench: a large clean one (ordinary multi-stage RUN/COPY/ENV
// lines that trigger no rule) and worst cases for ${v/p/r}-style substitution.
#pragma once

#include <string>

namespace plinth::bench {

// About `lines` lines: stages of 26 lines each, every one clean under the default rules.
inline std::string large_clean_dockerfile(std::size_t lines) {
  const std::string digest(64, 'a');
  std::string out = "# syntax=docker/dockerfile:1\n";
  for (std::size_t n = 0; 26 * n < lines; ++n) {
    const auto i = std::to_string(n);
    out += "FROM debian:12.5@sha256:" + digest + " AS stage" + i + "\n";
    out += "LABEL org.opencontainers.image.title=\"stage " + i + "\"\n";
    out += "ARG VERSION_" + i + "=1.2." + i + "\n";
    out += "ENV APP_HOME=/opt/app" + i + " APP_VERSION=${VERSION_" + i + "}\n";
    out += "ENV PATH=/opt/app" + i + "/bin:$PATH\n";
    out += "WORKDIR /opt/app" + i + "\n";
    out += "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n";
    out += "RUN apt-get update \\\n"
           "    && apt-get install -y --no-install-recommends curl=7.88.1-10 "
           "ca-certificates=20230311 \\\n"
           "    && rm -rf /var/lib/apt/lists/*\n";
    out += "COPY --chown=1000:1000 src/" + i + "/ /opt/app" + i + "/src/\n";
    out += "COPY requirements.txt /opt/app" + i + "/requirements.txt\n";
    out += "RUN set -eux; \\\n"
           "    mkdir -p \"$APP_HOME/data\" \"$APP_HOME/bin\"; \\\n"
           "    echo \"$APP_VERSION\" > \"$APP_HOME/VERSION\"; \\\n"
           "    chmod 0755 \"$APP_HOME/bin\"\n";
    out += "# build the application\n";
    out += "RUN make -C /opt/app" + i + "/src install PREFIX=/opt/app" + i + "\n";
    out += "ENV LANG=C.UTF-8 LC_ALL=C.UTF-8\n";
    out += "EXPOSE 80" + std::to_string(n % 10) + "\n";
    out += "HEALTHCHECK CMD [\"/opt/app" + i + "/bin/health\"]\n";
    out += "USER 1000:1000\n";
    out += "VOLUME [\"/opt/app" + i + "/data\"]\n";
    out += "STOPSIGNAL SIGTERM\n";
    out += "CMD [\"/opt/app" + i + "/bin/serve\", \"--port\", \"8080\"]\n";
    out += "\n";
  }
  return out;
}

// One ARG of `n` bytes (under the 64 KiB line limit, or the parser drops it) that never match, then
// every pattern modifier over it: the shapes that made the old substring search take cubic time.
inline std::string substitution_dockerfile(std::size_t n) {
  return "FROM debian:12\nARG X=" + std::string(n, 'a') +
         "\nENV Y=${X//*b*/c} Z=${X/a*a*b/c}\n"
         "ENV P=${X##*b*} S=${X%%*b*} T=${X#a*a*b} U=${X%a*a*b}\n"
         "RUN echo \"$Y $Z $P $S $T $U\"\n";
}

} // namespace plinth::bench
