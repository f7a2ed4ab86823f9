// B006: a parameter default that is a mutable object (list, dict, set, ...),
// shared by every call of the function.
#include "checks/check_context.h"
#include "checks/quality/quality_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "B006",
    .name = "mutable-argument-default",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Finds parameters whose default value is a mutable object: a list, dict or set "
            "display or comprehension, or a call of `list`, `dict`, `set`, `collections.deque`, "
            "`defaultdict`, `OrderedDict` or `Counter`.",
    .why = "Python evaluates a default once, when the `def` runs. Every call that does not pass "
           "the argument shares the same object, so appending a metric or a column name in one "
           "call leaks into the next one — a classic source of features that grow from run to "
           "run in notebooks and long-lived services.",
    .example = "```python\ndef add_features(df, columns=[]):\n    columns.append(\"ratio\")\n    "
               "...\n```",
    .instead = "```python\ndef add_features(df, columns=None):\n    if columns is None:\n        "
               "columns = []\n    columns.append(\"ratio\")\n    ...\n```\n\nAn immutable "
               "annotation (`columns: Sequence[str] = []`) documents that the function never "
               "changes it and is not reported.",
};

void CheckFunction(const python::Node& node, CheckContext& context) {
  if (context.path().ends_with(".pyi")) return;
  std::optional<quality::FunctionView> function = quality::AsFunction(&node);
  const semantic::SemanticModel& model = context.model();
  quality::ForEachParameterDefault(
      *function->args, [&](const python::Arg& arg, const python::Expr* value) {
        if (value == nullptr || !quality::IsMutableExpr(model, value)) return;
        if (arg.annotation != nullptr && quality::IsImmutableAnnotation(model, arg.annotation)) {
          return;
        }
        context.Report(kRule, *value, "Do not use mutable data structures for argument defaults");
      });
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kFunctionDef,
                                       python::NodeKind::kAsyncFunctionDef},
                        .on_node = CheckFunction});

}  // namespace dsaudit::checks
