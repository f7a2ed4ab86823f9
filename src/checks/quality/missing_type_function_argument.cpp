// ANN001: a function parameter without a type annotation.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/quality/quality_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "ANN001",
    .name = "missing-type-function-argument",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Finds parameters (positional, plain and keyword-only) of `def` functions without a "
            "type annotation; `self`/`cls` of methods are not reported. The implementation of an "
            "`@overload`ed function is skipped, its overloads carry the types.",
    .why = "Whether `data` is a path, a DataFrame or a NumPy array is the first question every "
           "caller of a data-science function has. Annotations answer it in the signature, let "
           "type checkers catch `Series` passed where a `DataFrame` is expected, and power "
           "editor completion.",
    .example = "```python\ndef normalise(frame, columns):\n    ...\n```",
    .instead = "```python\ndef normalise(frame: pd.DataFrame, columns: list[str]) -> "
               "pd.DataFrame:\n    ...\n```",
};

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
    if (is_implementation) return;
    bool skip_first = definition.kind == quality::MemberKind::kMethod &&
                      !quality::HasBuiltinDecorator(model, function->decorators, "staticmethod");
    quality::ForEachNonVariadic(*function->args, [&](const python::Arg& arg) {
      if (skip_first) {
        skip_first = false;
        return;
      }
      if (arg.annotation != nullptr) return;
      context.Report(kRule, arg,
                     fmt::format("Missing type annotation for function argument `{}`", arg.arg));
    });
  });
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckDefinitions});

}  // namespace dsaudit::checks
