// DS831: no continuous integration configuration at all.
#include "audit/checks/ci_util.h"
#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS831",
    .name = "no-ci",
    .area = Area::kDevops,
    .severity = Severity::kMajor,
    .effort_minutes = 240,
    .what = "Reports a project with no CI configuration: no GitHub Actions workflow, "
            "`.gitlab-ci.yml`, `Jenkinsfile`, `azure-pipelines.yml` or `.circleci/config.yml`.",
    .why = "Without CI, tests, linters and image builds run only when someone remembers; broken "
           "code reaches the main branch unnoticed.",
    .example = "A repository with code and tests but no pipeline.",
    .instead = "```yaml\n# .github/workflows/ci.yml\non: [push, pull_request]\njobs:\n  test:\n"
               "    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
               "      - run: pip install -e .[test] && ruff check . && pytest\n```",
};

void Run(AuditContext& context) {
  if (context.inventory().CodeLines() == 0) return;
  if (!CiFiles(context.inventory()).empty()) return;
  context.ReportProject(kRule, "the project has no CI configuration");
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
