// BLE001 judges `from .log import logger` as ruff does: resolved against the
// file's package when it has one (not the logging module: reported), judged
// by its name when it has none (stdin, a loose script).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "checks/engine.h"

namespace dsaudit::checks {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSource =
    "from .log import logger\n"
    "\n"
    "\n"
    "def handle():\n"
    "    try:\n"
    "        run()\n"
    "    except BaseException:\n"
    "        logger.error('failed', exc_info=True)\n";

size_t CountFindings(const std::string& path) {
  config::Config config;
  config.selections.push_back({.select = std::vector<std::string>{"BLE001"}});
  Engine engine(config);
  return engine.CheckFile({.path = path, .bytes = kSource}).findings.size();
}

TEST(BlindExceptTest, RelativeLoggerOutsideAPackageIsJudgedByName) {
  EXPECT_EQ(CountFindings("-"), 0u);
}

TEST(BlindExceptTest, RelativeLoggerInsideAPackageIsNotTheLoggingModule) {
  fs::path package = fs::temp_directory_path() /
                    ("dsaudit_blind_except_test_" + std::to_string(::getpid())) / "events";
  fs::create_directories(package);
  std::ofstream(package / "__init__.py").put('\n');
  EXPECT_EQ(CountFindings((package / "base.py").string()), 1u);
  fs::remove_all(package.parent_path());
}

}  // namespace
}  // namespace dsaudit::checks
