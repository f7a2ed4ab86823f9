// DS851-DS854 on fixture projects, and `dsaudit audit --history/--baseline`
// end to end. The per-format cases live in the corpus test
// (src/audit/secrets/corpus_test.cpp).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "audit/audit_test_util.h"
#include "audit/checks/secret_in_git_history.h"

namespace dsaudit::audit {
namespace {

// Keys are assembled at run time: no literal here has a real key's shape.
// Variants 'Q', 'R', 'S': different keys with a real key's entropy.
std::string FakeAwsKey(char variant) {
  std::string tail = "QRSTUVWXYZ234567";
  std::rotate(tail.begin(), tail.begin() + (variant - 'Q'), tail.end());
  return "AK" + std::string("IA") + "FAKE" + tail.substr(0, 12);
}
std::string FakeGithubToken() { return "gh" + std::string("p_") + "FAKE0a1b2c3d4e5f6g7h8i9j0kLmNoPqRsTu"; }

struct CliResult {
  int status = -1;
  std::string out;
};

CliResult RunCli(const std::string& args) {
  CliResult result;
  FILE* pipe = ::popen((std::string(DSAUDIT_BINARY) + " " + args + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof(buffer), pipe)) > 0;) result.out.append(buffer, n);
  int raw = ::pclose(pipe);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return result;
}

class SecretChecksTest : public AuditFixture {
 protected:
  void Git(const std::string& args) {
    std::string command = "git -C '" + root_.string() +
                          "' -c user.name=dsaudit -c user.email=dsaudit@invalid "
                          "-c commit.gpgsign=false " + args + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  }
};

TEST_F(SecretChecksTest, HardcodedSecretInAnyFileKind) {
  Write("web/config.js", "export const key = \"" + FakeAwsKey('Q') + "\";\n");
  Write("README.md", "Deploy with `" + FakeGithubToken() + "`.\n");
  Write("data/image.png", std::string("\x89PNG\0\0", 6) + FakeAwsKey('R'));
  Write("blob.dat2", std::string("bin\0ary", 7) + FakeAwsKey('S'));
  std::vector<Finding> findings = Run("DS851");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].path, "README.md");
  EXPECT_EQ(findings[0].message, "GitHub token 'ghp_********************************' in README.md");
  EXPECT_EQ(findings[1].path, "web/config.js");
  EXPECT_EQ(findings[1].line, 1u);
  EXPECT_EQ(findings[1].column, 21u);
  EXPECT_EQ(findings[1].end_column, 41u);
  EXPECT_EQ(findings[1].message, "AWS access key ID 'AKIA****************' in config.js");
}

TEST_F(SecretChecksTest, FingerprintsSurviveMovedLinesButNotOtherPaths) {
  Write("a.ini", "key = " + FakeAwsKey('Q') + "\n");
  std::string before = Run("DS851").at(0).fingerprint;
  Write("a.ini", "# moved down\n\nkey = " + FakeAwsKey('Q') + "\n");
  EXPECT_EQ(Run("DS851").at(0).fingerprint, before);
  std::filesystem::rename(root_ / "a.ini", root_ / "b.ini");
  EXPECT_NE(Run("DS851").at(0).fingerprint, before);
}

TEST_F(SecretChecksTest, WeakPasswordOutsidePythonOnly) {
  Write(".env", "DB_PASSWORD=admin\n");
  Write("app.py", "password = \"admin\"\n");  // DS601's
  Write("tests/fixtures.yaml", "password: admin\n");
  std::vector<Finding> findings = Run("DS852");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].path, ".env");
  EXPECT_EQ(findings[0].message, "weak, commonly used password 'a****' assigned to DB_PASSWORD in .env");
}

TEST_F(SecretChecksTest, CommittedEnvAndCredentialFiles) {
  Write(".env", "# nothing set\nDEBUG=\n");
  Write("services/api/.env.production", "DEBUG=0\nAPI_URL=https://api\n");
  Write(".env.example", "DB_PASSWORD=\n");
  Write("deploy/id_rsa", "not really a key\n");
  Write("terraform/terraform.tfstate", "{}\n");
  Write("certs/server.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
  Write(".gitignore", "secrets/\n");
  Write("secrets/id_rsa", "ignored\n");
  std::vector<Finding> findings = Run("DS853");
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].path, "deploy/id_rsa");
  EXPECT_EQ(findings[0].message, "SSH private key deploy/id_rsa is committed");
  EXPECT_EQ(findings[1].path, "services/api/.env.production");
  EXPECT_EQ(findings[1].message,
            "environment file services/api/.env.production is committed with 2 variables set");
  EXPECT_EQ(findings[1].line, 0u);
  EXPECT_EQ(findings[2].path, "terraform/terraform.tfstate");
}

TEST_F(SecretChecksTest, HistoryReportsSecretsRemovedSince) {
  Write("deploy.ini", "key = " + FakeAwsKey('Q') + "\npassword = admin\n");
  Write("app.yaml", "token: " + FakeGithubToken() + "\n");
  Git("init -q");
  Git("add -A");
  Git("commit -q -m first");
  Write("deploy.ini", "key = ${AWS_KEY}\n");
  Git("commit -q -am second");
  std::vector<Finding> findings = FindSecretsInGitHistory(BuildInventory(root_));
  std::sort(findings.begin(), findings.end(), FindingLess);
  // The GitHub token is still in app.yaml: DS851's, not history's.
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].code, "DS854");
  EXPECT_EQ(findings[0].path, "deploy.ini");
  EXPECT_EQ(findings[0].line, 1u);
  EXPECT_NE(findings[0].message.find("AWS access key ID 'AKIA****************' in deploy.ini was committed in "),
            std::string::npos)
      << findings[0].message;
  EXPECT_EQ(findings[1].line, 2u);
  EXPECT_NE(findings[1].message.find("weak, commonly used password"), std::string::npos);
  for (const Finding& finding : findings) {
    EXPECT_EQ(finding.message.find(FakeAwsKey('Q')), std::string::npos);
  }
  // Stable: the same history gives the same fingerprints.
  std::vector<Finding> again = FindSecretsInGitHistory(BuildInventory(root_));
  std::sort(again.begin(), again.end(), FindingLess);
  EXPECT_EQ(again.at(0).fingerprint, findings[0].fingerprint);
}

TEST_F(SecretChecksTest, HistoryOfASubdirectoryStaysInside) {
  Write("other/README.md", "other\n");
  Write("project/README.md", "project\n");
  Write("other/deploy.ini", "key = " + FakeAwsKey('Q') + "\n");
  Write("project/deploy.ini", "key = " + FakeAwsKey('R') + "\n");
  Git("init -q");
  Git("add -A");
  Git("commit -q -m first");
  Git("rm -q other/deploy.ini project/deploy.ini");
  Git("commit -q -m second");
  std::vector<Finding> findings = FindSecretsInGitHistory(BuildInventory(root_ / "project"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].path, "deploy.ini");
  EXPECT_TRUE(FindSecretsInGitHistory(BuildInventory(root_ / "other" / "..")).size() == 2u);
}

TEST_F(SecretChecksTest, NoRepositoryNoHistoryFindings) {
  Write("deploy.ini", "key = " + FakeAwsKey('Q') + "\n");
  // Not a repository (or, were the temporary directory in one, a file that
  // is not in its history).
  EXPECT_TRUE(FindSecretsInGitHistory(BuildInventory(root_)).empty());
}

TEST_F(SecretChecksTest, AuditCommandHistoryBaselineAndNoSecretPrinted) {
  Write("deploy.ini", "key = " + FakeAwsKey('Q') + "\n");
  Git("init -q");
  Git("add -A");
  Git("commit -q -m first");
  Write("deploy.ini", "key = ${AWS_KEY}\nother = " + FakeAwsKey('R') + "\n");
  const std::string root = "'" + root_.string() + "'";
  CliResult plain = RunCli("audit --isolated --format json " + root);
  EXPECT_EQ(plain.out.find("\"DS854\""), std::string::npos);
  CliResult history = RunCli("audit --isolated --history --format json " + root);
  EXPECT_NE(history.out.find("\"DS854\""), std::string::npos) << history.out;
  EXPECT_NE(history.out.find("\"DS851\""), std::string::npos);
  for (const char* format : {"json", "sarif", "gitlab", "github", "markdown", "html", "text"}) {
    CliResult run = RunCli(std::string("audit --isolated --history --format ") + format + " " + root);
    EXPECT_EQ(run.out.find(FakeAwsKey('Q')), std::string::npos) << format;
    EXPECT_EQ(run.out.find(FakeAwsKey('R')), std::string::npos) << format;
  }
  // The report as a baseline: everything it lists is accepted.
  Write("../" + root_.filename().string() + ".baseline.json", history.out);
  const std::string baseline = "'" + root_.string() + ".baseline.json'";
  CliResult accepted =
      RunCli("audit --isolated --history --format json --baseline " + baseline + " " + root);
  EXPECT_EQ(accepted.status, 0) << accepted.out;
  EXPECT_NE(accepted.out.find("\"findings\": []"), std::string::npos) << accepted.out;
  // A new secret is not in the baseline.
  Write("new.ini", "token = " + FakeGithubToken() + "\n");
  CliResult fresh =
      RunCli("audit --isolated --history --format json --baseline " + baseline + " " + root);
  EXPECT_EQ(fresh.status, 1);
  EXPECT_NE(fresh.out.find("new.ini"), std::string::npos);
  std::filesystem::remove(root_.string() + ".baseline.json");
  EXPECT_EQ(RunCli("audit --baseline /nonexistent/baseline.json " + root).status, 2);
}

}  // namespace
}  // namespace dsaudit::audit
