// The per-format line parsers behind LineParser; internal to src/load.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "load/civil_time.h"
#include "load/log_format.h"
#include "load/log_record.h"

namespace dsaudit::load::internal {

// Splits `"GET /x HTTP/1.1"`'s inside into method and target; a request line
// that is not one (a TLS probe, "-") keeps the whole text as its path.
void SplitRequest(std::string_view request, LogRecord* record);

// Parses "3.5", "0.004, 0.010" (retries: summed) or "-" (false).
bool ParseSeconds(std::string_view text, double* seconds);

// Unsigned decimal, or "-" for zero (nginx/Apache write "-" for no body).
bool ParseCount(std::string_view text, uint64_t* value);

// Position of the closing quote of a field opened just before `from`,
// skipping quotes escaped with a backslash; npos when the line ends first.
size_t FindClosingQuote(std::string_view line, size_t from);

LineResult ParseClfLine(std::string_view line, bool vhost, ClfTimeCache& cache,
                        LogRecord* record);
LineResult ParseNginxLine(std::string_view line, const std::vector<NginxPiece>& pieces,
                          ClfTimeCache& cache, LogRecord* record);
LineResult ParseAlbLine(std::string_view line, LogRecord* record);
LineResult ParseCloudFrontLine(std::string_view line, LogRecord* record);
LineResult ParseCsvLine(std::string_view line, LogRecord* record);

// JSON lines need a parser that outlives the line (strings point into it).
class JsonLineParser {
 public:
  JsonLineParser();
  ~JsonLineParser();
  LineResult Parse(std::string_view line, const JsonFields& fields, LogRecord* record);

 private:
  struct Impl;
  Impl* impl_;
};

// The first JSON line's field names matched against those Caddy, nginx's
// escape=json templates and common structured loggers use.
bool DetectJsonFields(std::string_view line, JsonFields* fields);

}  // namespace dsaudit::load::internal
