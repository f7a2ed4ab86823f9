// N803: a parameter name that is not lowercase.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/quality/quality_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "N803",
    .name = "invalid-argument-name",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Finds parameters of functions and lambdas whose names contain uppercase letters "
            "(methods marked `@override` are exempt: their names follow the base class).",
    .why = "PEP 8 spells parameters in `snake_case`. In data-science code `X` and `Y` are a "
           "common convention for feature matrices; where a project follows scikit-learn's "
           "`fit(X, y)` style, suppress the rule for those names with `# noqa: N803` rather "
           "than mixing conventions elsewhere.",
    .example = "```python\ndef scale(Values, minValue=0):\n    ...\n```",
    .instead = "```python\ndef scale(values, min_value=0):\n    ...\n```",
};

// ruff's range of `*args`/`**kwargs` starts at the stars.
python::Position WithStars(const CheckContext& context, const python::Arg& arg) {
  python::Position pos = arg.pos;
  std::string_view text = context.source().text();
  uint32_t offset = context.Offset(pos.line, pos.col);
  uint32_t at = offset;
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
  uint32_t stars = at;
  while (stars > 0 && at - stars < 2 && text[stars - 1] == '*') --stars;
  // Only blanks were skipped, so the stars are on the name's line.
  if (stars == at) return pos;
  pos.col -= offset - stars;
  return pos;
}

void CheckArguments(const python::Node& node, CheckContext& context) {
  const auto& args = static_cast<const python::Arguments&>(node);
  const semantic::SemanticModel& model = context.model();
  std::optional<quality::FunctionView> function = quality::AsFunction(model.Parent(&node));
  if (function) {
    semantic::ScopeId scope = model.ScopeOf(function->node);
    if (scope != semantic::kNoId && model.scope(scope).kind == semantic::ScopeKind::kClass &&
        quality::IsOverride(model, function->decorators)) {
      return;
    }
  }
  auto check = [&](const python::Arg* arg, bool starred = false) {
    if (arg == nullptr || quality::IsLowercase(arg->arg) || quality::IsIgnoredName(arg->arg)) {
      return;
    }
    context.Report(kRule, starred ? WithStars(context, *arg) : arg->pos,
                   fmt::format("Argument name `{}` should be lowercase", arg->arg));
  };
  for (const python::Arg* arg : args.posonlyargs) check(arg);
  for (const python::Arg* arg : args.args) check(arg);
  check(args.vararg, true);
  for (const python::Arg* arg : args.kwonlyargs) check(arg);
  check(args.kwarg, true);
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kArguments},
                        .on_node = CheckArguments});

}  // namespace dsaudit::checks
