// The log formats `dsaudit load` reads, their detection, and the per-thread
// line parser that turns one line into a LogRecord.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/log_record.h"

namespace dsaudit::load {

enum class FormatKind {
  kCommon,      // Apache/nginx common log format
  kCombined,    // common + "referer" "user-agent"
  kVCombined,   // "vhost:port " + combined
  kNginx,       // an nginx log_format string given by the user
  kJson,        // JSON lines (Caddy, structured loggers)
  kAlb,         // AWS Application Load Balancer
  kCloudFront,  // AWS CloudFront standard logs (tab-separated)
  kCsv,         // timestamp,requests[,latency_ms]
};

// One piece of a compiled nginx log_format: literal text, then a variable.
struct NginxPiece {
  std::string literal;
  std::string variable;  // without "$"; empty for trailing text
};

// JSON pointers ("/request/remote_ip") to the fields a JSON line holds; an
// empty pointer means the field is not logged.
struct JsonFields {
  std::string time, client, method, path, status, bytes, duration, user_agent;
  // Multiplier from the duration field's unit to seconds.
  double duration_scale = 1.0;
};

struct LogFormat {
  FormatKind kind = FormatKind::kCombined;
  std::vector<NginxPiece> nginx;  // kNginx
  JsonFields json;                // kJson
  std::string source;             // the --log-format string, for messages

  std::string Name() const;
};

// One of FormatNames() (any case, GoAccess's upper-case names included).
std::optional<LogFormat> FormatFromName(std::string_view name);
// "common, combined, vcombined, json, caddy, ...": the names FormatFromName knows.
std::string FormatNames();

// Compiles an nginx log_format string such as
// '$remote_addr - $remote_user [$time_local] "$request" $status ...'.
std::optional<LogFormat> CompileNginxFormat(std::string_view format, std::string* error);

// "time=ts,client=request.remote_ip,duration_ms=latency": overrides of the
// JSON field names (dots or slashes separate nested keys).
bool ApplyJsonFieldOverrides(std::string_view overrides, JsonFields* fields, std::string* error);

// Picks the format that parses most of the first lines of `sample`; nullopt
// when none parses any.
std::optional<LogFormat> DetectFormat(std::string_view sample);

enum class LineResult { kRecord, kSkip, kMalformed };

// Parses lines of one format. Holds per-thread state (time cache, JSON
// parser, scratch), so each thread owns one.
class LineParser {
 public:
  explicit LineParser(const LogFormat& format);
  ~LineParser();
  LineParser(const LineParser&) = delete;
  LineParser& operator=(const LineParser&) = delete;

  // `line` has no trailing newline; a trailing '\r' is tolerated.
  LineResult Parse(std::string_view line, LogRecord* record);

 private:
  struct State;
  const LogFormat& format_;
  std::unique_ptr<State> state_;
};

}  // namespace dsaudit::load
