// DS805: a coverage report shows less line coverage than the project's target.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "audit/coverage/coverage_report.h"
#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

// The usual quality-gate figure (SonarQube's "Sonar way" asks 80% of new
// code) when the project sets no fail_under of its own.
constexpr double kDefaultTargetPercent = 80;
// Writing tests for code that has none: about 20 lines an hour.
constexpr double kMinutesPerUncoveredLine = 3;
// coverage.json lists every file's lines; a report past this is not read.
constexpr uintmax_t kMaxReportBytes = uintmax_t{256} << 20;

const RuleInfo kRule = {
    .code = "DS805",
    .name = "coverage-below-target",
    .area = Area::kTests,
    .severity = Severity::kMajor,
    .effort_minutes = 240,
    .what = "Reads coverage reports (`coverage.xml`/Cobertura XML, coverage.py's `coverage.json`) "
            "and reports line coverage below the project's target: `fail_under` in coverage.py's "
            "configuration or pytest-cov's `--cov-fail-under`, 80% when none is set. Reports are "
            "looked for at the project root even when git ignores them. The effort is linear in "
            "the lines to cover (3 minutes a line) when the report counts them.",
    .why = "Code no test runs breaks unnoticed; a target that the measured coverage misses is a "
           "gate that is not enforced.",
    .example = "```xml\n<coverage line-rate=\"0.52\" lines-valid=\"2400\" ...>\n```",
    .instead = "Test the uncovered modules until the report meets the target, and enforce it:\n\n"
               "```toml\n[tool.coverage.report]\nfail_under = 80\n```",
};

std::optional<std::string> ReadReport(const std::filesystem::path& path) {
  std::error_code error;
  uintmax_t size = std::filesystem::file_size(path, error);
  if (error || size > kMaxReportBytes) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

void Run(AuditContext& context) {
  const Inventory& inventory = context.inventory();
  std::vector<std::string> reports;
  for (const InventoryFile& file : inventory.files) {
    if (coverage::IsCoverageReportName(BaseName(file.path))) reports.push_back(file.path);
  }
  for (std::string_view name : {"coverage.xml", "coverage.json"}) {
    std::error_code error;
    if (std::find(reports.begin(), reports.end(), name) == reports.end() &&
        std::filesystem::is_regular_file(inventory.root / name, error)) {
      reports.emplace_back(name);
    }
  }
  if (reports.empty()) return;
  std::sort(reports.begin(), reports.end());
  coverage::CoverageTarget target = coverage::FindCoverageTarget(inventory, kDefaultTargetPercent);
  for (const std::string& path : reports) {
    std::optional<std::string> text = ReadReport(inventory.root / path);
    if (!text) continue;
    std::optional<coverage::CoverageTotals> totals = path.ends_with(".json")
                                                         ? coverage::ReadCoverageJson(*text)
                                                         : coverage::ReadCoberturaXml(*text);
    if (!totals || totals->percent >= target.percent) continue;
    std::string where = target.source.empty() ? std::string("the default; no fail_under is set")
                                              : "set in " + target.source;
    InventoryFile report{.path = path, .role = FileRole::kOther};
    Finding& finding = context.Report(
        kRule, report, Span{},
        fmt::format("line coverage is {:.1f}%, below the target of {:g}% ({})", totals->percent,
                    target.percent, where));
    if (totals->statements > 0) {
      double uncovered = std::ceil((target.percent - totals->percent) / 100.0 *
                                   static_cast<double>(totals->statements));
      finding.effort_minutes =
          static_cast<uint32_t>(std::max(30.0, uncovered * kMinutesPerUncoveredLine));
      finding.message += fmt::format(": about {:.0f} more of {} lines to cover", uncovered,
                                     totals->statements);
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
