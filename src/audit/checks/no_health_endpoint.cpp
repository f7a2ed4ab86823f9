// DS878: Reports a web service that defines no health endpoint.
#include <fmt/format.h>

#include <string_view>

#include "audit/checks/service_util.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS878",
    .name = "no-health-endpoint",
    .area = Area::kMonitoring,
    .severity = Severity::kMajor,
    .effort_minutes = 30,
    .what = "Reports a project that serves requests but whose code mentions no health route (`/health`, `/healthz`, `/ready`, `/readyz`, `/live`, `/livez`, `/ping`) and whose Kubernetes probes name none either.",
    .why = "Load balancers, Kubernetes probes and uptime monitors need a cheap URL that says whether the service (and its model) is up; without one they probe the real prediction endpoint or nothing at all.",
    .example = "```python\n@app.post(\"/predict\")\ndef predict(): ...\n```",
    .instead = "```python\n@app.get(\"/health\")\ndef health():\n    return {\"status\": \"ok\", \"model\": MODEL_VERSION}\n```",
};

// A route string: the path right after a quote ("/health", 'healthz/').
bool MentionsHealthRoute(std::string_view text) {
  for (std::string_view route : {"/health", "/healthz", "/ready", "/readyz", "/live", "/livez", "/ping",
                                 "health/", "healthz/"}) {
    for (size_t at = text.find(route); at != std::string_view::npos; at = text.find(route, at + 1)) {
      if (at > 0 && (text[at - 1] == '"' || text[at - 1] == '\'')) return true;
    }
  }
  return false;
}

void Run(AuditContext& context) {
  const PackagingModel::Import* web = WebFrameworkImport(context);
  if (web == nullptr) return;
  for (const InventoryFile& file : context.inventory().files) {
    if (file.role != FileRole::kPython && file.role != FileRole::kNotebook) continue;
    if (!file.is_test && MentionsHealthRoute(file.text)) return;
  }
  for (const Workload& workload : context.infra().workloads) {
    for (const YAML::Node& container : InfraModel::Containers(workload)) {
      for (const char* probe : {"livenessProbe", "readinessProbe"}) {
        if (Child(Child(Child(container, probe), "httpGet"), "path")) return;
      }
    }
  }
  context.Report(kRule, *web->file, web->span,
                 fmt::format("the service ({} in {}) defines no health endpoint", web->module, web->file->path));
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
