#include "loadtest/result.h"

namespace dsaudit::loadtest {

std::string_view ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kConnect: return "connect";
    case ErrorKind::kTls: return "tls";
    case ErrorKind::kTimeout: return "timeout";
    case ErrorKind::kReset: return "reset";
    case ErrorKind::kProtocol: return "protocol";
    case ErrorKind::kHttpStatus: return "http_status";
  }
  return "unknown";
}

uint64_t Result::TotalErrors() const {
  uint64_t total = 0;
  for (uint64_t count : errors) total += count;
  return total;
}

uint64_t Result::Finished() const {
  // HTTP status errors are completed responses, counted once.
  return completed + TotalErrors() - errors[static_cast<size_t>(ErrorKind::kHttpStatus)];
}

double Result::ErrorRate() const {
  uint64_t finished = Finished();
  return finished == 0 ? 0.0 : static_cast<double>(TotalErrors()) / static_cast<double>(finished);
}

double Result::Throughput() const {
  return elapsed_seconds > 0 ? static_cast<double>(completed) / elapsed_seconds : 0.0;
}

}  // namespace dsaudit::loadtest
