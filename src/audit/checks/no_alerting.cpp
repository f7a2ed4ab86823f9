// DS875: a service that nothing alerts on.
#include <fmt/format.h>

#include <array>

#include "audit/checks/service_util.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS875",
    .name = "no-alerting",
    .area = Area::kMonitoring,
    .severity = Severity::kMajor,
    .effort_minutes = 120,
    .what = "Reports a project that serves requests but defines no alerting anywhere: no "
            "Prometheus alerting rules (rule files, or a PrometheusRule in Kubernetes), no "
            "Alertmanager configuration, no Zabbix export with triggers, and no alarm resources in "
            "Terraform (CloudWatch alarms, Google Cloud alert policies, Azure Monitor alerts, "
            "Datadog, Grafana, New Relic or PagerDuty).",
    .why = "Metrics nobody watches find nothing: without alerts an outage, a latency spike or a "
           "model that starts failing is noticed by users first, and at night by nobody.",
    .example = "```python\napp = Flask(__name__)  # metrics exported, no alert rule anywhere\n```",
    .instead = "```yaml\ngroups:\n  - name: churn-api\n    rules:\n      - alert: HighErrorRate\n"
               "        expr: rate(http_requests_total{status=~\"5..\"}[5m]) > 0.05\n"
               "        for: 10m\n```",
};

constexpr std::array<std::string_view, 13> kAlarmResources = {
    "aws_cloudwatch_metric_alarm",       "aws_cloudwatch_composite_alarm",
    "google_monitoring_alert_policy",    "azurerm_monitor_metric_alert",
    "azurerm_monitor_activity_log_alert", "azurerm_monitor_scheduled_query_rules_alert",
    "azurerm_monitor_scheduled_query_rules_alert_v2", "datadog_monitor",
    "grafana_rule_group",                "newrelic_alert_policy",
    "newrelic_nrql_alert_condition",     "pagerduty_service",
    "opsgenie_team",
};

bool DefinesAlerts(const InventoryFile& file) {
  std::string_view name = BaseName(file.path);
  if (name.starts_with("alertmanager")) return true;
  if (name.starts_with("zabbix")) {
    return file.text.find("triggers") != std::string::npos ||
           file.text.find("<trigger>") != std::string::npos;
  }
  return file.text.find("alert:") != std::string::npos;
}

void Run(AuditContext& context) {
  const PackagingModel::Import* web = WebFrameworkImport(context);
  if (web == nullptr) return;
  for (const InventoryFile* file : context.inventory().Files(FileRole::kMonitoringConfig)) {
    if (DefinesAlerts(*file)) return;
  }
  const InfraModel& infra = context.infra();
  if (infra.kubernetes_kinds.contains("PrometheusRule") ||
      infra.kubernetes_kinds.contains("AlertmanagerConfig")) {
    return;
  }
  for (const TfResource& resource : infra.resources) {
    for (std::string_view type : kAlarmResources) {
      if (resource.type() == type) return;
    }
  }
  context.Report(kRule, *web->file, web->span,
                 fmt::format("the service ({} in {}) has no alerting: no Prometheus alert rules, "
                             "Alertmanager or Zabbix triggers, no alarm resources in Terraform",
                             web->module, web->file->path));
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
