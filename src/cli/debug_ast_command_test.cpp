// Runs the real binary: the command's contract is its output and exit status.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace dsaudit::cli {
namespace {

namespace fs = std::filesystem;

struct CommandResult {
  int status = -1;
  std::string out;
  std::string err;
};

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class DebugAstCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dsaudit_debug_ast_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  CommandResult Dsaudit(const std::string& args) {
    std::string command = std::string(DSAUDIT_BINARY) + " debug ast " + args + " >" +
                          (dir_ / "out").string() + " 2>" + (dir_ / "err").string();
    CommandResult run;
    int raw = std::system(command.c_str());
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.out = ReadAll(dir_ / "out");
    run.err = ReadAll(dir_ / "err");
    return run;
  }

  fs::path dir_;
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
  EXPECT_NE(run.err.find("cannot read " + missing + ": no such file or directory"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("cannot read " + dir_.string() + ": is a directory"), std::string::npos)
      << run.err;
}

}  // namespace
}  // namespace dsaudit::cli
