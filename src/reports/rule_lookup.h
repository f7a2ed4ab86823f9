// How a report learns a finding's rule metadata without depending on the
// check registry (reports come after checks in the pipeline).
#pragma once

#include <functional>
#include <string_view>

#include "findings/rule_info.h"

namespace dsaudit::reports {

// Returns nullptr for an unknown code; writers then fall back to the code alone.
using RuleLookup = std::function<const RuleInfo*(std::string_view code)>;

}  // namespace dsaudit::reports
