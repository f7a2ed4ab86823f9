// DS702: an entry point that logs through getLogger but never configures
// logging.
#include <vector>

#include "checks/check_context.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS702",
    .name = "logging-not-configured",
    .area = Area::kMonitoring,
    .severity = Severity::kMajor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Finds entry points (modules with an `if __name__ == \"__main__\":` block) that get "
            "loggers with `logging.getLogger` but never configure logging: no "
            "`logging.basicConfig`, `logging.config.dictConfig`/`fileConfig`, no `addHandler` "
            "call, no `coloredlogs.install`, and no call to a function of their own whose name "
            "says it sets up logging (`setup_logging()`, `configure_logger()`, "
            "`init_logging()`).",
    .why = "An unconfigured program drops every `logger.info` and `logger.debug` message and "
           "prints warnings and errors through Python's last-resort handler: bare text on "
           "stderr, no time, no level, no logger name. The logging written for operations is "
           "never seen in production, and nobody notices until an incident.",
    .example = "```python\nlogger = logging.getLogger(__name__)\n\n\ndef main():\n    "
               "logger.info(\"training started\")\n\n\nif __name__ == \"__main__\":\n    "
               "main()\n```",
    .instead = "```python\nif __name__ == \"__main__\":\n    logging.basicConfig(\n        "
               "level=logging.INFO,\n        format=\"%(asctime)s %(levelname)s %(name)s: "
               "%(message)s\",\n    )\n    main()\n```",
};

constexpr std::string_view kConfigurers[] = {
    "logging.basicConfig", "logging.config.dictConfig", "logging.config.fileConfig",
    "logging.config.listen", "coloredlogs.install", "structlog.configure",
    "absl.logging.use_absl_handler"};

bool LooksLikeSetupFunction(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.find("log") == std::string::npos) return false;
  for (std::string_view verb : {"setup", "set_up", "config", "init"}) {
    if (lower.find(verb) != std::string::npos) return true;
  }
  return false;
}

struct LoggingUse {
  bool gets_logger = false;
  bool configures = false;
  const python::If* main_guard = nullptr;
};

void Inspect(const python::Call& call, const semantic::SemanticModel& model, LoggingUse& use) {
  if (model.Matches(call.func, "logging.getLogger")) use.gets_logger = true;
  for (std::string_view configurer : kConfigurers) {
    if (model.Matches(call.func, configurer)) use.configures = true;
  }
  std::string_view called;
  if (const auto* name = python::DynCast<python::Name>(call.func)) called = name->id;
  if (const auto* attribute = python::DynCast<python::Attribute>(call.func)) {
    called = attribute->attr;
  }
  if (called == "addHandler" || LooksLikeSetupFunction(called)) use.configures = true;
}

void CheckLoggingConfigured(CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("logging")) return;
  LoggingUse use;
  use.main_guard = security::FindMainGuard(context.module());
  if (use.main_guard == nullptr) return;
  std::vector<python::Node*> stack = {const_cast<python::Module*>(&context.module())};
  while (!stack.empty() && !use.configures) {
    python::Node* node = stack.back();
    stack.pop_back();
    if (const auto* call = python::DynCast<python::Call>(node)) Inspect(*call, model, use);
    python::ForEachChild(node, [&stack](python::Node* child) { stack.push_back(child); });
  }
  if (!use.gets_logger || use.configures) return;
  context.Report(kRule, *use.main_guard->test,
                 "entry point never configures logging: `logging.getLogger` loggers drop INFO "
                 "and print warnings unformatted; call `logging.basicConfig` here");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckLoggingConfigured});

}  // namespace dsaudit::checks
