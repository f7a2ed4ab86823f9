// End-to-end: `dsaudit audit` on the bundled messy and clean example projects.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli/command_test_util.h"

namespace dsaudit::cli {
namespace {

class AuditCommandTest : public CommandTest {
 protected:
  std::string Example(const std::string& name) {
    // __FILE__ is absolute in CMake builds: src/cli/ -> the repository root.
    return (std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "examples" /
            name)
        .string();
  }
};

size_t Count(const std::string& text, const std::string& needle) {
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++count;
  return count;
}

TEST_F(AuditCommandTest, MessyExampleLightsUpManyAreas) {
  CommandResult run = Run("audit --format json " + Example("churn-model"));
  EXPECT_EQ(run.status, 1) << run.err;
  for (const char* code : {"\"DS811\"", "\"DS812\"", "\"DS831\"", "\"DS841\"", "\"DS843\"",
                           "\"DS845\"", "\"DS846\"", "\"DS848\""}) {
    EXPECT_NE(run.out.find(code), std::string::npos) << code;
  }
  for (const char* key : {"\"tool\"", "\"root\"", "\"summary\"", "\"areas\"", "\"findings\"", "\"plan\""}) {
    EXPECT_NE(run.out.find(key), std::string::npos) << key;
  }
  EXPECT_EQ(Count(run.out, "\"area\": \"") - Count(run.out, "{\"code\""), 13u + Count(run.out, "{\"title\""));
  EXPECT_EQ(run.out.find("Pa55w0rd"), std::string::npos);  // secrets never printed
  EXPECT_NE(run.out.find("\"path\": \"Dockerfile\""), std::string::npos);  // relative to the root
}

TEST_F(AuditCommandTest, CleanExampleScoresBetter) {
  CommandResult messy = Run("audit --format json " + Example("churn-model"));
  CommandResult clean = Run("audit --format json " + Example("clean-project"));
  auto score = [](const std::string& out) {
    size_t at = out.find("\"score\": ");
    return std::stoi(out.substr(at + 9));
  };
  EXPECT_GT(score(clean.out), score(messy.out));
  EXPECT_LT(Count(clean.out, "{\"code\""), Count(messy.out, "{\"code\""));
  EXPECT_EQ(clean.out.find("\"DS811\""), std::string::npos);
  EXPECT_EQ(clean.out.find("\"DS812\""), std::string::npos);
}

TEST_F(AuditCommandTest, TextShowsTablePlanAndFindings) {
  CommandResult run = Run("audit --color never " + Example("churn-model"));
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find(": 11 files, 5 Python files, 1 notebook, 188 lines in "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("area           score rating findings  effort h"), std::string::npos);
  EXPECT_NE(run.out.find("Action plan"), std::string::npos);
  EXPECT_NE(run.out.find("quick-win:"), std::string::npos);
  EXPECT_NE(run.out.find("Dockerfile:1:1: DS841"), std::string::npos);
}

TEST_F(AuditCommandTest, HtmlAndMarkdownToFile) {
  std::string html = (dir_ / "report.html").string();
  CommandResult run = Run("audit --format html -o " + html + " " + Example("churn-model"));
  EXPECT_EQ(run.status, 1);
  std::string text = ReadAll(html);
  EXPECT_TRUE(text.starts_with("<!DOCTYPE html>"));
  EXPECT_NE(text.find("<svg"), std::string::npos);
  EXPECT_EQ(text.find("Pa55w0rd"), std::string::npos);
  EXPECT_EQ(text.find("src=\"http"), std::string::npos);
  CommandResult md = Run("audit --format markdown " + Example("clean-project"));
  EXPECT_NE(md.out.find("| Area | Score | Rating |"), std::string::npos);
}

TEST_F(AuditCommandTest, GatesDecideTheExitStatus) {
  auto score = [](const std::string& out) { return std::stoi(out.substr(out.find("\"score\": ") + 9)); };
  int clean = score(Run("audit --format json " + Example("clean-project")).out);
  CommandResult pass = Run("audit --format json --fail-under " + std::to_string(clean) + " " +
                           Example("clean-project"));
  EXPECT_EQ(pass.status, 0) << pass.err;
  CommandResult fail = Run("audit --format json --fail-under " + std::to_string(clean + 1) + " " +
                           Example("clean-project"));
  EXPECT_EQ(fail.status, 1);
  EXPECT_NE(fail.err.find("is below --fail-under"), std::string::npos) << fail.err;
  CommandResult blocker = Run("audit --format json --fail-on blocker " + Example("clean-project"));
  EXPECT_EQ(blocker.status, 0) << blocker.err;
  CommandResult minor = Run("audit --format json --fail-on info " + Example("churn-model"));
  EXPECT_EQ(minor.status, 1);
  EXPECT_NE(minor.err.find("at severity info or above (--fail-on)"), std::string::npos);
  EXPECT_EQ(Run("audit --fail-under 101 " + Example("clean-project")).status, 2);
  EXPECT_EQ(Run("audit --fail-on fatal " + Example("clean-project")).status, 2);
}

TEST_F(AuditCommandTest, SarifAndGitlabCarryTheSameFindings) {
  CommandResult json = Run("audit --format json " + Example("churn-model"));
  CommandResult sarif = Run("audit --format sarif " + Example("churn-model"));
  CommandResult gitlab = Run("audit --format gitlab " + Example("churn-model"));
  EXPECT_NE(sarif.out.find("\"2.1.0\""), std::string::npos);
  size_t findings = Count(json.out, "{\"code\"");
  EXPECT_GT(findings, 0u);
  EXPECT_EQ(Count(gitlab.out, "\"fingerprint\""), findings);
  EXPECT_EQ(sarif.out.find("Pa55w0rd"), std::string::npos);
  EXPECT_EQ(gitlab.out.find("Pa55w0rd"), std::string::npos);
}

TEST_F(AuditCommandTest, MissingPathIsUsageError) {
  CommandResult run = Run("audit " + (dir_ / "nope").string());
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("nope"), std::string::npos);
}

TEST_F(AuditCommandTest, RulesListsProjectChecks) {
  CommandResult run = Run("rules");
  EXPECT_NE(run.out.find("DS812"), std::string::npos);
  EXPECT_NE(run.out.find("docker-secret-in-env"), std::string::npos);
}

}  // namespace
}  // namespace dsaudit::cli
