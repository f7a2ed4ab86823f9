// DS220: backward() in a loop that never clears the gradients.
#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS220",
    .name = "gradients-not-cleared",
    .area = Area::kCodeQuality,
    .severity = Severity::kCritical,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Checks for PyTorch loops that call `loss.backward()` and `optimizer.step()` but "
            "never `zero_grad()` (on the optimizer or the model) inside the loop (the *gradients "
            "not cleared before backward propagation* smell of Zhang et al.).",
    .why = "`backward()` adds to the `.grad` of every parameter; without clearing, each step "
           "uses the sum of all gradients so far, so updates grow and training diverges. "
           "Deliberate gradient accumulation still clears every N steps.",
    .example = "```python\nfor X, y in loader:\n    loss = criterion(model(X), y)\n    "
               "loss.backward()\n    optimizer.step()\n```",
    .instead = "```python\nfor X, y in loader:\n    optimizer.zero_grad()\n    loss = "
               "criterion(model(X), y)\n    loss.backward()\n    optimizer.step()\n```",
};

void CheckCall(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("torch")) return;
  const auto& call = static_cast<const py::Call&>(node);
  if (ds::MethodName(call) != "backward") return;
  const py::Stmt* loop = ds::EnclosingLoop(model, &call);
  if (loop == nullptr) return;
  std::span<py::Stmt* const> body = ds::LoopBody(*loop);
  if (!ds::BodyCallsMethod(body, "step") || ds::BodyCallsMethod(body, "zero_grad")) return;
  context.Report(kRule, call,
                 "`backward()` in a loop that never calls `zero_grad()`; gradients accumulate "
                 "across steps");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
