#include "reports/json_report.h"

#include <gtest/gtest.h>

#include "reports/report_test_util.h"

namespace dsaudit::reports {
namespace {

TEST(JsonReportTest, FieldsInFindingOrder) {
  const std::vector<Finding> findings = testing::SampleFindings();
  EXPECT_EQ(WriteJson(std::span(findings).last(1)),
            R"([
  {
    "code": "F401",
    "area": "code-quality",
    "severity": "minor",
    "path": "src/a.py",
    "line": 1,
    "column": 8,
    "end_line": 1,
    "end_column": 10,
    "cell": null,
    "message": "`os` imported but unused",
    "effort_minutes": 1,
    "fingerprint": "00000000000000d4"
  }
]
)");
}

TEST(JsonReportTest, NullPathForProjectWideAndNumberForCell) {
  const std::string json = WriteJson(testing::SampleFindings());
  EXPECT_NE(json.find(R"("code": "DS001",
    "area": "tests",
    "severity": "blocker",
    "path": null,)"),
            std::string::npos);
  EXPECT_NE(json.find(R"("cell": 3,)"), std::string::npos);
  EXPECT_NE(json.find(R"("message": "unpinned dependency \"numpy\"",)"), std::string::npos);
}

TEST(JsonReportTest, EscapesMessages) {
  const Finding finding{.code = "X1", .path = "a\\b.py", .message = "tab\there \xff"};
  const std::string json = WriteJson(std::span(&finding, 1));
  EXPECT_NE(json.find(R"("path": "a\\b.py",)"), std::string::npos);
  EXPECT_NE(json.find("\"message\": \"tab\\there \uFFFD\","), std::string::npos);
}

TEST(JsonReportTest, EmptyIsEmptyArray) { EXPECT_EQ(WriteJson({}), "[]\n"); }

}  // namespace
}  // namespace dsaudit::reports
