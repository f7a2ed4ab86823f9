// User-given nginx log_format strings: literal text between variables is
// matched exactly, so any layout nginx can write is read back.
#include <fmt/format.h>

#include "load/line_parsers.h"
#include "load/log_format.h"

namespace dsaudit::load {
namespace {

bool IsVariableChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

std::optional<LogFormat> CompileNginxFormat(std::string_view format, std::string* error) {
  LogFormat result;
  result.kind = FormatKind::kNginx;
  result.source = std::string(format);
  NginxPiece piece;
  bool has_time = false;
  for (size_t pos = 0; pos < format.size();) {
    if (format[pos] != '$') {
      piece.literal += format[pos++];
      continue;
    }
    size_t start = ++pos;
    bool braced = pos < format.size() && format[pos] == '{';
    if (braced) start = ++pos;
    while (pos < format.size() && IsVariableChar(format[pos])) ++pos;
    if (pos == start) {
      *error = fmt::format("log format: '$' without a variable name at offset {}", start - 1);
      return std::nullopt;
    }
    piece.variable = std::string(format.substr(start, pos - start));
    if (braced) {
      if (pos >= format.size() || format[pos] != '}') {
        *error = "log format: unclosed '${'";
        return std::nullopt;
      }
      ++pos;
    }
    has_time |= piece.variable == "time_local" || piece.variable == "time_iso8601" ||
                piece.variable == "msec";
    result.nginx.push_back(std::move(piece));
    piece = NginxPiece();
  }
  if (!piece.literal.empty()) result.nginx.push_back(std::move(piece));
  if (!has_time) {
    *error = "log format: needs $time_local, $time_iso8601 or $msec to place requests in time";
    return std::nullopt;
  }
  return result;
}

namespace internal {
namespace {

enum class Field { kIgnored, kClient, kForwardedFor, kTimeLocal, kTimeIso, kMsec, kRequest,
                   kMethod, kUri, kStatus, kBytes, kUserAgent, kRequestTime, kUpstreamTime };

Field FieldOf(std::string_view name) {
  if (name == "remote_addr" || name == "realip_remote_addr") return Field::kClient;
  if (name == "http_x_forwarded_for") return Field::kForwardedFor;
  if (name == "time_local") return Field::kTimeLocal;
  if (name == "time_iso8601") return Field::kTimeIso;
  if (name == "msec") return Field::kMsec;
  if (name == "request") return Field::kRequest;
  if (name == "request_method") return Field::kMethod;
  if (name == "request_uri" || name == "uri") return Field::kUri;
  if (name == "status") return Field::kStatus;
  if (name == "body_bytes_sent" || name == "bytes_sent") return Field::kBytes;
  if (name == "http_user_agent") return Field::kUserAgent;
  if (name == "request_time") return Field::kRequestTime;
  if (name == "upstream_response_time") return Field::kUpstreamTime;
  return Field::kIgnored;
}

bool Store(Field field, std::string_view value, ClfTimeCache& cache, bool* has_time,
           double* upstream, LogRecord* record) {
  uint64_t number = 0;
  switch (field) {
    case Field::kIgnored:
      return true;
    case Field::kClient:
      if (record->client.empty()) record->client = value;
      return true;
    case Field::kForwardedFor:
      // The first address is the original client, when a proxy set it.
      if (value != "-" && !value.empty()) record->client = value.substr(0, value.find(','));
      return true;
    case Field::kTimeLocal:
      return *has_time = cache.Parse(value, &record->time);
    case Field::kTimeIso:
      return *has_time = ParseIsoTime(value, &record->time);
    case Field::kMsec:
      return *has_time = ParseEpochTime(value, &record->time);
    case Field::kRequest:
      SplitRequest(value, record);
      return true;
    case Field::kMethod:
      record->method = value;
      return true;
    case Field::kUri:
      record->path = value;
      return true;
    case Field::kStatus:
      if (!ParseCount(value, &number) || number < 100 || number > 599) return false;
      record->status = static_cast<uint16_t>(number);
      return true;
    case Field::kBytes:
      return ParseCount(value, &record->bytes);
    case Field::kUserAgent:
      record->user_agent = value;
      return true;
    case Field::kRequestTime:
      if (!ParseSeconds(value, &record->request_time)) record->request_time = -1;
      return true;
    case Field::kUpstreamTime:
      if (!ParseSeconds(value, upstream)) *upstream = -1;
      return true;
  }
  return true;
}

}  // namespace

LineResult ParseNginxLine(std::string_view line, const std::vector<NginxPiece>& pieces,
                          ClfTimeCache& cache, LogRecord* record) {
  size_t pos = 0;
  bool has_time = false;
  double upstream = -1;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const NginxPiece& piece = pieces[i];
    if (line.compare(pos, piece.literal.size(), piece.literal) != 0) return LineResult::kMalformed;
    pos += piece.literal.size();
    if (piece.variable.empty()) continue;
    Field field = FieldOf(piece.variable);
    size_t end;
    if (field == Field::kTimeLocal) {
      end = pos + 26;
    } else if (i + 1 == pieces.size()) {
      end = line.size();
    } else if (pieces[i + 1].literal.empty()) {
      end = line.find(' ', pos);  // two variables back to back: a space ends the first
    } else {
      end = line.find(pieces[i + 1].literal, pos);
    }
    if (end == std::string_view::npos || end > line.size()) return LineResult::kMalformed;
    if (!Store(field, line.substr(pos, end - pos), cache, &has_time, &upstream, record)) {
      return LineResult::kMalformed;
    }
    pos = end;
  }
  if (!has_time) return LineResult::kMalformed;
  if (record->request_time < 0 && upstream >= 0) record->request_time = upstream;
  return LineResult::kRecord;
}

}  // namespace internal
}  // namespace dsaudit::load
