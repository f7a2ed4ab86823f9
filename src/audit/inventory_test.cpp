#include "audit/inventory.h"

#include "audit/audit_test_util.h"

namespace dsaudit::audit {
namespace {

TEST(ClassifyPathTest, PackagingFiles) {
  EXPECT_EQ(ClassifyPath("requirements.txt"), FileRole::kRequirements);
  EXPECT_EQ(ClassifyPath("requirements-dev.txt"), FileRole::kRequirements);
  EXPECT_EQ(ClassifyPath("requirements/base.txt"), FileRole::kRequirements);
  EXPECT_EQ(ClassifyPath("pyproject.toml"), FileRole::kPyproject);
  EXPECT_EQ(ClassifyPath("Pipfile.lock"), FileRole::kPipfileLock);
  EXPECT_EQ(ClassifyPath("poetry.lock"), FileRole::kPoetryLock);
  EXPECT_EQ(ClassifyPath("environment.yml"), FileRole::kCondaEnv);
  EXPECT_EQ(ClassifyPath("notes.txt"), FileRole::kOther);
}

TEST(ClassifyPathTest, InfrastructureAndCi) {
  EXPECT_EQ(ClassifyPath("Dockerfile"), FileRole::kDockerfile);
  EXPECT_EQ(ClassifyPath("docker/Dockerfile.gpu"), FileRole::kDockerfile);
  EXPECT_EQ(ClassifyPath("docker-compose.prod.yml"), FileRole::kCompose);
  EXPECT_EQ(ClassifyPath("infra/main.tf"), FileRole::kTerraform);
  EXPECT_EQ(ClassifyPath(".github/workflows/ci.yaml"), FileRole::kGithubWorkflow);
  EXPECT_EQ(ClassifyPath(".gitlab-ci.yml"), FileRole::kGitlabCi);
  EXPECT_EQ(ClassifyPath("Jenkinsfile"), FileRole::kJenkinsfile);
  EXPECT_EQ(ClassifyPath(".circleci/config.yml"), FileRole::kCircleCi);
  EXPECT_EQ(ClassifyPath(".pre-commit-config.yaml"), FileRole::kPreCommit);
  EXPECT_EQ(ClassifyPath("noxfile.py"), FileRole::kNoxfile);
  EXPECT_EQ(ClassifyPath(".env"), FileRole::kEnvFile);
  EXPECT_EQ(ClassifyPath(".env.example"), FileRole::kOther);
  EXPECT_EQ(ClassifyPath("CHANGELOG.md"), FileRole::kChangelog);
}

TEST(LooksLikeKubernetesTest, NeedsApiVersionAndKindInOneDocument) {
  EXPECT_TRUE(LooksLikeKubernetes("apiVersion: apps/v1\nkind: Deployment\n"));
  EXPECT_FALSE(LooksLikeKubernetes("apiVersion: v1\n---\nkind: Foo\n"));
  EXPECT_FALSE(LooksLikeKubernetes("name: build\non: push\n"));
}

TEST(IsTestPathTest, PytestConventions) {
  EXPECT_TRUE(IsTestPath("tests/helpers.py"));
  EXPECT_TRUE(IsTestPath("pkg/test_model.py"));
  EXPECT_TRUE(IsTestPath("pkg/model_test.py"));
  EXPECT_FALSE(IsTestPath("pkg/testing_utils.py"));
}

class InventoryTest : public AuditFixture {};

TEST_F(InventoryTest, WalksOnceHonouringGitignoreAndSkippingVenvs) {
  Write(".gitignore", "data/\n*.log\n");
  Write("train.py", "import pandas\n");
  Write("data/dump.py", "x = 1\n");
  Write("venv/pyvenv.cfg", "home = /usr\n");
  Write("venv/lib/site.py", "x = 1\n");
  Write("k8s/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\n");
  Write("config.yaml", "a: 1\n");
  Write("tests/test_train.py", "def test_x():\n    pass\n");
  Inventory inventory = BuildInventory(root_);
  std::vector<std::string> paths;
  for (const InventoryFile& file : inventory.files) paths.push_back(file.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"k8s/deploy.yaml", "tests/test_train.py", "train.py"}));
  EXPECT_EQ(inventory.files[0].role, FileRole::kKubernetes);
  EXPECT_TRUE(inventory.files[1].is_test);
  EXPECT_EQ(inventory.CodeLines(), 1u);
  EXPECT_EQ(inventory.TestLines(), 2u);
}

TEST(IsHelmValuesNameTest, ValuesFilesAndTheirEnvironmentVariants) {
  EXPECT_TRUE(IsHelmValuesName("values.yaml"));
  EXPECT_TRUE(IsHelmValuesName("values.yml"));
  EXPECT_TRUE(IsHelmValuesName("values-prod.yaml"));
  EXPECT_TRUE(IsHelmValuesName("values.staging.yaml"));
  EXPECT_TRUE(IsHelmValuesName("values_dev.yml"));
  EXPECT_FALSE(IsHelmValuesName("valuesprod.yaml"));
  EXPECT_FALSE(IsHelmValuesName("values.json"));
  EXPECT_FALSE(IsHelmValuesName("my-values.yaml"));
}

TEST(ClassifyPathTest, MonitoringConfiguration) {
  EXPECT_EQ(ClassifyPath("monitoring/prometheus.yml"), FileRole::kMonitoringConfig);
  EXPECT_EQ(ClassifyPath("alertmanager.yaml"), FileRole::kMonitoringConfig);
  EXPECT_EQ(ClassifyPath("ops/api.rules.yml"), FileRole::kMonitoringConfig);
  EXPECT_EQ(ClassifyPath("zabbix_template.xml"), FileRole::kMonitoringConfig);
  EXPECT_EQ(ClassifyPath("zabbix.txt"), FileRole::kOther);
  EXPECT_TRUE(LooksLikePrometheusRules("groups:\n- name: a\n  rules:\n  - alert: Down\n"));
  EXPECT_FALSE(LooksLikePrometheusRules("groups:\n- name: a\n"));
}

}  // namespace
}  // namespace dsaudit::audit
