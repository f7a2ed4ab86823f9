#include "reports/gitlab_report.h"

#include <gtest/gtest.h>

#include "reports/report_test_util.h"

namespace dsaudit::reports {
namespace {

TEST(GitlabReportTest, CodeQualitySnapshot) {
  const std::vector<Finding> findings = testing::SampleFindings();
  EXPECT_EQ(WriteGitlab(std::span(findings).subspan(0, 2)),
            R"([
  {
    "description": "no tests found",
    "check_name": "DS001",
    "fingerprint": "00000000000000a1",
    "severity": "blocker",
    "location": {
      "path": ".",
      "lines": {
        "begin": 1
      }
    }
  },
  {
    "description": "`torch.cuda` used without a device check",
    "check_name": "DS201",
    "fingerprint": "00000000000000b2",
    "severity": "major",
    "location": {
      "path": "nb/train.ipynb",
      "lines": {
        "begin": 2
      }
    }
  }
]
)");
}

TEST(GitlabReportTest, EmptyIsEmptyArray) { EXPECT_EQ(WriteGitlab({}), "[]\n"); }

}  // namespace
}  // namespace dsaudit::reports
