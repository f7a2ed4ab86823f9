#include "reports/text_report.h"

#include <gtest/gtest.h>

#include "reports/report_test_util.h"

namespace dsaudit::reports {
namespace {

TEST(TextReportTest, ConciseLinesAndSummary) {
  EXPECT_EQ(WriteText(testing::SampleFindings(), {}),
            "DS001 no tests found\n"
            "nb/train.ipynb:cell 3:2:1: DS201 `torch.cuda` used without a device check\n"
            "requirements.txt: DS301 unpinned dependency \"numpy\"\n"
            "src/a.py:1:8: F401 `os` imported but unused\n"
            "Found 4 errors.\n");
}

TEST(TextReportTest, SingularAndEmptySummaries) {
  const std::vector<Finding> findings = testing::SampleFindings();
  EXPECT_EQ(WriteText(std::span(findings).last(1), {}),
            "src/a.py:1:8: F401 `os` imported but unused\nFound 1 error.\n");
  EXPECT_EQ(WriteText({}, {}), "All checks passed!\n");
}

TEST(TextReportTest, ColorsLikeRuff) {
  const std::vector<Finding> findings = testing::SampleFindings();
  EXPECT_EQ(WriteText(std::span(findings).last(1), {.color = true}),
            "\x1b[1msrc/a.py\x1b[0m\x1b[36m:\x1b[0m1\x1b[36m:\x1b[0m8\x1b[36m:\x1b[0m "
            "\x1b[1m\x1b[31mF401\x1b[0m `os` imported but unused\nFound 1 error.\n");
}

TEST(TextReportTest, StatisticsSortByCountThenCode) {
  std::vector<Finding> findings = testing::SampleFindings();
  findings.push_back(findings[3]);
  findings.push_back(findings[3]);
  findings.push_back(findings[1]);
  findings.push_back({.code = "X999"});
  EXPECT_EQ(WriteStatistics(findings, testing::SampleLookup, {}),
            "3\tF401 \tunused-import\n"
            "2\tDS201\tcuda-without-device-check\n"
            "1\tDS001\tmissing-tests\n"
            "1\tDS301\tunpinned-dependency\n"
            "1\tX999 \t\n");
}

}  // namespace
}  // namespace dsaudit::reports
