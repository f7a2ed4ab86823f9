#include "semantic/builtins.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace dsaudit::semantic {
namespace {

TEST(BuiltinsTest, SortedForBinarySearch) {
  auto names = PythonBuiltins();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end());
}

TEST(BuiltinsTest, KnowsBuiltinsAndModuleGlobals) {
  for (std::string_view name : {"print", "len", "ExceptionGroup", "aiter", "__name__", "__file__",
                                "__builtins__", "__doc__", "None", "NotImplemented"}) {
    EXPECT_TRUE(IsPythonBuiltin(name)) << name;
  }
  for (std::string_view name : {"pandas", "self", "__path__", "reveal_type", ""}) {
    EXPECT_FALSE(IsPythonBuiltin(name)) << name;
  }
}

}  // namespace
}  // namespace dsaudit::semantic
