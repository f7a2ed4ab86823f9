// PyTorch facts the gpu checks share.
#pragma once

#include "frontend/python/ast.h"
#include "semantic/semantic_model.h"

namespace dsaudit::checks::gpu {

// Whether the expression is torch.no_grad() / torch.inference_mode() /
// torch.set_grad_enabled(False) (called or not).
bool IsNoGradContext(const semantic::SemanticModel& model, const python::Node* expr);
// Whether the node runs with gradients off: inside `with torch.no_grad():` or
// in a function decorated with it.
bool UnderNoGrad(const semantic::SemanticModel& model, const python::Node* node);

}  // namespace dsaudit::checks::gpu
