#include "reports/sarif_report.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "reports/report_test_util.h"

namespace dsaudit::reports {
namespace {

constexpr SarifTool kTool = {.version = "1.2.3", .information_uri = "https://example.org/dsaudit"};

TEST(SarifReportTest, SingleFindingSnapshot) {
  const std::vector<Finding> findings = testing::SampleFindings();
  EXPECT_EQ(WriteSarif(std::span(findings).last(1), testing::SampleLookup, kTool),
            R"({
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [
    {
      "tool": {
        "driver": {
          "name": "dsaudit",
          "version": "1.2.3",
          "informationUri": "https://example.org/dsaudit",
          "rules": [
            {
              "id": "F401",
              "name": "unused-import",
              "shortDescription": {
                "text": "Finds unused imports."
              },
              "fullDescription": {
                "text": "Finds unused imports."
              },
              "help": {
                "text": "## What it does\nFinds unused imports.\n\n## Why is this bad?\nThey slow start-up.\n\n## Example\n```python\nimport os\n```\n\n## Use instead\nRemove the import.",
                "markdown": "## What it does\nFinds unused imports.\n\n## Why is this bad?\nThey slow start-up.\n\n## Example\n```python\nimport os\n```\n\n## Use instead\nRemove the import."
              },
              "defaultConfiguration": {
                "level": "note"
              },
              "properties": {
                "area": "code-quality",
                "severity": "minor"
              }
            }
          ]
        }
      },
      "columnKind": "unicodeCodePoints",
      "results": [
        {
          "ruleId": "F401",
          "ruleIndex": 0,
          "level": "note",
          "message": {
            "text": "`os` imported but unused"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "src/a.py",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 1,
                  "startColumn": 8,
                  "endLine": 1,
                  "endColumn": 10
                }
              }
            }
          ],
          "partialFingerprints": {
            "primaryLocationLineHash": "00000000000000d4"
          }
        }
      ]
    }
  ]
}
)");
}

TEST(SarifReportTest, RulesAreSortedAndIndexed) {
  const std::string sarif = WriteSarif(testing::SampleFindings(), testing::SampleLookup, kTool);
  const size_t ds001 = sarif.find(R"("id": "DS001")");
  const size_t f401 = sarif.find(R"("id": "F401")");
  ASSERT_NE(ds001, std::string::npos);
  ASSERT_NE(f401, std::string::npos);
  EXPECT_LT(ds001, f401);
  EXPECT_NE(sarif.find(R"("ruleId": "F401",
          "ruleIndex": 3,)"),
            std::string::npos);
  // First line of the documentation only.
  EXPECT_NE(sarif.find(R"("text": "Finds CUDA use without a device check.")"), std::string::npos);
  EXPECT_NE(sarif.find(R"("level": "error")"), std::string::npos);
  EXPECT_NE(sarif.find(R"("level": "warning")"), std::string::npos);
  EXPECT_NE(sarif.find(R"("cell": 3)"), std::string::npos);
}

TEST(SarifReportTest, ProjectWideHasNoLocationAndWholeFileNoRegion) {
  const std::vector<Finding> findings = testing::SampleFindings();
  const std::string project =
      WriteSarif(std::span(findings).first(1), testing::SampleLookup, kTool);
  EXPECT_EQ(project.find("\"locations\""), std::string::npos);
  const std::string whole_file =
      WriteSarif(std::span(findings).subspan(2, 1), testing::SampleLookup, kTool);
  EXPECT_NE(whole_file.find(R"("uri": "requirements.txt")"), std::string::npos);
  EXPECT_EQ(whole_file.find("\"region\""), std::string::npos);
}

TEST(SarifReportTest, UnknownCodesAndOddPathsStillFormARule) {
  const Finding finding{
      .code = "X9", .severity = Severity::kInfo, .path = "dir name/é:x.py", .line = 1, .column = 1};
  const std::string sarif = WriteSarif(std::span(&finding, 1), nullptr, {.version = "0"});
  EXPECT_NE(sarif.find(R"("uri": "dir%20name/%C3%A9%3Ax.py")"), std::string::npos);
  EXPECT_NE(sarif.find(R"("shortDescription": {
                "text": "X9")"),
            std::string::npos);
  EXPECT_EQ(sarif.find("informationUri"), std::string::npos);
  EXPECT_EQ(sarif.find("partialFingerprints"), std::string::npos);
}

// Validated with CPython's jsonschema against the OASIS schema committed under
// tests/data/schemas; skipped where that module is not installed.
TEST(SarifReportTest, ValidatesAgainstSarif210Schema) {
  if (std::system("python3 -c 'import jsonschema' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "python3 with jsonschema not available";
  }
  std::vector<Finding> findings = testing::SampleFindings();
  findings.push_back({.code = "X9", .path = "a b.py", .line = 4, .message = "no rule \x01"});
  const std::string path = ::testing::TempDir() + "dsaudit_sarif_report_test.sarif";
  std::ofstream(path) << WriteSarif(findings, testing::SampleLookup, kTool);
  const std::string command =
      std::string(
          "python3 -c 'import json, sys, jsonschema; "
          "jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))' ") +
      DSAUDIT_TEST_DATA "/schemas/sarif-schema-2.1.0.json " + path;
  EXPECT_EQ(std::system(command.c_str()), 0);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace dsaudit::reports
