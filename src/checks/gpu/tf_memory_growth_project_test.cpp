// DS401 across files: one file that configures GPU memory serves them all.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checks/engine.h"

namespace dsaudit::checks {
namespace {

constexpr const char* kTrain =
    "import tensorflow as tf\n"
    "\n"
    "model = tf.keras.Sequential([])\n"
    "model.compile(optimizer='adam', loss='mse')\n";

std::vector<Finding> CheckProject(const std::vector<std::pair<std::string, std::string>>& files) {
  config::Config config;
  config.selections.push_back({.select = std::vector<std::string>{"DS401"}});
  Engine engine(config);
  std::vector<FileOutcome> outcomes;
  std::vector<std::string> paths;
  for (const auto& [path, text] : files) {
    outcomes.push_back(engine.CheckFile({.path = path, .bytes = text}));
    paths.push_back(path);
  }
  std::vector<Finding> findings = engine.CheckProject(outcomes, paths);
  for (const FileOutcome& outcome : outcomes) {
    findings.insert(findings.end(), outcome.findings.begin(), outcome.findings.end());
  }
  return findings;
}

TEST(TfMemoryGrowthProjectTest, ReportedWhenNoFileConfiguresIt) {
  std::vector<Finding> findings = CheckProject({{"train.py", kTrain}, {"util.py", "x = 1\n"}});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].path, "train.py");
  EXPECT_EQ(findings[0].line, 1u);
  EXPECT_EQ(findings[0].column, 8u);
}

TEST(TfMemoryGrowthProjectTest, OneConfiguringFileServesTheProject) {
  std::vector<Finding> findings = CheckProject(
      {{"gpu.py",
        "import tensorflow as tf\n\nfor gpu in tf.config.list_physical_devices('GPU'):\n"
        "    tf.config.experimental.set_memory_growth(gpu, True)\n"},
       {"train.py", kTrain}});
  EXPECT_TRUE(findings.empty());
}

}  // namespace
}  // namespace dsaudit::checks
