// DS404: an evaluation loop under torch.no_grad() with the model still in training mode.
#include "checks/check_context.h"
#include "checks/gpu/gpu_util.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS404",
    .name = "inference-without-eval",
    .area = Area::kGpu,
    .severity = Severity::kMajor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Checks for `with torch.no_grad():` / `torch.inference_mode()` blocks that run a loop "
            "(an evaluation loop over batches) in a function that never calls `.eval()`.",
    .why = "`no_grad` only stops gradient recording; dropout still drops activations and "
           "batch-norm still uses (and updates!) batch statistics, so the evaluation is noisy, "
           "depends on the batch size and changes the model.",
    .example = "```python\nwith torch.no_grad():\n    for X, y in val_loader:\n        "
               "correct += (model(X).argmax(1) == y).sum()\n```",
    .instead = "```python\nmodel.eval()\nwith torch.no_grad():\n    for X, y in val_loader:\n        "
               "correct += (model(X).argmax(1) == y).sum()\n```",
};

std::span<py::Stmt* const> ScopeBody(const CheckContext& context, const py::Stmt* function) {
  if (const auto* def = py::DynCast<py::FunctionDef>(function)) return def->body;
  if (const auto* def = py::DynCast<py::AsyncFunctionDef>(function)) return def->body;
  return context.module().body;
}

void CheckWith(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("torch")) return;
  const auto& with = static_cast<const py::With&>(node);
  bool no_grad = false;
  for (const py::WithItem* item : with.items) {
    no_grad = no_grad || gpu::IsNoGradContext(model, item->context_expr);
  }
  if (!no_grad) return;
  bool loops = false;
  for (const py::Stmt* statement : with.body) {
    loops = loops || py::Isa<py::For>(statement) || py::Isa<py::While>(statement);
  }
  if (!loops) return;
  if (ds::BodyCallsMethod(ScopeBody(context, model.EnclosingFunction(&with)), "eval")) return;
  context.Report(kRule, with,
                 "Evaluation loop under `no_grad()` without `model.eval()`; dropout and "
                 "batch-norm still run in training mode");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kWith},
                        .on_node = CheckWith});

}  // namespace dsaudit::checks
