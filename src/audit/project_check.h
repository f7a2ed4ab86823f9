// A project check: a rule that looks at the whole inventory (packaging, CI,
// containers, tests) rather than at one Python file's tree. Each lives in one
// file under src/audit/checks/ and registers itself with
// DSAUDIT_REGISTER_PROJECT_CHECK, which also adds its rule to
// checks::AllRules() so that `dsaudit rules` and `dsaudit rule CODE` list it.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <memory>

#include "audit/infra/infra_model.h"
#include "audit/inventory.h"
#include "audit/packaging_model.h"
#include "audit/secrets/scanner.h"
#include "checks/registry.h"
#include "findings/finding.h"
#include "findings/rule_info.h"

namespace dsaudit::audit {

class AuditContext {
 public:
  explicit AuditContext(const Inventory& inventory) : inventory_(inventory) {}

  const Inventory& inventory() const { return inventory_; }
  // Built on first use and shared by the packaging checks.
  const PackagingModel& packaging();
  // Compose, Kubernetes and Terraform, parsed on first use.
  const InfraModel& infra();
  // Every text file's secrets, weak and strong, scanned once on first use
  // and shared by DS851 and DS852.
  const std::vector<secrets::FileSecrets>& secrets();

  // A finding in `file` at `span` (line 0: the whole file).
  // The finding is returned for a check to set an effort linear in a gap.
  Finding& Report(const RuleInfo& rule, const InventoryFile& file, Span span, std::string message);
  // A finding about the project as a whole (no path).
  Finding& ReportProject(const RuleInfo& rule, std::string message);

  std::vector<Finding> TakeFindings() { return std::move(findings_); }

 private:
  const Inventory& inventory_;
  std::vector<Finding> findings_;
  std::unique_ptr<PackagingModel> packaging_;
  std::unique_ptr<InfraModel> infra_;
  std::unique_ptr<std::vector<secrets::FileSecrets>> secrets_;
};

using ProjectCheckFn = void (*)(AuditContext& context);

struct ProjectCheck {
  const RuleInfo* rule = nullptr;
  ProjectCheckFn run = nullptr;
};

bool RegisterProjectCheck(ProjectCheck check);
// Ordered by code.
std::span<const ProjectCheck> AllProjectChecks();

#define DSAUDIT_AUDIT_CONCAT_INNER(a, b) a##b
#define DSAUDIT_AUDIT_CONCAT(a, b) DSAUDIT_AUDIT_CONCAT_INNER(a, b)
// The rule goes to the check registry as a standalone rule: the file engine
// never runs it, but selectors, `dsaudit rules` and the docs know it.
#define DSAUDIT_REGISTER_PROJECT_CHECK(rule, fn)                                         \
  [[maybe_unused]] static const bool DSAUDIT_AUDIT_CONCAT(kProjectRegistered, __LINE__) = \
      ::dsaudit::audit::RegisterProjectCheck({&(rule), (fn)}) &&                         \
      ::dsaudit::checks::RegisterStandaloneRule(&(rule))

}  // namespace dsaudit::audit
