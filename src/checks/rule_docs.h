// A rule's documentation page, rendered from the RuleInfo its check
// declares: what `dsaudit rule CODE` prints and what docs/rules/ holds.
#pragma once

#include <string>

#include "findings/rule_info.h"

namespace dsaudit::checks {

// Markdown: title, metadata line, then what / why / example / instead.
std::string RuleMarkdown(const RuleInfo& rule);
// The index page: one table row per rule, by code.
std::string RulesIndexMarkdown();

}  // namespace dsaudit::checks
