// SPDX-License-Identifier: Apache-2.0
#include "doctor/report.hpp"

#include <algorithm>

namespace plinth::doctor {

std::string_view status_name(Status s) {
  switch (s) {
  case Status::ok: return "ok";
  case Status::warn: return "warn";
  case Status::fail: return "fail";
  }
  return "fail";
}

Status Report::status() const {
  auto worst = Status::ok;
  for (const auto& c : checks) {
    worst = std::max(worst, c.status);
  }
  return worst;
}

std::size_t Report::count(Status s) const {
  return static_cast<std::size_t>(
      std::count_if(checks.begin(), checks.end(), [s](const Check& c) { return c.status == s; }));
}

const Check* Report::find(std::string_view id) const {
  for (const auto& c : checks) {
    if (c.id == id) {
      return &c;
    }
  }
  return nullptr;
}

std::vector<const Check*> Report::with_prefix(std::string_view prefix) const {
  std::vector<const Check*> out;
  for (const auto& c : checks) {
    if (c.id.compare(0, prefix.size(), prefix) == 0) {
      out.push_back(&c);
    }
  }
  return out;
}

namespace {
Check make(Status s, std::string id, std::string section, std::string title, std::string summary,
           std::string remedy) {
  Check c;
  c.id = std::move(id);
  c.section = std::move(section);
  c.status = s;
  c.title = std::move(title);
  c.summary = std::move(summary);
  c.remedy = std::move(remedy);
  return c;
}
} // namespace

Check ok_check(std::string id, std::string section, std::string title, std::string summary) {
  return make(Status::ok, std::move(id), std::move(section), std::move(title), std::move(summary),
              {});
}

Check warn_check(std::string id, std::string section, std::string title, std::string summary,
                 std::string remedy) {
  return make(Status::warn, std::move(id), std::move(section), std::move(title), std::move(summary),
              std::move(remedy));
}

Check fail_check(std::string id, std::string section, std::string title, std::string summary,
                 std::string remedy) {
  return make(Status::fail, std::move(id), std::move(section), std::move(title), std::move(summary),
              std::move(remedy));
}

} // namespace plinth::doctor
