#include "load/endpoint_table.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace dsaudit::load {
namespace {

std::string Normalised(std::string_view path) {
  char buffer[200];
  return std::string(EndpointTable::Normalise(path, buffer, sizeof buffer));
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
