// SPDX-License-Identifier: Apache-2.0
// Invariants of the embedded database (data/compat/compat.tsv), whatever its rows: sorted
// and unique keys, every reference known, ranges ordered, and the query functions agreeing
// with each other. Expected answers to particular queries are in data/compat/cases.tsv.
#include "compat/code_server.hpp"
#include "compat/report.hpp"
#include "compat/test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

namespace plinth::compat {
namespace {

using testing::db;
using testing::v;

// The same release with a large patch: still the same minor.
Version late_patch(const Version& minor) {
  return v(minor.truncated(2).str() + ".999");
}

TEST(CompatDbInvariants, EveryRecordTypeHasRowsAndADataDate) {
  EXPECT_FALSE(db().tensorflow_builds().empty());
  EXPECT_FALSE(db().cuda_releases().empty());
  EXPECT_FALSE(db().major_rules().empty());
  EXPECT_FALSE(db().code_server_releases().empty());
  EXPECT_FALSE(db().sources().empty());
  const auto date = db().data_version();
  ASSERT_EQ(date.size(), 10U);
  EXPECT_EQ(date[4], '-');
  EXPECT_EQ(date[7], '-');
}

TEST(CompatDbInvariants, SourcesAreUniqueSortedAndEachIsCited) {
  const auto& sources = db().sources();
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (i > 0) {
      EXPECT_LT(sources[i - 1].id, sources[i].id);
    }
    EXPECT_GT(sources[i].cited_by, 0) << "source " << sources[i].id << " is cited by no row";
    EXPECT_FALSE(sources[i].title.empty()) << sources[i].id;
  }
  for (const auto& row : db().tensorflow_builds())
    EXPECT_FALSE(row.source.empty());
  for (const auto& row : db().cuda_releases())
    EXPECT_FALSE(row.source.empty());
  for (const auto& row : db().code_server_releases())
    EXPECT_FALSE(row.source.empty());
}

TEST(CompatDbInvariants, TensorflowRowsOnePerMinorAndFoundByAnyPatch) {
  const auto& rows = db().tensorflow_builds();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    SCOPED_TRACE("tf " + row.tensorflow.str());
    EXPECT_EQ(row.tensorflow.size(), 3U);
    if (i > 0) {
      EXPECT_LT(rows[i - 1].tensorflow.truncated(2), row.tensorflow.truncated(2));
    }
    EXPECT_EQ(db().tensorflow(row.tensorflow.truncated(2)), &row);
    EXPECT_EQ(db().tensorflow(row.tensorflow), &row);
    EXPECT_EQ(db().tensorflow(late_patch(row.tensorflow)), &row);
  }
  EXPECT_EQ(db().tensorflow(v("0.1")), nullptr);
}

TEST(CompatDbInvariants, TensorflowPythonRangesAreOrdered) {
  for (const auto& row : db().tensorflow_builds()) {
    SCOPED_TRACE("tf " + row.tensorflow.str());
    EXPECT_EQ(row.python_min.major(), row.python_max.major());
    EXPECT_LE(row.python_min, row.python_max);
    const auto all = row.python_versions();
    ASSERT_FALSE(all.empty());
    EXPECT_EQ(all.front(), row.python_min);
    EXPECT_EQ(all.back(), row.python_max);
    for (const auto& p : all) {
      EXPECT_TRUE(row.supports_python(p));
      EXPECT_TRUE(row.supports_python(late_patch(p)));
    }
    EXPECT_FALSE(row.supports_python(v(std::to_string(row.python_max.major()) + "." +
                                       std::to_string(row.python_max.minor() + 1))));
  }
}

TEST(CompatDbInvariants, TensorflowCudaAndCudnnAreKnownAndNeverGoBack) {
  const TfBuild* previous = nullptr;
  for (const auto& row : db().tensorflow_builds()) {
    SCOPED_TRACE("tf " + row.tensorflow.str());
    // The CUDA resolves to a row of its own minor, and its major has minor-version rules.
    const auto* cuda = db().cuda(row.cuda);
    ASSERT_NE(cuda, nullptr) << "CUDA " << row.cuda.str() << " has no `cuda` row";
    EXPECT_EQ(cuda->cuda.truncated(2), row.cuda.truncated(2));
    EXPECT_TRUE(std::any_of(db().major_rules().begin(), db().major_rules().end(),
                            [&](const MajorRule& r) { return r.cuda_major == row.cuda.major(); }))
        << "CUDA major " << row.cuda.major() << " has no `major` row";
    EXPECT_GE(row.cudnn.size(), 2U);
    if (previous != nullptr) {
      EXPECT_LE(previous->cuda, row.cuda) << "a newer TensorFlow on an older CUDA";
      EXPECT_LE(previous->cudnn, row.cudnn) << "a newer TensorFlow on an older cuDNN";
      EXPECT_LE(previous->and_cuda_extra, row.and_cuda_extra) << "the extra never goes away";
    }
    previous = &row;
  }
}

TEST(CompatDbInvariants, CudaRowsSortedWithOneGaPerMinorAndRisingDrivers) {
  const auto& rows = db().cuda_releases();
  std::set<std::string> minors_with_ga;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    SCOPED_TRACE("cuda " + row.cuda.str());
    if (i > 0) {
      EXPECT_LT(rows[i - 1].cuda, row.cuda);
      EXPECT_LE(rows[i - 1].toolkit_driver, row.toolkit_driver);
    }
    const auto kind = db().cuda_release_kind(row);
    EXPECT_TRUE(kind == "GA" || kind == "RC" || kind.starts_with("Update ")) << kind;
    if (kind == "GA") {
      EXPECT_TRUE(minors_with_ga.insert(row.cuda.truncated(2).str()).second) << "second GA";
      // "X.Y" means the GA row.
      EXPECT_EQ(db().cuda(row.cuda.truncated(2)), &row);
    }
    EXPECT_EQ(db().cuda(row.cuda), &row); // a stored version finds its own row
    EXPECT_FALSE(db().cuda_release_name(row).empty());
    EXPECT_LE(row.minor_compat_driver, row.toolkit_driver);
  }
  for (const auto& minor : known_cuda(db())) {
    EXPECT_TRUE(minors_with_ga.contains(minor)) << "CUDA " << minor << " has no GA row";
  }
}

TEST(CompatDbInvariants, MajorRulesBoundTheirToolkitDrivers) {
  const auto& rules = db().major_rules();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto& rule = rules[i];
    SCOPED_TRACE("major " + std::to_string(rule.cuda_major));
    if (i > 0) {
      EXPECT_LT(rules[i - 1].cuda_major, rule.cuda_major);
    }
    EXPECT_EQ(db().minor_compat_until(rule.cuda_major), rule.compat_until);
    if (rule.compat_until) {
      EXPECT_LT(rule.min_driver, *rule.compat_until);
    }
    bool has_rows = false;
    for (const auto& row : db().cuda_releases()) {
      if (row.cuda.major() != rule.cuda_major) continue;
      has_rows = true;
      EXPECT_EQ(row.minor_compat_driver, std::min(rule.min_driver, row.toolkit_driver));
      // `until` is newer than every toolkit driver of the major (plain compatibility).
      if (rule.compat_until) {
        EXPECT_LT(row.toolkit_driver, *rule.compat_until) << row.cuda.str();
      }
    }
    EXPECT_TRUE(has_rows) << "a `major` row without `cuda` rows";
  }
}

TEST(CompatDbInvariants, CodeServerRangesAreOrderedAndDisjoint) {
  const auto& rows = db().code_server_releases();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    SCOPED_TRACE("codeserver " + row.first.str());
    EXPECT_LE(row.first.truncated(2), row.last_minor);
    EXPECT_EQ(v(row.node_version).major(), row.node_major);
    if (i > 0) {
      EXPECT_LT(rows[i - 1].last_minor, row.first.truncated(2));
      EXPECT_LE(rows[i - 1].node_major, row.node_major);
    }
    for (const auto& release : {row.first, late_patch(row.last_minor)}) {
      const auto node = code_server_node(db(), release);
      ASSERT_TRUE(node.has_value()) << release.str();
      EXPECT_EQ(node->node_major, row.node_major);
      EXPECT_EQ(node->node_version, row.node_version);
    }
  }
  EXPECT_FALSE(code_server_node(db(), late_patch(v("0.0"))).has_value());
  EXPECT_EQ(code_server_known_range(db()),
            rows.front().first.str() + " to " + rows.back().last_minor.str() + ".x");
  EXPECT_EQ(code_server_known_range(), code_server_known_range(db()));
}

// Drivers worth asking about: every toolkit driver and every rule bound, and one below each.
std::vector<Version> probe_drivers() {
  std::vector<Version> out = {v("1")};
  const auto add = [&](const Version& d) {
    out.push_back(d);
    out.push_back(v(std::to_string(d.major() - 1)));
  };
  for (const auto& row : db().cuda_releases())
    add(row.toolkit_driver);
  for (const auto& rule : db().major_rules()) {
    add(rule.min_driver);
    if (rule.compat_until) add(*rule.compat_until);
  }
  return out;
}

TEST(CompatDbInvariants, DriverQueriesAgreeWithDriverFit) {
  for (const auto& driver : probe_drivers()) {
    SCOPED_TRACE("driver " + driver_str(driver));
    std::size_t fitting = 0;
    for (const auto& row : db().cuda_releases()) {
      fitting += db().driver_fit(driver, row) != DriverFit::incompatible ? 1 : 0;
      EXPECT_EQ(db().driver_fit(driver, row), db().driver_fit(driver, row.cuda));
      if (driver >= row.toolkit_driver) {
        EXPECT_EQ(db().driver_fit(driver, row), DriverFit::compatible);
      }
    }
    const auto cuda = db().cuda_for_driver(driver);
    EXPECT_EQ(cuda.size(), fitting);
    for (const auto& [row, fit] : cuda)
      EXPECT_EQ(fit, db().driver_fit(driver, *row));
    std::size_t tf_fitting = 0;
    for (const auto& row : db().tensorflow_builds()) {
      tf_fitting += db().driver_fit(driver, row.cuda) != DriverFit::incompatible ? 1 : 0;
    }
    EXPECT_EQ(db().tensorflow_for_driver(driver).size(), tf_fitting);
  }
  // The newest toolkit driver runs everything.
  const auto newest = db().cuda_releases().back().toolkit_driver;
  EXPECT_EQ(db().cuda_for_driver(newest).size(), db().cuda_releases().size());
  EXPECT_EQ(db().tensorflow_for_driver(newest).size(), db().tensorflow_builds().size());
}

TEST(CompatDbInvariants, KnownVersionsListOneEntryPerMinor) {
  const auto tf = known_tensorflow(db());
  ASSERT_EQ(tf.size(), db().tensorflow_builds().size());
  for (std::size_t i = 0; i < tf.size(); ++i) {
    EXPECT_EQ(tf[i], db().tensorflow_builds()[i].tensorflow.truncated(2).str());
  }
  std::vector<std::string> minors;
  for (const auto& row : db().cuda_releases()) {
    const auto minor = row.cuda.truncated(2).str();
    if (minors.empty() || minors.back() != minor) minors.push_back(minor);
  }
  EXPECT_EQ(known_cuda(db()), minors);
}

TEST(CompatDb, DriverSpelling) {
  EXPECT_EQ(driver_str(v("470.82.01")), "470.82.01");
  EXPECT_EQ(driver_str(v("470.82.1")), "470.82.01");
  EXPECT_EQ(driver_str(v("570.26")), "570.26");
  EXPECT_EQ(driver_str(v("535.104.05")), "535.104.05");
  EXPECT_EQ(driver_str(v("580")), "580");
}

TEST(CompatDb, Names) {
  EXPECT_EQ(driver_fit_name(DriverFit::compatible), "compatible");
  EXPECT_EQ(driver_fit_name(DriverFit::minor_version_compat), "minor_version_compat");
  EXPECT_EQ(driver_fit_name(DriverFit::incompatible), "incompatible");
  EXPECT_EQ(variant_name(Variant::cpu), "cpu");
  EXPECT_EQ(variant_name(Variant::gpu), "gpu");
  EXPECT_EQ(parse_variant("gpu"), Variant::gpu);
  EXPECT_EQ(parse_variant("cpu"), Variant::cpu);
  EXPECT_FALSE(parse_variant("tpu").has_value());
  CudaDriver foreign;
  EXPECT_EQ(db().cuda_release_kind(foreign), "");
}

} // namespace
} // namespace plinth::compat
