// Every check linked into the binary, found by code.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "findings/rule_info.h"

namespace dsaudit::checks {

// The engine's own rules, reported without a check of their own.
extern const RuleInfo kSyntaxErrorRule;  // E999: the file does not parse
extern const RuleInfo kUnreadableFileRule;  // DS001: not readable, not decodable, broken notebook

// A rule reported outside the file engine (the audit's project checks):
// AllRules and FindRule list it, `check` never runs it. Returns true so it
// can initialise a static.
bool RegisterStandaloneRule(const RuleInfo* rule);

// Registered checks, ordered by their first rule's code.
std::span<const Check> AllChecks();
// Every rule (checks' and the engine's), ordered by code.
std::span<const RuleInfo* const> AllRules();
const RuleInfo* FindRule(std::string_view code);
// "ALL", a full code, or a prefix of at least one code ("E", "E7", "PLR09").
bool IsKnownSelector(std::string_view selector);

}  // namespace dsaudit::checks
