// The load generator: one epoll event loop per thread, each owning a share
// of the connections, the users and the arrival rate, with no allocation per
// request (requests are prebuilt, responses are parsed as they stream in).
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>

#include "loadtest/config.h"
#include "loadtest/result.h"

namespace dsaudit::loadtest {

struct Progress {
  double elapsed_seconds = 0;
  uint64_t completed = 0;
  uint64_t errors = 0;
};

struct RunControl {
  // Set (e.g. by a SIGINT handler) to end the run early with partial results.
  const std::atomic<bool>* stop = nullptr;
  // Called from the calling thread about once a second.
  std::function<void(const Progress&)> on_progress;
};

// Runs the test; nullopt and `error` when it cannot start (bad host, too
// few file descriptors, unreadable CA file).
std::optional<Result> RunLoadTest(const Config& config, const RunControl& control,
                                  std::string* error);

}  // namespace dsaudit::loadtest
