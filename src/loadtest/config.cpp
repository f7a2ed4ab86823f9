#include "loadtest/config.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>

#include "base/file_io.h"
#include "base/lines.h"

namespace dsaudit::loadtest {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

std::optional<double> ParseNumber(std::string_view text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

double Config::TotalSeconds() const {
  if (stages.empty()) return duration_seconds;
  double total = 0;
  for (const Stage& stage : stages) total += stage.seconds;
  return total;
}

double Config::TargetAt(double seconds) const {
  if (stages.empty()) return open_model ? rate : users;
  double from = 0;
  for (const Stage& stage : stages) {
    if (seconds < stage.seconds) {
      return from + (stage.target - from) * (stage.seconds > 0 ? seconds / stage.seconds : 1);
    }
    seconds -= stage.seconds;
    from = stage.target;
  }
  return from;
}

uint32_t Config::MaxConnections() const {
  if (open_model) return connections;
  double most = users;
  for (const Stage& stage : stages) most = std::max(most, stage.target);
  return static_cast<uint32_t>(std::ceil(most));
}

std::optional<Url> ParseUrl(std::string_view text, std::string* error) {
  Url url;
  if (text.starts_with("http://")) {
    text.remove_prefix(7);
    url.port = 80;
  } else if (text.starts_with("https://")) {
    text.remove_prefix(8);
    url.tls = true;
    url.port = 443;
  } else {
    *error = "the URL must start with http:// or https://";
    return std::nullopt;
  }
  size_t slash = text.find_first_of("/?");
  std::string_view authority = text.substr(0, slash);
  if (slash != std::string_view::npos) {
    url.target = std::string(text.substr(slash));
    if (url.target.front() == '?') url.target = "/" + url.target;
  }
  if (authority.find('@') != std::string_view::npos) {
    *error = "credentials in the URL are not supported; pass an Authorization header";
    return std::nullopt;
  }
  std::string_view port_text;
  if (authority.starts_with("[")) {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) {
      *error = "unclosed '[' in the URL's host";
      return std::nullopt;
    }
    url.host = std::string(authority.substr(1, close - 1));
    std::string_view rest = authority.substr(close + 1);
    if (rest.starts_with(":")) port_text = rest.substr(1);
  } else {
    size_t colon = authority.rfind(':');
    url.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
  }
  if (url.host.empty()) {
    *error = "the URL has no host";
    return std::nullopt;
  }
  if (!port_text.empty()) {
    unsigned port = 0;
    auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc() || end != port_text.data() + port_text.size() || port == 0 ||
        port > 65535) {
      *error = fmt::format("invalid port '{}'", port_text);
      return std::nullopt;
    }
    url.port = static_cast<uint16_t>(port);
  }
  return url;
}

std::optional<double> ParseDuration(std::string_view text, std::string* error) {
  text = Trim(text);
  static constexpr std::pair<std::string_view, double> kUnits[] = {
      {"us", 1e-6}, {"ms", 1e-3}, {"s", 1}, {"m", 60}, {"h", 3600}};
  double scale = 1;
  for (const auto& [suffix, factor] : kUnits) {
    if (text.ends_with(suffix)) {
      text.remove_suffix(suffix.size());
      scale = factor;
      break;
    }
  }
  std::optional<double> number = ParseNumber(text);
  if (!number || *number < 0) {
    *error = fmt::format("invalid duration '{}' (examples: 300ms, 1.5s, 2m)", text);
    return std::nullopt;
  }
  return *number * scale;
}

std::optional<Stage> ParseStage(std::string_view text, std::string* error) {
  size_t colon = text.find(':');
  if (colon == std::string_view::npos) {
    *error = fmt::format("invalid stage '{}': expected DURATION:TARGET, e.g. 30s:100", text);
    return std::nullopt;
  }
  std::optional<double> seconds = ParseDuration(text.substr(0, colon), error);
  if (!seconds) return std::nullopt;
  std::optional<double> target = ParseNumber(Trim(text.substr(colon + 1)));
  if (!target || *target < 0) {
    *error = fmt::format("invalid stage target in '{}'", text);
    return std::nullopt;
  }
  return Stage{*seconds, *target};
}

std::optional<std::vector<RequestSpec>> ParseRequestFile(std::string_view text,
                                                         const std::string& base_dir,
                                                         std::string* error) {
  std::vector<RequestSpec> requests;
  bool failed = false;
  ForEachLine(text, [&](const TextLine& text_line) {
    const uint32_t line_number = text_line.number;
    std::string_view line = Trim(text_line.text);
    if (line.empty() || line.front() == '#') return true;
    std::vector<std::string_view> words;
    while (!line.empty()) {
      size_t space = line.find_first_of(" \t");
      words.push_back(line.substr(0, space));
      line = Trim(line.substr(space == std::string_view::npos ? line.size() : space));
    }
    if (words.size() < 2 || words.size() > 3 || !words[1].starts_with("/") ||
        (words.size() == 3 && !words[2].starts_with("@"))) {
      *error = fmt::format("line {}: expected 'METHOD /path [@body-file]'", line_number);
      failed = true;
      return false;
    }
    RequestSpec spec{std::string(words[0]), std::string(words[1]), {}};
    if (words.size() == 3) {
      std::string path(words[2].substr(1));
      if (!path.starts_with("/") && !base_dir.empty()) path = base_dir + "/" + path;
      std::string read_error;
      if (!ReadFileBytes(path, &spec.body, &read_error)) {
        *error = fmt::format("line {}: {}: {}", line_number, path, read_error);
        failed = true;
        return false;
      }
    }
    requests.push_back(std::move(spec));
    return true;
  });
  if (failed) return std::nullopt;
  if (requests.empty()) {
    *error = "the request file lists no requests";
    return std::nullopt;
  }
  return requests;
}

}  // namespace dsaudit::loadtest
