// One request as any log format reports it. Views point into the input
// buffer (or a parser's scratch), so filling a record allocates nothing.
#pragma once

#include <cstdint>
#include <string_view>

#include "load/civil_time.h"

namespace dsaudit::load {

struct LogRecord {
  Timestamp time;
  // Requests the record stands for: 1 for an access log line, the
  // `requests` column of a CSV time series.
  uint64_t count = 1;
  uint64_t bytes = 0;
  // Seconds in the server, negative when the log does not say.
  double request_time = -1;
  uint16_t status = 0;  // 0: not logged
  std::string_view client;
  std::string_view method;
  std::string_view path;
  std::string_view user_agent;

  void Clear() { *this = LogRecord(); }
};

}  // namespace dsaudit::load
