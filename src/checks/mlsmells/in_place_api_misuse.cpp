// DS207: the result of a pandas method that returns a new object is thrown away.
#include <fmt/format.h>

#include <algorithm>

#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "DS207",
    .name = "in-place-api-misuse",
    .area = Area::kCodeQuality,
    .severity = Severity::kCritical,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Checks for expression statements that call a pandas method returning a new object "
            "(`df.dropna()`, `df.fillna(0)`, `df.drop(columns=...)`, `s.astype(int)`, ...) and "
            "throw the result away (the *in-place API misuse* smell of Zhang et al.). The use of "
            "`inplace=True` itself is PD002.",
    .why = "These methods do not change the object they are called on: without an assignment "
           "the call does nothing, and the code below runs on the unchanged data.",
    .example = "```python\ndf.dropna()\ndf.drop(columns=[\"id\"])\n```",
    .instead = "```python\ndf = df.dropna()\ndf = df.drop(columns=[\"id\"])\n```",
};

constexpr std::string_view kReturning[] = {
    "astype",   "bfill",      "clip",        "drop",      "drop_duplicates", "dropna",
    "ffill",    "fillna",     "interpolate", "rename",    "replace",         "reset_index",
    "set_axis", "set_index",  "sort_index",  "sort_values", "where",         "mask",
    "round",    "abs",        "query",       "assign",    "pivot",           "melt"};
// Names that other common types also have with in-place meaning.
constexpr std::string_view kAmbiguous[] = {"rename", "replace", "where", "round", "abs", "clip"};

void CheckExpression(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("pandas")) return;
  const auto* call = py::DynCast<py::Call>(static_cast<const py::ExprStmt&>(node).value);
  if (call == nullptr) return;
  std::string_view method = ds::MethodName(*call);
  if (std::find(std::begin(kReturning), std::end(kReturning), method) == std::end(kReturning)) {
    return;
  }
  const py::Keyword* inplace = ds::FindKeyword(*call, "inplace");
  if (inplace != nullptr || ds::HasDoubleStar(*call)) return;
  const py::Expr* receiver = ds::Receiver(*call);
  if (ds::IsImportName(model, receiver)) return;
  bool ambiguous =
      std::find(std::begin(kAmbiguous), std::end(kAmbiguous), method) != std::end(kAmbiguous);
  if (!ds::IsPandasValue(model, receiver) && (ambiguous || !py::Isa<py::Name>(receiver))) return;
  context.Report(kRule, *call,
                 fmt::format("The result of `.{}()` is discarded; the call does not change the "
                             "object, assign its result",
                             method));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kExprStmt},
                        .on_node = CheckExpression});

}  // namespace dsaudit::checks
