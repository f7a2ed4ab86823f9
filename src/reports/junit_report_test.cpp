#include "reports/junit_report.h"

#include <gtest/gtest.h>

#include "reports/report_test_util.h"

namespace dsaudit::reports {
namespace {

TEST(JunitReportTest, SuitePerPathSnapshot) {
  const std::vector<Finding> findings = testing::SampleFindings();
  EXPECT_EQ(WriteJunit(std::span(findings).subspan(0, 3)),
            R"xml(<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="dsaudit" tests="3" failures="3" errors="0">
  <testsuite name="(project)" tests="1" failures="1" errors="0">
    <testcase name="DS001" classname="(project)">
      <failure message="no tests found">no tests found</failure>
    </testcase>
  </testsuite>
  <testsuite name="nb/train.ipynb" tests="1" failures="1" errors="0">
    <testcase name="DS201" classname="nb/train.ipynb" line="2" column="1">
      <failure message="`torch.cuda` used without a device check">cell 3, line 2, col 1, `torch.cuda` used without a device check</failure>
    </testcase>
  </testsuite>
  <testsuite name="requirements.txt" tests="1" failures="1" errors="0">
    <testcase name="DS301" classname="requirements.txt">
      <failure message="unpinned dependency &quot;numpy&quot;">unpinned dependency &quot;numpy&quot;</failure>
    </testcase>
  </testsuite>
</testsuites>
)xml");
}

TEST(JunitReportTest, GroupsFindingsOfOnePath) {
  std::vector<Finding> findings = testing::SampleFindings();
  findings.push_back(findings.back());
  const std::string xml = WriteJunit(std::span(findings).last(2));
  EXPECT_NE(xml.find("<testsuites name=\"dsaudit\" tests=\"2\" failures=\"2\""), std::string::npos);
  EXPECT_NE(xml.find("<testsuite name=\"src/a.py\" tests=\"2\" failures=\"2\""), std::string::npos);
}

TEST(JunitReportTest, EscapesMarkupAndControls) {
  const Finding finding{.code = "X1", .path = "a<b>.py", .message = "'&'\x01\xff"};
  const std::string xml = WriteJunit(std::span(&finding, 1));
  EXPECT_NE(xml.find("name=\"a&lt;b&gt;.py\""), std::string::npos);
  EXPECT_NE(xml.find("message=\"&apos;&amp;&apos;\uFFFD\uFFFD\""), std::string::npos);
}

TEST(JunitReportTest, CleanRunHasOnePassingTestcase) {
  EXPECT_NE(WriteJunit({}).find("<testcase name=\"no findings\" classname=\"dsaudit\"/>"),
            std::string::npos);
}

}  // namespace
}  // namespace dsaudit::reports
