// DS218: model.eval() inside a training loop without model.train() back.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS218",
    .name = "training-evaluation-mode-toggling",
    .area = Area::kCodeQuality,
    .severity = Severity::kMajor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Checks for loops that call `model.eval()` (PyTorch) but never `model.train()` on the "
            "same object, in a loop that also trains (calls `.backward()` or `.step()`) "
            "(the *training / evaluation mode improper toggling* smell of Zhang et al.).",
    .why = "After the first evaluation the model stays in evaluation mode: dropout is off and "
           "batch-norm statistics are frozen for every later training step, so the model trains "
           "differently from what the code says, without any error.",
    .example = "```python\nfor epoch in range(10):\n    train_one_epoch(model)\n    model.eval()\n"
               "    validate(model)\n```",
    .instead = "```python\nfor epoch in range(10):\n    model.train()\n    "
               "train_one_epoch(model)\n    model.eval()\n    validate(model)\n```",
};

// Whether `<receiver>.train(...)` is called in the body.
bool CallsTrainOn(const CheckContext& context, std::span<py::Stmt* const> body,
                  std::string_view receiver) {
  bool found = false;
  ds::WalkBody(body, [&](const py::Node* node) {
    if (found) return false;
    if (const auto* call = py::DynCast<py::Call>(node)) {
      if (ds::MethodName(*call) == "train" && context.Text(*ds::Receiver(*call)) == receiver) {
        found = true;
      }
    }
    return !found;
  });
  return found;
}

void CheckCall(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("torch")) return;
  const auto& call = static_cast<const py::Call&>(node);
  if (ds::MethodName(call) != "eval" || !call.args.empty() || !call.keywords.empty()) return;
  const py::Expr* receiver = ds::Receiver(call);
  if (ds::IsImportName(model, receiver)) return;
  const py::Stmt* loop = ds::EnclosingLoop(model, &call);
  if (loop == nullptr) return;
  // The outermost loop decides: evaluation after an epoch is toggled back at the epoch's start.
  for (const py::Stmt* outer = ds::EnclosingLoop(model, loop); outer != nullptr;
       outer = ds::EnclosingLoop(model, outer)) {
    loop = outer;
  }
  std::span<py::Stmt* const> body = ds::LoopBody(*loop);
  if (!ds::BodyCallsMethod(body, "backward") && !ds::BodyCallsMethod(body, "step")) return;
  std::string_view name = context.Text(*receiver);
  if (CallsTrainOn(context, body, name)) return;
  context.Report(kRule, call,
                 fmt::format("`{}.eval()` in a training loop without `{}.train()`; later steps "
                             "train in evaluation mode",
                             name, name));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
