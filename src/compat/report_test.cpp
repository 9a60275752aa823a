// SPDX-License-Identifier: Apache-2.0
// The `plinth compat` answers: the documented JSON keys and the text they render.
#include "compat/report.hpp"
#include "compat/test_support.hpp"

#include <gtest/gtest.h>

namespace plinth::compat {
namespace {

using testing::db;
using testing::v;

TEST(CompatReport, TfGpu) {
  // The values per row are checked by data/compat/cases.tsv; here: keys and where they come from.
  const auto& row = *db().tensorflow(v("2.16"));
  const auto j = tf_json(db(), row, Variant::gpu);
  EXPECT_EQ(j["schema"], "plinth.compat.tf/1");
  EXPECT_EQ(j["data_version"], db().data_version());
  EXPECT_EQ(j["variant"], "gpu");
  EXPECT_EQ(j["tensorflow"], row.tensorflow.truncated(2).str());
  EXPECT_EQ(j["tested_release"], row.tensorflow.str());
  EXPECT_EQ(j["python"]["min"], row.python_min.str());
  EXPECT_EQ(j["python"]["max"], row.python_max.str());
  EXPECT_EQ(j["python"]["versions"].size(), row.python_versions().size());
  EXPECT_EQ(j["and_cuda_extra"], row.and_cuda_extra);
  EXPECT_EQ(j["gpu"]["cuda"], row.cuda.str());
  EXPECT_EQ(j["gpu"]["cudnn"], row.cudnn.str());
  EXPECT_EQ(j["gpu"]["cuda_release"], db().cuda_release_name(*db().cuda(row.cuda)));
  EXPECT_EQ(j["source"], row.source);

  const auto text = tf_text(db(), *db().tensorflow(v("2.16")), Variant::gpu);
  EXPECT_NE(text.find("tested release 2.16.1"), std::string::npos) << text;
  EXPECT_NE(text.find("3.9 - 3.12 (3.9, 3.10, 3.11, 3.12)"), std::string::npos) << text;
  EXPECT_NE(text.find(">= 545.23.06"), std::string::npos) << text;
  EXPECT_NE(text.find(">= 525.60.13 and < 580"), std::string::npos) << text;
}

TEST(CompatReport, TfCpuAndOld) {
  const auto cpu = tf_json(db(), *db().tensorflow(v("2.16")), Variant::cpu);
  EXPECT_EQ(cpu["variant"], "cpu");
  EXPECT_TRUE(cpu["gpu"].is_null());
  EXPECT_EQ(tf_text(db(), *db().tensorflow(v("2.16")), Variant::cpu).find("\n  CUDA "),
            std::string::npos);

  // TF 2.4's CUDA 11.0 has no minor-compat path below its toolkit driver.
  const auto old = tf_json(db(), *db().tensorflow(v("2.4")), Variant::gpu);
  EXPECT_EQ(old["gpu"]["cuda_release"], "11.0.2 GA");
  EXPECT_EQ(old["gpu"]["driver"]["toolkit"], "450.51.05");
  EXPECT_TRUE(old["gpu"]["driver"]["minor_compat"].is_null());
  EXPECT_TRUE(old["gpu"]["driver"]["minor_compat_until"].is_null());
  EXPECT_EQ(old["and_cuda_extra"], false);
}

TEST(CompatReport, Driver470) {
  const auto j = driver_json(db(), v("470.82.01"));
  EXPECT_EQ(j["schema"], "plinth.compat.driver/1");
  EXPECT_EQ(j["driver"], "470.82.01");
  ASSERT_EQ(j["cuda"].size(), 27U);
  EXPECT_EQ(j["cuda"][0]["cuda"], "10.0.130");
  EXPECT_EQ(j["cuda"][0]["fit"], "compatible");
  EXPECT_EQ(j["cuda"].back()["release"], "11.8 GA");
  EXPECT_EQ(j["cuda"].back()["toolkit_driver"], "520.61.05");
  EXPECT_EQ(j["cuda"].back()["fit"], "minor_version_compat");
  EXPECT_EQ(j["newest_cuda"], "11.8");
  EXPECT_EQ(j["newest_cuda_compatible"], "11.4.4");
  ASSERT_EQ(j["tensorflow"].size(), 11U);
  EXPECT_EQ(j["tensorflow"][0]["tested_release"], "2.4.0");
  EXPECT_EQ(j["tensorflow"][0]["fit"], "compatible");
  EXPECT_EQ(j["tensorflow"].back()["tensorflow"], "2.14");
  EXPECT_EQ(j["tensorflow"].back()["fit"], "minor_version_compat");
  EXPECT_EQ(j["newest_tensorflow"], "2.14.0");

  const auto text = driver_text(db(), v("470.82.01"));
  EXPECT_NE(text.find("compatible            10.0.130 GA .. 11.4 Update 4 (18 releases)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Newest TensorFlow: 2.14.0"), std::string::npos) << text;
}

TEST(CompatReport, DriverTooOld) {
  const auto j = driver_json(db(), v("400"));
  EXPECT_TRUE(j["cuda"].empty());
  EXPECT_TRUE(j["tensorflow"].empty());
  EXPECT_TRUE(j["newest_tensorflow"].is_null());
  EXPECT_TRUE(j["newest_cuda"].is_null());
  EXPECT_NE(driver_text(db(), v("400")).find("TensorFlow GPU builds: none"), std::string::npos);
}

TEST(CompatReport, Cuda) {
  const auto j = cuda_json(db(), *db().cuda(v("12.3")));
  EXPECT_EQ(j["schema"], "plinth.compat.cuda/1");
  EXPECT_EQ(j["cuda"], "12.3");
  EXPECT_EQ(j["release"], "12.3 GA");
  EXPECT_EQ(j["driver"]["toolkit"], "545.23.06");
  EXPECT_EQ(j["driver"]["minor_compat"], "525.60.13");
  EXPECT_EQ(j["tensorflow"], nlohmann::json::array({"2.16.1", "2.17.0"}));
  const auto u1 = cuda_json(db(), *db().cuda(v("12.4.1")));
  EXPECT_EQ(u1["release"], "12.4 Update 1");
  EXPECT_EQ(u1["driver"]["toolkit"], "550.54.15");
  const auto c13 = cuda_json(db(), *db().cuda(v("13.1")));
  EXPECT_EQ(c13["driver"]["minor_compat"], "580.65.06");
  EXPECT_TRUE(c13["driver"]["minor_compat_until"].is_null());
  EXPECT_NE(cuda_text(db(), *db().cuda(v("12.3"))).find("2.16.1, 2.17.0"), std::string::npos);
}

TEST(CompatReport, Lists) {
  const auto j = list_json(db());
  EXPECT_EQ(j["schema"], "plinth.compat.list/1");
  const auto& rows = db().tensorflow_builds();
  ASSERT_EQ(j["tensorflow"].size(), rows.size());
  EXPECT_EQ(j["tensorflow"][0]["tested_release"], rows.front().tensorflow.str());
  EXPECT_EQ(j["tensorflow"].back()["tested_release"], rows.back().tensorflow.str());
  EXPECT_EQ(j["sources"].size(), db().sources().size());
  const auto text = list_text(db());
  // Newest first.
  EXPECT_LT(text.find(rows.back().tensorflow.str()), text.find(rows.front().tensorflow.str()));
  const auto cuda = cuda_list_json(db());
  EXPECT_EQ(cuda["cuda"].size(), db().cuda_releases().size());
  EXPECT_NE(cuda_list_text(db()).find("12.4 Update 1"), std::string::npos);
}

TEST(CompatReport, KnownAndErrors) {
  // known_tensorflow/known_cuda against the rows: db_test.cpp (KnownVersionsListOneEntryPerMinor).
  const auto e = error_json("unknown-tensorflow", "nope", {"2.4"});
  EXPECT_EQ(e["error"]["code"], "unknown-tensorflow");
  EXPECT_EQ(e["error"]["message"], "nope");
  EXPECT_EQ(e["error"]["known"], nlohmann::json::array({"2.4"}));
}

} // namespace
} // namespace plinth::compat
