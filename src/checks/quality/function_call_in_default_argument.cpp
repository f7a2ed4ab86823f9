// B008: a function call in a parameter default, evaluated once at definition
// time.
#include <fmt/format.h>

#include <string>

#include "checks/check_context.h"
#include "checks/quality/quality_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "B008",
    .name = "function-call-in-default-argument",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Finds calls in parameter defaults, such as `def f(now=datetime.now())` or "
            "`def train(model=build_model())`, except calls known to return immutable values "
            "(`int()`, `tuple()`, `Path(...)`, `re.compile(...)`, ...).",
    .why = "The call runs once, when the module is imported, not on every call: the timestamp "
           "never changes, the model is built at import time and shared by every caller, and "
           "importing the module becomes slow or fails for reasons unrelated to the caller.",
    .example = "```python\ndef log_run(metrics, started=time.time()):\n    ...\n```",
    .instead = "```python\ndef log_run(metrics, started=None):\n    if started is None:\n        "
               "started = time.time()\n    ...\n```\n\nA value that should really be shared "
               "belongs in a module-level constant the default then names.",
};

// ruff's UnqualifiedName: a dotted chain of names, or "" for anything else.
std::string DottedName(const python::Expr* expr) {
  if (const auto* name = python::DynCast<python::Name>(expr)) return std::string(name->id);
  const auto* attribute = python::DynCast<python::Attribute>(expr);
  if (attribute == nullptr) return {};
  std::string base = DottedName(attribute->value);
  if (base.empty()) return {};
  return base + "." + std::string(attribute->attr);
}

// ruff's is_immutable_newtype_call: `UserId = NewType("UserId", int)`.
bool IsImmutableNewType(const semantic::SemanticModel& model, const python::Expr* func) {
  if (!python::Isa<python::Name>(func)) return false;
  semantic::BindingId id = model.ResolveName(func);
  if (id == semantic::kNoId) return false;
  const semantic::Binding& binding = model.binding(id);
  if (binding.kind != semantic::BindingKind::kAssignment) return false;
  const auto* assign = python::DynCast<python::Assign>(binding.statement);
  if (assign == nullptr) return false;
  const auto* call = python::DynCast<python::Call>(assign->value);
  if (call == nullptr || !quality::IsTypingMember(model, call->func, "NewType")) return false;
  if (call->args.size() + call->keywords.size() != 2) return false;
  const python::Expr* original = nullptr;
  if (call->args.size() == 2) original = call->args[1];
  for (const python::Keyword* keyword : call->keywords) {
    if (keyword->arg == "tp") original = keyword->value;
  }
  return original != nullptr && quality::IsImmutableAnnotation(model, original);
}

void VisitDefault(const python::Node* node, CheckContext& context) {
  if (python::Isa<python::Lambda>(node)) return;
  if (const auto* call = python::DynCast<python::Call>(node)) {
    const semantic::SemanticModel& model = context.model();
    if (!quality::IsMutableFunc(model, call->func) && !quality::IsImmutableFunc(model, call->func) &&
        !IsImmutableNewType(model, call->func)) {
      std::string name = DottedName(call->func);
      context.Report(kRule, *call,
                     name.empty()
                         ? std::string("Do not perform function call in argument defaults; "
                                       "instead, perform the call within the function, or read "
                                       "the default from a module-level singleton variable")
                         : fmt::format("Do not perform function call `{}` in argument defaults; "
                                       "instead, perform the call within the function, or read "
                                       "the default from a module-level singleton variable",
                                       name));
    }
  }
  python::ForEachChild(const_cast<python::Node*>(node),
                       [&](python::Node* child) { VisitDefault(child, context); });
}

void CheckArguments(const python::Node& node, CheckContext& context) {
  const auto& args = static_cast<const python::Arguments&>(node);
  const semantic::SemanticModel& model = context.model();
  quality::ForEachParameterDefault(args, [&](const python::Arg& arg, const python::Expr* value) {
    if (value == nullptr) return;
    if (arg.annotation != nullptr && quality::IsImmutableAnnotation(model, arg.annotation)) return;
    VisitDefault(value, context);
  });
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kArguments},
                        .on_node = CheckArguments});

}  // namespace dsaudit::checks
