// SPDX-License-Identifier: Apache-2.0
// The built-in database against the published tables, written out here independently of
// data/compat/compat.tsv, plus the query semantics (CUDA lookup, driver fit).
#include "compat/db.hpp"

#include <gtest/gtest.h>

#include <string>

namespace plinth::compat {
namespace {

Version v(std::string_view s) {
  auto parsed = Version::parse(s);
  EXPECT_TRUE(parsed.has_value()) << s;
  return parsed.value_or(Version{});
}

const Db& db() {
  return Db::builtin();
}

// tensorflow.org/install/source "Tested build configurations", Linux GPU (2026-03-11).
struct TfExpected {
  const char* tested;
  const char* python_min;
  const char* python_max;
  const char* cuda;
  const char* cudnn;
  bool and_cuda;
};
constexpr TfExpected k_tf_table[] = {
    {"2.4.0", "3.6", "3.8", "11.0", "8.0", false},
    {"2.5.0", "3.6", "3.9", "11.2", "8.1", false},
    {"2.6.0", "3.6", "3.9", "11.2", "8.1", false},
    {"2.7.0", "3.7", "3.9", "11.2", "8.1", false},
    {"2.8.0", "3.7", "3.10", "11.2", "8.1", false},
    {"2.9.0", "3.7", "3.10", "11.2", "8.1", false},
    {"2.10.0", "3.7", "3.10", "11.2", "8.1", false},
    {"2.11.0", "3.7", "3.10", "11.2", "8.1", false},
    {"2.12.0", "3.8", "3.11", "11.8", "8.6", false},
    {"2.13.0", "3.8", "3.11", "11.8", "8.6", false},
    {"2.14.0", "3.9", "3.11", "11.8", "8.7", true},
    {"2.15.0", "3.9", "3.11", "12.2", "8.9", true},
    {"2.16.1", "3.9", "3.12", "12.3", "8.9", true},
    {"2.17.0", "3.9", "3.12", "12.3", "8.9", true},
    {"2.18.0", "3.9", "3.12", "12.5", "9.3", true},
    {"2.19.0", "3.9", "3.12", "12.5", "9.3", true},
    {"2.20.0", "3.9", "3.13", "12.5", "9.3", true},
    {"2.21.0", "3.10", "3.13", "12.5", "9.3", true},
};

TEST(CompatDb, BuiltinParses) {
  // builtin() aborts on invalid data; a successful call is the check.
  EXPECT_EQ(db().data_version(), "2026-11-25");
  EXPECT_EQ(db().tensorflow_builds().size(), std::size(k_tf_table));
  EXPECT_FALSE(db().sources().empty());
}

class TfTable : public ::testing::TestWithParam<TfExpected> {};

TEST_P(TfTable, MatchesPublishedRow) {
  const auto& e = GetParam();
  const auto* row = db().tensorflow(v(e.tested).truncated(2));
  ASSERT_NE(row, nullptr) << e.tested;
  EXPECT_EQ(row->tensorflow.str(), e.tested);
  EXPECT_EQ(row->python_min.str(), e.python_min);
  EXPECT_EQ(row->python_max.str(), e.python_max);
  EXPECT_EQ(row->cuda.str(), e.cuda);
  EXPECT_EQ(row->cudnn.str(), e.cudnn);
  EXPECT_EQ(row->and_cuda_extra, e.and_cuda);
  EXPECT_NE(row->source.find("tensorflow.org/install/source"), std::string::npos);
  // The GPU build's CUDA is in the driver table.
  EXPECT_NE(db().cuda(row->cuda), nullptr) << e.cuda;
  // Lookups by any patch of the minor find the same row.
  EXPECT_EQ(db().tensorflow(v(e.tested)), row);
  EXPECT_EQ(db().tensorflow(*Version::parse(v(e.tested).truncated(2).str() + ".9")), row);
}

INSTANTIATE_TEST_SUITE_P(AllMinors, TfTable, ::testing::ValuesIn(k_tf_table), [](const auto& info) {
  std::string name = info.param.tested;
  for (auto& c : name) {
    c = c == '.' ? '_' : c;
  }
  return "tf_" + name;
});

TEST(CompatDb, TfTableIsOrderedAndComplete) {
  const auto& builds = db().tensorflow_builds();
  ASSERT_EQ(builds.size(), std::size(k_tf_table));
  for (std::size_t i = 0; i < builds.size(); ++i) {
    EXPECT_EQ(builds[i].tensorflow.str(), k_tf_table[i].tested);
    EXPECT_EQ(builds[i].tensorflow.minor(), static_cast<int>(i) + 4);
  }
}

TEST(CompatDb, UnknownTensorflow) {
  EXPECT_EQ(db().tensorflow(v("2.3")), nullptr);
  EXPECT_EQ(db().tensorflow(v("2.22")), nullptr);
  EXPECT_EQ(db().tensorflow(v("1.15")), nullptr);
}

TEST(CompatDb, PythonVersions) {
  const auto* tf = db().tensorflow(v("2.16"));
  ASSERT_NE(tf, nullptr);
  std::vector<std::string> got;
  for (const auto& p : tf->python_versions()) {
    got.push_back(p.str());
  }
  EXPECT_EQ(got, (std::vector<std::string>{"3.9", "3.10", "3.11", "3.12"}));
  EXPECT_TRUE(tf->supports_python(v("3.12")));
  EXPECT_TRUE(tf->supports_python(v("3.12.4")));
  EXPECT_TRUE(tf->supports_python(v("3.9")));
  EXPECT_FALSE(tf->supports_python(v("3.8")));
  EXPECT_FALSE(tf->supports_python(v("3.13")));
}

// NVIDIA Table 3, Linux x86_64: every row from 10.0 to 13.2 Update 2.
struct CudaExpected {
  const char* name; // as NVIDIA writes it
  const char* toolkit;
  const char* driver;
};
constexpr CudaExpected k_cuda_table[] = {
    {"10.0.130 GA", "10.0.130", "410.48"},
    {"10.1.105 GA", "10.1.105", "418.39"},
    {"10.2.89 GA", "10.2.89", "440.33"},
    {"11.0.1 RC", "11.0.1", "450.36.06"},
    {"11.0.2 GA", "11.0.2", "450.51.05"},
    {"11.0.3 Update 1", "11.0.3", "450.51.06"},
    {"11.1 GA", "11.1", "455.23"},
    {"11.1 Update 1", "11.1.1", "455.32"},
    {"11.2 GA", "11.2", "460.27.03"},
    {"11.2 Update 1", "11.2.1", "460.32.03"},
    {"11.2 Update 2", "11.2.2", "460.32.03"},
    {"11.3 GA", "11.3", "465.19.01"},
    {"11.3 Update 1", "11.3.1", "465.19.01"},
    {"11.4 GA", "11.4", "470.42.01"},
    {"11.4 Update 1", "11.4.1", "470.57.02"},
    {"11.4 Update 2", "11.4.2", "470.57.02"},
    {"11.4 Update 3", "11.4.3", "470.82.01"},
    {"11.4 Update 4", "11.4.4", "470.82.01"},
    {"11.5 GA", "11.5", "495.29.05"},
    {"11.5 Update 1", "11.5.1", "495.29.05"},
    {"11.5 Update 2", "11.5.2", "495.29.05"},
    {"11.6 GA", "11.6", "510.39.01"},
    {"11.6 Update 1", "11.6.1", "510.47.03"},
    {"11.6 Update 2", "11.6.2", "510.47.03"},
    {"11.7 GA", "11.7", "515.43.04"},
    {"11.7 Update 1", "11.7.1", "515.48.07"},
    {"11.8 GA", "11.8", "520.61.05"},
    {"12.0 GA", "12.0", "525.60.13"},
    {"12.0 Update 1", "12.0.1", "525.85.12"},
    {"12.1 GA", "12.1", "530.30.02"},
    {"12.1 Update 1", "12.1.1", "530.30.02"},
    {"12.2 GA", "12.2", "535.54.03"},
    {"12.2 Update 1", "12.2.1", "535.86.09"},
    {"12.2 Update 2", "12.2.2", "535.104.05"},
    {"12.3 GA", "12.3", "545.23.06"},
    {"12.3 Update 1", "12.3.1", "545.23.08"},
    {"12.4 GA", "12.4", "550.54.14"},
    {"12.4 Update 1", "12.4.1", "550.54.15"},
    {"12.5 GA", "12.5", "555.42.02"},
    {"12.5 Update 1", "12.5.1", "555.42.06"},
    {"12.6 GA", "12.6", "560.28.03"},
    {"12.6 Update 1", "12.6.1", "560.35.03"},
    {"12.6 Update 2", "12.6.2", "560.35.03"},
    {"12.6 Update 3", "12.6.3", "560.35.05"},
    {"12.8 GA", "12.8", "570.26"},
    {"12.8 Update 1", "12.8.1", "570.124.06"},
    {"12.9 GA", "12.9", "575.51.03"},
    {"12.9 Update 1", "12.9.1", "575.57.08"},
    {"13.0 GA", "13.0", "580.65.06"},
    {"13.0 Update 1", "13.0.1", "580.82.07"},
    {"13.0 Update 2", "13.0.2", "580.95.05"},
    {"13.1 GA", "13.1", "590.44.01"},
    {"13.1 Update 1", "13.1.1", "590.48.01"},
    {"13.2 GA", "13.2", "595.45.04"},
    {"13.2 Update 1", "13.2.1", "595.58.03"},
    {"13.2 Update 2", "13.2.2", "595.71.05"},
};

TEST(CompatDb, CudaTableMatchesNvidiaTable3) {
  const auto& rows = db().cuda_releases();
  ASSERT_EQ(rows.size(), std::size(k_cuda_table));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& e = k_cuda_table[i];
    EXPECT_EQ(rows[i].cuda, v(e.toolkit)) << e.name;
    EXPECT_EQ(driver_str(rows[i].toolkit_driver), e.driver) << e.name;
    EXPECT_EQ(db().cuda_release_name(rows[i]), e.name);
    EXPECT_EQ(db().cuda(v(e.toolkit)), &rows[i]) << e.name;
  }
}

TEST(CompatDb, MinorCompatFloors) {
  EXPECT_EQ(driver_str(db().cuda(v("11.8"))->minor_compat_driver), "450.80.02");
  EXPECT_EQ(driver_str(db().cuda(v("11.2"))->minor_compat_driver), "450.80.02");
  // 11.0's own driver is below the 11.x floor: no minor-compat path for it.
  EXPECT_EQ(driver_str(db().cuda(v("11.0"))->minor_compat_driver), "450.51.05");
  EXPECT_EQ(driver_str(db().cuda(v("12.3"))->minor_compat_driver), "525.60.13");
  EXPECT_EQ(driver_str(db().cuda(v("13.2"))->minor_compat_driver), "580.65.06");
  EXPECT_EQ(driver_str(db().cuda(v("10.2"))->minor_compat_driver), "440.33");
  EXPECT_EQ(db().minor_compat_until(12)->str(), "580");
  EXPECT_EQ(db().minor_compat_until(11)->str(), "525");
  EXPECT_FALSE(db().minor_compat_until(13).has_value());
  EXPECT_FALSE(db().minor_compat_until(10).has_value());
}

struct CudaLookup {
  const char* query;
  const char* row; // nullptr: not found
};

class CudaLookupTest : public ::testing::TestWithParam<CudaLookup> {};

TEST_P(CudaLookupTest, FindsRow) {
  const auto& c = GetParam();
  const auto* row = db().cuda(v(c.query));
  if (c.row == nullptr) {
    EXPECT_EQ(row, nullptr) << c.query;
  } else {
    ASSERT_NE(row, nullptr) << c.query;
    EXPECT_EQ(row->cuda.str(), c.row) << c.query;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CudaLookupTest,
    ::testing::Values(CudaLookup{"12.3", "12.3"}, CudaLookup{"12.3.0", "12.3"},
                      CudaLookup{"12.3.1", "12.3.1"}, CudaLookup{"12.3.2", "12.3.1"},
                      CudaLookup{"12.4.1", "12.4.1"}, CudaLookup{"12.4", "12.4"},
                      CudaLookup{"11.4.4", "11.4.4"}, CudaLookup{"11.4.9", "11.4.4"},
                      CudaLookup{"11.0", "11.0.2"}, CudaLookup{"11.0.0", "11.0.2"},
                      CudaLookup{"11.0.1", "11.0.1"}, CudaLookup{"11.0.3", "11.0.3"},
                      CudaLookup{"11.8.0", "11.8"}, CudaLookup{"10.2", "10.2.89"},
                      CudaLookup{"10.1.243", "10.1.105"}, CudaLookup{"13.2.2", "13.2.2"},
                      CudaLookup{"12.7", nullptr}, CudaLookup{"13.3", nullptr},
                      CudaLookup{"9.2", nullptr}),
    [](const auto& info) {
      std::string name = std::string("cuda_") + info.param.query;
      for (auto& c : name) {
        c = c == '.' ? '_' : c;
      }
      return name;
    });

struct FitCase {
  const char* driver;
  const char* cuda;
  DriverFit fit;
};

class DriverFitTest : public ::testing::TestWithParam<FitCase> {};

TEST_P(DriverFitTest, Fits) {
  const auto& c = GetParam();
  EXPECT_EQ(db().driver_fit(v(c.driver), v(c.cuda)), c.fit)
      << c.driver << " + CUDA " << c.cuda << ": got "
      << driver_fit_name(db().driver_fit(v(c.driver), v(c.cuda)));
}

constexpr auto k_ok = DriverFit::compatible;
constexpr auto k_minor = DriverFit::minor_version_compat;
constexpr auto k_no = DriverFit::incompatible;

INSTANTIATE_TEST_SUITE_P(
    Cases, DriverFitTest,
    ::testing::Values(FitCase{"470.82.01", "12.3", k_no}, FitCase{"535.54.03", "12.3", k_minor},
                      FitCase{"550.54.14", "12.3", k_ok}, FitCase{"545.23.06", "12.3", k_ok},
                      FitCase{"545.23.06", "12.3.1", k_minor}, FitCase{"545.23.08", "12.3.1", k_ok},
                      FitCase{"525.60.13", "12.9", k_minor}, FitCase{"525.60.12", "12.0", k_no},
                      FitCase{"525.60.13", "12.0", k_ok}, FitCase{"525.60", "12.8", k_no},
                      FitCase{"535.54", "12.2", k_minor}, FitCase{"580", "12.9.1", k_ok},
                      FitCase{"450.80.02", "11.2", k_minor}, FitCase{"450.80.02", "11.8", k_minor},
                      FitCase{"450.80.01", "11.2", k_no}, FitCase{"450.51.05", "11.0", k_ok},
                      FitCase{"450.51.05", "11.0.3", k_no}, FitCase{"440.33", "11.0", k_no},
                      FitCase{"440.33", "10.2", k_ok}, FitCase{"418.39", "10.2", k_no},
                      FitCase{"470.82.01", "11.2", k_ok}, FitCase{"470.82.01", "11.8", k_minor},
                      FitCase{"520.61.05", "11.8", k_ok}, FitCase{"590", "13.0", k_ok},
                      FitCase{"590.48.01", "13.1", k_ok}, FitCase{"590.44.01", "13.2", k_minor},
                      FitCase{"580.65.06", "13.2.2", k_minor}, FitCase{"580.65.05", "13.0", k_no},
                      FitCase{"575", "13.0", k_no}, FitCase{"575.57.08", "13.0", k_no},
                      // Releases newer than the data: only the per-major rule applies.
                      FitCase{"600", "13.9", k_minor}, FitCase{"570", "13.9", k_no},
                      FitCase{"590", "12.7", k_ok}, FitCase{"530", "12.7", k_minor},
                      FitCase{"999", "9.2", k_no}));

TEST(CompatDb, TensorflowForDriver470) {
  const auto builds = db().tensorflow_for_driver(v("470.82.01"));
  std::vector<std::string> got;
  for (const auto* b : builds) {
    got.push_back(b->tensorflow.str());
    EXPECT_EQ(b->cuda.major(), 11) << b->tensorflow.str();
  }
  EXPECT_EQ(got, (std::vector<std::string>{"2.4.0", "2.5.0", "2.6.0", "2.7.0", "2.8.0", "2.9.0",
                                           "2.10.0", "2.11.0", "2.12.0", "2.13.0", "2.14.0"}));
  // 2.4-2.11 (CUDA 11.0/11.2) run fully; 2.12-2.14 (CUDA 11.8) through minor compat.
  for (const auto* b : builds) {
    const auto fit = db().driver_fit(v("470.82.01"), b->cuda);
    EXPECT_EQ(fit, b->tensorflow.minor() <= 11 ? k_ok : k_minor) << b->tensorflow.str();
  }
}

TEST(CompatDb, TensorflowForDriver) {
  EXPECT_TRUE(db().tensorflow_for_driver(v("440.33")).empty());
  EXPECT_EQ(db().tensorflow_for_driver(v("450.80.02")).size(), 11U); // 2.4 - 2.14
  EXPECT_EQ(db().tensorflow_for_driver(v("525.60.13")).size(), 18U); // 12.x via minor compat
  EXPECT_EQ(db().tensorflow_for_driver(v("535.54.03")).back()->tensorflow.str(), "2.21.0");
  EXPECT_EQ(db().tensorflow_for_driver(v("580.65.06")).size(), 18U);
}

TEST(CompatDb, CudaForDriver) {
  const auto fits = db().cuda_for_driver(v("470.82.01"));
  ASSERT_FALSE(fits.empty());
  EXPECT_EQ(fits.front().first->cuda.str(), "10.0.130");
  EXPECT_EQ(fits.back().first->cuda.str(), "11.8");
  std::size_t full = 0;
  std::size_t minor = 0;
  for (const auto& [row, fit] : fits) {
    EXPECT_NE(fit, k_no);
    (fit == k_ok ? full : minor) += 1;
    EXPECT_EQ(fit, db().driver_fit(v("470.82.01"), row->cuda));
  }
  EXPECT_EQ(full, 18U); // 10.0.130 .. 11.4 Update 4
  EXPECT_EQ(minor, 9U); // 11.5 .. 11.8
  EXPECT_TRUE(db().cuda_for_driver(v("400")).empty());
  EXPECT_EQ(db().cuda_for_driver(v("595.71.05")).size(), std::size(k_cuda_table));
}

TEST(CompatDb, DriverSpelling) {
  EXPECT_EQ(driver_str(v("470.82.01")), "470.82.01");
  EXPECT_EQ(driver_str(v("470.82.1")), "470.82.01");
  EXPECT_EQ(driver_str(v("570.26")), "570.26");
  EXPECT_EQ(driver_str(v("535.104.05")), "535.104.05");
  EXPECT_EQ(driver_str(v("580")), "580");
}

TEST(CompatDb, Names) {
  EXPECT_EQ(driver_fit_name(k_ok), "compatible");
  EXPECT_EQ(driver_fit_name(k_minor), "minor_version_compat");
  EXPECT_EQ(driver_fit_name(k_no), "incompatible");
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
