#include "load/scan.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "load/analysis.h"
#include "load/test_logs.h"

namespace dsaudit::load {
namespace {

namespace fs = std::filesystem;

LogFormat Combined() { return *FormatFromName("combined"); }

class ScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dsaudit_scan_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, std::string_view bytes) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
  }
  std::string WriteGzip(const std::string& name, std::string_view bytes) {
    std::string path = (dir_ / name).string();
    gzFile file = gzopen(path.c_str(), "wb");
    gzwrite(file, bytes.data(), static_cast<unsigned>(bytes.size()));
    gzclose(file);
    return path;
  }
  fs::path dir_;
};

TEST_F(ScanTest, MalformedLinesAreCountedAndShownWithLineNumbers) {
  std::string log =
      "1.1.1.1 - - [10/Oct/2000:13:55:36 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"a\"\n"
      "not a log line\n"
      "\n"
      "1.1.1.1 - - [10/Oct/2000:13:55:37 +0000] \"GET / HTTP/1.1\" 500 5 \"-\" \"a\"\n"
      "1.1.1.1 - - [10/Oct/2000:13:55:3";  // truncated last line, no newline
  LoadAccumulator acc;
  ScanBuffer(log, Combined(), "x.log", 1, &acc);
  EXPECT_EQ(acc.lines(), 5u);
  EXPECT_EQ(acc.requests(), 2u);
  EXPECT_EQ(acc.malformed(), 2u);
  EXPECT_EQ(acc.skipped(), 1u);
  ASSERT_EQ(acc.samples().size(), 2u);
  EXPECT_EQ(acc.samples()[0].line, 2u);
  EXPECT_EQ(acc.samples()[0].text, "not a log line");
  EXPECT_EQ(acc.samples()[1].line, 5u);
}

TEST_F(ScanTest, ThreadsGiveTheSameSummaryAsOneThread) {
  const std::string& text = ThreeWeekLog().text;
  LoadAccumulator one, many;
  ScanBuffer(text, Combined(), "g.log", 1, &one);
  ScanBuffer(text, Combined(), "g.log", 4, &many);
  EXPECT_EQ(one.requests(), 600'000u);
  EXPECT_EQ(one.Serialize(), many.Serialize());
}

TEST_F(ScanTest, PartsCutInsideLongLinesLoseAndRepeatNothing) {
  // Eight threads over a small buffer: part boundaries fall inside a line far
  // longer than a part, on a newline, and at the very end.
  std::string line = "10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] \"GET /a HTTP/1.1\" 200 5\n";
  std::string text = line + "10.0.0.2 - - [10/Oct/2000:13:55:37 +0000] \"GET /" + std::string(5000, 'x') +
                     " HTTP/1.1\" 200 5\n" + line + "\n" + line.substr(0, line.size() - 1);
  for (unsigned jobs : {1u, 2u, 3u, 8u}) {
    LoadAccumulator acc;
    ScanBuffer(text, Combined(), "p.log", jobs, &acc);
    EXPECT_EQ(acc.lines(), 5u) << jobs;
    EXPECT_EQ(acc.requests(), 4u) << jobs;
    EXPECT_EQ(acc.skipped(), 1u) << jobs;
    EXPECT_EQ(acc.malformed(), 0u) << jobs;
    // The same from a memory-mapped file, whose parts are released as they end.
    ScanOptions options;
    options.format = Combined();
    options.jobs = jobs;
    ScanResult mapped;
    ScanSources({Write("p.log", text)}, options, &mapped);
    EXPECT_EQ(mapped.total.Serialize(), acc.Serialize()) << jobs;
  }
}

TEST_F(ScanTest, GzipIsReadDirectlyAndDetected) {
  std::string log;
  for (int i = 0; i < 5000; ++i) {
    log += "10.0.0." + std::to_string(i % 200) + " - - [10/Oct/2000:13:" + std::to_string(10 + i % 50) +
           ":00 +0000] \"GET /x HTTP/1.1\" 200 5\n";
  }
  ScanOptions options;
  options.jobs = 2;
  ScanResult plain, gzipped;
  ScanSources({Write("a.log", log)}, options, &plain);
  ScanSources({WriteGzip("a.log.gz", log)}, options, &gzipped);
  ASSERT_EQ(gzipped.sources.size(), 1u);
  EXPECT_TRUE(gzipped.sources[0].compressed);
  EXPECT_EQ(gzipped.sources[0].format, "common");
  EXPECT_EQ(gzipped.sources[0].error, "");
  EXPECT_EQ(gzipped.total.requests(), 5000u);
  EXPECT_EQ(gzipped.total.Serialize(), plain.total.Serialize());
}

TEST_F(ScanTest, TruncatedGzipKeepsWhatWasReadAndSaysSo) {
  std::string log;
  for (int i = 0; i < 20000; ++i) log += "10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] \"GET /x HTTP/1.1\" 200 5\n";
  std::string path = WriteGzip("t.gz", log);
  fs::resize_file(path, fs::file_size(path) / 2);
  ScanOptions options;
  ScanResult result;
  ScanSources({path}, options, &result);
  EXPECT_NE(result.sources[0].error, "");
  EXPECT_GT(result.total.requests(), 0u);
  EXPECT_LT(result.total.requests(), 20000u);
}

TEST_F(ScanTest, FilesInOtherZonesAndOutOfOrderMergeByTime) {
  // The same three instants, logged in UTC in order and in +0200 reversed.
  std::string utc =
      "1.1.1.1 - - [10/Oct/2000:10:00:00 +0000] \"GET / HTTP/1.1\" 200 1\n"
      "1.1.1.1 - - [10/Oct/2000:10:00:01 +0000] \"GET / HTTP/1.1\" 200 1\n"
      "1.1.1.1 - - [10/Oct/2000:10:00:05 +0000] \"GET / HTTP/1.1\" 200 1\n";
  std::string cest =
      "2.2.2.2 - - [10/Oct/2000:12:00:05 +0200] \"GET / HTTP/1.1\" 200 1\n"
      "2.2.2.2 - - [10/Oct/2000:12:00:01 +0200] \"GET / HTTP/1.1\" 200 1\n"
      "2.2.2.2 - - [10/Oct/2000:12:00:00 +0200] \"GET / HTTP/1.1\" 200 1\n";
  ScanOptions options;
  ScanResult result;
  ScanSources({Write("utc.log", utc), Write("cest.log", cest)}, options, &result);
  LoadReport report = Analyze(result.total, {});
  EXPECT_EQ(report.requests, 6u);
  EXPECT_EQ(report.first_time, 971172000);
  EXPECT_EQ(report.last_time, 971172005);
  EXPECT_EQ(report.peak_second_requests, 2u);
  EXPECT_NEAR(report.unique_clients, 2, 0.01);
}

TEST_F(ScanTest, UnreadableAndUnknownSourcesReportErrors) {
  ScanOptions options;
  ScanResult result;
  ScanSources({(dir_ / "missing.log").string(), Write("junk.txt", "hello\nworld\n")}, options, &result);
  ASSERT_EQ(result.sources.size(), 2u);
  EXPECT_NE(result.sources[0].error, "");
  EXPECT_NE(result.sources[1].error.find("not recognised"), std::string::npos);
}

}  // namespace
}  // namespace dsaudit::load
