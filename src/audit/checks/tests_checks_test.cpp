// DS801-DS804 on small fixture projects.
#include "audit/audit_test_util.h"

namespace dsaudit::audit {
namespace {

class TestsChecksTest : public AuditFixture {};

TEST_F(TestsChecksTest, NoTests) {
  Write("train.py", "print(1)\n");
  ASSERT_EQ(Run("DS801").size(), 1u);
  Write("tests/test_train.py", "def test_one():\n    assert True\n");
  EXPECT_TRUE(Run("DS801").empty());
}

TEST_F(TestsChecksTest, LowTestRatio) {
  std::string code;
  for (int i = 0; i < 100; ++i) code += "x = 1\n";
  Write("model.py", code);
  Write("test_model.py", "def test_x():\n    pass\n");
  std::vector<Finding> findings = Run("DS802");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "test-to-code ratio is 0.02 (2 test lines for 100 code lines), below 0.2");
  EXPECT_TRUE(findings[0].path.empty());
}

TEST_F(TestsChecksTest, CoverageConfiguredInPyprojectOrCoveragerc) {
  Write("model.py", "x = 1\n");
  Write("tests/test_model.py", "def test_x():\n    pass\n");
  EXPECT_EQ(Run("DS803").size(), 1u);
  Write("pyproject.toml", "[tool.pytest.ini_options]\naddopts = \"--cov=model\"\n");
  EXPECT_TRUE(Run("DS803").empty());
}

TEST_F(TestsChecksTest, TestsNotRunInCi) {
  Write("model.py", "x = 1\n");
  Write("tests/test_model.py", "def test_x():\n    pass\n");
  Write(".github/workflows/ci.yml", "on: push\njobs:\n  b:\n    steps:\n      - run: ruff check .\n");
  std::vector<Finding> findings = Run("DS804");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].path, ".github/workflows/ci.yml");
  Write(".github/workflows/ci.yml", "on: push\njobs:\n  b:\n    steps:\n      - run: pytest -q\n");
  EXPECT_TRUE(Run("DS804").empty());
}

TEST_F(TestsChecksTest, CoverageBelowTheDefaultTarget) {
  Write("model.py", "x = 1\n");
  Write("tests/test_model.py", "def test_x():\n    pass\n");
  Write(".gitignore", "coverage.xml\n");  // reports are build output: read all the same
  Write("coverage.xml",
        "<?xml version=\"1.0\" ?>\n<coverage line-rate=\"0.625\" lines-valid=\"400\" "
        "lines-covered=\"250\"><packages/></coverage>\n");
  std::vector<Finding> findings = Run("DS805");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].path, "coverage.xml");
  EXPECT_EQ(findings[0].line, 0u);
  EXPECT_EQ(findings[0].message,
            "line coverage is 62.5%, below the target of 80% (the default; no fail_under is "
            "set): about 70 more of 400 lines to cover");
  EXPECT_EQ(findings[0].effort_minutes, 210u);  // 70 lines at 3 minutes
}

TEST_F(TestsChecksTest, CoverageAgainstTheProjectsOwnTarget) {
  Write("model.py", "x = 1\n");
  Write("coverage.json", R"({"totals": {"percent_covered": 72.0, "num_statements": 50}})");
  Write("pyproject.toml", "[tool.coverage.report]\nfail_under = 70\n");
  EXPECT_TRUE(Run("DS805").empty());
  Write("pyproject.toml", "[tool.coverage.report]\nfail_under = 75\n");
  std::vector<Finding> findings = Run("DS805");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "line coverage is 72.0%, below the target of 75% (set in pyproject.toml): about 2 "
            "more of 50 lines to cover");
  EXPECT_EQ(findings[0].effort_minutes, 30u);  // the floor
}

TEST_F(TestsChecksTest, NoCoverageFindingWithoutAReadableReport) {
  Write("model.py", "x = 1\n");
  EXPECT_TRUE(Run("DS805").empty());
  Write("coverage.xml", "<testsuites/>");
  EXPECT_TRUE(Run("DS805").empty());
}

}  // namespace
}  // namespace dsaudit::audit
