// DS153: a notebook still named Untitled.ipynb.
#include <re2/re2.h>

#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS153",
    .name = "untitled-notebook",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Finds notebooks with the default names Jupyter and VS Code give them: "
            "`Untitled.ipynb`, `Untitled1.ipynb`, `Untitled-3.ipynb`, `Untitled1-Copy1.ipynb`.",
    .why = "A notebook named `Untitled2.ipynb` says nothing about what it does, so nobody can "
           "tell whether it matters, which experiment it belongs to or whether it can be "
           "deleted. Committed, it is usually a scratch file that should not be there at all.",
    .example = "`notebooks/Untitled3.ipynb`",
    .instead = "`notebooks/03-churn-feature-selection.ipynb`, or delete the scratch notebook.",
};

void CheckName(CheckContext& context) {
  static const RE2 kUntitled(R"(Untitled(-?\d+)?(-Copy\d*)*\.ipynb)");
  std::string_view path = context.path();
  std::string_view name = path.substr(path.rfind('/') + 1);
  if (!RE2::FullMatch(name, kUntitled)) return;
  context.Report(kRule, python::Position{},
                 "notebook has Jupyter's default name: rename it after what it does");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckName, .notebooks_only = true});

}  // namespace dsaudit::checks
