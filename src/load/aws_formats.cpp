// AWS Application Load Balancer and CloudFront access logs, with the field
// positions AWS documents for them.
#include <array>

#include "load/line_parsers.h"

namespace dsaudit::load::internal {
namespace {

// Splits on spaces, a field in double quotes kept whole (quotes removed).
template <size_t N>
size_t SplitQuoted(std::string_view line, std::array<std::string_view, N>& fields) {
  size_t count = 0;
  size_t pos = 0;
  while (pos < line.size() && count < N) {
    if (line[pos] == '"') {
      size_t close = FindClosingQuote(line, pos + 1);
      if (close == std::string_view::npos) return 0;
      fields[count++] = line.substr(pos + 1, close - pos - 1);
      pos = close + 1;
    } else {
      size_t end = line.find(' ', pos);
      if (end == std::string_view::npos) end = line.size();
      fields[count++] = line.substr(pos, end - pos);
      pos = end;
    }
    if (pos < line.size() && line[pos] != ' ') return 0;
    ++pos;
  }
  return count;
}

// "https://host:443/path?q" to "/path?q".
std::string_view PathOfUrl(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return url;
  size_t slash = url.find('/', scheme + 3);
  return slash == std::string_view::npos ? std::string_view("/") : url.substr(slash);
}

}  // namespace

LineResult ParseAlbLine(std::string_view line, LogRecord* record) {
  std::array<std::string_view, 14> f;
  if (SplitQuoted(line, f) < 14) return LineResult::kMalformed;
  std::string_view type = f[0];
  if (type != "http" && type != "https" && type != "h2" && type != "grpcs" && type != "ws" &&
      type != "wss") {
    return LineResult::kMalformed;
  }
  if (!ParseIsoTime(f[1], &record->time)) return LineResult::kMalformed;
  size_t colon = f[3].rfind(':');
  record->client = colon == std::string_view::npos ? f[3] : f[3].substr(0, colon);
  uint64_t status = 0;
  if (!ParseCount(f[8], &status) || status > 599) return LineResult::kMalformed;
  record->status = static_cast<uint16_t>(status);
  if (!ParseCount(f[11], &record->bytes)) return LineResult::kMalformed;
  // The three processing times sum to the time in the balancer and target;
  // -1 in any means the request never reached a target.
  double total = 0;
  bool timed = true;
  for (int i = 5; i <= 7; ++i) {
    double part = 0;
    timed = timed && f[i] != "-1" && ParseSeconds(f[i], &part);
    total += part;
  }
  record->request_time = timed ? total : -1;
  SplitRequest(f[12], record);
  record->path = PathOfUrl(record->path);
  record->user_agent = f[13];
  return LineResult::kRecord;
}

LineResult ParseCloudFrontLine(std::string_view line, LogRecord* record) {
  if (!line.empty() && line[0] == '#') return LineResult::kSkip;
  std::array<std::string_view, 19> f;
  size_t count = 0;
  for (size_t pos = 0; count < f.size();) {
    size_t tab = line.find('\t', pos);
    f[count++] = line.substr(pos, tab == std::string_view::npos ? line.size() - pos : tab - pos);
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  if (count < 19) return LineResult::kMalformed;
  // "2019-12-04" and "21:02:31" in separate columns, always UTC.
  char iso[20];
  if (f[0].size() != 10 || f[1].size() != 8) return LineResult::kMalformed;
  f[0].copy(iso, 10);
  iso[10] = 'T';
  f[1].copy(iso + 11, 8);
  if (!ParseIsoTime(std::string_view(iso, 19), &record->time)) return LineResult::kMalformed;
  uint64_t status = 0;
  if (!ParseCount(f[3], &record->bytes) || !ParseCount(f[8], &status) || status > 599) {
    return LineResult::kMalformed;
  }
  record->status = static_cast<uint16_t>(status);
  record->client = f[4];
  record->method = f[5];
  record->path = f[7];
  record->user_agent = f[10];
  if (!ParseSeconds(f[18], &record->request_time)) record->request_time = -1;
  return LineResult::kRecord;
}

LineResult ParseCsvLine(std::string_view line, LogRecord* record) {
  if (line.find_first_of("0123456789") == std::string_view::npos) return LineResult::kSkip;
  size_t comma = line.find(',');
  if (comma == std::string_view::npos) return LineResult::kMalformed;
  std::string_view stamp = line.substr(0, comma);
  if (stamp.size() >= 2 && stamp.front() == '"' && stamp.back() == '"') {
    stamp = stamp.substr(1, stamp.size() - 2);
  }
  if (!ParseAnyTime(stamp, &record->time)) return LineResult::kMalformed;
  std::string_view rest = line.substr(comma + 1);
  size_t next = rest.find(',');
  std::string_view requests = rest.substr(0, next);
  double count = 0;
  if (!ParseSeconds(requests, &count) || requests.find(',') != std::string_view::npos) {
    return LineResult::kMalformed;
  }
  record->count = static_cast<uint64_t>(count + 0.5);
  if (next != std::string_view::npos) {
    double latency_ms = 0;
    if (ParseSeconds(rest.substr(next + 1), &latency_ms)) record->request_time = latency_ms / 1000;
  }
  return LineResult::kRecord;
}

}  // namespace dsaudit::load::internal
