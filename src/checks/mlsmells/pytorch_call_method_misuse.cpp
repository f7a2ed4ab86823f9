// DS219: calling a PyTorch module's forward() directly.
#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS219",
    .name = "pytorch-call-method-misuse",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Checks for `module.forward(x)` calls in PyTorch code, other than `super().forward` "
            "and `Class.forward(self, ...)` (the *PyTorch call method misuse* smell of Zhang et "
            "al.).",
    .why = "`module(x)` runs `__call__`, which runs the registered forward and backward hooks "
           "(used by pruning, quantisation, profilers, `torch.compile` and many libraries) "
           "around `forward`; calling `forward` directly skips them and gives silently "
           "different results.",
    .example = "```python\nlogits = model.forward(batch)\n```",
    .instead = "```python\nlogits = model(batch)\n```",
};

void CheckCall(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("torch")) return;
  const auto& call = static_cast<const py::Call&>(node);
  if (ds::MethodName(call) != "forward") return;
  const py::Expr* receiver = ds::Receiver(call);
  if (const auto* inner = py::DynCast<py::Call>(receiver)) {
    if (model.Matches(inner->func, "builtins.super")) return;
  }
  if (py::Isa<py::Name>(receiver)) {
    semantic::BindingId id = model.ResolveName(receiver);
    if (id != semantic::kNoId) {
      semantic::BindingKind kind = model.binding(id).kind;
      if (kind == semantic::BindingKind::kClassDefinition || model.binding(id).IsImport()) return;
    }
  }
  context.Report(kRule, call, "Call the module (`model(x)`), not `model.forward(x)`; "
                              "`forward` skips the module's hooks");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
