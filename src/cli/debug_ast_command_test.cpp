// Runs the real binary: the command's contract is its output and exit status.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "cli/command_test_util.h"

namespace dsaudit::cli {
namespace {

namespace fs = std::filesystem;

class DebugAstCommandTest : public CommandTest {
 protected:
  CommandResult Dsaudit(const std::string& args) { return Run("debug ast " + args); }
};

// python3: ast.dump(ast.parse(b'x = 1\n'), include_attributes=...)
TEST_F(DebugAstCommandTest, PrintsHeaderAndDumpPerFile) {
  std::string file = Write("a.py", "x = 1\n");
  CommandResult run = Dsaudit(file + " --attributes " + file);
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out,
            "== " + file +
                "\nModule(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, "
                "end_lineno=1, end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, "
                "end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, "
                "end_col_offset=5)], type_ignores=[])\n== " +
                file +
                "\nModule(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, "
                "col_offset=0, end_lineno=1, end_col_offset=1)], value=Constant(value=1, lineno=1, "
                "col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, "
                "end_lineno=1, end_col_offset=5)], type_ignores=[])\n");
  EXPECT_EQ(run.err, "");
}

TEST_F(DebugAstCommandTest, SyntaxErrorIsReportedAndNextFileStillDumped) {
  std::string bad = Write("bad.py", "x = (\n");
  std::string good = Write("good.py", "pass\n");
  CommandResult run = Dsaudit(bad + " " + good);
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "== " + good + "\nModule(body=[Pass()], type_ignores=[])\n");
  EXPECT_EQ(run.err.rfind(bad + ":1:", 0), 0u) << run.err;
  EXPECT_NE(run.err.find(": SyntaxError: "), std::string::npos) << run.err;
}

TEST_F(DebugAstCommandTest, UnreadableFilesExitWithTwo) {
  std::string good = Write("good.py", "pass\n");
  std::string missing = (dir_ / "missing.py").string();
  CommandResult run = Dsaudit(missing + " " + dir_.string() + " " + good);
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.out, "== " + good + "\nModule(body=[Pass()], type_ignores=[])\n");
  EXPECT_NE(run.err.find("cannot read " + missing + ": No such file or directory"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("cannot read " + dir_.string() + ": Is a directory"), std::string::npos)
      << run.err;
}

}  // namespace
}  // namespace dsaudit::cli
