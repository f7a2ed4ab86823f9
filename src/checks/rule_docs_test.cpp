// docs/rules/ is generated from the checks' own documentation; this test
// fails when a check changed and `make docs` was not run.
#include "checks/rule_docs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "checks/registry.h"

namespace dsaudit::checks {
namespace {

namespace fs = std::filesystem;

const fs::path kDocsDir = fs::path(DSAUDIT_TEST_DATA) / ".." / ".." / "docs" / "rules";

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST(RuleDocsTest, EveryRuleHasCompleteDocumentation) {
  for (const RuleInfo* rule : AllRules()) {
    EXPECT_FALSE(rule->name.empty()) << rule->code;
    EXPECT_FALSE(rule->what.empty()) << rule->code;
    EXPECT_FALSE(rule->why.empty()) << rule->code;
    EXPECT_FALSE(rule->example.empty()) << rule->code;
    EXPECT_FALSE(rule->instead.empty()) << rule->code;
    EXPECT_GT(rule->effort_minutes, 0u) << rule->code;
    for (char c : rule->name) {
      EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
          << rule->code << " name is not kebab-case: " << rule->name;
    }
  }
}

TEST(RuleDocsTest, NamesAreUnique) {
  std::set<std::string_view> names;
  for (const RuleInfo* rule : AllRules()) {
    EXPECT_TRUE(names.insert(rule->name).second) << "duplicate name " << rule->name;
  }
}

TEST(RuleDocsTest, CommittedPagesAreCurrent) {
  EXPECT_EQ(Read(kDocsDir / "README.md"), RulesIndexMarkdown()) << "run `make docs`";
  for (const RuleInfo* rule : AllRules()) {
    fs::path page = kDocsDir / (std::string(rule->code) + ".md");
    EXPECT_EQ(Read(page), RuleMarkdown(*rule)) << page << " is stale: run `make docs`";
  }
  for (const auto& entry : fs::directory_iterator(kDocsDir)) {
    std::string code = entry.path().stem().string();
    if (code == "README") continue;
    EXPECT_NE(FindRule(code), nullptr) << entry.path() << " documents no rule: run `make docs`";
  }
}

}  // namespace
}  // namespace dsaudit::checks
