// DS701: print() used for diagnostics in an importable library module.
#include "checks/check_context.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS701",
    .name = "print-in-library",
    .area = Area::kMonitoring,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Finds `print(...)` calls in library modules: Python files that only define things "
            "when imported (no statement at module level does work: no calls, no loops, no "
            "`if __name__ == \"__main__\":` block), are not tests, notebooks or `__main__.py`, "
            "and do not import a command-line library (`argparse`, `click`, `typer`, `fire`, "
            "`docopt`). Prints with a `file=` other than `sys.stdout`/`sys.stderr` write data, "
            "not diagnostics, and are not reported.\n\nUnlike `T201`, which reports every "
            "`print`, this check leaves scripts, command-line tools, notebooks and tests alone: "
            "there, printing is the user interface.",
    .why = "Code imported by a training pipeline, a batch job or a web service cannot control "
           "where `print` output goes: it has no level, no timestamp, no logger name, cannot be "
           "silenced or routed to the log platform, and is lost or interleaved under "
           "multiprocessing. Diagnostics from a library belong in `logging`, where the "
           "application decides.",
    .example = "```python\ndef load_features(path):\n    df = pd.read_parquet(path)\n    "
               "print(f\"loaded {len(df)} rows\")\n    return df\n```",
    .instead = "```python\nlogger = logging.getLogger(__name__)\n\n\ndef load_features(path):\n"
               "    df = pd.read_parquet(path)\n    logger.info(\"loaded %d rows\", len(df))\n"
               "    return df\n```",
};

bool DoesWorkWhenImported(const python::Stmt* statement) {
  switch (statement->kind) {
    case python::NodeKind::kExprStmt:
      return !python::Isa<python::Constant>(static_cast<const python::ExprStmt*>(statement)->value);
    case python::NodeKind::kFor:
    case python::NodeKind::kAsyncFor:
    case python::NodeKind::kWhile:
    case python::NodeKind::kWith:
    case python::NodeKind::kAsyncWith:
      return true;
    default:
      return false;
  }
}

bool IsLibraryModule(const CheckContext& context) {
  if (context.notebook() != nullptr || context.IsTestFile()) return false;
  std::string_view path = context.path();
  std::string_view name = path.substr(path.rfind('/') + 1);
  if (name == "__main__.py" || name == "setup.py" || name == "manage.py") return false;
  const semantic::SemanticModel& model = context.model();
  for (std::string_view cli : {"argparse", "click", "typer", "fire", "docopt"}) {
    if (model.ImportsModule(cli)) return false;
  }
  const python::Module& module = context.module();
  if (security::FindMainGuard(module) != nullptr) return false;
  for (const python::Stmt* statement : module.body) {
    if (DoesWorkWhenImported(statement)) return false;
  }
  return true;
}

bool WritesToFile(const python::Call& call, const semantic::SemanticModel& model) {
  const python::Keyword* file = security::FindKeyword(call, "file");
  if (file == nullptr || security::IsConstNone(file->value)) return false;
  return !model.Matches(file->value, "sys.stdout") && !model.Matches(file->value, "sys.stderr");
}

void CheckPrint(const python::Node& node, CheckContext& context) {
  const auto& call = static_cast<const python::Call&>(node);
  const semantic::SemanticModel& model = context.model();
  if (!model.Matches(call.func, "builtins.print")) return;
  if (WritesToFile(call, model) || !IsLibraryModule(context)) return;
  context.Report(kRule, *call.func,
                 "`print` in library code: use `logging` so the application can filter and route "
                 "diagnostics");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckPrint});

}  // namespace dsaudit::checks
