// SPDX-License-Identifier: Apache-2.0
// `plinth images`: the stack's images in the engine, with tier, owner, tags, size, age and
// whether each is up to date with the stack file.
#include "app/images.hpp"
#include "cli/command.hpp"
#include "cli/engine_options.hpp"
#include "cli/exit_codes.hpp"
#include "cli/stack_options.hpp"

#include <ctime>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

namespace plinth::cli {
namespace {

std::string human_size(std::int64_t bytes) {
  std::ostringstream out;
  if (bytes <= 0) {
    return "-";
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  out << std::fixed << std::setprecision(mb >= 1000 ? 2 : 0) << (mb >= 1000 ? mb / 1000 : mb)
      << (mb >= 1000 ? " GB" : " MB");
  return out.str();
}

std::string human_age(std::int64_t created) {
  if (created <= 0) {
    return "-";
  }
  const auto s = static_cast<std::int64_t>(std::time(nullptr)) - created;
  if (s < 3600) {
    return std::to_string(std::max<std::int64_t>(s / 60, 0)) + " min";
  }
  if (s < 86400 * 2) {
    return std::to_string(s / 3600) + " h";
  }
  return std::to_string(s / 86400) + " days";
}

void print_json(const std::vector<app::ImageRow>& rows) {
  auto out = nlohmann::json::array();
  for (const auto& r : rows) {
    out.push_back({{"image", r.name},
                   {"tier", r.tier},
                   {"owner", r.owner},
                   {"version", r.version},
                   {"reference", r.reference},
                   {"tags", r.tags},
                   {"image_id", r.image_id},
                   {"size", r.size},
                   {"created", r.created},
                   {"status", std::string(app::image_status_name(r.status))},
                   {"up_to_date", r.status == app::ImageStatus::up_to_date}});
  }
  std::cout << out.dump(2) << "\n";
}

void print_table(const std::vector<app::ImageRow>& rows) {
  std::cout << std::left << std::setw(14) << "IMAGE" << std::setw(9) << "TIER" << std::setw(16)
            << "OWNER" << std::setw(9) << "VERSION" << std::setw(30) << "TAG" << std::setw(10)
            << "SIZE" << std::setw(9) << "AGE"
            << "STATUS\n";
  for (const auto& r : rows) {
    std::cout << std::left << std::setw(14) << r.name << std::setw(9) << r.tier << std::setw(16)
              << r.owner << std::setw(9) << r.version << std::setw(30)
              << r.reference.substr(r.reference.rfind(':') + 1) << std::setw(10)
              << human_size(r.size) << std::setw(9) << human_age(r.created)
              << app::image_status_name(r.status) << "\n";
  }
}

int run_images(const StackOptions& opts) {
  int code = k_exit_ok;
  auto session = load_with_engine(opts, code);
  if (!session) {
    return code;
  }
  const auto& loaded = session->loaded;
  auto& engine = session->engine;
  auto rows = app::list_stack_images(loaded, *engine);
  if (!rows) {
    return report_error(rows.error());
  }
  if (opts.json) {
    print_json(*rows);
  } else {
    print_table(*rows);
  }
  return k_exit_ok;
}

} // namespace

void add_images(CLI::App& root, RunState& state) {
  auto opts = std::make_shared<StackOptions>();
  auto* cmd = root.add_subcommand(
      "images", "List the stack's images: tier, owner, version, tag, size, age and "
                "whether each is up to date with the stack file");
  opts->add_to(*cmd);
  cmd->callback([opts, &state] { state.exit_code = run_images(*opts); });
}

} // namespace plinth::cli
