// D103: a public function without a docstring.
#include "checks/check_context.h"
#include "checks/quality/quality_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "D103",
    .name = "undocumented-public-function",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Finds public module-level functions (no leading underscore, listed in `__all__` "
            "when the module has one) without a docstring; `@overload` signatures are skipped.",
    .why = "A one-line docstring tells callers what the function computes, what it expects "
           "(units, column names, array shapes) and what it returns, without reading its body.",
    .example = "```python\ndef split_by_date(df, cutoff):\n    ...\n```",
    .instead = "```python\ndef split_by_date(df, cutoff):\n    \"\"\"Split rows into those before "
               "and from `cutoff` (train/test by time).\"\"\"\n    ...\n```",
};

void CheckDefinitions(CheckContext& context) {
  if (context.path().ends_with(".pyi")) return;
  const semantic::SemanticModel& model = context.model();
  quality::ForEachDefinition(context, [&](const quality::Definition& definition) {
    if (definition.kind != quality::MemberKind::kFunction || !definition.is_public) return;
    std::optional<quality::FunctionView> function = quality::AsFunction(definition.node);
    if (quality::HasDocstring(function->body)) return;
    if (quality::IsOverload(model, function->decorators)) return;
    context.Report(kRule, function->name_pos, "Missing docstring in public function");
  });
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckDefinitions});

}  // namespace dsaudit::checks
