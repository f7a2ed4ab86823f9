// The terminal format: ruff's concise output, one finding per line.
#pragma once

#include <span>
#include <string>

#include "findings/finding.h"
#include "reports/rule_lookup.h"

namespace dsaudit::reports {

struct TextOptions {
  bool color = false;  // ANSI escapes, as ruff colours them
};

// `path:line:col: CODE message` per finding (`path:cell N:line:col: ...` in
// notebooks, `path: CODE message` for whole-file findings, `CODE message` for
// project-wide ones), then a summary line: "Found N errors." or
// "All checks passed!". `findings` must already be sorted.
std::string WriteText(std::span<const Finding> findings, const TextOptions& options);

// `ruff check --statistics`: one line per code, "count<TAB>code<TAB>name",
// most frequent first, ties by code. `lookup` supplies the names.
std::string WriteStatistics(std::span<const Finding> findings, const RuleLookup& lookup,
                            const TextOptions& options);

}  // namespace dsaudit::reports
