// SARIF 2.1.0, as GitHub code scanning and IDE viewers read it.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "findings/finding.h"
#include "reports/rule_lookup.h"

namespace dsaudit::reports {

struct SarifTool {
  std::string_view version;          // tool.driver.version, e.g. DSAUDIT_VERSION
  std::string_view information_uri;  // omitted when empty
};

// One run; tool.driver.rules lists each code used (sorted, with its
// documentation from `lookup`); results point at paths relative to
// %SRCROOT%. Whole-file findings have a location without a region,
// project-wide findings have no location.
std::string WriteSarif(std::span<const Finding> findings, const RuleLookup& lookup,
                       const SarifTool& tool);

}  // namespace dsaudit::reports
