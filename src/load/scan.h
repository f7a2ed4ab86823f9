// Reads log files (memory-mapped, gzip, stdin) and counts them into a
// LoadAccumulator, splitting each input across threads at line boundaries.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/accumulator.h"
#include "load/log_format.h"

namespace dsaudit::load {

struct ScanOptions {
  std::optional<LogFormat> format;  // nullopt: detect per input
  std::string json_fields;          // overrides for detected JSON fields
  unsigned jobs = 1;
};

struct SourceReport {
  std::string name;
  std::string format;  // as detected or given
  uint64_t bytes = 0;  // uncompressed
  bool compressed = false;
  std::string error;   // empty when read to the end

  // The format for a report: the name, or why there is none.
  std::string_view FormatLabel() const {
    return !format.empty() ? std::string_view(format) : error.empty() ? "empty" : "unread";
  }
};

struct ScanResult {
  LoadAccumulator total;
  std::vector<SourceReport> sources;
  uint64_t bytes = 0;
};

// Scans `paths` ("-" for stdin) into `result`; a source that cannot be read
// or whose format cannot be detected gets an error and the rest go on.
void ScanSources(const std::vector<std::string>& paths, const ScanOptions& options,
                 ScanResult* result);

// Scans text already in memory (tests, the fuzzer) with `jobs` threads.
void ScanBuffer(std::string_view data, const LogFormat& format, std::string_view source,
                unsigned jobs, LoadAccumulator* out);

}  // namespace dsaudit::load
