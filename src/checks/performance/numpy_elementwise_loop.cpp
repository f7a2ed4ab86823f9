// DS305: Python loops over the positions of a NumPy array.
#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS305",
    .name = "numpy-elementwise-loop",
    .area = Area::kPerformance,
    .severity = Severity::kMajor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Checks for `for i in range(len(a))` / `range(a.shape[0])` / `range(a.size)` loops "
            "over a NumPy array whose body indexes the array with the loop variable.",
    .why = "Each `a[i]` boxes a NumPy scalar and runs the arithmetic in the interpreter: 10 to "
           "100 times slower than the same operation on the whole array, which runs in C (and "
           "SIMD).",
    .example = "```python\nfor i in range(len(x)):\n    y[i] = x[i] * 2 + 1\n```",
    .instead = "```python\ny = x * 2 + 1\n```",
};

// The array whose length bounds the range, or nullptr.
const py::Node* RangeArray(const semantic::SemanticModel& model, const py::Expr* iter) {
  const auto* range = py::DynCast<py::Call>(iter);
  if (range == nullptr || range->args.size() != 1 || !model.Matches(range->func, "builtins.range")) {
    return nullptr;
  }
  const py::Node* bound = range->args[0];
  const py::Node* array = nullptr;
  if (const auto* length = py::DynCast<py::Call>(bound)) {
    if (length->args.size() == 1 && model.Matches(length->func, "builtins.len")) {
      array = length->args[0];
    }
  } else if (const auto* subscript = py::DynCast<py::Subscript>(bound)) {
    const auto* shape = py::DynCast<py::Attribute>(subscript->value);
    if (shape != nullptr && shape->attr == "shape") array = shape->value;
  } else if (const auto* size = py::DynCast<py::Attribute>(bound)) {
    if (size->attr == "size") array = size->value;
  }
  if (array == nullptr || !py::Isa<py::Name>(array) || !ds::IsNumpyValue(model, array)) {
    return nullptr;
  }
  return array;
}

bool IndexesWith(std::span<py::Stmt* const> body, std::string_view variable) {
  bool found = false;
  ds::WalkBody(body, [&](const py::Node* node) {
    if (found) return false;
    if (const auto* subscript = py::DynCast<py::Subscript>(node)) {
      if (ds::IsNameNamed(subscript->slice, variable)) found = true;
    }
    return !found;
  });
  return found;
}

void CheckFor(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("numpy")) return;
  const auto& loop = static_cast<const py::For&>(node);
  const auto* target = py::DynCast<py::Name>(loop.target);
  if (target == nullptr || RangeArray(model, loop.iter) == nullptr) return;
  if (!IndexesWith(loop.body, target->id)) return;
  context.Report(kRule, *loop.iter,
                 "Element-wise Python loop over a NumPy array; use a vectorised expression");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kFor},
                        .on_node = CheckFor});

}  // namespace dsaudit::checks
