// A finding's identity across runs, for baselines and CI dashboards.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dsaudit {

// 16 lowercase hex digits: 64-bit FNV-1a over the code, the path, the
// offending line with surrounding whitespace trimmed and inner runs collapsed
// to one space, and `occurrence` (0-based index among the findings of the same
// code on identical normalized lines in the same file). The line number is
// deliberately left out so that adding code above a finding keeps it the same;
// reindenting or re-spacing the line does too. Fields are separated by NUL so
// ("ab", "c") and ("a", "bc") differ.
std::string ComputeFingerprint(std::string_view code, std::string_view path,
                               std::string_view line_text, uint32_t occurrence);

}  // namespace dsaudit
