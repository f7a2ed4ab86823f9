// Runs the real binary: the command's contract is its output and exit status.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "cli/command_test_util.h"

namespace dsaudit::cli {
namespace {

namespace fs = std::filesystem;

class DebugScopesCommandTest : public CommandTest {
 protected:
  // Runs `dsaudit debug scopes ARGS`; returns the exit status, fills out_/err_.
  int Dsaudit(const std::string& args) {
    CommandResult run = Run("debug scopes " + args);
    out_ = run.out;
    err_ = run.err;
    return run.status;
  }
  std::string out_;
  std::string err_;
};

TEST_F(DebugScopesCommandTest, PrintsModelPerFile) {
  std::string file = Write("a.py", "import os\ndef f():\n    return os.sep + missing\n");
  EXPECT_EQ(Dsaudit(file), 0);
  EXPECT_EQ(out_, "== " + file +
                      "\nscope module\n"
                      "  import os 1:8 refs=1 = os\n"
                      "  function f 2:5 refs=0\n"
                      "  scope function f 2:1\n"
                      "unresolved:\n"
                      "  missing 3:21\n");
  EXPECT_EQ(err_, "");
}

TEST_F(DebugScopesCommandTest, PackageInitDefinesPath) {
  std::string file = Write("__init__.py", "print(__path__)\n");
  EXPECT_EQ(Dsaudit(file), 0);
  EXPECT_EQ(out_.find("unresolved"), std::string::npos) << out_;
}

TEST_F(DebugScopesCommandTest, SyntaxErrorsStillModelTheRecoveredTree) {
  std::string bad = Write("bad.py", "x = (\n");
  EXPECT_EQ(Dsaudit(bad), 1);
  EXPECT_EQ(out_.rfind("== " + bad + "\nscope module\n", 0), 0u) << out_;
  EXPECT_EQ(err_.rfind(bad + ":1:", 0), 0u) << err_;
}

TEST_F(DebugScopesCommandTest, UnreadableFilesExitWithTwo) {
  std::string missing = (dir_ / "missing.py").string();
  EXPECT_EQ(Dsaudit(missing + " " + dir_.string()), 2);
  EXPECT_NE(err_.find("cannot read " + missing + ": No such file or directory"), std::string::npos)
      << err_;
  EXPECT_NE(err_.find("cannot read " + dir_.string() + ": Is a directory"), std::string::npos)
      << err_;
}

}  // namespace
}  // namespace dsaudit::cli
