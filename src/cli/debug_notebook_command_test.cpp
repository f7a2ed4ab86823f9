// Runs the real binary: the command's contract is its output and exit status.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

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

class DebugNotebookCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dsaudit_debug_notebook_" + std::to_string(::getpid()) + "_" +
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
    std::string command = std::string(DSAUDIT_BINARY) + " debug notebook " + args + " >" +
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

TEST_F(DebugNotebookCommandTest, PrintsCellsMagicsAndLabelledSource) {
  std::string path = Write("a.ipynb", R"({"nbformat": 4, "nbformat_minor": 5,
    "metadata": {"kernelspec": {"name": "python3", "language": "python"}}, "cells": [
    {"cell_type": "markdown", "metadata": {}, "source": "# Title"},
    {"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [],
     "source": ["!pip install pandas\n", "import pandas"]},
    {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
     "source": ["%%bash\n", "ls"]}]})");
  CommandResult run = Dsaudit(path);
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, "== " + path + "\n" +
                         "nbformat 4.5, language python, kernel python3, 3 cells, 1 in the Python "
                         "source\n"
                         "cell 1 markdown\n"
                         "cell 2 code [2], source lines 1-2\n"
                         "  1:1 shell pip: !pip install pandas\n"
                         "cell 3 code [ ], not Python\n"
                         "  1:1 cell-magic bash: %%bash\n"
                         "-- Python source\n"
                         "cell 2:1     | pass               \n"
                         "cell 2:2     | import pandas\n");
  EXPECT_EQ(run.err, "");
}

TEST_F(DebugNotebookCommandTest, BrokenNotebookExitsOneAndGoesOn) {
  std::string bad = Write("bad.ipynb", "{\"nbformat\": 4, \"cells\": [");
  std::string good = Write("good.ipynb", R"({"nbformat": 4, "cells": []})");
  CommandResult run = Dsaudit(bad + " " + good);
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err, bad +
                         ": error: invalid JSON at line 1, column 27: the file ends where a value "
                         "was expected (truncated?)\n");
  EXPECT_NE(run.out.find("== " + good), std::string::npos);
}

TEST_F(DebugNotebookCommandTest, UnreadableFileExitsTwo) {
  CommandResult run = Dsaudit((dir_ / "missing.ipynb").string() + " " + dir_.string());
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("cannot read"), std::string::npos);
}

}  // namespace
}  // namespace dsaudit::cli
