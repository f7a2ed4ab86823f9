// DS864: Reports GPU and oversized instances that Terraform keeps running around the clock, with their yearly price.
#include <fmt/format.h>

#include <string>

#include "audit/project_check.h"
#include "cost/instance_prices.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS864",
    .name = "terraform-always-on-gpu-instance",
    .area = Area::kCost,
    .severity = Severity::kMajor,
    .effort_minutes = 120,
    .what = "Reports virtual machines declared in Terraform (`aws_instance`, `google_compute_instance`, `azurerm_linux_virtual_machine`, ...) that have GPUs or 64 or more vCPUs, with their on-demand yearly price from dsaudit's dated price table. A plain VM runs all year whether or not anyone trains on it.",
    .why = "A GPU machine left running costs tens of thousands a year; training and batch scoring fit jobs that start and stop (autoscaling groups scaled to zero, Kubernetes jobs, spot capacity, managed training jobs), and serving often fits a smaller instance.",
    .example = "```hcl\nresource \"aws_instance\" \"train\" {\n  instance_type = \"p3.2xlarge\"\n}\n```",
    .instead = "```hcl\n# Train in jobs that scale to zero, e.g. an autoscaling group with\n# min_size = 0 driven by the queue, or spot instances:\nresource \"aws_autoscaling_group\" \"train\" {\n  min_size = 0\n  max_size = 2\n}\n```",
};

// The attribute naming the machine type, per resource type.
const char* TypeAttribute(std::string_view resource) {
  if (resource == "aws_instance") return "instance_type";
  if (resource == "google_compute_instance") return "machine_type";
  if (resource == "azurerm_linux_virtual_machine" || resource == "azurerm_windows_virtual_machine" ||
      resource == "azurerm_virtual_machine") {
    return resource == "azurerm_virtual_machine" ? "vm_size" : "size";
  }
  return nullptr;
}

// Families with GPUs when the type is not in the price table.
bool LooksLikeGpuType(std::string_view type) {
  for (std::string_view prefix : {"p2.", "p3.", "p4", "p5", "g3", "g4", "g5", "g6", "inf", "trn", "dl1",
                                  "a2-", "a3-", "g2-", "Standard_NC", "Standard_ND", "Standard_NV"}) {
    if (type.starts_with(prefix)) return true;
  }
  return false;
}

void Run(AuditContext& context) {
  for (const TfResource& resource : context.infra().resources) {
    const char* attribute = TypeAttribute(resource.type());
    if (attribute == nullptr) continue;
    const TfValue* type = resource.block->Attribute(attribute);
    if (type == nullptr || !type->literal) continue;
    const cost::InstancePrice* price = cost::FindInstancePrice(type->text);
    // GCP attaches GPUs to any machine type with guest_accelerator blocks.
    bool accelerators = !resource.block->Blocks("guest_accelerator").empty();
    bool gpu = accelerators || (price != nullptr ? price->gpus > 0 : LooksLikeGpuType(type->text));
    bool oversized = price != nullptr && price->vcpus >= 64;
    if (!gpu && !oversized) continue;
    std::string what = gpu ? "GPU instance" : "oversized instance";
    std::string cost = price == nullptr
                           ? "not in dsaudit's price table"
                           : fmt::format("{}{} vCPU, about ${:.0f} a year on demand ({} {} list price, {})",
                                         price->gpus > 0 ? fmt::format("{} x {}, ", price->gpus, price->gpu_model) : "",
                                         price->vcpus, price->UsdPerYear(), price->provider, price->region,
                                         price->date);
    context.Report(kRule, *resource.terraform->file, ValueSpan(*resource.terraform, *type),
                   fmt::format("{} '{}.{}' ({}) runs around the clock: {}", what, resource.type(),
                               resource.name(), type->text, cost));
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
