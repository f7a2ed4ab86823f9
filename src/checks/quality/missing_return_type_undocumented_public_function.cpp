// ANN201: a public function or method without a return annotation.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/quality/quality_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "ANN201",
    .name = "missing-return-type-undocumented-public-function",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Finds public functions and methods (no leading underscore, public class and "
            "module, listed in `__all__` when the module has one) without a return type "
            "annotation. Special methods, class methods and static methods have rules of their "
            "own and are not reported here.",
    .why = "The return type is the contract of a public function: does `load()` return a "
           "DataFrame, a dict of arrays or a lazy iterator? Without it callers guess, and type "
           "checkers cannot follow values across module boundaries.",
    .example = "```python\ndef load_dataset(path: str):\n    return pd.read_parquet(path)\n```",
    .instead = "```python\ndef load_dataset(path: str) -> pd.DataFrame:\n    return "
               "pd.read_parquet(path)\n```",
};

bool IsMagic(std::string_view name) { return name.starts_with("__") && name.ends_with("__"); }

void CheckDefinitions(CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  std::string_view overloaded;
  quality::ForEachDefinition(context, [&](const quality::Definition& definition) {
    std::optional<quality::FunctionView> function = quality::AsFunction(definition.node);
    if (!function) {
      overloaded = {};
      return;
    }
    bool is_overload = quality::IsOverload(model, function->decorators);
    bool is_implementation = !overloaded.empty() && !is_overload && function->name == overloaded;
    overloaded = is_overload ? function->name : std::string_view();
    if (is_implementation || function->returns != nullptr || !definition.is_public) return;
    if (definition.kind == quality::MemberKind::kMethod) {
      // ANN206, ANN205 and ANN204 cover these.
      if (quality::HasBuiltinDecorator(model, function->decorators, "classmethod") ||
          quality::HasBuiltinDecorator(model, function->decorators, "staticmethod") ||
          IsMagic(function->name)) {
        return;
      }
    }
    context.Report(kRule, function->name_pos,
                   fmt::format("Missing return type annotation for public function `{}`",
                               function->name));
  });
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckDefinitions});

}  // namespace dsaudit::checks
