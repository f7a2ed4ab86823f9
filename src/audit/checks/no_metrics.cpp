// DS876: Reports a service that exports no metrics.
#include "audit/checks/monitoring_gap_util.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS876",
    .name = "no-metrics",
    .area = Area::kMonitoring,
    .severity = Severity::kMajor,
    .effort_minutes = 120,
    .what = "Reports a project that serves requests but imports no metrics library: `prometheus_client`, `prometheus_fastapi_instrumentator`, `prometheus_flask_exporter`, `statsd`/`datadog`, or OpenTelemetry.",
    .why = "Without request rates, latencies and error counts nobody sees the service slow down or a model start failing until users complain; metrics are also what autoscaling and capacity planning are built on.",
    .example = "```python\napp = Flask(__name__)\n```",
    .instead = "```python\nfrom prometheus_flask_exporter import PrometheusMetrics\n\napp = Flask(__name__)\nPrometheusMetrics(app)  # /metrics with request counts and latencies\n```",
};

void Run(AuditContext& context) {
  ReportServiceWithout(context, kRule,
                       {"prometheus_client", "prometheus_fastapi_instrumentator", "prometheus_flask_exporter",
                        "starlette_exporter", "statsd", "datadog", "opentelemetry", "aioprometheus"},
                       "metrics (no prometheus_client, StatsD or OpenTelemetry)");
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
