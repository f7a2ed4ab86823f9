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

}  // namespace
}  // namespace dsaudit::audit
