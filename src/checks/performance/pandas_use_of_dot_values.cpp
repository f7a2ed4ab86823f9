// PD011: `.values` on what may be a pandas object.
#include "checks/check_context.h"
#include "checks/fix_util.h"
#include "checks/mlsmells/ds_util.h"
#include "checks/performance/perflint_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;
using semantic::BindingKind;

const RuleInfo kRule = {
    .code = "PD011",
    .name = "pandas-use-of-dot-values",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 1,
    .fixable = true,
    .what = "Checks for reads of the `.values` attribute of objects that may be DataFrames or "
            "Series.\n\nThis is also dsaudit's code for the *dataframe conversion API misuse* "
            "smell of Zhang et al. (there is no separate DS code for it).",
    .why = "`.values` returns a NumPy array for some dtypes and an extension array for others "
           "(categoricals, nullable integers, timezones), so what you get depends on the data. "
           "`.to_numpy()` always returns an ndarray and `.array` always the extension array.",
    .example = "```python\nimport pandas as pd\n\ndf = pd.read_csv(\"data.csv\")\nmatrix = "
               "df.values\n```",
    .instead = "```python\nmatrix = df.to_numpy()\n```\n\n`dsaudit check --fix` makes this "
               "change when the object is certainly a DataFrame (a name assigned from "
               "`pd.DataFrame(...)`, `pd.read_*(...)` or a column-list selection of one), where "
               "both spellings give the same array.",
};

// Ruff's pandas_vet test_expression: only locals may hold a DataFrame.
bool IsRelevant(const semantic::SemanticModel& model, const py::Node* value) {
  switch (value->kind) {
    case py::NodeKind::kConstant:
    case py::NodeKind::kTuple:
    case py::NodeKind::kList:
    case py::NodeKind::kSet:
    case py::NodeKind::kDict:
    case py::NodeKind::kSetComp:
    case py::NodeKind::kListComp:
    case py::NodeKind::kDictComp:
    case py::NodeKind::kGeneratorExp:
      return false;
    case py::NodeKind::kName:
      break;
    default:
      return true;
  }
  semantic::BindingId id = model.ResolveName(value);
  if (id == semantic::kNoId) return false;
  const semantic::Binding& binding = model.binding(id);
  if (perflint::IsExport(binding)) return false;
  switch (binding.kind) {
    case BindingKind::kParameter:
      return binding.name != "self" && binding.name != "cls";
    case BindingKind::kAssignment:
    case BindingKind::kAugmentedAssignment:
    case BindingKind::kAnnotatedAssignment:
    case BindingKind::kAnnotation:
    case BindingKind::kNamedExpr:
    case BindingKind::kForTarget:
    case BindingKind::kGlobal:
    case BindingKind::kNonlocal:
      return true;
    case BindingKind::kComprehensionTarget: {
      // Ruff names bindings after the enclosing statement: inside `with` they are with-items.
      const py::Stmt* statement = model.EnclosingStatement(binding.node);
      return !py::Isa<py::With>(statement) && !py::Isa<py::AsyncWith>(statement);
    }
    default:
      return false;
  }
}

bool IsFrameConstructor(const semantic::SemanticModel& model, const py::Node* expr, int depth) {
  if (depth > 3 || expr == nullptr) return false;
  if (const auto* call = py::DynCast<py::Call>(expr)) {
    static constexpr std::string_view kFrames[] = {
        "pandas.DataFrame",     "pandas.read_csv",  "pandas.read_table",
        "pandas.read_parquet",  "pandas.read_feather", "pandas.read_sql",
        "pandas.read_sql_query", "pandas.read_sql_table"};
    // Chunked reads return iterators, not frames.
    if (ds::HasKeyword(*call, "chunksize") || ds::HasKeyword(*call, "iterator") ||
        ds::HasDoubleStar(*call)) {
      return false;
    }
    for (std::string_view frame : kFrames) {
      if (model.Matches(call->func, frame)) return true;
    }
    return false;
  }
  if (const auto* subscript = py::DynCast<py::Subscript>(expr)) {
    return py::Isa<py::List>(subscript->slice) &&
           IsFrameConstructor(model, subscript->value, depth + 1);
  }
  if (py::Isa<py::Name>(expr)) {
    return IsFrameConstructor(model, ds::AssignedValue(model, expr), depth + 1);
  }
  return false;
}

void CheckAttribute(const py::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("pandas")) return;
  const auto& attribute = static_cast<const py::Attribute&>(node);
  if (attribute.attr != "values" || attribute.ctx != py::ExprContext::kLoad) return;
  const py::Node* parent = model.Parent(&attribute);
  if (py::Isa<py::Keyword>(parent)) parent = model.Parent(parent);
  if (py::Isa<py::Call>(parent)) return;
  if (!IsRelevant(model, attribute.value)) return;
  Diagnostic diagnostic{.rule = &kRule,
                        .pos = attribute.pos,
                        .message = "Use `.to_numpy()` or `.array` instead of `.values`"};
  if (py::Isa<py::Name>(attribute.value) && IsFrameConstructor(model, attribute.value, 0)) {
    uint32_t begin = context.Offset(attribute.pos.line, attribute.pos.col);
    uint32_t end = context.Offset(attribute.pos.end_line, attribute.pos.end_col);
    if (!HasCommentBetween(context, begin, end)) {
      diagnostic.fix =
          ReplaceNode(context, attribute, std::string(context.Text(*attribute.value)) + ".to_numpy()");
    }
  }
  context.Report(std::move(diagnostic));
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kAttribute},
                        .on_node = CheckAttribute});

}  // namespace dsaudit::checks
