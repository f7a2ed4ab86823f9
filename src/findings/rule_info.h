// What every output format needs to know about a finding's code: the
// metadata and documentation each check declares beside its logic.
#pragma once

#include <cstdint>
#include <string_view>

#include "findings/area.h"

namespace dsaudit {

struct RuleInfo {
  std::string_view code;  // "F401"
  std::string_view name;  // kebab-case, "unused-import"
  Area area = Area::kCodeQuality;
  Severity severity = Severity::kMinor;
  // SonarQube-style remediation: constant minutes per finding (a check whose
  // effort is linear in a measured gap computes each finding's own).
  uint32_t effort_minutes = 0;
  bool fixable = false;
  // Documentation, Markdown: what it finds, why it matters, an example, what to write instead.
  std::string_view what;
  std::string_view why;
  std::string_view example;
  std::string_view instead;
};

}  // namespace dsaudit
