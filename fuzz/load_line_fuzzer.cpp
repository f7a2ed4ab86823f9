// Any bytes, read as a log in every format and analysed, must never crash,
// hang or read out of bounds; the counts must add up.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "load/analysis.h"
#include "load/scan.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace load = dsaudit::load;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  load::LoadAccumulator total;
  for (const char* name : {"combined", "vcombined", "json", "alb", "cloudfront", "csv"}) {
    load::LoadAccumulator acc;
    load::ScanBuffer(bytes, *load::FormatFromName(name), "fuzz", 1, &acc);
    if (acc.malformed() + acc.skipped() > acc.lines()) std::abort();
    total.Merge(acc);
  }
  if (auto detected = load::DetectFormat(bytes)) {
    load::ScanBuffer(bytes, *detected, "fuzz", 2, &total);
  }
  std::string error;
  if (auto nginx = load::CompileNginxFormat(
          "$remote_addr [$time_local] \"$request\" $status $body_bytes_sent $request_time", &error)) {
    load::ScanBuffer(bytes, *nginx, "fuzz", 1, &total);
  }
  load::AnalyzeOptions options;
  options.horizon_hours = 48;
  load::LoadReport report = load::Analyze(total, options);
  if (report.requests != total.requests()) std::abort();
  load::LoadAccumulator back;
  if (!load::LoadAccumulator::Deserialize(total.Serialize(), &back, &error)) std::abort();
  return 0;
}
