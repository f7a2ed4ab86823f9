// Scores per area, the overall rating and the action plan.
//
// The model (also in README text):
// - Code areas (code-quality, performance, gpu, cloud) use a SonarQube-style
//   technical-debt ratio: remediation minutes / (30 minutes x lines of code).
//   The ratio maps piecewise-linearly onto a score: 0% -> 100, 5% -> 80,
//   10% -> 60, 20% -> 40, 50% -> 20, 100% or more -> 0, so the rating
//   boundaries are SonarQube's: A <= 5%, B <= 10%, C <= 20%, D <= 50%, E above.
// - Project areas (every other one) have no meaningful size to divide by, so
//   they use weighted findings: score = 100 - sum over codes of
//   weight(severity) x min(count, 5), floored at 0, with weights info 1,
//   minor 4, major 10, critical 25, blocker 45. Capping the count per code
//   keeps one noisy rule (eight unpinned dependencies) from hiding the rest.
// - Rating from score: A >= 80, B >= 60, C >= 40, D >= 20, E below.
// - Overall: the mean of the 13 area scores, rated the same way.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "findings/finding.h"
#include "findings/rule_info.h"

namespace dsaudit::audit {

struct AreaScore {
  Area area = Area::kCodeQuality;
  uint32_t score = 100;
  char rating = 'A';
  uint32_t findings = 0;
  double effort_hours = 0;
};

struct Scores {
  std::vector<AreaScore> areas;  // all 13, in kAllAreas order
  uint32_t score = 100;
  char rating = 'A';
  double effort_hours = 0;
};

enum class Horizon { kQuickWin, kThisMonth, kLater };

struct PlanTask {
  std::string title;
  Area area = Area::kCodeQuality;
  Severity severity = Severity::kInfo;  // the worst finding it closes
  std::string priority;                 // "high", "medium", "low"
  double effort_hours = 0;
  std::vector<std::string> codes;
  uint32_t findings = 0;
  Horizon horizon = Horizon::kQuickWin;
  double rank = 0;  // severity weight x findings / hours: higher first
};

bool IsCodeArea(Area area);
uint32_t SeverityWeight(Severity severity);
char RatingFor(uint32_t score);
uint32_t ScoreForDebtRatio(double ratio);
std::string_view HorizonName(Horizon horizon);
// Hours rounded to one decimal.
double Hours(uint64_t minutes);

Scores ComputeScores(std::span<const Finding> findings, uint64_t code_lines);

using RuleNameLookup = const RuleInfo* (*)(std::string_view code);
// One task per code, ordered by horizon then rank.
std::vector<PlanTask> BuildPlan(std::span<const Finding> findings, RuleNameLookup lookup);

}  // namespace dsaudit::audit
