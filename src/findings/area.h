// The 13 audit areas, named as in the seed article, and finding severities.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace dsaudit {

enum class Area : uint8_t {
  kCodeQuality,
  kTests,
  kPerformance,
  kGpu,
  kPackaging,
  kCloud,
  kDevops,
  kLoad,
  kCost,
  kScaling,
  kSecurity,
  kPortability,
  kMonitoring,
};

inline constexpr std::array<Area, 13> kAllAreas = {
    Area::kCodeQuality, Area::kTests,    Area::kPerformance, Area::kGpu,
    Area::kPackaging,   Area::kCloud,    Area::kDevops,      Area::kLoad,
    Area::kCost,        Area::kScaling,  Area::kSecurity,    Area::kPortability,
    Area::kMonitoring};

// The kebab-case name used in every output format, e.g. "code-quality".
std::string_view AreaName(Area area);
std::optional<Area> ParseArea(std::string_view name);

// SonarQube's scale, lowest first.
enum class Severity : uint8_t { kInfo, kMinor, kMajor, kCritical, kBlocker };

std::string_view SeverityName(Severity severity);
std::optional<Severity> ParseSeverity(std::string_view name);

}  // namespace dsaudit
