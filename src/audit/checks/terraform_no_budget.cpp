// DS865: Reports Terraform that provisions cloud resources but declares no budget or billing alert.
#include <fmt/format.h>

#include <set>
#include <string>

#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS865",
    .name = "terraform-no-budget",
    .area = Area::kCost,
    .severity = Severity::kMinor,
    .effort_minutes = 30,
    .what = "Reports Terraform configurations that create resources on AWS, Google Cloud or Azure but declare no budget with an alert (`aws_budgets_budget`, `google_billing_budget`, `azurerm_consumption_budget_*`).",
    .why = "Without a budget alert the first sign of a forgotten GPU or a runaway job is the invoice at the end of the month.",
    .example = "```hcl\nresource \"aws_instance\" \"api\" { instance_type = \"m5.large\" }\n```",
    .instead = "```hcl\nresource \"aws_budgets_budget\" \"monthly\" {\n  budget_type  = \"COST\"\n  limit_amount = \"2000\"\n  limit_unit   = \"USD\"\n  time_unit    = \"MONTHLY\"\n  notification { ... }\n}\n```",
};

void Run(AuditContext& context) {
  const InfraModel& infra = context.infra();
  std::set<std::string> clouds;
  const TfResource* first = nullptr;
  for (const TfResource& resource : infra.resources) {
    std::string_view type = resource.type();
    if (type.starts_with("aws_budgets_") || type == "google_billing_budget" ||
        type.starts_with("azurerm_consumption_budget")) {
      return;
    }
    for (std::string_view cloud : {"aws_", "google_", "azurerm_"}) {
      if (type.starts_with(cloud)) {
        clouds.insert(std::string(cloud.substr(0, cloud.size() - 1)));
        if (first == nullptr) first = &resource;
      }
    }
  }
  if (first == nullptr) return;
  context.Report(kRule, *first->terraform->file, HeaderSpan(*first),
                 fmt::format("Terraform provisions {} resources but declares no budget or billing alert",
                             fmt::join(clouds, ", ")));
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
