// DS884: Reports databases that Terraform exposes to the internet.
#include <fmt/format.h>

#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS884",
    .name = "terraform-public-database",
    .area = Area::kSecurity,
    .severity = Severity::kCritical,
    .effort_minutes = 60,
    .what = "Reports managed databases reachable from the internet: `publicly_accessible = true` on `aws_db_instance`/`aws_rds_cluster_instance`, and Cloud SQL `authorized_networks` open to `0.0.0.0/0`.",
    .why = "A database with a public address is attacked by password guessing from the moment it exists; the application reaches it over the private network anyway.",
    .example = "```hcl\nresource \"aws_db_instance\" \"crm\" {\n  publicly_accessible = true\n}\n```",
    .instead = "```hcl\nresource \"aws_db_instance\" \"crm\" {\n  publicly_accessible    = false\n  db_subnet_group_name   = aws_db_subnet_group.private.name\n}\n```",
};

void Run(AuditContext& context) {
  for (const TfResource& resource : context.infra().resources) {
    const TerraformFile& file = *resource.terraform;
    std::string_view type = resource.type();
    if (type == "aws_db_instance" || type == "aws_rds_cluster_instance") {
      const TfValue* value = resource.block->Attribute("publicly_accessible");
      if (value != nullptr && value->text == "true") {
        context.Report(kRule, *file.file, ValueSpan(file, *value),
                       fmt::format("database '{}.{}' has a public address (publicly_accessible = true)", type,
                                   resource.name()));
      }
    } else if (type == "google_sql_database_instance") {
      for (const TfBlock* network : resource.block->BlocksAt({"settings", "ip_configuration", "authorized_networks"})) {
        const TfValue* value = network->Attribute("value");
        if (value != nullptr && value->text == "0.0.0.0/0") {
          context.Report(kRule, *file.file, ValueSpan(file, *value),
                         fmt::format("database '{}.{}' accepts connections from any address", type,
                                     resource.name()));
        }
      }
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
