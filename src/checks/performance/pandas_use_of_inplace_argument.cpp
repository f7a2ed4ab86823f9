// PD002: `inplace=True` on pandas methods.
#include <algorithm>
#include <vector>

#include "checks/check_context.h"
#include "checks/fix_util.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "PD002",
    .name = "pandas-use-of-inplace-argument",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = true,
    .what = "Checks for `inplace=True` in calls of pandas methods that accept it (`dropna`, "
            "`fillna`, `drop`, `rename`, `sort_values`, `reset_index`, ...).\n\nThis is also "
            "dsaudit's code for the *in-place API misuse* smell of Zhang et al. where it concerns "
            "`inplace=True`; a result that is silently thrown away is DS207.",
    .why = "`inplace=True` rarely saves memory (pandas usually copies anyway), returns `None` "
           "so it cannot be chained, behaves inconsistently across methods and versions, and is "
           "being deprecated. An assignment makes the data flow visible.",
    .example = "```python\ndf.dropna(inplace=True)\n```",
    .instead = "```python\ndf = df.dropna()\n```\n\n`dsaudit check --fix` rewrites an expression "
               "statement `df.method(..., inplace=True)` this way when `df` is a name assigned a new "
               "object in the same scope and not shared before the call (not a parameter, loop "
               "variable, alias, or an object already passed elsewhere), since whoever shares "
               "the object would no longer see the change.",
};

bool AcceptsInplace(std::string_view method) {
  static constexpr std::string_view kMethods[] = {
      "where",  "mask",      "query",   "clip",          "eval",        "backfill",
      "bfill",  "ffill",     "fillna",  "interpolate",   "dropna",      "pad",
      "replace", "drop",     "drop_duplicates", "rename", "rename_axis", "reset_index",
      "set_index", "sort_values", "sort_index", "set_names"};
  return std::find(std::begin(kMethods), std::end(kMethods), method) != std::end(kMethods);
}

// The byte range that removes `keyword` and one neighbouring comma.
std::optional<Edit> RemoveArgument(const CheckContext& context, const py::Call& call,
                                   const py::Keyword& keyword) {
  std::vector<const py::Node*> arguments(call.args.begin(), call.args.end());
  arguments.insert(arguments.end(), call.keywords.begin(), call.keywords.end());
  std::sort(arguments.begin(), arguments.end(), [](const py::Node* a, const py::Node* b) {
    return a->pos.line != b->pos.line ? a->pos.line < b->pos.line : a->pos.col < b->pos.col;
  });
  auto at = std::find(arguments.begin(), arguments.end(), &keyword);
  if (at == arguments.end()) return std::nullopt;
  uint32_t begin = 0;
  uint32_t end = 0;
  if (arguments.size() == 1) {
    // Everything between the parentheses, a trailing comma included.
    begin = context.Offset(call.func->pos.end_line, call.func->pos.end_col);
    std::string_view text = context.source().text();
    while (begin < text.size() && text[begin] != '(') ++begin;
    ++begin;
    end = context.Offset(call.pos.end_line, call.pos.end_col) - 1;
  } else if (at + 1 != arguments.end()) {
    begin = context.Offset(keyword.pos.line, keyword.pos.col);
    end = context.Offset((*(at + 1))->pos.line, (*(at + 1))->pos.col);
  } else {
    begin = context.Offset((*(at - 1))->pos.end_line, (*(at - 1))->pos.end_col);
    end = context.Offset(keyword.pos.end_line, keyword.pos.end_col);
  }
  if (begin > end || HasCommentBetween(context, begin, end)) return std::nullopt;
  return Edit{begin, end, ""};
}

// Rebinding the name must not change what other code sees: it has to be a
// plain assignment in the scope of the statement, of a new object (not an
// alias of another name), and never handed to other code (an argument, a
// container, another name) before the call, which would see the change.
bool SafeToRebind(const CheckContext& context, const py::Name& name) {
  const semantic::SemanticModel& model = context.model();
  semantic::BindingId id = model.ResolveName(&name);
  if (id == semantic::kNoId) return false;
  const semantic::Binding& binding = model.binding(id);
  if (binding.scope != model.ScopeOf(&name) || binding.Is(semantic::binding_flags::kRedirected) ||
      binding.Is(semantic::binding_flags::kUnpacked)) {
    return false;
  }
  if (binding.kind != semantic::BindingKind::kAssignment &&
      binding.kind != semantic::BindingKind::kAnnotatedAssignment) {
    return false;
  }
  const py::Expr* value = ds::AssignedValue(model, &name);
  if (value == nullptr || py::Isa<py::Name>(value) || py::Isa<py::Attribute>(value)) return false;
  for (semantic::ReferenceId reference_id : model.BindingReferences(id)) {
    const semantic::Reference& reference = model.reference(reference_id);
    if (reference.node == &name) continue;
    const py::Node* parent = model.Parent(reference.node);
    bool read_only = false;
    if (const auto* attribute = py::DynCast<py::Attribute>(parent)) {
      read_only = attribute->value == reference.node;
    } else if (const auto* subscript = py::DynCast<py::Subscript>(parent)) {
      read_only = subscript->value == reference.node;
    }
    if (!read_only) return false;
  }
  return true;
}

std::optional<Fix> AssignmentFix(const CheckContext& context, const py::Call& call,
                                 const py::Keyword& keyword) {
  const auto* statement = py::DynCast<py::ExprStmt>(context.model().Parent(&call));
  if (statement == nullptr || statement->pos.line != call.pos.line ||
      statement->pos.col != call.pos.col) {
    return std::nullopt;
  }
  const auto* name = py::DynCast<py::Name>(ds::Receiver(call));
  if (name == nullptr || !SafeToRebind(context, *name)) return std::nullopt;
  std::optional<Edit> removal = RemoveArgument(context, call, keyword);
  if (!removal) return std::nullopt;
  uint32_t start = context.Offset(call.pos.line, call.pos.col);
  Fix fix;
  fix.edits.push_back(Edit{start, start, std::string(name->id) + " = "});
  fix.edits.push_back(*removal);
  return fix;
}

void CheckCall(const py::Node& node, CheckContext& context) {
  if (!context.model().ImportsModule("pandas")) return;
  const auto& call = static_cast<const py::Call&>(node);
  if (!AcceptsInplace(ds::MethodName(call))) return;
  bool seen_star = false;
  for (auto it = call.keywords.rbegin(); it != call.keywords.rend(); ++it) {
    const py::Keyword& keyword = **it;
    if (keyword.arg.empty()) {
      seen_star = true;
      continue;
    }
    if (keyword.arg != "inplace") continue;
    if (ds::IsConstTrue(keyword.value)) {
      Diagnostic diagnostic{.rule = &kRule,
                            .pos = keyword.pos,
                            .message = "`inplace=True` should be avoided; it has inconsistent "
                                       "behavior"};
      if (!seen_star) diagnostic.fix = AssignmentFix(context, call, keyword);
      context.Report(std::move(diagnostic));
    }
    break;
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckCall});

}  // namespace dsaudit::checks
