#include "load/log_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "load/line_parsers.h"

namespace dsaudit::load {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "request.remote_ip" or "/request/remote_ip" to a JSON pointer.
std::string ToPointer(std::string_view name) {
  if (name.empty()) return "";
  std::string pointer = name[0] == '/' ? "" : "/";
  for (char c : name) pointer += c == '.' ? '/' : c;
  return pointer;
}

}  // namespace

std::string LogFormat::Name() const {
  switch (kind) {
    case FormatKind::kCommon: return "common";
    case FormatKind::kCombined: return "combined";
    case FormatKind::kVCombined: return "vcombined";
    case FormatKind::kNginx: return "nginx log_format";
    case FormatKind::kJson: return "json";
    case FormatKind::kAlb: return "alb";
    case FormatKind::kCloudFront: return "cloudfront";
    case FormatKind::kCsv: return "csv";
  }
  return "unknown";
}

namespace {
constexpr std::array<std::pair<std::string_view, FormatKind>, 9> kFormatNames = {{
    {"common", FormatKind::kCommon},
    {"combined", FormatKind::kCombined},
    {"vcombined", FormatKind::kVCombined},
    {"json", FormatKind::kJson},
    {"caddy", FormatKind::kJson},
    {"alb", FormatKind::kAlb},
    {"awsalb", FormatKind::kAlb},  // GoAccess's preset name
    {"cloudfront", FormatKind::kCloudFront},
    {"csv", FormatKind::kCsv},
}};
}  // namespace

std::string FormatNames() {
  std::string out;
  for (const auto& [name, kind] : kFormatNames) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

std::optional<LogFormat> FormatFromName(std::string_view name) {
  std::string lower = Lower(name);
  for (const auto& [known, kind] : kFormatNames) {
    if (lower != known) continue;
    LogFormat format;
    format.kind = kind;
    return format;
  }
  return std::nullopt;
}

bool ApplyJsonFieldOverrides(std::string_view overrides, JsonFields* fields, std::string* error) {
  size_t pos = 0;
  while (pos < overrides.size()) {
    size_t comma = overrides.find(',', pos);
    std::string_view item = overrides.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    pos = comma == std::string_view::npos ? overrides.size() : comma + 1;
    size_t equals = item.find('=');
    if (equals == std::string_view::npos) {
      *error = fmt::format("json fields: '{}' is not FIELD=NAME", item);
      return false;
    }
    std::string_view key = item.substr(0, equals);
    std::string pointer = ToPointer(item.substr(equals + 1));
    if (key == "time") fields->time = pointer;
    else if (key == "client") fields->client = pointer;
    else if (key == "method") fields->method = pointer;
    else if (key == "path") fields->path = pointer;
    else if (key == "status") fields->status = pointer;
    else if (key == "bytes") fields->bytes = pointer;
    else if (key == "user_agent") fields->user_agent = pointer;
    else if (key == "duration" || key == "duration_ms" || key == "duration_us") {
      fields->duration = pointer;
      fields->duration_scale = key == "duration" ? 1.0 : key == "duration_ms" ? 1e-3 : 1e-6;
    } else {
      *error = fmt::format(
          "json fields: unknown field '{}' (time, client, method, path, status, bytes, "
          "user_agent, duration, duration_ms, duration_us)",
          key);
      return false;
    }
  }
  return true;
}

std::optional<LogFormat> DetectFormat(std::string_view sample) {
  constexpr size_t kMaxLines = 50;
  std::vector<std::string_view> lines;
  bool cloudfront_header = false;
  for (size_t pos = 0; pos < sample.size() && lines.size() < kMaxLines;) {
    size_t end = sample.find('\n', pos);
    // The last piece of a sample may be a cut line: only whole lines count.
    if (end == std::string_view::npos && !lines.empty()) break;
    if (end == std::string_view::npos) end = sample.size();
    std::string_view line = sample.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (line.starts_with("#Version:") || line.starts_with("#Fields:")) cloudfront_header = true;
    lines.push_back(line);
  }
  if (cloudfront_header) return FormatFromName("cloudfront");

  std::vector<LogFormat> candidates;
  for (auto kind : {FormatKind::kAlb, FormatKind::kCloudFront, FormatKind::kVCombined,
                    FormatKind::kCombined, FormatKind::kCsv}) {
    LogFormat format;
    format.kind = kind;
    candidates.push_back(format);
  }
  for (std::string_view line : lines) {
    LogFormat json;
    json.kind = FormatKind::kJson;
    if (line[0] == '{' && internal::DetectJsonFields(line, &json.json)) {
      candidates.insert(candidates.begin(), json);
      break;
    }
  }
  std::optional<LogFormat> best;
  size_t best_parsed = 0;
  for (const LogFormat& candidate : candidates) {
    LineParser parser(candidate);
    size_t parsed = 0;
    bool any_agent = false;
    for (std::string_view line : lines) {
      LogRecord record;
      if (parser.Parse(line, &record) != LineResult::kRecord) continue;
      ++parsed;
      any_agent |= !record.user_agent.empty();
    }
    if (parsed <= best_parsed) continue;
    best_parsed = parsed;
    best = candidate;
    if (candidate.kind == FormatKind::kCombined && !any_agent) best->kind = FormatKind::kCommon;
  }
  return best;
}

struct LineParser::State {
  ClfTimeCache time_cache;
  internal::JsonLineParser json;
};

LineParser::LineParser(const LogFormat& format)
    : format_(format), state_(std::make_unique<State>()) {}
LineParser::~LineParser() = default;

LineResult LineParser::Parse(std::string_view line, LogRecord* record) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.empty()) return LineResult::kSkip;
  switch (format_.kind) {
    case FormatKind::kCommon:
    case FormatKind::kCombined:
      return internal::ParseClfLine(line, false, state_->time_cache, record);
    case FormatKind::kVCombined:
      return internal::ParseClfLine(line, true, state_->time_cache, record);
    case FormatKind::kNginx:
      return internal::ParseNginxLine(line, format_.nginx, state_->time_cache, record);
    case FormatKind::kJson:
      return state_->json.Parse(line, format_.json, record);
    case FormatKind::kAlb:
      return internal::ParseAlbLine(line, record);
    case FormatKind::kCloudFront:
      return internal::ParseCloudFrontLine(line, record);
    case FormatKind::kCsv:
      return internal::ParseCsvLine(line, record);
  }
  return LineResult::kMalformed;
}

}  // namespace dsaudit::load
