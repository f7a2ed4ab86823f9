// What a load test is asked to do, and the parsers for its command-line
// spellings (URLs, durations, stages, request files).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dsaudit::loadtest {

struct Url {
  bool tls = false;
  std::string host;  // without brackets for IPv6 literals
  uint16_t port = 0;
  std::string target = "/";  // path and query, as sent on the request line
};

// A stage ramps the number of users (closed model) or the arrival rate (open
// model) linearly from the previous stage's target to its own, like k6.
struct Stage {
  double seconds = 0;
  double target = 0;
};

// One request to send; a run cycles through several when given a file.
struct RequestSpec {
  std::string method = "GET";
  std::string target;  // empty: the URL's
  std::string body;
};

struct Config {
  Url url;
  std::vector<RequestSpec> requests;  // at least one
  std::vector<std::string> headers;   // "Name: value"

  // Closed model: `users` virtual users, each sending its next request when
  // the previous one is answered and `think_seconds` have passed.
  uint32_t users = 0;
  double think_seconds = 0;
  // Open model (when rate > 0 or stages given with open_model): requests
  // are due at `rate` per second regardless of how fast they are answered,
  // over a pool of `connections` connections.
  bool open_model = false;
  double rate = 0;
  uint32_t connections = 0;
  std::vector<Stage> stages;

  double duration_seconds = 10;
  uint64_t max_requests = 0;  // 0: bounded by duration only
  double timeout_seconds = 10;
  unsigned threads = 0;  // 0: one per core
  bool insecure = false;  // skip TLS certificate verification
  std::string ca_file;

  // Total run time: the stages' sum when staged.
  double TotalSeconds() const;
  // The users or the rate wanted `seconds` into the run.
  double TargetAt(double seconds) const;
  // The most users or connections the run ever needs.
  uint32_t MaxConnections() const;
};

// Parsers return nullopt and set `error` on bad input.
std::optional<Url> ParseUrl(std::string_view text, std::string* error);
// "250ms", "1.5s", "2m", "1h", "300us"; a bare number is seconds.
std::optional<double> ParseDuration(std::string_view text, std::string* error);
// "30s:100": ramp to 100 over 30 seconds.
std::optional<Stage> ParseStage(std::string_view text, std::string* error);
// One request a line: `METHOD /path [@body-file]`; `#` starts a comment.
// Body files are read relative to `base_dir`.
std::optional<std::vector<RequestSpec>> ParseRequestFile(std::string_view text,
                                                         const std::string& base_dir,
                                                         std::string* error);

}  // namespace dsaudit::loadtest
