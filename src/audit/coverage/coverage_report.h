// Coverage reports (coverage.py's `coverage xml`, Cobertura XML from any
// tool, and `coverage json`) and the target the project sets for them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "audit/inventory.h"

namespace dsaudit::audit::coverage {

struct CoverageTotals {
  double percent = 0;           // line coverage, 0..100
  uint64_t statements = 0;      // lines that could be covered (0: not stated)
  uint64_t covered = 0;
};

// The root element's line-rate (and lines-valid/lines-covered) of a
// Cobertura XML report; nullopt when the text is not one.
std::optional<CoverageTotals> ReadCoberturaXml(std::string_view text);
// `totals` of coverage.py's JSON report; nullopt when the text is not one.
std::optional<CoverageTotals> ReadCoverageJson(std::string_view text);

// Report file names looked for, anywhere in the project and at its root even
// when git ignores them (reports are build output, usually ignored).
bool IsCoverageReportName(std::string_view base_name);

struct CoverageTarget {
  double percent = 0;
  std::string source;  // where it was set ("pyproject.toml"), or "" for the default
};

// What the project asks for: `fail_under` of coverage.py's configuration
// (.coveragerc [report], setup.cfg/tox.ini [coverage:report], pyproject
// [tool.coverage.report]) or pytest-cov's --cov-fail-under in configuration
// and CI files; otherwise `default_percent`.
CoverageTarget FindCoverageTarget(const Inventory& inventory, double default_percent);

}  // namespace dsaudit::audit::coverage
