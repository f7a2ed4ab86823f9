// JSON-lines access logs (Caddy, nginx escape=json templates, structured
// loggers), read with simdjson's DOM API: each line is validated whole
// before any field is read (on-demand's lazy errors make a truncated line
// unsafe to query), and strings live in the parser until the next line.
#include <simdjson.h>

#include <array>
#include <cmath>
#include <string>

#include "load/line_parsers.h"

namespace dsaudit::load::internal {
namespace {

namespace dom = simdjson::dom;

// Candidate names per field, most specific first; the first one present in
// the first line wins.
constexpr std::array kTimeNames = {"/ts", "/time", "/timestamp", "/@timestamp", "/time_local",
                                   "/time_iso8601", "/msec", "/date", "/datetime"};
constexpr std::array kClientNames = {"/request/client_ip", "/request/remote_ip", "/client_ip",
                                     "/remote_addr", "/remote_ip", "/client", "/ip",
                                     "/http/client_ip"};
constexpr std::array kMethodNames = {"/request/method", "/method", "/request_method",
                                     "/http/method"};
constexpr std::array kPathNames = {"/request/uri", "/uri", "/request_uri", "/path", "/url",
                                   "/http/path"};
constexpr std::array kStatusNames = {"/status", "/status_code", "/response_status",
                                     "/http/status_code"};
constexpr std::array kBytesNames = {"/size", "/bytes", "/body_bytes_sent", "/bytes_sent",
                                    "/response_size"};
constexpr std::array kDurationNames = {"/duration", "/request_time", "/latency", "/elapsed",
                                       "/duration_ms", "/latency_ms", "/response_time_ms"};
constexpr std::array kAgentNames = {"/request/headers/User-Agent/0", "/user_agent",
                                    "/http_user_agent", "/useragent", "/ua"};

template <size_t N>
std::string FirstPresent(dom::element doc, const std::array<const char*, N>& names) {
  for (const char* name : names) {
    if (doc.at_pointer(name).error() == simdjson::SUCCESS) return name;
  }
  return "";
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// A number, or a string holding one ("200", "0.004").
bool NumberAt(dom::element doc, const std::string& pointer, double* out) {
  if (pointer.empty()) return false;
  dom::element value;
  if (doc.at_pointer(pointer).get(value)) return false;
  if (value.is_number()) {
    *out = value.get_double().value_unsafe();
    return true;
  }
  std::string_view text;
  return value.get_string().get(text) == simdjson::SUCCESS && ParseSeconds(text, out);
}

bool StringAt(dom::element doc, const std::string& pointer, std::string_view* out) {
  if (pointer.empty()) return false;
  return doc.at_pointer(pointer).get_string().get(*out) == simdjson::SUCCESS;
}

bool TimeAt(dom::element doc, const std::string& pointer, Timestamp* out) {
  std::string_view text;
  if (StringAt(doc, pointer, &text)) return ParseAnyTime(text, out);
  double number = 0;
  if (!NumberAt(doc, pointer, &number) || !std::isfinite(number) || number < 0 || number > 1e15) {
    return false;
  }
  if (number > 1e11) number /= 1000;  // milliseconds
  out->unix_seconds = static_cast<int64_t>(number);
  out->offset_minutes = 0;
  return true;
}

}  // namespace

struct JsonLineParser::Impl {
  dom::parser parser;
  std::string scratch;
};

JsonLineParser::JsonLineParser() : impl_(new Impl) {}
JsonLineParser::~JsonLineParser() { delete impl_; }

LineResult JsonLineParser::Parse(std::string_view line, const JsonFields& fields,
                                 LogRecord* record) {
  if (line.empty() || line[0] != '{') return LineResult::kMalformed;
  // simdjson reads up to 64 bytes past the end: copy into a padded buffer
  // that grows only when a longer line arrives.
  std::string& scratch = impl_->scratch;
  if (scratch.size() < line.size() + simdjson::SIMDJSON_PADDING) {
    scratch.resize(line.size() + simdjson::SIMDJSON_PADDING);
  }
  line.copy(scratch.data(), line.size());
  dom::element doc;
  if (impl_->parser.parse(scratch.data(), line.size(), false).get(doc)) return LineResult::kMalformed;
  if (!TimeAt(doc, fields.time, &record->time)) return LineResult::kMalformed;
  double number = 0;
  if (NumberAt(doc, fields.status, &number)) {
    if (number < 100 || number > 599) return LineResult::kMalformed;
    record->status = static_cast<uint16_t>(number);
  }
  if (NumberAt(doc, fields.bytes, &number) && number >= 0 && number < 1e18) {
    record->bytes = static_cast<uint64_t>(number);
  }
  if (NumberAt(doc, fields.duration, &number) && number >= 0 && number < 1e12) {
    record->request_time = number * fields.duration_scale;
  }
  StringAt(doc, fields.client, &record->client);
  StringAt(doc, fields.method, &record->method);
  StringAt(doc, fields.path, &record->path);
  StringAt(doc, fields.user_agent, &record->user_agent);
  if (record->method.empty() && record->path.find(' ') != std::string_view::npos) {
    SplitRequest(record->path, record);  // a whole "$request" line
  }
  return LineResult::kRecord;
}

bool DetectJsonFields(std::string_view line, JsonFields* fields) {
  dom::parser parser;
  simdjson::padded_string padded(line);
  dom::element doc;
  if (parser.parse(padded).get(doc)) return false;
  JsonFields found;
  found.time = FirstPresent(doc, kTimeNames);
  if (found.time.empty()) return false;
  found.client = FirstPresent(doc, kClientNames);
  found.method = FirstPresent(doc, kMethodNames);
  found.path = FirstPresent(doc, kPathNames);
  found.status = FirstPresent(doc, kStatusNames);
  found.bytes = FirstPresent(doc, kBytesNames);
  found.duration = FirstPresent(doc, kDurationNames);
  found.user_agent = FirstPresent(doc, kAgentNames);
  found.duration_scale = EndsWith(found.duration, "_ms") ? 0.001 : 1.0;
  *fields = found;
  return true;
}

}  // namespace dsaudit::load::internal
