// Generated logs for the load tests, built once per test binary run.
#pragma once

#include <string>

#include "load/generator.h"

namespace dsaudit::load {

struct TestLog {
  std::string text;
  GeneratedLog info;
};

// 600,000 combined lines over 22 days (three full weeks of hours), seven planted bursts (seed 11).
inline const TestLog& ThreeWeekLog() {
  static const TestLog* log = [] {
    auto* out = new TestLog;
    GeneratorOptions options;
    options.lines = 600'000;
    options.days = 22;
    options.bursts = 7;
    options.seed = 11;
    std::function<void(std::string_view)> sink = [out](std::string_view piece) { out->text.append(piece); };
    out->info = GenerateLog(options, sink);
    return out;
  }();
  return *log;
}

}  // namespace dsaudit::load
