// The quietest hours of a daily traffic profile: where the article's advice
// puts the data jobs (ETL, retraining, batch scoring) so they do not compete
// with the service's peak.
#pragma once

#include <optional>
#include <vector>

namespace dsaudit::plan {

struct QuietWindow {
  int start_hour = 0;  // local time, 0-23; the window may wrap past midnight
  int hours = 0;
  double mean_rps = 0;     // over the window
  double busiest_rps = 0;  // the profile's busiest hour, for comparison
  int utc_offset_minutes = 0;
};

// The `hours` consecutive hours (wrapping at midnight) with the least
// traffic in a 24-value profile of mean requests/s per local hour. A window
// with an hour the log does not cover (NaN) is not a candidate: an unseen
// hour is not a quiet one. None when the profile is not 24 values, has no
// traffic or no such window; ties go to the earliest.
std::optional<QuietWindow> QuietestWindow(const std::vector<double>& daily_rps, int hours,
                                          int utc_offset_minutes);

}  // namespace dsaudit::plan
