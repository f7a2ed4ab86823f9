#include "load/endpoint_table.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>

namespace dsaudit::load {
namespace {

std::string Normalised(std::string_view path) {
  char buffer[200];
  return std::string(EndpointTable::Normalise(path, buffer, sizeof buffer));
}

// The rule spelled out segment by segment, copying everything: the fast
// version must agree with it on any path and any capacity.
std::string ReferenceNormalised(std::string_view path, size_t capacity) {
  path = path.substr(0, path.find_first_of("?#"));
  if (path.empty()) return "/";
  auto is_id = [](std::string_view name) {
    if (name.empty()) return false;
    if (name.find_first_not_of("0123456789") == std::string_view::npos) return true;
    return name.size() >= 16 && name.find_first_not_of("0123456789abcdefABCDEF-") == std::string_view::npos;
  };
  std::string out;
  for (size_t pos = 0; pos < path.size() && out.size() < capacity;) {
    size_t slash = std::min(path.find('/', pos + 1), path.size());
    std::string_view segment = path.substr(pos, slash - pos);
    bool leading = segment.starts_with('/');
    out += is_id(segment.substr(leading ? 1 : 0)) ? (leading ? "/:id" : ":id") : std::string(segment);
    pos = slash;
  }
  return out.substr(0, capacity);
}

TEST(EndpointTableTest, NormaliseAgreesWithTheRuleOnRandomPaths) {
  std::mt19937 random(3);
  const char* pieces[] = {"/", "api", "v1", "123", "abcdef0123456789", "550e8400-e29b-41d4-a716-446655440000",
                          "?q=1", "#top", "x", "0", "users", "deadbeef", "//"};
  for (int round = 0; round < 3000; ++round) {
    std::string path;
    for (int n = static_cast<int>(random() % 9); n > 0; --n) path += pieces[random() % std::size(pieces)];
    for (size_t capacity : {size_t{200}, size_t{12}, size_t{5}}) {
      char buffer[200];
      EXPECT_EQ(std::string(EndpointTable::Normalise(path, buffer, capacity)), ReferenceNormalised(path, capacity))
          << path << " " << capacity;
    }
  }
}

TEST(EndpointTableTest, NormaliseFoldsIdsAndDropsQueries) {
  EXPECT_EQ(Normalised("/api/items/123?x=1"), "/api/items/:id");
  EXPECT_EQ(Normalised("/u/550e8400-e29b-41d4-a716-446655440000/orders"), "/u/:id/orders");
  EXPECT_EQ(Normalised("/static/app.v2.js#top"), "/static/app.v2.js");
  EXPECT_EQ(Normalised(""), "/");
  EXPECT_EQ(Normalised("/"), "/");
}

TEST(EndpointTableTest, CountsRequestsAndTimeAcrossGrowth) {
  EndpointTable table;
  for (int i = 0; i < 1000; ++i) table.Add("/r" + std::to_string(i % 500) + "/x", 1, i < 500 ? 1000 : -1);
  EXPECT_EQ(table.size(), 500u);
  std::map<std::string, EndpointStats> seen;
  table.ForEach([&](std::string_view key, const EndpointStats& s) { seen[std::string(key)] = s; });
  EXPECT_EQ(seen["/r7/x"].requests, 2u);
  EXPECT_EQ(seen["/r7/x"].timed_requests, 1u);
  EXPECT_EQ(seen["/r7/x"].time_micros, 1000u);
}

}  // namespace
}  // namespace dsaudit::load
