// DS209: np.dot used for matrix multiplication.
#include "checks/check_context.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS209",
    .name = "matrix-multiplication-api-misuse",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Checks for `np.dot(a, b)` calls (the *matrix multiplication API misuse* smell of "
            "Zhang et al.).",
    .why = "`np.dot` means different things by dimension: the inner product for vectors, matrix "
           "multiplication for 2-D arrays, a sum over the last and second-to-last axes for N-D "
           "arrays, and plain multiplication for scalars. `np.matmul` / `@` state matrix "
           "multiplication, broadcast over stacks of matrices and refuse scalars.",
    .example = "```python\nlogits = np.dot(features, weights)\n```",
    .instead = "```python\nlogits = features @ weights  # or np.matmul(features, weights)\n```",
};

void CheckCall(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("numpy")) return;
  const auto& call = static_cast<const py::Call&>(node);
  if (call.args.size() != 2 || !model.Matches(call.func, "numpy.dot")) return;
  context.Report(kRule, call, "Use `np.matmul` or `@` for matrix multiplication, not `np.dot`");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
