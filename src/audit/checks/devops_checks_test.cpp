// DS831-DS835 on small fixture projects.
#include "audit/audit_test_util.h"

namespace dsaudit::audit {
namespace {

class DevopsChecksTest : public AuditFixture {};

TEST_F(DevopsChecksTest, NoCi) {
  Write("app.py", "x = 1\n");
  EXPECT_EQ(Run("DS831").size(), 1u);
  Write(".gitlab-ci.yml", "test:\n  script: pytest\n");
  EXPECT_TRUE(Run("DS831").empty());
}

TEST_F(DevopsChecksTest, CiWithoutLinter) {
  Write("app.py", "x = 1\n");
  Write(".gitlab-ci.yml", "test:\n  script: pytest\n");
  std::vector<Finding> findings = Run("DS832");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].path, ".gitlab-ci.yml");
  EXPECT_EQ(findings[0].line, 0u);
  Write(".gitlab-ci.yml", "test:\n  script:\n    - ruff check .\n    - pytest\n");
  EXPECT_TRUE(Run("DS832").empty());
}

TEST_F(DevopsChecksTest, JenkinsfileWithoutTestStage) {
  Write("Jenkinsfile", "pipeline {\n  stages {\n    stage('Build') { steps { sh 'make' } }\n  }\n}\n");
  std::vector<Finding> findings = Run("DS833");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 1u);
  EXPECT_EQ(findings[0].column, 1u);
  Write("Jenkinsfile", "pipeline {\n  stages {\n    stage('Unit tests') { steps { sh 'make check' } }\n  }\n}\n");
  EXPECT_TRUE(Run("DS833").empty());
}

TEST_F(DevopsChecksTest, VersioningPolicy) {
  Write("app.py", "x = 1\n");
  std::vector<Finding> findings = Run("DS834");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "no versioning policy: no package version, no git tags, no changelog");
  Write("pyproject.toml", "[project]\nname = \"x\"\nversion = \"1.0\"\n");
  Write("CHANGELOG.md", "# 1.0\n");
  EXPECT_TRUE(Run("DS834").empty());
}

TEST_F(DevopsChecksTest, LintConfig) {
  Write("app.py", "x = 1\n");
  EXPECT_EQ(Run("DS835").size(), 1u);
  Write("pyproject.toml", "[tool.ruff]\nline-length = 100\n");
  EXPECT_TRUE(Run("DS835").empty());
}

}  // namespace
}  // namespace dsaudit::audit
