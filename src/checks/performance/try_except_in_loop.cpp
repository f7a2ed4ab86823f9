// PERF203: a loop body that is one try/except (before Python 3.11).
#include "checks/check_context.h"
#include "checks/mlsmells/ds_util.h"

namespace dsaudit::checks {
namespace {

namespace py = python;

const RuleInfo kRule = {
    .code = "PERF203",
    .name = "try-except-in-loop",
    .area = Area::kPerformance,
    .severity = Severity::kMinor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Checks for loops whose whole body is a `try`/`except`, when the target Python is "
            "older than 3.11 (`target-version`).",
    .why = "Before 3.11 entering a `try` block had a cost on every iteration; from 3.11 on "
           "exceptions are zero-cost until raised, so the check stays silent there. A body "
           "that uses `break`/`continue` from the handler is left alone.",
    .example = "```python\nfor path in paths:\n    try:\n        load(path)\n    except OSError:\n"
               "        log(path)\n```",
    .instead = "```python\ntry:\n    for path in paths:\n        load(path)\nexcept OSError:\n"
               "    log(path)\n```\n\n(when one failure may stop the loop), or validate the input "
               "before the loop.",
};

bool HasBreakOrContinue(std::span<py::Stmt* const> body) {
  bool found = false;
  ds::WalkBody(body, [&](const py::Node* node) {
    if (found || py::Isa<py::FunctionDef>(node) || py::Isa<py::AsyncFunctionDef>(node) ||
        py::Isa<py::ClassDef>(node)) {
      return false;
    }
    bool statement_like = py::CategoryOf(node->kind) == py::NodeCategory::kStmt ||
                          py::Isa<py::ExceptHandler>(node) || py::Isa<py::MatchCase>(node);
    if (!statement_like) return false;
    if (py::Isa<py::Break>(node) || py::Isa<py::Continue>(node)) found = true;
    return !found;
  });
  return found;
}

void CheckLoop(const py::Node& node, CheckContext& context) {
  if (context.config().target_minor >= 11) return;
  std::span<py::Stmt* const> body = ds::LoopBody(static_cast<const py::Stmt&>(node));
  if (body.size() != 1) return;
  std::span<py::Stmt* const> try_body;
  std::span<py::ExceptHandler* const> handlers;
  if (const auto* statement = py::DynCast<py::Try>(body[0])) {
    try_body = statement->body;
    handlers = statement->handlers;
  } else if (const auto* star = py::DynCast<py::TryStar>(body[0])) {
    try_body = star->body;
    handlers = star->handlers;
  } else {
    return;
  }
  if (handlers.empty() || HasBreakOrContinue(try_body)) return;
  context.Report(kRule, *handlers[0], "`try`-`except` within a loop incurs performance overhead");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kFor, python::NodeKind::kWhile},
                        .on_node = CheckLoop});

}  // namespace dsaudit::checks
