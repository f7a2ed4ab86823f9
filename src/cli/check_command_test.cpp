// `dsaudit check` end to end: exit status, formats, configuration, noqa,
// notebooks, fixes. The checks themselves are tested by their fixtures.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "cli/command_test_util.h"

namespace dsaudit::cli {
namespace {

namespace fs = std::filesystem;

class CheckCommandTest : public CommandTest {
 protected:
  void SetUp() override {
    CommandTest::SetUp();
    fs::create_directories(dir_ / "project");
  }
  std::string Write(const std::string& name, const std::string& bytes) {
    return CommandTest::Write("project/" + name, bytes);
  }
  CommandResult Check(const std::string& args) { return Run("check " + args, dir_ / "project"); }
  std::string Read(const std::string& name) { return ReadAll(dir_ / "project" / name); }
};

constexpr char kNotebook[] = R"json({
 "cells": [
  {"cell_type": "markdown", "metadata": {}, "source": ["# Title"]},
  {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
   "source": ["import os\n", "import sys\n", "print(sys.argv)"]}
 ],
 "metadata": {"kernelspec": {"language": "python", "name": "python3"}},
 "nbformat": 4, "nbformat_minor": 5
})json";

TEST_F(CheckCommandTest, CleanFilesExitZero) {
  Write("a.py", "import os\n\nprint(os.sep)\n");
  CommandResult run = Check("--isolated --select F401");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, "All checks passed!\n");
}

TEST_F(CheckCommandTest, FindingsExitOneInRuffsFormat) {
  Write("b.py", "import sys\n");
  Write("a.py", "import os\n");
  CommandResult run = Check("--isolated --select F401");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out,
            "a.py:1:8: F401 [*] `os` imported but unused\n"
            "b.py:1:8: F401 [*] `sys` imported but unused\n"
            "Found 2 errors.\n[*] 2 fixable with the `--fix` option.\n")
      << run.out;
}

TEST_F(CheckCommandTest, ExitZeroFlag) {
  Write("a.py", "import os\n");
  EXPECT_EQ(Check("--isolated --select F401 --exit-zero").status, 0);
}

TEST_F(CheckCommandTest, UnknownSelectorIsAUsageError) {
  Write("a.py", "x = 1\n");
  CommandResult run = Check("--isolated --select F9999");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("unknown rule selector 'F9999'"), std::string::npos) << run.err;
}

TEST_F(CheckCommandTest, BadConfigNamesFileAndLine) {
  Write("a.py", "x = 1\n");
  Write("dsaudit.toml", "line-length = 100\nselct = [\"F\"]\n");
  CommandResult run = Check("");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("dsaudit.toml:2"), std::string::npos) << run.err;
}

TEST_F(CheckCommandTest, ConfigSelectionAndPerFileIgnores) {
  Write("pyproject.toml",
        "[tool.dsaudit]\nselect = [\"F401\"]\n[tool.dsaudit.per-file-ignores]\n\"gen/*\" = "
        "[\"F401\"]\n");
  Write("a.py", "import os\n");
  Write("gen/b.py", "import os\n");
  CommandResult run = Check("");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("a.py:1:8: F401"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("gen/b.py"), std::string::npos) << run.out;
}

TEST_F(CheckCommandTest, NoqaSuppressesAndUnusedNoqaIsReported) {
  Write("a.py", "import os  # noqa: F401\nimport re  # noqa: E501\nx = 1  # noqa\n");
  CommandResult run = Check("--isolated --select F401,DS100");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out.find("`os`"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("a.py:2:8: F401"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("a.py:3:8: DS100"), std::string::npos) << run.out;
}

TEST_F(CheckCommandTest, SyntaxErrorIsReportedAndRestStillChecked) {
  Write("bad.py", "import os\nprint \"hi\"\n");
  CommandResult run = Check("--isolated --select F401,E999");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("bad.py:2:1: E999 SyntaxError: Missing parentheses in call to 'print'"),
            std::string::npos)
      << run.out;
}

TEST_F(CheckCommandTest, NotebookFindingsPointAtCells) {
  Write("analysis.ipynb", kNotebook);
  CommandResult run = Check("--isolated --select F401");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("analysis.ipynb:cell 2:1:8: F401 `os` imported but unused"),
            std::string::npos)
      << run.out;
}

TEST_F(CheckCommandTest, BrokenNotebookIsAFindingNotACrash) {
  Write("broken.ipynb", "{\"cells\": [");
  CommandResult run = Check("--isolated --select F401,DS001");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("broken.ipynb:1:12: DS001 Invalid notebook"), std::string::npos)
      << run.out;
}

TEST_F(CheckCommandTest, JsonHasTheOneFindingFormat) {
  Write("a.py", "import os\n");
  CommandResult run = Check("--isolated --select F401 --format json");
  EXPECT_EQ(run.status, 1);
  for (const char* field :
       {"\"code\": \"F401\"", "\"area\": \"code-quality\"", "\"severity\": \"minor\"",
        "\"path\": \"a.py\"", "\"line\": 1", "\"column\": 8", "\"end_line\": 1",
        "\"end_column\": 10", "\"cell\": null", "\"effort_minutes\": 1", "\"fingerprint\": \""}) {
    EXPECT_NE(run.out.find(field), std::string::npos) << field << "\n" << run.out;
  }
}

TEST_F(CheckCommandTest, SarifOutputIsValidAgainstTheSchema) {
  if (std::system("python3 -c 'import jsonschema' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "python3 with jsonschema not available";
  }
  Write("a.py", "import os\n");
  Write("nb.ipynb", kNotebook);
  CommandResult run = Check("--isolated --select F401 --format sarif -o report.sarif");
  EXPECT_EQ(run.status, 1) << run.err;
  std::string validate =
      std::string("python3 -c 'import json, sys, jsonschema; "
                  "jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))' ") +
      DSAUDIT_TEST_DATA "/schemas/sarif-schema-2.1.0.json " + (dir_ / "project/report.sarif").string();
  EXPECT_EQ(std::system(validate.c_str()), 0);
  EXPECT_NE(Read("report.sarif").find("primaryLocationLineHash"), std::string::npos);
}

TEST_F(CheckCommandTest, EveryFormatRuns) {
  Write("a.py", "import os\n");
  for (const char* format : {"text", "json", "sarif", "gitlab", "github", "junit"}) {
    CommandResult run = Check(std::string("--isolated --select F401 --format ") + format);
    EXPECT_EQ(run.status, 1) << format << ": " << run.err;
    EXPECT_NE(run.out.find("F401"), std::string::npos) << format;
  }
}

TEST_F(CheckCommandTest, StatisticsCountsPerCode) {
  Write("a.py", "import os\nimport sys\n");
  CommandResult run = Check("--isolated --select F401 --statistics");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("F401"), std::string::npos);
  EXPECT_NE(run.out.find("unused-import"), std::string::npos) << run.out;
}

TEST_F(CheckCommandTest, DiffShowsFixesAndChangesNothing) {
  std::string original = "import os, sys\n\nprint(sys.argv)\n";
  Write("a.py", original);
  CommandResult run = Check("--isolated --select F401 --diff");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("-import os, sys\n+import sys\n"), std::string::npos) << run.out;
  EXPECT_EQ(Read("a.py"), original);
}

TEST_F(CheckCommandTest, FixWritesTheFileAndReportsWhatRemains) {
  Write("a.py", "import os, sys\nimport json\n\nprint(sys.argv)\n");
  CommandResult run = Check("--isolated --select F401 --fix");
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_EQ(Read("a.py"), "import sys\n\nprint(sys.argv)\n");
  EXPECT_NE(run.out.find("Fixed 2 errors."), std::string::npos) << run.out;
}

// The import goes with its comment; on a last line without a newline the
// edit ends at the end of the file (it once wrapped to offset 0).
TEST_F(CheckCommandTest, FixRemovesACommentedImportOnTheLastLine) {
  Write("a.py", "x = 1\nimport os  # note");
  CommandResult run = Check("--isolated --select F401 --fix");
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_EQ(Read("a.py"), "x = 1\n");
  EXPECT_NE(run.out.find("Fixed 1 error."), std::string::npos) << run.out;
}

TEST_F(CheckCommandTest, FixLeavesNonUtf8FilesAlone) {
  std::string latin1 = "# -*- coding: latin-1 -*-\nimport os\ns = '\xe9'\n";
  Write("a.py", latin1);
  CommandResult run = Check("--isolated --select F401 --fix");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(Read("a.py"), latin1);
  EXPECT_NE(run.err.find("not UTF-8"), std::string::npos) << run.err;
}

TEST_F(CheckCommandTest, StdinIsCheckedUnderTheNameItIsGiven) {
  std::string input = CommandTest::Write("input.txt", "import os\n");
  CommandResult run = Check("--isolated --select F401,D100 - < " + input);
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out.substr(0, run.out.find("Found")),
            "-:1:1: D100 Missing docstring in public module\n"
            "-:1:8: F401 [*] `os` imported but unused\n")
      << run.out;
  // A private module has no public docstring to miss; a package's __init__
  // keeps its imports as its API.
  run = Check("--isolated --select F401,D100 --stdin-filename pkg/_impl.py - < " + input);
  EXPECT_EQ(run.out.substr(0, run.out.find("Found")),
            "pkg/_impl.py:1:8: F401 [*] `os` imported but unused\n")
      << run.out;
  Write("pyproject.toml",
        "[tool.dsaudit]\nselect = [\"F401\"]\n[tool.dsaudit.per-file-ignores]\n\"gen/*\" = "
        "[\"F401\"]\n");
  run = Check("--stdin-filename gen/x.py - < " + input);
  EXPECT_EQ(run.status, 0) << run.out;
}

TEST_F(CheckCommandTest, FixOnStdinWritesTheFixedSourceToStdout) {
  std::string input = CommandTest::Write("input.txt", "import os, sys\n\nprint(sys.argv)\n");
  CommandResult run = Check("--isolated --select F401 --fix - < " + input);
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, "import sys\n\nprint(sys.argv)\n");
  EXPECT_NE(run.err.find("Fixed 1 error."), std::string::npos) << run.err;
}

TEST_F(CheckCommandTest, StdinFilenameWithoutStdinIsAUsageError) {
  Write("a.py", "x = 1\n");
  CommandResult run = Check("--isolated --stdin-filename a.py a.py");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("give `-` as the path"), std::string::npos) << run.err;
}

TEST_F(CheckCommandTest, MissingPathIsAUsageError) {
  CommandResult run = Check("--isolated nowhere.py");
  EXPECT_EQ(run.status, 2);
}

TEST_F(CheckCommandTest, RulesAndRuleDocumentation) {
  CommandResult rules = Run("rules");
  EXPECT_EQ(rules.status, 0);
  EXPECT_NE(rules.out.find("F401"), std::string::npos);
  CommandResult rule = Run("rule F401");
  EXPECT_EQ(rule.status, 0);
  EXPECT_NE(rule.out.find("# F401 unused-import"), std::string::npos);
  EXPECT_NE(rule.out.find("## Why it matters"), std::string::npos);
  EXPECT_EQ(Run("rule NOPE1").status, 2);
}

}  // namespace
}  // namespace dsaudit::cli
