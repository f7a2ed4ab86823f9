#include "findings/area.h"

namespace dsaudit {
namespace {

constexpr std::array<std::string_view, 13> kAreaNames = {
    "code-quality", "tests", "performance", "gpu",   "packaging",   "cloud",     "devops",
    "load",         "cost",  "scaling",     "security", "portability", "monitoring"};

constexpr std::array<std::string_view, 5> kSeverityNames = {"info", "minor", "major", "critical",
                                                            "blocker"};

}  // namespace

std::string_view AreaName(Area area) { return kAreaNames[static_cast<size_t>(area)]; }

std::optional<Area> ParseArea(std::string_view name) {
  for (size_t i = 0; i < kAreaNames.size(); ++i) {
    if (kAreaNames[i] == name) return static_cast<Area>(i);
  }
  return std::nullopt;
}

std::string_view SeverityName(Severity severity) {
  return kSeverityNames[static_cast<size_t>(severity)];
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  for (size_t i = 0; i < kSeverityNames.size(); ++i) {
    if (kSeverityNames[i] == name) return static_cast<Severity>(i);
  }
  return std::nullopt;
}

}  // namespace dsaudit
