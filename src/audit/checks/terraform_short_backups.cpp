// DS886: Reports managed databases whose automated backups are off or kept for less than a week.
#include <fmt/format.h>

#include <cstdlib>

#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS886",
    .name = "terraform-short-backups",
    .area = Area::kSecurity,
    .severity = Severity::kMajor,
    .effort_minutes = 15,
    .what = "Reports `aws_db_instance`/`aws_rds_cluster` with `backup_retention_period` unset (AWS then keeps one day), 0 (backups off) or under 7 days, and Cloud SQL instances with `backup_configuration { enabled = false }`.",
    .why = "A bad migration or a deleted table is often noticed days later; with one day of backups there is nothing left to restore.",
    .example = "```hcl\nresource \"aws_db_instance\" \"crm\" {\n  engine = \"postgres\"\n}\n```",
    .instead = "```hcl\nresource \"aws_db_instance\" \"crm\" {\n  engine                  = \"postgres\"\n  backup_retention_period = 14\n}\n```",
};

constexpr int kMinimumDays = 7;

void Run(AuditContext& context) {
  for (const TfResource& resource : context.infra().resources) {
    const TerraformFile& file = *resource.terraform;
    std::string_view type = resource.type();
    if (type == "aws_db_instance" || type == "aws_rds_cluster") {
      // A read replica takes its backups from the primary.
      if (resource.block->Attribute("replicate_source_db") != nullptr) continue;
      const TfValue* days = resource.block->Attribute("backup_retention_period");
      if (days == nullptr) {
        context.Report(kRule, *file.file, HeaderSpan(resource),
                       fmt::format("database '{}.{}' sets no backup_retention_period: AWS keeps 1 day", type,
                                   resource.name()));
      } else if (days->literal && std::atoi(days->text.c_str()) < kMinimumDays) {
        int value = std::atoi(days->text.c_str());
        context.Report(kRule, *file.file, ValueSpan(file, *days),
                       value == 0 ? fmt::format("database '{}.{}' has automated backups turned off", type,
                                                resource.name())
                                  : fmt::format("database '{}.{}' keeps backups {} day{}, under {}", type,
                                                resource.name(), value, value == 1 ? "" : "s", kMinimumDays));
      }
    } else if (type == "google_sql_database_instance") {
      for (const TfBlock* backup : resource.block->BlocksAt({"settings", "backup_configuration"})) {
        const TfValue* enabled = backup->Attribute("enabled");
        if (enabled != nullptr && enabled->text == "false") {
          context.Report(kRule, *file.file, ValueSpan(file, *enabled),
                         fmt::format("database '{}.{}' has automated backups turned off", type,
                                     resource.name()));
        }
      }
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
