#include "audit/secrets/baseline.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace dsaudit::audit::secrets {
namespace {

class BaselineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("dsaudit_baseline_" + std::to_string(::getpid()) + ".json"))
                .string();
  }
  void TearDown() override { std::filesystem::remove(path_); }
  void Write(const std::string& text) { std::ofstream(path_) << text; }

  std::string path_;
};

Finding WithFingerprint(const std::string& fingerprint) {
  Finding finding;
  finding.code = "DS851";
  finding.fingerprint = fingerprint;
  return finding;
}

TEST_F(BaselineTest, ReadsAnAuditReportAndDropsItsFindings) {
  Write(R"({"tool": {"name": "dsaudit"}, "findings": [
    {"code": "DS851", "fingerprint": "00000000000000aa"},
    {"code": "DS852", "fingerprint": "00000000000000bb"}], "plan": []})");
  std::unordered_set<std::string> fingerprints;
  std::string error;
  ASSERT_TRUE(LoadBaseline(path_, &fingerprints, &error)) << error;
  EXPECT_EQ(fingerprints.size(), 2u);
  std::vector<Finding> findings = {WithFingerprint("00000000000000aa"),
                                   WithFingerprint("00000000000000cc")};
  EXPECT_EQ(ApplyBaseline(findings, fingerprints), 1u);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].fingerprint, "00000000000000cc");
}

TEST_F(BaselineTest, ReadsABareListOfFindings) {
  Write(R"([{"code": "F401", "fingerprint": "00000000000000dd"}])");
  std::unordered_set<std::string> fingerprints;
  std::string error;
  ASSERT_TRUE(LoadBaseline(path_, &fingerprints, &error)) << error;
  EXPECT_TRUE(fingerprints.contains("00000000000000dd"));
}

TEST_F(BaselineTest, RejectsWhatIsNoReport) {
  std::unordered_set<std::string> fingerprints;
  std::string error;
  Write("{not json");
  EXPECT_FALSE(LoadBaseline(path_, &fingerprints, &error));
  EXPECT_NE(error.find("not valid JSON"), std::string::npos);
  Write(R"({"files": 3})");
  EXPECT_FALSE(LoadBaseline(path_, &fingerprints, &error));
  EXPECT_NE(error.find("findings"), std::string::npos);
  EXPECT_FALSE(LoadBaseline(path_ + ".missing", &fingerprints, &error));
  EXPECT_NE(error.find("cannot read baseline"), std::string::npos);
}

}  // namespace
}  // namespace dsaudit::audit::secrets
