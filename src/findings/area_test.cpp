#include "findings/area.h"

#include <gtest/gtest.h>

namespace dsaudit {
namespace {

TEST(AreaTest, NamesRoundTrip) {
  for (Area area : kAllAreas) {
    EXPECT_EQ(ParseArea(AreaName(area)), area);
  }
  EXPECT_EQ(AreaName(Area::kCodeQuality), "code-quality");
  EXPECT_EQ(AreaName(Area::kMonitoring), "monitoring");
  EXPECT_FALSE(ParseArea("quality").has_value());
}

TEST(AreaTest, SeveritiesAreOrderedAndRoundTrip) {
  EXPECT_LT(Severity::kInfo, Severity::kBlocker);
  EXPECT_EQ(ParseSeverity("critical"), Severity::kCritical);
  EXPECT_EQ(SeverityName(Severity::kMajor), "major");
  EXPECT_FALSE(ParseSeverity("fatal").has_value());
}

}  // namespace
}  // namespace dsaudit
