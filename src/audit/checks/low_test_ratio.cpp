// DS802: far fewer lines of tests than of code.
#include <fmt/format.h>

#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

// Mature Python projects carry about as many test lines as code lines; under
// one in five, most of the code is surely untested.
constexpr double kMinimumRatio = 0.2;

const RuleInfo kRule = {
    .code = "DS802",
    .name = "low-test-ratio",
    .area = Area::kTests,
    .severity = Severity::kMajor,
    .effort_minutes = 240,
    .what = "Reports a test-to-code ratio (lines of test files over lines of other Python files) "
            "below 0.2.",
    .why = "A handful of tests beside a large code base leaves most behaviour unchecked; the "
           "ratio is a cheap proxy when no coverage report exists.",
    .example = "2,000 lines of code, one 40-line test file.",
    .instead = "Test each module's public functions; aim for a ratio near 1.",
};

void Run(AuditContext& context) {
  uint64_t code = context.inventory().CodeLines();
  uint64_t tests = context.inventory().TestLines();
  if (code == 0 || tests == 0) return;
  double ratio = static_cast<double>(tests) / static_cast<double>(code);
  if (ratio >= kMinimumRatio) return;
  context.ReportProject(kRule, fmt::format("test-to-code ratio is {:.2f} ({} test lines for {} code "
                                           "lines), below {:.1f}",
                                           ratio, tests, code, kMinimumRatio));
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
