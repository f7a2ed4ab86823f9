// The file-level monitoring checks on whole modules: the cases a fixture
// (one module, one verdict) cannot show side by side.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checks/engine.h"

namespace dsaudit::checks {
namespace {

std::vector<std::string> Codes(const std::string& code, const std::string& path,
                               const std::string& source) {
  config::Config config;
  config.selections.push_back({.select = std::vector<std::string>{code}});
  Engine engine(config);
  FileOutcome outcome = engine.CheckFile({.path = path, .bytes = source});
  std::vector<std::string> codes;
  for (const Finding& finding : outcome.findings) codes.push_back(finding.code);
  return codes;
}

const char kEntryPoint[] =
    "import logging\n"
    "logger = logging.getLogger(__name__)\n"
    "if __name__ == '__main__':\n"
    "    {}\n"
    "    logger.info('start')\n";

std::string EntryPoint(const std::string& setup) {
  std::string text = kEntryPoint;
  text.replace(text.find("{}"), 2, setup);
  return text;
}

TEST(LoggingNotConfiguredTest, ReportsEntryPointWithoutConfiguration) {
  EXPECT_EQ(Codes("DS702", "train.py", EntryPoint("pass")), std::vector<std::string>{"DS702"});
}

TEST(LoggingNotConfiguredTest, AcceptsBasicConfig) {
  EXPECT_TRUE(Codes("DS702", "train.py", EntryPoint("logging.basicConfig(level=logging.INFO)"))
                  .empty());
}

TEST(LoggingNotConfiguredTest, AcceptsDictConfigAndHandlers) {
  EXPECT_TRUE(Codes("DS702", "train.py",
                    "import logging.config\n" + EntryPoint("logging.config.dictConfig(CONFIG)"))
                  .empty());
  EXPECT_TRUE(
      Codes("DS702", "train.py", EntryPoint("logger.addHandler(logging.StreamHandler())")).empty());
}

TEST(LoggingNotConfiguredTest, AcceptsProjectSetupFunction) {
  EXPECT_TRUE(Codes("DS702", "train.py", EntryPoint("setup_logging()")).empty());
}

TEST(LoggingNotConfiguredTest, IgnoresModulesWithoutMainGuard) {
  EXPECT_TRUE(
      Codes("DS702", "lib.py", "import logging\nlogger = logging.getLogger(__name__)\n").empty());
}

TEST(PrintInLibraryTest, IgnoresScriptsAndCommandLineTools) {
  const std::string body = "def f():\n    print('x')\n";
  EXPECT_EQ(Codes("DS701", "pkg/lib.py", body), std::vector<std::string>{"DS701"});
  EXPECT_TRUE(Codes("DS701", "pkg/lib.py", body + "if __name__ == '__main__':\n    f()\n").empty());
  EXPECT_TRUE(Codes("DS701", "pkg/lib.py", body + "f()\n").empty());
  EXPECT_TRUE(Codes("DS701", "pkg/cli.py", "import argparse\n" + body).empty());
  EXPECT_TRUE(Codes("DS701", "tests/test_lib.py", body).empty());
  EXPECT_TRUE(Codes("DS701", "pkg/__main__.py", body).empty());
}

}  // namespace
}  // namespace dsaudit::checks
