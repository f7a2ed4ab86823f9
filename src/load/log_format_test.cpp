#include "load/log_format.h"

#include <gtest/gtest.h>

namespace dsaudit::load {
namespace {

constexpr std::string_view kCombined =
    R"L(203.0.113.9 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif?x=1 HTTP/1.0" 200 2326 "http://example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)")L";

LogFormat Named(std::string_view name) { return *FormatFromName(name); }

TEST(LogFormatTest, NamesAsWeAndGoAccessSpellThem) {
  EXPECT_EQ(Named("COMBINED").kind, FormatKind::kCombined);
  EXPECT_EQ(Named("AWSALB").kind, FormatKind::kAlb);
  EXPECT_EQ(Named("caddy").kind, FormatKind::kJson);
  EXPECT_EQ(Named("CloudFront").Name(), "cloudfront");
  EXPECT_FALSE(FormatFromName("auto"));
  EXPECT_FALSE(FormatFromName("$remote_addr"));
  // Every name the help and errors list is one FormatFromName knows.
  std::string names = FormatNames();
  EXPECT_TRUE(names.starts_with("common, combined, vcombined, json")) << names;
  for (size_t at = 0; at < names.size();) {
    size_t comma = names.find(", ", at);
    std::string name = names.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
    EXPECT_TRUE(FormatFromName(name)) << name;
    at = comma == std::string::npos ? names.size() : comma + 2;
  }
}

TEST(LogFormatTest, CombinedLineFields) {
  LogFormat format = Named("COMBINED");
  LineParser parser(format);
  LogRecord r;
  ASSERT_EQ(parser.Parse(kCombined, &r), LineResult::kRecord);
  EXPECT_EQ(r.client, "203.0.113.9");
  EXPECT_EQ(r.method, "GET");
  EXPECT_EQ(r.path, "/apache_pb.gif?x=1");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.bytes, 2326u);
  EXPECT_EQ(r.user_agent, "Mozilla/4.08 [en] (Win98; I ;Nav)");
  EXPECT_EQ(FormatIsoUtc(r.time.unix_seconds), "2000-10-10T20:55:36Z");
  EXPECT_LT(r.request_time, 0);
}

TEST(LogFormatTest, CommonLineAndDashBytes) {
  LogFormat format = Named("common");
  LineParser parser(format);
  LogRecord r;
  ASSERT_EQ(parser.Parse(R"L(::1 - - [10/Oct/2000:13:55:36 +0000] "HEAD / HTTP/1.1" 304 -)L", &r),
            LineResult::kRecord);
  EXPECT_EQ(r.client, "::1");
  EXPECT_EQ(r.status, 304);
  EXPECT_EQ(r.bytes, 0u);
}

TEST(LogFormatTest, EscapedQuotesAndProbesStayRecords) {
  LogFormat format = Named("combined");
  LineParser parser(format);
  LogRecord r;
  ASSERT_EQ(parser.Parse(R"L(1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] "GET /a\"b HTTP/1.1" 200 5 "-" "x\"y")L", &r),
            LineResult::kRecord);
  EXPECT_EQ(r.path, R"L(/a\"b)L");
  EXPECT_EQ(r.user_agent, R"L(x\"y)L");
  r.Clear();
  ASSERT_EQ(parser.Parse(R"L(1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] "\x16\x03\x01" 400 0 "-" "-")L", &r),
            LineResult::kRecord);
  EXPECT_EQ(r.status, 400);
}

TEST(LogFormatTest, MalformedAndTruncatedLines) {
  LogFormat format = Named("combined");
  LineParser parser(format);
  for (std::string_view bad : {
           std::string_view("garbage"),
           kCombined.substr(0, 60),  // cut inside the request
           std::string_view(R"L(1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 999 5)L"),
           std::string_view(R"L(1.2.3.4 - - [99/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 200 5)L"),
           std::string_view(R"L(1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 200 x5)L"),
       }) {
    LogRecord r;
    EXPECT_EQ(parser.Parse(bad, &r), LineResult::kMalformed) << bad;
  }
  LogRecord r;
  EXPECT_EQ(parser.Parse("", &r), LineResult::kSkip);
}

TEST(LogFormatTest, VCombinedNeedsTheVhostField) {
  std::string line = "www.example.com:443 " + std::string(kCombined);
  LogFormat vformat = Named("vcombined");
  LineParser vparser(vformat);
  LogRecord r;
  ASSERT_EQ(vparser.Parse(line, &r), LineResult::kRecord);
  EXPECT_EQ(r.client, "203.0.113.9");
  LogFormat format = Named("combined");
  LineParser parser(format);
  EXPECT_EQ(parser.Parse(line, &r), LineResult::kMalformed);
}

TEST(LogFormatTest, NginxFormatReadsRequestAndUpstreamTimes) {
  std::string error;
  auto format = CompileNginxFormat(
      R"L($remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" rt=$request_time urt=$upstream_response_time)L",
      &error);
  ASSERT_TRUE(format) << error;
  LineParser parser(*format);
  LogRecord r;
  ASSERT_EQ(parser.Parse(R"L(10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "POST /api HTTP/1.1" 201 17 "-" "curl/8" rt=0.250 urt=0.100, 0.120)L", &r),
            LineResult::kRecord);
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.status, 201);
  EXPECT_DOUBLE_EQ(r.request_time, 0.25);
  r.Clear();
  ASSERT_EQ(parser.Parse(R"L(10.0.0.1 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 200 1 "-" "x" rt=- urt=0.004)L", &r),
            LineResult::kRecord);
  EXPECT_DOUBLE_EQ(r.request_time, 0.004);
  EXPECT_EQ(parser.Parse("10.0.0.1 - - [garbage", &r), LineResult::kMalformed);
}

TEST(LogFormatTest, NginxFormatNeedsATime) {
  std::string error;
  EXPECT_FALSE(CompileNginxFormat("$remote_addr $status", &error));
  EXPECT_NE(error.find("time"), std::string::npos);
}

constexpr std::string_view kCaddy =
    R"L({"level":"info","ts":1646861401.5241024,"logger":"http.log.access","msg":"handled request","request":{"remote_ip":"127.0.0.1","remote_port":"41342","proto":"HTTP/1.1","method":"GET","host":"localhost","uri":"/x?y=1","headers":{"User-Agent":["curl/7.82.0"]}},"duration":0.000929675,"size":10900,"status":200})L";

TEST(LogFormatTest, CaddyJsonIsDetectedAndRead) {
  auto format = DetectFormat(std::string(kCaddy) + "\n");
  ASSERT_TRUE(format);
  ASSERT_EQ(format->kind, FormatKind::kJson);
  LineParser parser(*format);
  LogRecord r;
  ASSERT_EQ(parser.Parse(kCaddy, &r), LineResult::kRecord);
  EXPECT_EQ(r.time.unix_seconds, 1646861401);
  EXPECT_EQ(r.client, "127.0.0.1");
  EXPECT_EQ(r.path, "/x?y=1");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.bytes, 10900u);
  EXPECT_EQ(r.user_agent, "curl/7.82.0");
  EXPECT_NEAR(r.request_time, 0.000929675, 1e-12);
  EXPECT_EQ(parser.Parse(R"L({"ts": "not a time"})L", &r), LineResult::kMalformed);
  EXPECT_EQ(parser.Parse(R"L({"ts": 1, )L", &r), LineResult::kMalformed);
}

TEST(LogFormatTest, JsonFieldOverrides) {
  LogFormat format = Named("json");
  std::string error;
  ASSERT_TRUE(ApplyJsonFieldOverrides("time=when,client=who.ip,duration_ms=took", &format.json, &error));
  LineParser parser(format);
  LogRecord r;
  ASSERT_EQ(parser.Parse(R"L({"when":"2024-01-01T00:00:00Z","who":{"ip":"1.1.1.1"},"took":250})L", &r),
            LineResult::kRecord);
  EXPECT_EQ(r.client, "1.1.1.1");
  EXPECT_DOUBLE_EQ(r.request_time, 0.25);
  EXPECT_FALSE(ApplyJsonFieldOverrides("colour=red", &format.json, &error));
}

constexpr std::string_view kAlb =
    R"L(https 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.086 0.048 0.037 200 200 0 57 "GET https://www.example.com:443/api/x?y HTTP/1.1" "curl/7.46.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "Root=1-58337281-1d84f3d73c47ec4e58577259" "www.example.com" "arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012" 1 2018-07-02T22:22:48.364000Z "authenticate,forward" "-" "-" "10.0.0.1:80" "200" "-" "-")L";

TEST(LogFormatTest, AlbLineIsDetectedAndRead) {
  auto format = DetectFormat(std::string(kAlb) + "\n");
  ASSERT_TRUE(format);
  ASSERT_EQ(format->kind, FormatKind::kAlb);
  LineParser parser(*format);
  LogRecord r;
  ASSERT_EQ(parser.Parse(kAlb, &r), LineResult::kRecord);
  EXPECT_EQ(r.client, "192.168.131.39");
  EXPECT_EQ(r.path, "/api/x?y");
  EXPECT_EQ(r.bytes, 57u);
  EXPECT_NEAR(r.request_time, 0.171, 1e-9);
}

TEST(LogFormatTest, CloudFrontLinesAndHeaders) {
  std::string log =
      "#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem "
      "sc-status cs(Referer) cs(User-Agent) ...\n"
      "2019-12-04\t21:02:31\tLAX1\t392\t192.0.2.100\tGET\td111111abcdef8.cloudfront.net\t/index.html\t200\t-\t"
      "Mozilla/5.0%20(Windows%20NT%2010.0)\t-\t-\tHit\tSOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ==\t"
      "d111111abcdef8.cloudfront.net\thttps\t23\t0.001\t-\tTLSv1.2\tECDHE-RSA-AES128-GCM-SHA256\tHit\tHTTP/2.0\n";
  auto format = DetectFormat(log);
  ASSERT_TRUE(format);
  ASSERT_EQ(format->kind, FormatKind::kCloudFront);
  LineParser parser(*format);
  LogRecord r;
  EXPECT_EQ(parser.Parse("#Version: 1.0", &r), LineResult::kSkip);
  std::string_view line = std::string_view(log).substr(log.find("2019-12-04"));
  line.remove_suffix(1);
  ASSERT_EQ(parser.Parse(line, &r), LineResult::kRecord);
  EXPECT_EQ(r.path, "/index.html");
  EXPECT_EQ(r.bytes, 392u);
  EXPECT_DOUBLE_EQ(r.request_time, 0.001);
}

TEST(LogFormatTest, CsvSeriesIsDetectedAndCarriesCounts) {
  std::string csv = "timestamp,requests,latency_ms\n2024-01-01T00:00:00Z,120,35.5\n1704067260,80\n";
  auto format = DetectFormat(csv);
  ASSERT_TRUE(format);
  ASSERT_EQ(format->kind, FormatKind::kCsv);
  LineParser parser(*format);
  LogRecord r;
  EXPECT_EQ(parser.Parse("timestamp,requests,latency_ms", &r), LineResult::kSkip);
  ASSERT_EQ(parser.Parse("2024-01-01T00:00:00Z,120,35.5", &r), LineResult::kRecord);
  EXPECT_EQ(r.count, 120u);
  EXPECT_DOUBLE_EQ(r.request_time, 0.0355);
  EXPECT_EQ(parser.Parse("2024-01-01T00:00:00Z,lots", &r), LineResult::kMalformed);
}

TEST(LogFormatTest, DetectionPrefersTheFormatMostLinesFit) {
  EXPECT_EQ(DetectFormat(std::string(kCombined) + "\n")->kind, FormatKind::kCombined);
  EXPECT_EQ(DetectFormat(R"L(1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] "GET / HTTP/1.1" 200 5)L" "\n")->kind,
            FormatKind::kCommon);
  EXPECT_EQ(DetectFormat("vh:80 " + std::string(kCombined) + "\n")->kind, FormatKind::kVCombined);
  EXPECT_FALSE(DetectFormat("hello\nworld\n"));
}

}  // namespace
}  // namespace dsaudit::load
