// DS403: a model switched to eval() for inference that still records gradients.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/gpu/gpu_util.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS403",
    .name = "inference-without-no-grad",
    .area = Area::kGpu,
    .severity = Severity::kMajor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Checks for PyTorch functions (or scripts) that call `model.eval()` and then call "
            "`model(...)` outside `torch.no_grad()` / `torch.inference_mode()`, in code that "
            "does not train (no `.backward()`).",
    .why = "`eval()` only changes dropout and batch-norm; autograd still records every operation "
           "and keeps the activations for a backward pass that never comes: inference uses "
           "several times the memory and runs slower.",
    .example = "```python\nmodel.eval()\npredictions = model(batch)\n```",
    .instead = "```python\nmodel.eval()\nwith torch.inference_mode():\n    predictions = "
               "model(batch)\n```",
};

std::span<py::Stmt* const> ScopeBody(const CheckContext& context, const py::Stmt* function) {
  if (const auto* def = py::DynCast<py::FunctionDef>(function)) return def->body;
  if (const auto* def = py::DynCast<py::AsyncFunctionDef>(function)) return def->body;
  return context.module().body;
}

void CheckCall(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("torch")) return;
  const auto& eval = static_cast<const py::Call&>(node);
  if (ds::MethodName(eval) != "eval" || !eval.args.empty() || !eval.keywords.empty()) return;
  const py::Expr* receiver = ds::Receiver(eval);
  if (ds::IsImportName(model, receiver)) return;
  std::string_view name = context.Text(*receiver);
  std::span<py::Stmt* const> body = ScopeBody(context, model.EnclosingFunction(&eval));
  if (ds::BodyCallsMethod(body, "backward")) return;
  const py::Call* unguarded = nullptr;
  ds::WalkBody(body, [&](const py::Node* inner) {
    if (unguarded != nullptr || ds::IsScopeNode(inner)) return false;
    const auto* call = py::DynCast<py::Call>(inner);
    if (call == nullptr || call == &eval) return true;
    bool after = call->pos.line > eval.pos.line;
    if (after && context.Text(*call->func) == name && !gpu::UnderNoGrad(model, call)) {
      unguarded = call;
    }
    return unguarded == nullptr;
  });
  if (unguarded == nullptr) return;
  context.Report(kRule, *unguarded,
                 fmt::format("Inference with `{}` outside `torch.no_grad()`/`inference_mode()` "
                             "records the autograd graph",
                             name));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
