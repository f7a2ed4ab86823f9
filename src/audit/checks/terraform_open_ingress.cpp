// DS885: Reports security-group rules that open SSH, RDP or database ports to the whole internet.
#include <fmt/format.h>

#include <cstdlib>
#include <string>

#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS885",
    .name = "terraform-open-admin-ingress",
    .area = Area::kSecurity,
    .severity = Severity::kCritical,
    .effort_minutes = 30,
    .what = "Reports AWS security-group ingress (inline `ingress` blocks and `aws_security_group_rule`/`aws_vpc_security_group_ingress_rule`) open to `0.0.0.0/0` or `::/0` on SSH (22), RDP (3389) or a database port.",
    .why = "Administration and database ports open to the internet are scanned and brute-forced continuously; they belong behind a VPN, a bastion or SSM Session Manager.",
    .example = "```hcl\ningress {\n  from_port   = 22\n  to_port     = 22\n  cidr_blocks = [\"0.0.0.0/0\"]\n}\n```",
    .instead = "```hcl\ningress {\n  from_port   = 22\n  to_port     = 22\n  cidr_blocks = [\"10.0.0.0/16\"]  # the VPN's range\n}\n```",
};

constexpr int kSensitivePorts[] = {22, 3389, 5432, 3306, 1433, 27017, 6379, 9200};

int PortOf(const TfBlock& block, const char* name) {
  const TfValue* value = block.Attribute(name);
  return value != nullptr && value->literal ? std::atoi(value->text.c_str()) : -1;
}

bool OpenToWorld(const TfBlock& block) {
  for (const char* name : {"cidr_blocks", "ipv6_cidr_blocks", "cidr_ipv4", "cidr_ipv6"}) {
    const TfValue* value = block.Attribute(name);
    if (value != nullptr && (value->raw.find("0.0.0.0/0") != std::string::npos ||
                             value->raw.find("::/0") != std::string::npos)) {
      return true;
    }
  }
  return false;
}

void Check(AuditContext& context, const TerraformFile& file, const TfBlock& rule, std::string_view owner) {
  if (!OpenToWorld(rule)) return;
  int from = PortOf(rule, "from_port"), to = PortOf(rule, "to_port");
  if (from < 0 || to < 0) return;
  for (int port : kSensitivePorts) {
    if (port < from || port > to) continue;
    context.Report(kRule, *file.file, HeaderSpan(file, rule),
                   fmt::format("'{}' opens port {} to the whole internet", owner, port));
    return;
  }
}

void Run(AuditContext& context) {
  for (const TfResource& resource : context.infra().resources) {
    std::string owner = fmt::format("{}.{}", resource.type(), resource.name());
    if (resource.type() == "aws_security_group") {
      for (const TfBlock* ingress : resource.block->Blocks("ingress")) {
        Check(context, *resource.terraform, *ingress, owner);
      }
    } else if (resource.type() == "aws_vpc_security_group_ingress_rule" ||
               (resource.type() == "aws_security_group_rule" &&
                resource.block->Attribute("type") != nullptr &&
                resource.block->Attribute("type")->text == "ingress")) {
      Check(context, *resource.terraform, *resource.block, owner);
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
