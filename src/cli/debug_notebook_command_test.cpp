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

class DebugNotebookCommandTest : public CommandTest {
 protected:
  CommandResult Dsaudit(const std::string& args) { return Run("debug notebook " + args); }
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
