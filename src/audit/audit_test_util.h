// A fixture project in a temporary directory, audited by the project checks
// alone. Header-only: only *_test.cpp files include it.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "audit/inventory.h"
#include "config/config.h"

namespace dsaudit::audit {

class AuditFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = std::filesystem::temp_directory_path() /
            ("dsaudit_audit_" + std::string(test->test_suite_name()) + "_" + test->name() + "_" +
             std::to_string(::getpid()));
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  void Write(const std::string& name, const std::string& bytes) {
    std::filesystem::path path = root_ / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
  }

  // Findings of the project checks with `code`, sorted.
  std::vector<Finding> Run(const std::string& code) {
    inventory_ = BuildInventory(root_);
    std::vector<Finding> all = RunProjectLevelChecks(inventory_, config::Config{});
    std::vector<Finding> out;
    for (Finding& finding : all) {
      if (finding.code == code) out.push_back(std::move(finding));
    }
    std::sort(out.begin(), out.end(), FindingLess);
    return out;
  }

  std::filesystem::path root_;
  Inventory inventory_;
};

}  // namespace dsaudit::audit
