// Shared fixtures for the report tests: one finding of each shape
// (project-wide, notebook cell, whole file, ordinary), already sorted, and a
// counter for the elements of a rendered page.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "findings/finding.h"
#include "findings/rule_info.h"

namespace dsaudit::reports::testing {

// How often `needle` occurs in `text`: "<svg" counts a page's charts.
inline size_t CountOf(std::string_view text, std::string_view needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

inline std::vector<Finding> SampleFindings() {
  std::vector<Finding> findings(4);
  findings[0] = {.code = "DS001",
                 .area = Area::kTests,
                 .severity = Severity::kBlocker,
                 .message = "no tests found",
                 .effort_minutes = 240,
                 .fingerprint = "00000000000000a1"};
  findings[1] = {.code = "DS201",
                 .area = Area::kGpu,
                 .severity = Severity::kMajor,
                 .path = "nb/train.ipynb",
                 .line = 2,
                 .column = 1,
                 .end_line = 2,
                 .end_column = 20,
                 .cell = 3,
                 .message = "`torch.cuda` used without a device check",
                 .effort_minutes = 15,
                 .fingerprint = "00000000000000b2"};
  findings[2] = {.code = "DS301",
                 .area = Area::kPackaging,
                 .severity = Severity::kCritical,
                 .path = "requirements.txt",
                 .message = "unpinned dependency \"numpy\"",
                 .effort_minutes = 5,
                 .fingerprint = "00000000000000c3"};
  findings[3] = {.code = "F401",
                 .area = Area::kCodeQuality,
                 .severity = Severity::kMinor,
                 .path = "src/a.py",
                 .line = 1,
                 .column = 8,
                 .end_line = 1,
                 .end_column = 10,
                 .message = "`os` imported but unused",
                 .effort_minutes = 1,
                 .fingerprint = "00000000000000d4"};
  return findings;
}

inline const RuleInfo* SampleLookup(std::string_view code) {
  static const RuleInfo kRules[] = {
      {.code = "DS001",
       .name = "missing-tests",
       .area = Area::kTests,
       .severity = Severity::kBlocker,
       .effort_minutes = 240,
       .what = "Finds projects without tests.",
       .why = "Untested code breaks silently."},
      {.code = "DS201",
       .name = "cuda-without-device-check",
       .area = Area::kGpu,
       .severity = Severity::kMajor,
       .effort_minutes = 15,
       .what = "Finds CUDA use without a device check.\nSecond line.",
       .why = "It crashes on CPU-only machines."},
      {.code = "DS301",
       .name = "unpinned-dependency",
       .area = Area::kPackaging,
       .severity = Severity::kCritical,
       .effort_minutes = 5,
       .what = "Finds unpinned requirements.",
       .why = "Builds are not reproducible."},
      {.code = "F401",
       .name = "unused-import",
       .area = Area::kCodeQuality,
       .severity = Severity::kMinor,
       .effort_minutes = 1,
       .fixable = true,
       .what = "Finds unused imports.",
       .why = "They slow start-up.",
       .example = "```python\nimport os\n```",
       .instead = "Remove the import."},
  };
  for (const RuleInfo& rule : kRules) {
    if (rule.code == code) return &rule;
  }
  return nullptr;
}

}  // namespace dsaudit::reports::testing
