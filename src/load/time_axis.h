// Tick marks for a time axis in UTC: at round times (midnight, Monday,
// every six hours), as few as fit, labelled as briefly as the range allows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "reports/svg_chart.h"

namespace dsaudit::load {

// Ticks at or after `start` and at or before `end` (unix seconds), at most
// `max_ticks`, one step apart: 1, 2, 3, 6 or 12 hours ("Jan 5 06:00", or
// "06:00" within one day), or 1, 2 days or 1, 2, 4 weeks from a Monday ("Jan 5").
std::vector<reports::ChartMark> TimeTicks(int64_t start, int64_t end, size_t max_ticks);

}  // namespace dsaudit::load
