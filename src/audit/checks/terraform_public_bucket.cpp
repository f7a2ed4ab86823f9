// DS883: Reports storage buckets that Terraform makes readable by anyone.
#include <fmt/format.h>

#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS883",
    .name = "terraform-public-bucket",
    .area = Area::kSecurity,
    .severity = Severity::kCritical,
    .effort_minutes = 30,
    .what = "Reports buckets made public in Terraform: S3 canned ACLs `public-read`/`public-read-write`, public access blocks switched off, Google Cloud Storage IAM grants to `allUsers`/`allAuthenticatedUsers`, Azure containers with `blob` or `container` access.",
    .why = "Training data, models and exports in a public bucket are one URL away from anyone; leaked buckets are among the most common data breaches.",
    .example = "```hcl\nresource \"aws_s3_bucket\" \"models\" {\n  acl = \"public-read\"\n}\n```",
    .instead = "```hcl\nresource \"aws_s3_bucket_public_access_block\" \"models\" {\n  bucket                  = aws_s3_bucket.models.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n```",
};

void Run(AuditContext& context) {
  for (const TfResource& resource : context.infra().resources) {
    const TerraformFile& file = *resource.terraform;
    auto report = [&](const TfValue& value, std::string_view why) {
      context.Report(kRule, *file.file, ValueSpan(file, value),
                     fmt::format("bucket '{}.{}' is public: {}", resource.type(), resource.name(), why));
    };
    std::string_view type = resource.type();
    if (type == "aws_s3_bucket" || type == "aws_s3_bucket_acl") {
      const TfValue* acl = resource.block->Attribute("acl");
      if (acl != nullptr && acl->literal && acl->text.starts_with("public-")) report(*acl, "acl = " + acl->raw);
    } else if (type == "aws_s3_bucket_public_access_block") {
      for (const char* flag : {"block_public_acls", "block_public_policy", "ignore_public_acls",
                               "restrict_public_buckets"}) {
        const TfValue* value = resource.block->Attribute(flag);
        if (value != nullptr && value->text == "false") report(*value, std::string(flag) + " = false");
      }
    } else if (type.starts_with("google_storage_bucket_iam")) {
      for (const auto& [name, value] : resource.block->attributes) {
        if ((name == "member" || name == "members") &&
            (value.raw.find("allUsers") != std::string::npos ||
             value.raw.find("allAuthenticatedUsers") != std::string::npos)) {
          report(value, "granted to " + value.raw);
        }
      }
    } else if (type == "azurerm_storage_container") {
      const TfValue* access = resource.block->Attribute("container_access_type");
      if (access != nullptr && (access->text == "blob" || access->text == "container")) {
        report(*access, "container_access_type = " + access->raw);
      }
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
