// DS402: the loss tensor kept across iterations with its autograd graph.
#include <fmt/format.h>

#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS402",
    .name = "tensor-kept-with-graph",
    .area = Area::kGpu,
    .severity = Severity::kCritical,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Checks for training loops that keep the tensor they call `.backward()` on: "
            "`losses.append(loss)` or `total += loss` without `.item()` or `.detach()`.",
    .why = "The loss tensor references the whole autograd graph of its step (activations "
           "included); keeping it keeps every step's graph alive, so GPU memory grows each "
           "iteration until the run dies with out-of-memory, usually hours in.",
    .example = "```python\nfor X, y in loader:\n    loss = criterion(model(X), y)\n    "
               "loss.backward()\n    losses.append(loss)\n```",
    .instead = "```python\n    losses.append(loss.item())  # or loss.detach()\n```",
};

// The names `.backward()` is called on in the loop body.
bool BackwardOn(std::span<py::Stmt* const> body, std::string_view id) {
  bool found = false;
  ds::WalkBody(body, [&](const py::Node* node) {
    if (found || ds::IsScopeNode(node)) return false;
    if (const auto* call = py::DynCast<py::Call>(node)) {
      if (ds::MethodName(*call) == "backward" && ds::IsNameNamed(ds::Receiver(*call), id)) {
        found = true;
      }
    }
    return !found;
  });
  return found;
}

void Check(const py::Node& node, const py::Node* kept, CheckContext& context) {
  const auto* name = py::DynCast<py::Name>(kept);
  if (name == nullptr) return;
  const semantic::SemanticModel& model = context.model();
  const py::Stmt* loop = ds::EnclosingLoop(model, &node);
  if (loop == nullptr || !BackwardOn(ds::LoopBody(*loop), name->id)) return;
  context.Report(kRule, node,
                 fmt::format("`{0}` is kept across iterations with its autograd graph; keep "
                             "`{0}.item()` or `{0}.detach()`",
                             name->id));
}

void CheckNode(const py::Node& node, CheckContext& context) {
  if (!context.model().ImportsModule("torch")) return;
  if (const auto* call = py::DynCast<py::Call>(&node)) {
    if (ds::MethodName(*call) != "append" || call->args.size() != 1) return;
    Check(node, call->args[0], context);
    return;
  }
  const auto& augmented = static_cast<const py::AugAssign&>(node);
  if (augmented.op != py::Operator::kAdd) return;
  Check(node, augmented.value, context);
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall, python::NodeKind::kAugAssign},
                        .on_node = CheckNode});

}  // namespace dsaudit::checks
