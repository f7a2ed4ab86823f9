// DS882: Reports credentials written as plain values into Kubernetes or compose environments.
#include <fmt/format.h>

#include <string>

#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS882",
    .name = "plaintext-secret-in-deployment-env",
    .area = Area::kSecurity,
    .severity = Severity::kCritical,
    .effort_minutes = 30,
    .what = "Reports environment variables with credential names (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`, `*API_KEY*`, ...) given a literal value in Kubernetes manifests (`env[].value`) or compose files (`environment`). The value is never printed.",
    .why = "A manifest is committed, reviewed, copied into CI logs and readable by everyone who can read the repository; a Kubernetes Secret or the compose `secrets:` section keeps the value out of all of them and lets it be rotated.",
    .example = "```yaml\nenv:\n  - name: DB_PASSWORD\n    value: hunter2\n```",
    .instead = "```yaml\nenv:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: {name: db, key: password}\n```",
};

// "${DB_PASSWORD}" in compose takes the value from the environment: not a secret in the file.
bool IsLiteral(std::string_view value) { return !value.empty() && value.find("${") == std::string_view::npos; }

void ReportOne(AuditContext& context, const InventoryFile& file, const YAML::Node& at, const std::string& name,
               const char* where) {
  context.Report(kRule, file, NodeSpan(file, at),
                 fmt::format("{} sets secret '{}' to a plain-text value in {}", where, name, file.path));
}

void Run(AuditContext& context) {
  const InfraModel& infra = context.infra();
  for (const Workload& workload : infra.workloads) {
    for (const YAML::Node& container : InfraModel::Containers(workload)) {
      YAML::Node env = Child(container, "env");
      if (!env || !env.IsSequence()) continue;
      for (const YAML::Node& variable : env) {
        std::string name = ScalarOf(Child(variable, "name"));
        YAML::Node value = Child(variable, "value");
        if (!secrets::IsSecretName(name) || !IsLiteral(ScalarOf(value))) continue;
        ReportOne(context, *workload.yaml->file, value, name, "the manifest");
      }
    }
  }
  for (const ComposeService& service : infra.services) {
    YAML::Node environment = Child(service.body, "environment");
    if (!environment) continue;
    if (environment.IsMap()) {
      for (const auto& entry : environment) {
        std::string name = ScalarOf(entry.first);
        if (secrets::IsSecretName(name) && IsLiteral(ScalarOf(entry.second))) {
          ReportOne(context, *service.yaml->file, entry.second, name, "the compose file");
        }
      }
    } else if (environment.IsSequence()) {
      for (const YAML::Node& item : environment) {
        std::string text = ScalarOf(item);
        size_t equals = text.find('=');
        if (equals == std::string::npos) continue;
        std::string name = text.substr(0, equals);
        if (secrets::IsSecretName(name) && IsLiteral(text.substr(equals + 1))) {
          ReportOne(context, *service.yaml->file, item, name, "the compose file");
        }
      }
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
