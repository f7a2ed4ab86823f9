// Every check's fixture: good and bad code beside the check, with the
// expected findings written next to the lines that produce them.
//
//   # fixture: F401[, F811]       first line: the codes under test (selected alone)
//   import os  # expect: F401     a finding of that code on this line
//   x = 1  # expect: E225:3 E501  with its 1-based column, several per line
//   # expect-next-line: D100      a finding on the next line (for lines that
//                                 cannot hold a comment, e.g. in a string)
//   # expect-file: DS500          a whole-file finding (line 0)
//
// A finding the fixture does not expect fails, and so does an expected one
// that is missing. Notebook fixtures (`*_fixture.ipynb`) use the same
// comments inside code cells; their lines are cell lines.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "checks/engine.h"
#include "checks/registry.h"
#include "frontend/notebook/notebook.h"

namespace dsaudit::checks {
namespace {

namespace fs = std::filesystem;

const fs::path kChecksDir = fs::path(DSAUDIT_TEST_DATA) / ".." / ".." / "src" / "checks";

struct Expected {
  uint32_t cell = 0;  // 0 outside notebooks
  uint32_t line = 0;
  std::string code;
  uint32_t column = 0;  // 0: any
  auto Key() const { return std::tie(cell, line, code); }
  bool operator<(const Expected& other) const { return Key() < other.Key(); }
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> SplitCodes(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (char c : text) {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!current.empty()) out.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

// Reads `# expect...` comments of one line into `out`.
void ParseExpectations(std::string_view line, uint32_t cell, uint32_t line_number,
                       std::vector<Expected>& out) {
  struct Marker {
    std::string_view text;
    int line_offset;  // -1: whole file
  };
  for (Marker marker : {Marker{"# expect-next-line:", 1}, Marker{"# expect-file:", -1},
                        Marker{"# expect:", 0}}) {
    size_t at = line.find(marker.text);
    if (at == std::string_view::npos) continue;
    std::string_view rest = line.substr(at + marker.text.size());
    for (const std::string& item : SplitCodes(rest)) {
      Expected expected;
      expected.cell = marker.line_offset < 0 ? 0 : cell;
      expected.line = marker.line_offset < 0 ? 0 : line_number + marker.line_offset;
      size_t colon = item.find(':');
      expected.code = item.substr(0, colon);
      if (colon != std::string::npos) expected.column = std::stoul(item.substr(colon + 1));
      out.push_back(expected);
    }
    return;
  }
}

std::vector<fs::path> FixtureFiles() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(kChecksDir)) {
    std::string name = entry.path().filename().string();
    if (name.ends_with("_fixture.py") || name.ends_with("_fixture.ipynb")) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> FixtureCodes(const std::string& text) {
  std::string_view first(text);
  first = first.substr(0, first.find('\n'));
  size_t at = first.find("fixture:");
  if (at == std::string_view::npos) {
    // Notebooks: the marker is in the first code cell's source.
    size_t marker = text.find("# fixture:");
    if (marker == std::string::npos) return {};
    std::string_view rest = std::string_view(text).substr(marker + 10);
    rest = rest.substr(0, rest.find_first_of("\\\n\""));
    return SplitCodes(rest);
  }
  return SplitCodes(first.substr(at + 8));
}

class FixtureTest : public testing::TestWithParam<fs::path> {};

TEST_P(FixtureTest, FindingsMatchExpectations) {
  const fs::path& file = GetParam();
  std::string text = ReadFile(file);
  std::vector<std::string> codes = FixtureCodes(text);
  ASSERT_FALSE(codes.empty()) << file << ": first line must be `# fixture: CODE[, CODE]`";
  for (const std::string& code : codes) {
    ASSERT_NE(FindRule(code), nullptr) << file << ": unknown code " << code;
  }
  bool is_notebook = file.extension() == ".ipynb";

  std::vector<Expected> expected;
  if (is_notebook) {
    notebook::ReadResult read = notebook::ReadNotebook(text);
    ASSERT_TRUE(read.ok()) << read.error.message;
    for (const notebook::Cell& cell : read.notebook->cells) {
      if (cell.type != notebook::CellType::kCode) continue;
      std::istringstream lines(cell.source);
      std::string line;
      for (uint32_t number = 1; std::getline(lines, line); ++number) {
        ParseExpectations(line, cell.number, number, expected);
      }
    }
  } else {
    std::istringstream lines(text);
    std::string line;
    for (uint32_t number = 1; std::getline(lines, line); ++number) {
      ParseExpectations(line, 0, number, expected);
    }
  }

  config::Config config;
  config.selections.push_back({.select = codes});
  Engine engine(config);
  std::string path = fs::relative(file, kChecksDir).generic_string();
  FileOutcome outcome = engine.CheckFile({.path = path, .is_notebook = is_notebook, .bytes = text});
  // The project stage too: a check that decides across files (DS401) sees
  // a project of this one file.
  std::vector<FileOutcome> outcomes;
  outcomes.push_back(std::move(outcome));
  std::vector<Finding> project = engine.CheckProject(outcomes, {path});
  outcome = std::move(outcomes.front());
  outcome.findings.insert(outcome.findings.end(), project.begin(), project.end());

  std::multiset<Expected> remaining(expected.begin(), expected.end());
  std::vector<std::string> unexpected;
  for (const Finding& finding : outcome.findings) {
    Expected key{finding.cell.value_or(0), finding.line, finding.code};
    auto it = remaining.find(key);
    if (it == remaining.end()) {
      unexpected.push_back(fmt::format("{}:{}:{}: {} {}", finding.cell.value_or(0), finding.line,
                                       finding.column, finding.code, finding.message));
      continue;
    }
    if (it->column != 0 && it->column != finding.column) {
      unexpected.push_back(fmt::format("{}:{}: {} at column {}, expected column {}",
                                       finding.cell.value_or(0), finding.line, finding.code,
                                       finding.column, it->column));
    }
    remaining.erase(it);
  }
  for (const std::string& message : unexpected) ADD_FAILURE() << file.filename() << " unexpected: " << message;
  for (const Expected& missing : remaining) {
    ADD_FAILURE() << file.filename() << " missing: cell " << missing.cell << " line "
                  << missing.line << " " << missing.code;
  }
}

std::string FixtureName(const testing::TestParamInfo<fs::path>& info) {
  std::string name = fs::relative(info.param, kChecksDir).replace_extension().generic_string() +
                     (info.param.extension() == ".ipynb" ? "_ipynb" : "");
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Checks, FixtureTest, testing::ValuesIn(FixtureFiles()), FixtureName);

// No check ships without a fixture that exercises each of its codes.
TEST(FixtureCoverageTest, EveryCheckedCodeHasAFixture) {
  std::set<std::string> covered;
  for (const fs::path& file : FixtureFiles()) {
    for (const std::string& code : FixtureCodes(ReadFile(file))) covered.insert(code);
  }
  for (const Check& check : AllChecks()) {
    for (const RuleInfo* rule : check.rules) {
      EXPECT_TRUE(covered.count(std::string(rule->code)))
          << rule->code << " (" << rule->name << ") has no fixture";
    }
  }
}

}  // namespace
}  // namespace dsaudit::checks
