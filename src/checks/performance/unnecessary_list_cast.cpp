// PERF101: `for x in list(iterable)` where the iterable is already a sequence.
#include "checks/check_context.h"
#include "checks/fix_util.h"
#include "checks/mlsmells/ds_util.h"
#include "checks/performance/perflint_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "PERF101",
    .name = "unnecessary-list-cast",
    .area = Area::kPerformance,
    .severity = Severity::kMinor,
    .effort_minutes = 1,
    .fixable = true,
    .what = "Checks for `list(...)` around a list, tuple or set literal (or a name bound to one) "
            "that a `for` loop iterates over.",
    .why = "The copy costs time and memory and says nothing: the loop could iterate over the "
           "original directly.",
    .example = "```python\ncolumns = (\"a\", \"b\")\nfor column in list(columns):\n    "
               "print(column)\n```",
    .instead = "```python\nfor column in columns:\n    print(column)\n```\n\nA loop that changes "
               "the list it iterates over keeps its copy; dsaudit does not report it.",
};

// Ruff's MutationVisitor: statements that change the named list.
bool IsSubscriptOf(const py::Node* target, std::string_view id) {
  const auto* subscript = py::DynCast<py::Subscript>(target);
  return subscript != nullptr && ds::IsNameNamed(subscript->value, id);
}

bool Mutates(const py::Node* statement, std::string_view id) {
  switch (statement->kind) {
    case py::NodeKind::kExprStmt: {
      const auto* call = py::DynCast<py::Call>(static_cast<const py::ExprStmt*>(statement)->value);
      if (call == nullptr) return false;
      static constexpr std::string_view kMutators[] = {"append", "insert", "extend", "remove",
                                                       "pop",    "clear",  "reverse", "sort"};
      std::string_view method = ds::MethodName(*call);
      bool mutator = false;
      for (std::string_view name : kMutators) mutator = mutator || name == method;
      return mutator && ds::IsNameNamed(ds::Receiver(*call), id);
    }
    case py::NodeKind::kAssign:
      for (const py::Expr* target : static_cast<const py::Assign*>(statement)->targets) {
        if (IsSubscriptOf(target, id)) return true;
      }
      return false;
    case py::NodeKind::kAugAssign:
      return ds::IsNameNamed(static_cast<const py::AugAssign*>(statement)->target, id);
    case py::NodeKind::kAnnAssign:
      return IsSubscriptOf(static_cast<const py::AnnAssign*>(statement)->target, id);
    case py::NodeKind::kDelete:
      for (const py::Expr* target : static_cast<const py::Delete*>(statement)->targets) {
        if (IsSubscriptOf(target, id)) return true;
      }
      return false;
    default:
      return false;
  }
}

bool BodyMutates(std::span<py::Stmt* const> body, std::string_view id) {
  bool found = false;
  ds::WalkBody(body, [&](const py::Node* node) {
    bool statement_like = py::CategoryOf(node->kind) == py::NodeCategory::kStmt ||
                          py::Isa<py::ExceptHandler>(node) || py::Isa<py::MatchCase>(node);
    if (found || !statement_like) return false;
    if (Mutates(node, id)) found = true;
    return !found;
  });
  return found;
}

bool IsSequenceLiteral(const py::Node* node) {
  return py::Isa<py::Tuple>(node) || py::Isa<py::List>(node) || py::Isa<py::Set>(node);
}

void Report(CheckContext& context, const py::Call& call, const py::Node& iterable) {
  Diagnostic diagnostic{.rule = &kRule,
                        .pos = call.pos,
                        .message = "Do not cast an iterable to `list` before iterating over it"};
  uint32_t begin = context.Offset(call.pos.line, call.pos.col);
  uint32_t end = context.Offset(call.pos.end_line, call.pos.end_col);
  if (!HasCommentBetween(context, begin, end)) {
    std::string text(context.Text(iterable));
    // An unparenthesised tuple needs its parentheses back.
    if (py::Isa<py::Tuple>(&iterable) && !text.starts_with("(")) text = "(" + text + ")";
    diagnostic.fix = ReplaceNode(context, call, text);
  }
  context.Report(std::move(diagnostic));
}

void CheckFor(const py::Node& node, CheckContext& context) {
  const py::Expr* iter = nullptr;
  std::span<py::Stmt* const> body;
  if (const auto* loop = py::DynCast<py::For>(&node)) {
    iter = loop->iter;
    body = loop->body;
  } else {
    const auto& async_loop = static_cast<const py::AsyncFor&>(node);
    iter = async_loop.iter;
    body = async_loop.body;
  }
  const auto* call = py::DynCast<py::Call>(iter);
  if (call == nullptr || call->args.size() != 1) return;
  const semantic::SemanticModel& model = context.model();
  if (!model.Matches(call->func, "builtins.list")) return;
  const py::Expr* argument = call->args[0];
  if (IsSequenceLiteral(argument)) {
    Report(context, *call, *argument);
    return;
  }
  const auto* name = py::DynCast<py::Name>(argument);
  if (name == nullptr) return;
  semantic::BindingId id = model.ResolveName(name);
  if (id == semantic::kNoId) return;
  if (!IsSequenceLiteral(perflint::BindingValue(model, id))) return;
  if (BodyMutates(body, name->id)) return;
  Report(context, *call, *argument);
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kFor, python::NodeKind::kAsyncFor},
                        .on_node = CheckFor});

}  // namespace dsaudit::checks
