#include "checks/gpu/gpu_util.h"

#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks::gpu {

namespace py = python;

bool IsNoGradContext(const semantic::SemanticModel& model, const py::Node* expr) {
  const py::Node* callee = expr;
  const auto* call = py::DynCast<py::Call>(expr);
  if (call != nullptr) callee = call->func;
  if (model.Matches(callee, "torch.no_grad") || model.Matches(callee, "torch.inference_mode")) {
    return true;
  }
  return call != nullptr && model.Matches(callee, "torch.set_grad_enabled") &&
         call->args.size() == 1 && ds::IsConstFalse(call->args[0]);
}

bool UnderNoGrad(const semantic::SemanticModel& model, const py::Node* node) {
  for (const py::Node* current = model.Parent(node); current != nullptr;
       current = model.Parent(current)) {
    std::span<py::WithItem* const> items;
    std::span<py::Expr* const> decorators;
    if (const auto* with = py::DynCast<py::With>(current)) items = with->items;
    if (const auto* with = py::DynCast<py::AsyncWith>(current)) items = with->items;
    if (const auto* def = py::DynCast<py::FunctionDef>(current)) decorators = def->decorator_list;
    if (const auto* def = py::DynCast<py::AsyncFunctionDef>(current)) {
      decorators = def->decorator_list;
    }
    for (const py::WithItem* item : items) {
      if (IsNoGradContext(model, item->context_expr)) return true;
    }
    for (const py::Expr* decorator : decorators) {
      if (IsNoGradContext(model, decorator)) return true;
    }
  }
  return false;
}

}  // namespace dsaudit::checks::gpu
