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

class ParseCommandTest : public CommandTest {
 protected:
  void SetUp() override {
    CommandTest::SetUp();
    std::filesystem::create_directories(dir_ / "project");
  }
  void Write(const std::string& name, const std::string& bytes) {
    CommandTest::Write("project/" + name, bytes);
  }
  // Runs from inside the project directory so paths print relative.
  CommandResult Dsaudit(const std::string& args) { return Run("parse " + args, dir_ / "project"); }

  // The summary without its timing, which varies.
  static std::string Summary(const std::string& out) {
    size_t start = out.rfind('\n', out.size() - 2);
    std::string last = out.substr(start == std::string::npos ? 0 : start + 1);
    return last.substr(0, last.rfind(", "));
  }
};

TEST_F(ParseCommandTest, CleanProjectExitsZero) {
  Write("a.py", "x = 1\n");
  Write("pkg/b.py", "def f():\n    return 2\n");
  CommandResult run = Dsaudit("");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(Summary(run.out),
            "2 files (2 Python, 0 notebooks), 3 lines, 0 syntax errors in 0 files");
}

// As `python3 z.py` and `python3 a.py` report them.
TEST_F(ParseCommandTest, SyntaxErrorsArePrintedInPathOrderAndExitOne) {
  Write("z.py", "print 'x'\n");
  Write("a.py", "if x:\n\tpass\n        pass\n");
  CommandResult run = Dsaudit("--jobs 3");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out.substr(0, run.out.find("2 files")),
            "a.py:3:1: TabError: inconsistent use of tabs and spaces in indentation\n"
            "z.py:1:1: SyntaxError: Missing parentheses in call to 'print'. Did you mean "
            "print(...)?\n");
  EXPECT_EQ(Summary(run.out),
            "2 files (2 Python, 0 notebooks), 4 lines, 2 syntax errors in 2 files");
}

TEST_F(ParseCommandTest, BadFilesGiveOneLineEachAndTheRunContinues) {
  const char elf_header[] =
      "\x7f"
      "ELF\x02\x01\x01\0\0\0\xff\xfe";
  Write("binary.py", std::string(elf_header, sizeof elf_header - 1));
  Write("latin.py", "name = 'caf\xe9'\n");
  Write("nul.py", std::string("x = 1\0\n", 7));
  Write("ok.py", "x = 1\n");
  CommandResult run = Dsaudit("");
  EXPECT_EQ(run.status, 1);
  // Binary data has two problems (a NUL, bytes that are not UTF-8); one is told.
  size_t binary_end = run.out.find('\n') + 1;
  EXPECT_EQ(run.out.find("binary.py:1:"), 0u);
  EXPECT_NE(run.out.find(": SyntaxError: "), std::string::npos);
  EXPECT_EQ(run.out.substr(binary_end, run.out.find("4 files") - binary_end),
            "latin.py:1:12: SyntaxError: Non-UTF-8 code starting with '\\xe9' on line 1, but no "
            "encoding declared; see https://peps.python.org/pep-0263/ for details\n"
            "nul.py:1:6: SyntaxError: source code cannot contain null bytes\n");
}

TEST_F(ParseCommandTest, HugeFileIsRefusedUnread) {
  Write("huge.py", "");
  // Sparse: costs no disk and no time, and is never read.
  fs::resize_file(dir_ / "project" / "huge.py", size_t{300} << 20);
  Write("ok.py", "x = 1\n");
  CommandResult run = Dsaudit("");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out.substr(0, run.out.find('\n') + 1),
            "huge.py: error: file too large (314.6 MB, limit 256 MB), not read\n");
  EXPECT_NE(run.out.find("2 files (2 Python, 0 notebooks), 1 line, 0 syntax errors in 0 files, "
                         "1 not read"),
            std::string::npos);
}

TEST_F(ParseCommandTest, NotebookErrorsNameTheCell) {
  Write("nb.ipynb", R"({"cells": [
    {"cell_type": "markdown", "metadata": {}, "source": ["# title"]},
    {"cell_type": "code", "metadata": {}, "execution_count": 1, "outputs": [],
     "source": ["!pip install pandas\n", "x = 1\n"]},
    {"cell_type": "code", "metadata": {}, "execution_count": 2, "outputs": [],
     "source": ["y = (\n", "z = 2"]}
   ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})");
  CommandResult run = Dsaudit("nb.ipynb");
  EXPECT_EQ(run.status, 1);
  // python3: compile("y = (\nz = 2\n", "", "exec") -> 1:5 '(' was never closed
  EXPECT_EQ(run.out.substr(0, run.out.find('\n') + 1),
            "nb.ipynb:cell 3:1:5: SyntaxError: '(' was never closed\n");
  EXPECT_NE(run.out.find("(0 Python, 1 notebook)"), std::string::npos);
}

TEST_F(ParseCommandTest, InvalidNotebookIsOneLine) {
  Write("broken.ipynb", "{\"cells\": [");
  CommandResult run = Dsaudit("");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out.find("broken.ipynb:"), 0u);
  EXPECT_NE(run.out.find(": error: invalid notebook: "), std::string::npos);
  EXPECT_NE(run.out.find(", 1 not read"), std::string::npos);
}

TEST_F(ParseCommandTest, MissingExplicitPathIsAUsageError) {
  Write("a.py", "x = 1\n");
  CommandResult run = Dsaudit("a.py missing.py");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "dsaudit: error: missing.py: No such file or directory\n");
  EXPECT_NE(run.out.find("1 file ("), std::string::npos);
}

TEST_F(ParseCommandTest, QuietPrintsOnlyTheSummary) {
  Write("bad.py", "x = (\n");
  fs::create_symlink("nowhere.py", dir_ / "project" / "dangling.py");
  CommandResult run = Dsaudit("--quiet");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out.find("1 file ("), 0u);
  EXPECT_EQ(run.err, "");
}

TEST_F(ParseCommandTest, BrokenSymlinkIsAWarning) {
  fs::create_symlink("nowhere.py", dir_ / "project" / "dangling.py");
  CommandResult run = Dsaudit("");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.err, "dangling.py: warning: broken symbolic link\n");
}

TEST_F(ParseCommandTest, BadJobsIsAUsageError) { EXPECT_EQ(Dsaudit("--jobs 0").status, 2); }

}  // namespace
}  // namespace dsaudit::cli
