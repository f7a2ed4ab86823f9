// D100: a public module without a docstring.
#include "checks/check_context.h"
#include "checks/quality/quality_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "D100",
    .name = "undocumented-public-module",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Finds public modules (neither the file name nor a package directory on its path "
            "starts with an underscore) whose first statement is not a docstring. Packages "
            "(`__init__.py`, D104) and notebooks are not reported.",
    .why = "The module docstring is what `help(module)`, documentation generators and a new "
           "team member see first: what the module is for, which dataset or model it handles, "
           "and how it is meant to be used.",
    .example = "```python\nimport pandas as pd\n\n\ndef load(): ...\n```",
    .instead = "```python\n\"\"\"Loading and validation of the raw sales extracts.\"\"\"\n\nimport "
               "pandas as pd\n```",
};

void CheckDefinitions(CheckContext& context) {
  if (context.notebook() != nullptr || context.path().ends_with(".pyi")) return;
  std::string_view path = context.path();
  if (semantic::IsPackageInit(path)) return;
  if (!quality::IsPublicModule(path) || quality::HasDocstring(context.module().body)) return;
  context.Report(kRule, python::Position{1, 0, 1, 0}, "Missing docstring in public module");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckDefinitions});

}  // namespace dsaudit::checks
