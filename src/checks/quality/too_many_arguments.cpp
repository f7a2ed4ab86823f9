// PLR0913: a function definition with more than 5 parameters (ruff's pylint
// max-args), not counting self/cls, dummies or *args/**kwargs.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/quality/quality_util.h"

namespace dsaudit::checks {
namespace {

constexpr uint32_t kMaxArgs = 5;

const RuleInfo kRule = {
    .code = "PLR0913",
    .name = "too-many-arguments",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Finds function definitions with more than 5 parameters (positional, plain and "
            "keyword-only; `self`/`cls`, names like `_unused`, `*args` and `**kwargs` are not "
            "counted). `@override` and `@overload` signatures are exempt. Remediation effort "
            "grows by five minutes per parameter above the limit.",
    .why = "Long parameter lists are hard to call correctly (arguments swapped by position are a "
           "common bug with `lr, momentum, decay, ...`) and usually mean the function does "
           "several things or that related settings travel loose instead of as one object.",
    .example = "```python\ndef train(model, data, lr, epochs, batch_size, seed, device):\n    "
               "...\n```",
    .instead = "```python\n@dataclass\nclass TrainConfig:\n    lr: float\n    epochs: int\n    "
               "batch_size: int\n    seed: int\n    device: str\n\ndef train(model, data, "
               "config: TrainConfig):\n    ...\n```",
};

void CheckFunction(const python::Node& node, CheckContext& context) {
  if (context.path().ends_with(".pyi")) return;
  std::optional<quality::FunctionView> function = quality::AsFunction(&node);
  uint32_t count = 0;
  quality::ForEachNonVariadic(*function->args, [&](const python::Arg& arg) {
    if (!quality::IsDummyName(arg.arg)) ++count;
  });
  if (count <= kMaxArgs) return;
  const semantic::SemanticModel& model = context.model();
  if (quality::IsOverride(model, function->decorators) ||
      quality::IsOverload(model, function->decorators)) {
    return;
  }
  quality::FunctionType type = quality::Classify(model, *function);
  if (type == quality::FunctionType::kMethod || type == quality::FunctionType::kClassMethod ||
      type == quality::FunctionType::kNewMethod) {
    --count;
  }
  if (count <= kMaxArgs) return;
  context.Report(Diagnostic{
      .rule = &kRule,
      .pos = function->name_pos,
      .message =
          fmt::format("Too many arguments in function definition ({} > {})", count, kMaxArgs),
      .effort_minutes = kRule.effort_minutes + 5 * (count - kMaxArgs)});
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kFunctionDef,
                                       python::NodeKind::kAsyncFunctionDef},
                        .on_node = CheckFunction});

}  // namespace dsaudit::checks
