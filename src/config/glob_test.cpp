#include "config/glob.h"

#include <gtest/gtest.h>

namespace dsaudit::config {
namespace {

TEST(GlobTest, Literal) {
  EXPECT_TRUE(GlobMatch("a/b.py", "a/b.py"));
  EXPECT_FALSE(GlobMatch("a/b.py", "a/b.pyc"));
  EXPECT_FALSE(GlobMatch("a/b.py", "a/b.p"));
}

TEST(GlobTest, StarStaysInsideSegment) {
  EXPECT_TRUE(GlobMatch("*.py", "setup.py"));
  EXPECT_TRUE(GlobMatch("tests/*.py", "tests/test_a.py"));
  EXPECT_FALSE(GlobMatch("tests/*.py", "tests/unit/test_a.py"));
  EXPECT_FALSE(GlobMatch("*.py", "pkg/a.py"));
  EXPECT_TRUE(GlobMatch("test_*", "test_"));
}

TEST(GlobTest, DoubleStarSpansSegments) {
  EXPECT_TRUE(GlobMatch("**/*.py", "a.py"));
  EXPECT_TRUE(GlobMatch("**/*.py", "a/b/c.py"));
  EXPECT_TRUE(GlobMatch("tests/**", "tests/a/b.py"));
  EXPECT_TRUE(GlobMatch("src/**/test_*.py", "src/test_x.py"));
  EXPECT_TRUE(GlobMatch("src/**/test_*.py", "src/a/b/test_x.py"));
  EXPECT_FALSE(GlobMatch("src/**/test_*.py", "lib/a/test_x.py"));
}

TEST(GlobTest, QuestionMarkIsOneCharacter) {
  EXPECT_TRUE(GlobMatch("a?.py", "ab.py"));
  EXPECT_FALSE(GlobMatch("a?.py", "a.py"));
  EXPECT_FALSE(GlobMatch("a?b", "a/b"));
}

TEST(GlobTest, CharacterClasses) {
  EXPECT_TRUE(GlobMatch("v[0-9].py", "v3.py"));
  EXPECT_FALSE(GlobMatch("v[0-9].py", "vx.py"));
  EXPECT_TRUE(GlobMatch("v[!0-9].py", "vx.py"));
  EXPECT_FALSE(GlobMatch("v[^0-9].py", "v3.py"));
  EXPECT_TRUE(GlobMatch("[]]", "]"));
  EXPECT_TRUE(GlobMatch("a[", "a["));
}

TEST(GlobTest, TrailingSlashIgnored) { EXPECT_TRUE(GlobMatch("build/", "build")); }

}  // namespace
}  // namespace dsaudit::config
