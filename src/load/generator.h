// Synthetic access logs with a realistic shape: a daily cycle (quiet
// nights, a late-morning bump, an afternoon peak), quieter weekends, slow
// growth, noise, and planted bursts whose times are returned so tests can
// check that `load` finds them. Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace dsaudit::load {

enum class GeneratedStyle { kCombined, kCommon, kJson };

struct GeneratorOptions {
  uint64_t lines = 1'000'000;
  uint64_t seed = 1;
  int days = 35;
  int64_t start = 1767571200;  // 2026-01-05T00:00:00Z, a Monday
  int bursts = -1;             // -1: one per three days
  GeneratedStyle style = GeneratedStyle::kCombined;
  int32_t utc_offset_minutes = 0;  // the zone the log is written in
  double weekly_growth = 0.01;
};

struct PlantedBurst {
  int64_t start = 0, end = 0;  // unix seconds, end exclusive
  double factor = 0;           // rate multiplier inside
};

struct GeneratedLog {
  uint64_t lines = 0;
  uint64_t bytes = 0;
  std::vector<PlantedBurst> bursts;
};

// Writes the log in pieces to `sink`, in time order.
GeneratedLog GenerateLog(const GeneratorOptions& options,
                         const std::function<void(std::string_view)>& sink);

}  // namespace dsaudit::load
