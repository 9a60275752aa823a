// SPDX-License-Identifier: Apache-2.0
// Semantic validation of a parsed stack and resolution of what each image inherits:
// parents and cycles, tier order, base-only fields, pins and re-pins, digest-pinned bases,
// mutable tags, users, tools, and TF <-> Python <-> CUDA <-> cuDNN through the compat DB.
#pragma once

#include "compat/db.hpp"
#include "model/resolved.hpp"
#include "model/stack.hpp"
#include "util/diagnostic.hpp"

#include <optional>

namespace plinth::spec {

struct AnalysisResult {
  std::optional<model::ResolvedStack> resolved; // set when there are no errors
  Diagnostics diags;
};

// `stack` must outlive the result (resolved images point into it).
AnalysisResult analyze(const model::Stack& stack, const compat::Db& db);

// Individual passes (exposed for tests); each appends to `diags`.
// Orders images parents-first; images on a cycle or under a missing parent are left out.
std::vector<const model::ImageSpec*> check_graph(const model::Stack& stack, Diagnostics& diags);
void check_image_fields(const model::Stack& stack, const model::ImageSpec& image,
                        Diagnostics& diags);
void check_packages(const model::Stack& stack, const std::vector<const model::ImageSpec*>& chain,
                    Diagnostics& diags);
void resolve_framework(const compat::Db& db, model::ResolvedImage& image, Diagnostics& diags);

} // namespace plinth::spec
