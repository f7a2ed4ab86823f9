// D102: a public method without a docstring.
#include "checks/check_context.h"
#include "checks/quality/quality_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "D102",
    .name = "undocumented-public-method",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Finds public methods of public classes without a docstring, including `__new__` "
            "and `__call__`. `__init__` (D107), other special methods (D105), property "
            "setters/deleters and `@overload`/`@override` methods are not reported.",
    .why = "Methods are the interface of a class; their docstrings document arguments, units, "
           "shapes and side effects (does `fit` modify the frame in place?).",
    .example = "```python\nclass Scaler:\n    \"\"\"Min-max scaling.\"\"\"\n\n    def fit(self, "
               "frame):\n        ...\n```",
    .instead = "```python\nclass Scaler:\n    \"\"\"Min-max scaling.\"\"\"\n\n    def fit(self, "
               "frame):\n        \"\"\"Learn each column's minimum and maximum.\"\"\"\n        "
               "...\n```",
};

bool IsMagic(std::string_view name) { return name.starts_with("__") && name.ends_with("__"); }

void CheckDefinitions(CheckContext& context) {
  if (context.path().ends_with(".pyi")) return;
  const semantic::SemanticModel& model = context.model();
  quality::ForEachDefinition(context, [&](const quality::Definition& definition) {
    if (definition.kind != quality::MemberKind::kMethod || !definition.is_public) return;
    std::optional<quality::FunctionView> function = quality::AsFunction(definition.node);
    if (quality::HasDocstring(function->body)) return;
    if (quality::IsOverload(model, function->decorators) ||
        quality::IsOverride(model, function->decorators)) {
      return;
    }
    std::string_view name = function->name;
    if (IsMagic(name) && name != "__new__" && name != "__call__") return;
    context.Report(kRule, function->name_pos, "Missing docstring in public method");
  });
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckDefinitions});

}  // namespace dsaudit::checks
