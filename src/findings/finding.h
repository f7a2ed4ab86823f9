// One finding, in the one format every output uses (see DEVELOPERS.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "findings/area.h"

namespace dsaudit {

struct Finding {
  std::string code;  // e.g. "F401", "DS201"
  Area area = Area::kCodeQuality;
  Severity severity = Severity::kMinor;
  // Relative to the audited root, '/' separators; empty for project-wide findings.
  std::string path;
  // 1-based as ruff prints them; columns count characters. line 0 = the whole file.
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t end_line = 0;
  uint32_t end_column = 0;
  // Notebook cell number (1-based among all cells, as ruff counts) or none.
  std::optional<uint32_t> cell;
  std::string message;
  uint32_t effort_minutes = 0;
  // Stable across unrelated edits: see ComputeFingerprint.
  std::string fingerprint;
  // A safe fix exists that `check --fix` would apply (text output marks it [*]).
  bool fixable = false;
};

// Deterministic report order: path, line, column, code, message.
bool FindingLess(const Finding& a, const Finding& b);

}  // namespace dsaudit
