// Runs the real binary: `dsaudit load`'s contract is its output and exit status.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>

#include "cli/command_test_util.h"

namespace dsaudit::cli {
namespace {

class LoadCommandTest : public CommandTest {
 protected:
  std::string Log() {
    return Write("access.log",
                 "1.1.1.1 - - [10/Oct/2000:13:55:36 +0000] \"GET /a/1 HTTP/1.1\" 200 100 \"-\" \"curl/8\"\n"
                 "2.2.2.2 - - [10/Oct/2000:13:55:36 +0000] \"GET /a/2 HTTP/1.1\" 503 100 \"-\" \"Googlebot\"\n"
                 "3.3.3.3 - - [10/Oct/2000:13:56:10 +0000] \"POST /login HTTP/1.1\" 302 0 \"-\" \"curl/8\"\n");
  }
};

TEST_F(LoadCommandTest, TextReportOfACleanLogExitsZero) {
  CommandResult run = Run("load " + Log());
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("(combined, "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("lines        3 read, 0 malformed, 0 skipped"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("peak second  2 requests at 2000-10-10T13:55:36Z"), std::string::npos);
  EXPECT_NE(run.out.find("/a/:id"), std::string::npos);
  EXPECT_NE(run.out.find("forecast     none: needs at least 3 days"), std::string::npos);
  EXPECT_NE(run.out.find("profiles     none: the log has no full hour"), std::string::npos) << run.out;
}

TEST_F(LoadCommandTest, JsonReportHasTheDocumentedKeys) {
  CommandResult run = Run("load --format json --response-time 0.5 " + Log());
  EXPECT_EQ(run.status, 0) << run.err;
  for (const char* key : {"\"schema\":\"dsaudit-load/1\"", "\"peaks\":", "\"bursts\":[]",
                          "\"server_error_rate\":0.333333", "\"time_source\":\"assumed\"",
                          "\"forecast\":{\"available\":false", "\"request_share\":0.333333"}) {
    EXPECT_NE(run.out.find(key), std::string::npos) << key << "\n" << run.out;
  }
}

// --format names the report's format, as in check, audit and plan; a log
// format given there is pointed to --log-format instead of parsed as a report.
TEST_F(LoadCommandTest, FormatIsTheReportsAsInEveryCommand) {
  CommandResult json = Run("load --format json " + Log());
  EXPECT_EQ(json.status, 0) << json.err;
  EXPECT_TRUE(json.out.starts_with("{\"schema\":\"dsaudit-load/1\"")) << json.out;
  EXPECT_EQ(Run("load --output-format json " + Log()).out, json.out);
  CommandResult habit = Run("load --format combined " + Log());
  EXPECT_EQ(habit.status, 2);
  EXPECT_NE(habit.err.find("'combined' is a log format: name it with --log-format"), std::string::npos)
      << habit.err;
  CommandResult named = Run("load --log-format COMBINED --format json " + Log());
  EXPECT_EQ(named.status, 0) << named.err;
  EXPECT_EQ(named.out, json.out);
}

TEST_F(LoadCommandTest, MalformedLinesAreShownAndExitOne) {
  std::string path = Write("bad.log",
                           "1.1.1.1 - - [10/Oct/2000:13:55:36 +0000] \"GET / HTTP/1.1\" 200 1\n"
                           "oops\n");
  CommandResult run = Run("load --log-format common " + path);
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.out.find("1 malformed"), std::string::npos);
  EXPECT_NE(run.out.find("bad.log:2: oops"), std::string::npos) << run.out;
}

TEST_F(LoadCommandTest, MissingFileAndBadOptionsExitTwo) {
  EXPECT_EQ(Run("load " + (dir_ / "nope.log").string()).status, 2);
  CommandResult unknown = Run("load --log-format klingon " + Log());
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("unknown log format 'klingon'"), std::string::npos) << unknown.err;
  EXPECT_EQ(Run("load --log-format '$status' " + Log()).status, 2);
  EXPECT_EQ(Run("load --horizon 3x " + Log()).status, 2);
}

TEST_F(LoadCommandTest, MergedShardsEqualOnePass) {
  std::string gen = (dir_ / "g.log").string();
  ASSERT_EQ(Run("load generate --lines 30000 --days 4 --seed 3 -o " + gen).status, 0);
  // Two shards: the first and second half of the file.
  std::string split = "cd " + dir_.string() + " && split -n l/2 g.log part_";
  ASSERT_EQ(std::system(split.c_str()), 0);
  std::string a = (dir_ / "a.sum").string(), b = (dir_ / "b.sum").string();
  ASSERT_EQ(Run("load --summary-out " + a + " " + (dir_ / "part_aa").string()).status, 0);
  ASSERT_EQ(Run("load --summary-out " + b + " " + (dir_ / "part_ab").string()).status, 0);
  CommandResult merged = Run("load merge --format json " + b + " " + a);
  CommandResult whole = Run("load --format json " + gen);
  ASSERT_EQ(merged.status, 0) << merged.err;
  ASSERT_EQ(whole.status, 0) << whole.err;
  // Everything after the list of sources is identical.
  auto body = [](const std::string& json) { return json.substr(json.find("\"lines\":")); };
  EXPECT_EQ(body(merged.out), body(whole.out));
}

TEST_F(LoadCommandTest, HtmlPageForLoadAndMerge) {
  std::string page = (dir_ / "load.html").string();
  CommandResult run = Run("load --format html -o " + page + " " + Log());
  EXPECT_EQ(run.status, 0) << run.err;
  std::string html = ReadAll(page);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("/a/:id"), std::string::npos);
  std::string shard = (dir_ / "a.sum").string();
  ASSERT_EQ(Run("load --summary-out " + shard + " " + Log()).status, 0);
  CommandResult merged = Run("load merge --format html " + shard);
  EXPECT_EQ(merged.status, 0) << merged.err;
  EXPECT_NE(merged.out.find("id=\"traffic\""), std::string::npos);
  EXPECT_EQ(Run("load --output pdf " + Log()).status, 2);
}

TEST_F(LoadCommandTest, ABacktestWithNothingHeldOutIsNotMeasuredNotZero) {
  // Three weeks of hourly counts, a silent fourth week, one last request.
  std::string csv = "timestamp,requests\n";
  for (int h = 0; h < 3 * 168; ++h) {
    csv += fmt::format("{},{}\n", 1'704'067'200 + h * 3600, 100 + (h % 24) * 10);
  }
  csv += fmt::format("{},1\n", 1'704'067'200 + 4 * 168 * 3600);
  std::string path = Write("series.csv", csv);
  CommandResult text = Run("load " + path);
  EXPECT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("backtest   not measured: no requests in the last 168 hours held out"), std::string::npos)
      << text.out;
  EXPECT_NE(Run("load --format json " + path).out.find("\"error_wape\":null"), std::string::npos);
  EXPECT_NE(Run("load --format html " + path).out.find("not measured (no requests held out)"), std::string::npos);
}

TEST_F(LoadCommandTest, EmptyAndUnrecognisedInputsAreNamedAsSuch) {
  CommandResult empty = Run("load " + Write("empty.log", ""));
  EXPECT_EQ(empty.status, 0) << empty.err;
  EXPECT_NE(empty.out.find("empty.log (empty, 0.0 MB)"), std::string::npos) << empty.out;
  EXPECT_NE(empty.out.find("no requests"), std::string::npos);
  CommandResult binary = Run("load " + Write("blob.bin", std::string("\x7f" "ELF\0\0\x01\x02\xff\xfe", 10)));
  EXPECT_EQ(binary.status, 2);
  EXPECT_NE(binary.out.find("blob.bin: error: log format not recognised; name it with --log-format"),
            std::string::npos)
      << binary.out;
  EXPECT_NE(binary.out.find("blob.bin (unread, 0.0 MB)"), std::string::npos);
}

TEST_F(LoadCommandTest, NoFileAndATerminalOnStdinIsAUsageErrorNotAWait) {
  // script(1) gives the command a terminal; timeout turns a wait into a failure.
  if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "no script(1)";
  std::string out = (dir_ / "tty.txt").string();
  std::string command = "timeout 20 script -qec '" + std::string(DSAUDIT_BINARY) + " load' /dev/null </dev/null >" +
                        out + " 2>&1";
  int raw = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(raw));
  EXPECT_EQ(WEXITSTATUS(raw), 2) << ReadAll(out);
  EXPECT_NE(ReadAll(out).find("no log given"), std::string::npos) << ReadAll(out);
}

TEST_F(LoadCommandTest, ReadsStdin) {
  CommandResult run = Run("load - < " + Log());
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("(stdin)"), std::string::npos);
}

}  // namespace
}  // namespace dsaudit::cli
