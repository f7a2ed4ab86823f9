#include "audit/scoring.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace dsaudit::audit {
namespace {

constexpr uint32_t kCountCapPerCode = 5;

}  // namespace

bool IsCodeArea(Area area) {
  return area == Area::kCodeQuality || area == Area::kPerformance || area == Area::kGpu ||
         area == Area::kCloud;
}

uint32_t SeverityWeight(Severity severity) {
  switch (severity) {
    case Severity::kInfo: return 1;
    case Severity::kMinor: return 4;
    case Severity::kMajor: return 10;
    case Severity::kCritical: return 25;
    case Severity::kBlocker: return 45;
  }
  return 1;
}

char RatingFor(uint32_t score) {
  if (score >= 80) return 'A';
  if (score >= 60) return 'B';
  if (score >= 40) return 'C';
  if (score >= 20) return 'D';
  return 'E';
}

uint32_t ScoreForDebtRatio(double ratio) {
  static constexpr double kRatio[] = {0.0, 0.05, 0.10, 0.20, 0.50, 1.0};
  static constexpr double kScore[] = {100, 80, 60, 40, 20, 0};
  if (ratio <= 0) return 100;
  for (size_t i = 1; i < std::size(kRatio); ++i) {
    if (ratio <= kRatio[i]) {
      double t = (ratio - kRatio[i - 1]) / (kRatio[i] - kRatio[i - 1]);
      // Floor, so a ratio just above a boundary never rounds up into the better grade.
      return static_cast<uint32_t>(std::floor(kScore[i - 1] + t * (kScore[i] - kScore[i - 1])));
    }
  }
  return 0;
}

std::string_view HorizonName(Horizon horizon) {
  switch (horizon) {
    case Horizon::kQuickWin: return "quick-win";
    case Horizon::kThisMonth: return "this-month";
    case Horizon::kLater: return "later";
  }
  return "later";
}

double Hours(uint64_t minutes) { return std::round(static_cast<double>(minutes) / 6.0) / 10.0; }

Scores ComputeScores(std::span<const Finding> findings, uint64_t code_lines) {
  Scores scores;
  std::map<Area, uint64_t> minutes;
  std::map<Area, uint32_t> counts;
  std::map<std::pair<Area, std::string>, std::pair<uint32_t, uint32_t>> per_code;  // weight, count
  uint64_t total_minutes = 0;
  for (const Finding& finding : findings) {
    minutes[finding.area] += finding.effort_minutes;
    total_minutes += finding.effort_minutes;
    ++counts[finding.area];
    auto& [weight, count] = per_code[{finding.area, finding.code}];
    weight = std::max(weight, SeverityWeight(finding.severity));
    ++count;
  }
  uint64_t score_sum = 0;
  for (Area area : kAllAreas) {
    AreaScore entry;
    entry.area = area;
    entry.findings = counts[area];
    entry.effort_hours = Hours(minutes[area]);
    if (IsCodeArea(area)) {
      double denominator = 30.0 * static_cast<double>(std::max<uint64_t>(code_lines, 1));
      entry.score = ScoreForDebtRatio(static_cast<double>(minutes[area]) / denominator);
    } else {
      uint32_t penalty = 0;
      for (const auto& [key, value] : per_code) {
        if (key.first == area) penalty += value.first * std::min(value.second, kCountCapPerCode);
      }
      entry.score = penalty >= 100 ? 0 : 100 - penalty;
    }
    entry.rating = RatingFor(entry.score);
    score_sum += entry.score;
    scores.areas.push_back(entry);
  }
  scores.score = static_cast<uint32_t>(std::lround(static_cast<double>(score_sum) / kAllAreas.size()));
  scores.rating = RatingFor(scores.score);
  scores.effort_hours = Hours(total_minutes);
  return scores;
}

std::vector<PlanTask> BuildPlan(std::span<const Finding> findings, RuleNameLookup lookup) {
  struct Group {
    const Finding* first = nullptr;
    Severity severity = Severity::kInfo;
    uint32_t count = 0;
    uint64_t minutes = 0;
    std::set<std::string> paths;
  };
  std::map<std::string, Group> groups;
  for (const Finding& finding : findings) {
    Group& group = groups[finding.code];
    if (group.first == nullptr) group.first = &finding;
    group.severity = std::max(group.severity, finding.severity);
    ++group.count;
    group.minutes += finding.effort_minutes;
    group.paths.insert(finding.path);
  }
  std::vector<PlanTask> plan;
  for (const auto& [code, group] : groups) {
    PlanTask task;
    const RuleInfo* rule = lookup == nullptr ? nullptr : lookup(code);
    std::string name = rule != nullptr ? std::string(rule->name) : code;
    std::string where;
    if (group.paths.size() == 1) {
      where = group.paths.begin()->empty() ? "the project" : *group.paths.begin();
    } else {
      where = fmt::format("{} files", group.paths.size() - group.paths.count(""));
    }
    task.title = group.count == 1 && group.first->path.empty()
                     ? fmt::format("Fix {} ({}): {}", name, code, group.first->message)
                     : fmt::format("Fix {} {} ({}) in {}", group.count, name, code, where);
    task.area = group.first->area;
    task.severity = group.severity;
    task.priority = group.severity >= Severity::kCritical ? "high"
                    : group.severity >= Severity::kMajor  ? "medium"
                                                          : "low";
    task.effort_hours = std::max(Hours(group.minutes), 0.1);
    task.codes = {code};
    task.findings = group.count;
    task.horizon = task.effort_hours <= 8    ? Horizon::kQuickWin
                   : task.effort_hours <= 80 ? Horizon::kThisMonth
                                             : Horizon::kLater;
    task.rank = SeverityWeight(group.severity) * static_cast<double>(group.count) /
                std::max(task.effort_hours, 0.25);
    plan.push_back(std::move(task));
  }
  std::stable_sort(plan.begin(), plan.end(), [](const PlanTask& a, const PlanTask& b) {
    if (a.horizon != b.horizon) return a.horizon < b.horizon;
    if (a.severity != b.severity) return a.severity > b.severity;
    return a.rank > b.rank;
  });
  return plan;
}

}  // namespace dsaudit::audit
