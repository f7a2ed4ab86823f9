// DS877: Reports a service without error tracking.
#include "audit/checks/monitoring_gap_util.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS877",
    .name = "no-error-tracking",
    .area = Area::kMonitoring,
    .severity = Severity::kMinor,
    .effort_minutes = 60,
    .what = "Reports a project that serves requests but imports no error-tracking SDK (`sentry_sdk`, `rollbar`, `bugsnag`, `honeybadger`, `airbrake`, Elastic APM, New Relic).",
    .why = "Exceptions in a service end in a log line nobody reads; an error tracker groups them, counts them, keeps the request that caused them and tells someone.",
    .example = "```python\napp = FastAPI()\n```",
    .instead = "```python\nimport sentry_sdk\n\nsentry_sdk.init(dsn=os.environ[\"SENTRY_DSN\"], traces_sample_rate=0.1)\napp = FastAPI()\n```",
};

void Run(AuditContext& context) {
  ReportServiceWithout(context, kRule,
                       {"sentry_sdk", "raven", "rollbar", "bugsnag", "honeybadger", "airbrake", "elasticapm",
                        "newrelic"},
                       "error tracking (no Sentry or similar)");
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
