// SPDX-License-Identifier: Apache-2.0
#include "app/images.hpp"

#include "app/build.hpp"
#include "model/labels.hpp"
#include "render/render.hpp"

#include <algorithm>

namespace plinth::app {
namespace {

const engine::ImageSummary* find_by_tag(const std::vector<engine::ImageSummary>& list,
                                        const std::string& ref) {
  for (const auto& s : list) {
    if (std::find(s.repo_tags.begin(), s.repo_tags.end(), ref) != s.repo_tags.end()) {
      return &s;
    }
  }
  return nullptr;
}

std::string label(const engine::ImageSummary& s, std::string_view key) {
  const auto it = s.labels.find(std::string(key));
  return it == s.labels.end() ? std::string() : it->second;
}

} // namespace

std::string_view image_status_name(ImageStatus s) {
  switch (s) {
  case ImageStatus::up_to_date: return "up to date";
  case ImageStatus::outdated: return "outdated";
  case ImageStatus::missing: return "not built";
  }
  return "?";
}

Result<std::vector<ImageRow>> list_stack_images(const LoadedStack& stack, engine::Images& engine) {
  if (!stack.ok()) {
    return fail(Errc::invalid_input, "the stack file has errors (run `plinth check`)");
  }
  engine::ImageFilter filter;
  filter.labels = {std::string(model::labels::stack) + "=" + stack.stack->name.value};
  PLINTH_TRY_ASSIGN(auto list, engine.list_images(filter));
  render::RenderInputs inputs;
  inputs.file_digests = stack.file_digests;
  PLINTH_TRY_ASSIGN(auto classic,
                    render::render_stack(*stack.resolved, render::Flavour::classic, inputs));
  PLINTH_TRY_ASSIGN(auto buildkit,
                    render::render_stack(*stack.resolved, render::Flavour::buildkit, inputs));
  std::vector<ImageRow> rows;
  for (std::size_t i = 0; i < stack.resolved->images.size(); ++i) {
    const auto& img = stack.resolved->images[i];
    ImageRow row;
    row.name = img.name();
    row.tier = std::string(model::tier_name(img.spec->tier));
    row.owner = img.spec->owner.value;
    row.version = img.spec->version.value;
    row.reference = img.reference();
    if (const auto* s = find_by_tag(list, row.reference)) {
      row.tags = s->repo_tags;
      row.image_id = s->id;
      row.size = s->size;
      row.created = s->created;
      const auto& rendered =
          label(*s, model::labels::builder) == "buildkit" ? buildkit[i] : classic[i];
      row.status = label(*s, model::labels::input_digest) == rendered.input_digest
                       ? ImageStatus::up_to_date
                       : ImageStatus::outdated;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

} // namespace plinth::app
