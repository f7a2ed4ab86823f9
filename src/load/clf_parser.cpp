// Common, combined and vcombined lines: the hot path of `dsaudit load`, so
// fields are found with inlined byte searches and never copied.
#include "load/byte_search.h"
#include "load/line_parsers.h"

namespace dsaudit::load::internal {
namespace {

bool ParseStatus(std::string_view text, uint16_t* status) {
  if (text.size() != 3) return false;
  unsigned value = 0;
  for (char c : text) {
    unsigned digit = static_cast<unsigned char>(c) - '0';
    if (digit > 9) return false;
    value = value * 10 + digit;
  }
  if (value < 100 || value > 599) return false;
  *status = static_cast<uint16_t>(value);
  return true;
}

}  // namespace

void SplitRequest(std::string_view request, LogRecord* record) {
  size_t space = 0;
  while (space < request.size() && space <= 16 && request[space] != ' ') ++space;
  if (space == request.size() || space == 0 || space > 16) {
    record->method = {};
    record->path = request;
    return;
  }
  record->method = request.substr(0, space);
  size_t end = FindByte(request, space + 1, ' ');
  record->path = request.substr(space + 1, end == std::string_view::npos ? end : end - space - 1);
}

bool ParseSeconds(std::string_view text, double* seconds) {
  double total = 0;
  bool any = false;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == ',' || text[pos] == ':')) ++pos;
    if (pos >= text.size()) break;
    uint64_t whole = 0, fraction = 0, scale = 1;
    size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      whole = whole * 10 + static_cast<uint64_t>(text[pos++] - '0');
    }
    if (pos < text.size() && text[pos] == '.') {
      for (++pos; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
        if (scale < 1'000'000'000) {
          fraction = fraction * 10 + static_cast<uint64_t>(text[pos] - '0');
          scale *= 10;
        }
      }
    }
    if (pos == start) return false;  // "-" or garbage
    total += static_cast<double>(whole) + static_cast<double>(fraction) / static_cast<double>(scale);
    any = true;
  }
  if (!any) return false;
  *seconds = total;
  return true;
}

bool ParseCount(std::string_view text, uint64_t* value) {
  if (text == "-") {
    *value = 0;
    return true;
  }
  if (text.empty() || text.size() > 19) return false;
  uint64_t result = 0;
  for (char c : text) {
    unsigned digit = static_cast<unsigned char>(c) - '0';
    if (digit > 9) return false;
    result = result * 10 + digit;
  }
  *value = result;
  return true;
}

size_t FindClosingQuote(std::string_view line, size_t from) {
  for (size_t pos = FindByte(line, from, '"'); pos != std::string_view::npos;
       pos = FindByte(line, pos + 1, '"')) {
    if (pos == from || line[pos - 1] != '\\') return pos;
  }
  return std::string_view::npos;
}

LineResult ParseClfLine(std::string_view line, bool vhost, ClfTimeCache& cache,
                        LogRecord* record) {
  constexpr size_t npos = std::string_view::npos;
  size_t pos = 0;
  if (vhost) {
    size_t space = FindByte(line, 0, ' ');
    if (space == npos || line.substr(0, space).find(':') == npos) return LineResult::kMalformed;
    pos = space + 1;
  }
  size_t client_end = FindByte(line, pos, ' ');
  size_t open = FindByte(line, pos, '[');
  if (client_end == npos || open == npos || client_end == pos || client_end > open) {
    return LineResult::kMalformed;
  }
  // "client ident user [": exactly two more fields, so a vhost line is not
  // mistaken for a combined one.
  size_t ident_end = FindByte(line, client_end + 1, ' ');
  if (ident_end == npos || ident_end + 1 >= open || FindByte(line, ident_end + 1, ' ') != open - 1) {
    return LineResult::kMalformed;
  }
  record->client = line.substr(pos, client_end - pos);
  if (open + 28 > line.size() || line[open + 27] != ']' ||
      !cache.Parse(line.substr(open + 1, 26), &record->time)) {
    return LineResult::kMalformed;
  }
  pos = open + 28;
  if (pos + 2 > line.size() || line[pos] != ' ' || line[pos + 1] != '"') {
    return LineResult::kMalformed;
  }
  size_t close = FindClosingQuote(line, pos + 2);
  if (close == npos) return LineResult::kMalformed;
  SplitRequest(line.substr(pos + 2, close - pos - 2), record);
  pos = close + 1;
  if (pos + 5 > line.size() || line[pos] != ' ' || line[pos + 4] != ' ' ||
      !ParseStatus(line.substr(pos + 1, 3), &record->status)) {
    return LineResult::kMalformed;
  }
  pos += 5;
  size_t bytes_end = FindByte(line, pos, ' ');
  if (bytes_end == npos) bytes_end = line.size();
  if (!ParseCount(line.substr(pos, bytes_end - pos), &record->bytes)) return LineResult::kMalformed;
  pos = bytes_end;
  // Combined: ` "referer" "user-agent"`; anything after them is ignored.
  if (pos + 2 > line.size() || line[pos + 1] != '"') return LineResult::kRecord;
  size_t referer_end = FindClosingQuote(line, pos + 2);
  if (referer_end == npos) return LineResult::kMalformed;
  pos = referer_end + 1;
  if (pos + 2 > line.size() || line[pos] != ' ' || line[pos + 1] != '"') return LineResult::kRecord;
  size_t agent_end = FindClosingQuote(line, pos + 2);
  if (agent_end == npos) return LineResult::kMalformed;
  record->user_agent = line.substr(pos + 2, agent_end - pos - 2);
  return LineResult::kRecord;
}

}  // namespace dsaudit::load::internal
