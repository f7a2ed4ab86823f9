#include "audit/scoring.h"

#include <gtest/gtest.h>

namespace dsaudit::audit {
namespace {

Finding Make(std::string code, Area area, Severity severity, uint32_t minutes, std::string path = "") {
  Finding finding;
  finding.code = std::move(code);
  finding.area = area;
  finding.severity = severity;
  finding.effort_minutes = minutes;
  finding.path = std::move(path);
  return finding;
}

TEST(ScoringTest, DebtRatioBoundariesMatchSonarGrades) {
  EXPECT_EQ(ScoreForDebtRatio(0), 100u);
  EXPECT_EQ(RatingFor(ScoreForDebtRatio(0.05)), 'A');
  EXPECT_EQ(RatingFor(ScoreForDebtRatio(0.051)), 'B');
  EXPECT_EQ(RatingFor(ScoreForDebtRatio(0.10)), 'B');
  EXPECT_EQ(RatingFor(ScoreForDebtRatio(0.20)), 'C');
  EXPECT_EQ(RatingFor(ScoreForDebtRatio(0.50)), 'D');
  EXPECT_EQ(RatingFor(ScoreForDebtRatio(0.51)), 'E');
  EXPECT_EQ(ScoreForDebtRatio(3.0), 0u);
}

TEST(ScoringTest, EveryAreaPresentAtZeroFindings) {
  Scores scores = ComputeScores({}, 0);
  ASSERT_EQ(scores.areas.size(), 13u);
  for (const AreaScore& area : scores.areas) EXPECT_EQ(area.rating, 'A');
  EXPECT_EQ(scores.score, 100u);
}

TEST(ScoringTest, ProjectAreasUseCappedSeverityWeights) {
  std::vector<Finding> findings;
  for (int i = 0; i < 8; ++i) findings.push_back(Make("DS812", Area::kPackaging, Severity::kMinor, 5));
  findings.push_back(Make("DS811", Area::kPackaging, Severity::kMajor, 120));
  Scores scores = ComputeScores(findings, 1000);
  const AreaScore& packaging = scores.areas[static_cast<size_t>(Area::kPackaging)];
  EXPECT_EQ(packaging.score, 100u - 4 * 5 - 10);  // eight minors count as five
  EXPECT_EQ(packaging.findings, 9u);
  EXPECT_DOUBLE_EQ(packaging.effort_hours, 2.7);
}

TEST(ScoringTest, CodeAreasUseDebtRatio) {
  // 150 minutes over 100 lines: ratio 5% -> 80 (A).
  std::vector<Finding> findings = {Make("F401", Area::kCodeQuality, Severity::kMinor, 150, "a.py")};
  Scores scores = ComputeScores(findings, 100);
  EXPECT_EQ(scores.areas[0].score, 80u);
  EXPECT_EQ(scores.areas[0].rating, 'A');
}

TEST(PlanTest, OneTaskPerCodeQuickWinsFirst) {
  std::vector<Finding> findings = {
      Make("DS812", Area::kPackaging, Severity::kMinor, 5, "requirements.txt"),
      Make("DS812", Area::kPackaging, Severity::kMinor, 5, "requirements.txt"),
      Make("DS801", Area::kTests, Severity::kCritical, 600),
      Make("DS848", Area::kDevops, Severity::kCritical, 30, "Dockerfile"),
  };
  std::vector<PlanTask> plan = BuildPlan(findings, nullptr);
  ASSERT_EQ(plan.size(), 3u);
  EXPECT_EQ(plan[0].codes[0], "DS848");
  EXPECT_EQ(plan[0].priority, "high");
  EXPECT_EQ(plan[1].codes[0], "DS812");
  EXPECT_EQ(plan[1].title, "Fix 2 DS812 (DS812) in requirements.txt");
  EXPECT_EQ(plan[1].findings, 2u);
  EXPECT_EQ(plan[2].codes[0], "DS801");
  EXPECT_EQ(plan[2].horizon, Horizon::kThisMonth);
  EXPECT_DOUBLE_EQ(plan[2].effort_hours, 10.0);
}

}  // namespace
}  // namespace dsaudit::audit
