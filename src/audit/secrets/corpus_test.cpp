// The corpus in tests/data/secrets (see its README): real-format fake keys
// that must all be found, near-misses that must all be left alone, with the
// expected findings written beside the lines that cause them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "audit/audit_test_util.h"

namespace dsaudit::audit {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string Unbreak(std::string text) {
  for (size_t at = text.find("@@"); at != std::string::npos; at = text.find("@@", at)) {
    text.erase(at, 2);
  }
  return text;
}

class SecretCorpusTest : public AuditFixture {
 protected:
  // Writes the corpus directory `name` into the fixture; returns the
  // expected "path:line:code" entries and keeps each file's text.
  std::set<std::string> Load(const std::string& name) {
    std::set<std::string> expected;
    fs::path corpus = fs::path(DSAUDIT_TEST_DATA) / "secrets" / name;
    for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
      if (!entry.is_regular_file()) continue;
      std::string relative = Unbreak(fs::relative(entry.path(), corpus).generic_string());
      std::string out;
      std::istringstream in(Unbreak(ReadAll(entry.path())));
      std::string line;
      for (uint32_t number = 1; std::getline(in, line); ++number) {
        for (size_t at = line.find("<<expect "); at != std::string::npos;
             at = line.find("<<expect ")) {
          size_t close = line.find(">>", at);
          std::string code = line.substr(at + 9, close - at - 9);
          bool whole_file = code.ends_with("@0");
          if (whole_file) code.resize(code.size() - 2);
          expected.insert(relative + ":" + std::to_string(whole_file ? 0 : number) + ":" + code);
          size_t start = at;
          while (start > 0 && line[start - 1] == ' ') --start;
          line.erase(start, close + 2 - start);
        }
        out += line + "\n";
      }
      Write(relative, out);
      texts_[relative] = out;
    }
    return expected;
  }

  std::set<std::string> Found(std::vector<Finding>* all) {
    std::set<std::string> found;
    for (const char* code : {"DS851", "DS852", "DS853"}) {
      for (Finding& finding : Run(code)) {
        found.insert(finding.path + ":" + std::to_string(finding.line) + ":" + finding.code);
        all->push_back(std::move(finding));
      }
    }
    return found;
  }

  // The text a finding's span covers on its first line.
  std::string SpanText(const Finding& finding) {
    std::istringstream in(texts_[finding.path]);
    std::string line;
    for (uint32_t number = 1; number <= finding.line; ++number) std::getline(in, line);
    size_t end = finding.end_line == finding.line ? finding.end_column - 1 : line.size();
    return line.substr(finding.column - 1, end - (finding.column - 1));
  }

  std::map<std::string, std::string> texts_;
};

TEST_F(SecretCorpusTest, FindsEveryFakeKeyAndNothingElse) {
  std::set<std::string> expected = Load("positive");
  ASSERT_GE(expected.size(), 35u);  // the corpus was read
  std::vector<Finding> all;
  std::set<std::string> found = Found(&all);
  for (const std::string& missing : expected) {
    EXPECT_TRUE(found.contains(missing)) << "not found: " << missing;
  }
  for (const std::string& extra : found) {
    EXPECT_TRUE(expected.contains(extra)) << "unexpected: " << extra;
  }
  // Never the secret itself in a message, and at most 4 of its characters.
  for (const Finding& finding : all) {
    if (finding.line == 0) continue;
    std::string secret = SpanText(finding);
    ASSERT_GE(secret.size(), 5u) << finding.path << ":" << finding.line;
    EXPECT_EQ(finding.message.find(secret), std::string::npos) << finding.message;
    EXPECT_EQ(finding.message.find(secret.substr(0, 5)), std::string::npos) << finding.message;
    EXPECT_EQ(finding.fingerprint.size(), 16u);
  }
}

TEST_F(SecretCorpusTest, LeavesNearMissesAlone) {
  EXPECT_TRUE(Load("near_miss").empty());
  // Ignored by the corpus's .gitignore: not part of the project.
  Write("near_miss/.env", "DB_PASSWORD=Xk9v2Lq7Rt-local\n");
  std::vector<Finding> all;
  std::set<std::string> found = Found(&all);
  for (const std::string& extra : found) ADD_FAILURE() << "unexpected: " << extra;
}

}  // namespace
}  // namespace dsaudit::audit
