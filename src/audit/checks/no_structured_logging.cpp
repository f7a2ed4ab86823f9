// DS879: Reports a service that logs without structure.
#include "audit/checks/monitoring_gap_util.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS879",
    .name = "no-structured-logging",
    .area = Area::kMonitoring,
    .severity = Severity::kInfo,
    .effort_minutes = 60,
    .what = "Reports a project that serves requests but uses no structured-logging library (`structlog`, `python-json-logger`, `loguru`, `json_log_formatter`, `ecs_logging`).",
    .why = "Free-text log lines can be read but not queried: with JSON logs carrying the request id, model version and latency, a log platform answers \"which model version produced these errors\" in seconds.",
    .example = "```python\nlogging.basicConfig(level=logging.INFO)\n```",
    .instead = "```python\nimport structlog\n\nlog = structlog.get_logger()\nlog.info(\"prediction\", model_version=VERSION, latency_ms=elapsed)\n```",
};

void Run(AuditContext& context) {
  ReportServiceWithout(context, kRule,
                       {"structlog", "pythonjsonlogger", "loguru", "json_log_formatter", "ecs_logging",
                        "logstash_formatter"},
                       "structured logging");
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
