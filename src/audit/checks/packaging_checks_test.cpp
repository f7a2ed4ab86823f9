// DS811-DS816 on small fixture projects.
#include "audit/audit_test_util.h"

namespace dsaudit::audit {
namespace {

class PackagingChecksTest : public AuditFixture {};

TEST_F(PackagingChecksTest, NotInstallable) {
  Write("train.py", "x = 1\n");
  EXPECT_EQ(Run("DS811").size(), 1u);
  Write("pyproject.toml", "[project]\nname = \"x\"\nversion = \"1\"\n");
  EXPECT_TRUE(Run("DS811").empty());
}

TEST_F(PackagingChecksTest, UnpinnedRequirementsWithExactPositions) {
  Write("requirements.txt", "# runtime\npandas==2.2.2\n  scikit-learn>=1.0  # ml\n-r base.txt\nnumpy\n");
  std::vector<Finding> findings = Run("DS812");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].line, 3u);
  EXPECT_EQ(findings[0].column, 3u);
  EXPECT_EQ(findings[0].end_column, 20u);
  EXPECT_EQ(findings[0].message, "dependency 'scikit-learn>=1.0' is not pinned to an exact version");
  EXPECT_EQ(findings[1].line, 5u);
  EXPECT_FALSE(findings[0].fingerprint.empty());
}

TEST_F(PackagingChecksTest, UnpinnedPyprojectDependencyAndLockFile) {
  Write("pyproject.toml", "[project]\nname = \"x\"\ndependencies = [\n  \"pandas>=2\",\n  \"numpy==1.26.4\",\n]\n");
  std::vector<Finding> findings = Run("DS812");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].path, "pyproject.toml");
  EXPECT_EQ(findings[0].line, 4u);
  EXPECT_EQ(findings[0].column, 3u);
  Write("uv.lock", "version = 1\n");
  EXPECT_TRUE(Run("DS812").empty());
}

TEST_F(PackagingChecksTest, CompetingManagers) {
  Write("requirements.txt", "pandas==2.2.2\n");
  EXPECT_TRUE(Run("DS813").empty());
  Write("environment.yml", "name: x\ndependencies:\n  - pandas=2.2\n");
  std::vector<Finding> findings = Run("DS813");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "2 dependency managers compete: pip (requirements.txt), conda (environment.yml)");
}

TEST_F(PackagingChecksTest, UndeclaredImportsUseTheNameTable) {
  Write("requirements.txt", "scikit-learn==1.4.2\nPyYAML==6.0\n");
  Write("train.py",
        "import os, sys\nimport sklearn.linear_model\nimport yaml\nfrom helpers import f\n"
        "from . import local\nimport xgboost as xgb\n");
  Write("helpers.py", "def f():\n    pass\n");
  std::vector<Finding> findings = Run("DS814");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 6u);
  EXPECT_EQ(findings[0].column, 8u);
  EXPECT_EQ(findings[0].end_column, 15u);
  EXPECT_EQ(findings[0].message,
            "'xgboost' is imported but no declared dependency provides it (expected 'xgboost')");
}

TEST_F(PackagingChecksTest, UnusedDependenciesSkipToolsAndNotebookImportsCount) {
  Write("requirements.txt", "opencv-python==4.9\npytest==8\nseaborn==0.13\nPillow==10\n");
  Write("a.py", "import cv2\n");
  Write("n.ipynb", "{\"cells\": [{\"source\": [\n    \"from PIL import Image\\n\"\n]}]}\n");
  std::vector<Finding> findings = Run("DS815");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "dependency 'seaborn' is never imported");
}

TEST_F(PackagingChecksTest, DockerInstallsWithoutLockFile) {
  Write("Dockerfile", "FROM python:3.11-slim\nRUN pip install --no-cache-dir pandas flask\n");
  std::vector<Finding> findings = Run("DS816");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 2u);
  Write("Dockerfile", "FROM python:3.11-slim\nCOPY requirements.txt .\n"
                      "RUN pip install --no-cache-dir -r requirements.txt\n");
  EXPECT_TRUE(Run("DS816").empty());
}

}  // namespace
}  // namespace dsaudit::audit
