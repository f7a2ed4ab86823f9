#include "reports/github_report.h"

#include <gtest/gtest.h>

#include "reports/report_test_util.h"

namespace dsaudit::reports {
namespace {

TEST(GithubReportTest, WorkflowCommandsSnapshot) {
  EXPECT_EQ(WriteGithub(testing::SampleFindings()),
            "::error title=DS001::no tests found\n"
            "::warning file=nb/train.ipynb,line=2,col=1,endLine=2,endColumn=20,title=DS201::"
            "cell 3: `torch.cuda` used without a device check\n"
            "::error file=requirements.txt,title=DS301::unpinned dependency \"numpy\"\n"
            "::warning file=src/a.py,line=1,col=8,endLine=1,endColumn=10,title=F401::"
            "`os` imported but unused\n");
}

TEST(GithubReportTest, EscapesDataAndProperties) {
  const Finding finding{.code = "X1",
                        .severity = Severity::kInfo,
                        .path = "a,b:c%.py",
                        .line = 3,
                        .column = 1,
                        .message = "100% bad\r\nreally: yes, truly"};
  EXPECT_EQ(WriteGithub(std::span(&finding, 1)),
            "::warning file=a%2Cb%3Ac%25.py,line=3,col=1,title=X1::"
            "100%25 bad%0D%0Areally: yes, truly\n");
}

}  // namespace
}  // namespace dsaudit::reports
