#include "semantic/flat_map.h"

#include <gtest/gtest.h>

namespace dsaudit::semantic {
namespace {

struct IntHasher {
  uint64_t operator()(int key) const { return MixHash(static_cast<uint64_t>(key)); }
};

TEST(FlatMapTest, InsertFindAndGrow) {
  FlatMap<int, int, IntHasher> map(-1);
  EXPECT_EQ(map.Find(3, IntHasher()(3)), nullptr);
  for (int i = 0; i < 1000; ++i) map.Insert(i, IntHasher()(i)) = i * 2;
  EXPECT_EQ(map.size(), 1000u);
  for (int i = 0; i < 1000; ++i) {
    const int* value = map.Find(i, IntHasher()(i));
    ASSERT_NE(value, nullptr);
    EXPECT_EQ(*value, i * 2);
  }
  EXPECT_EQ(map.Find(1000, IntHasher()(1000)), nullptr);
  map.Insert(7, IntHasher()(7)) += 1;
  EXPECT_EQ(*map.Find(7, IntHasher()(7)), 15);
  EXPECT_EQ(map.size(), 1000u);
  size_t visited = 0;
  map.ForEach([&](int, int) { ++visited; });
  EXPECT_EQ(visited, 1000u);
}

}  // namespace
}  // namespace dsaudit::semantic
