#include "discovery/gitignore.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "discovery/discovery.h"

namespace dsaudit::discovery {
namespace {

namespace fs = std::filesystem;

TEST(WildMatchTest, StarAndQuestionMarkStopAtSlashInPathnameMode) {
  EXPECT_TRUE(WildMatch("*.py", "a.py", true));
  EXPECT_FALSE(WildMatch("*.py", "d/a.py", true));
  EXPECT_TRUE(WildMatch("*.py", "d/a.py", false));
  EXPECT_FALSE(WildMatch("a?b", "a/b", true));
}

TEST(WildMatchTest, DoubleStarSpansDirectories) {
  EXPECT_TRUE(WildMatch("a/**/b", "a/b", true));
  EXPECT_TRUE(WildMatch("a/**/b", "a/x/y/b", true));
  EXPECT_TRUE(WildMatch("**/b", "b", true));
  EXPECT_TRUE(WildMatch("a/**", "a/x/y", true));
  EXPECT_FALSE(WildMatch("a/**", "a", true));
  // Not between slashes: an ordinary star.
  EXPECT_FALSE(WildMatch("a**b", "a/b", true));
}

TEST(WildMatchTest, BracketExpressions) {
  EXPECT_TRUE(WildMatch("x[0-9]", "x5", true));
  EXPECT_FALSE(WildMatch("x[!0-9]", "x5", true));
  EXPECT_TRUE(WildMatch("x[^0-9]", "xa", true));
  EXPECT_TRUE(WildMatch("[]a]", "]", true));
  EXPECT_TRUE(WildMatch("[a-]", "-", true));
  EXPECT_TRUE(WildMatch("[[:digit:]x]", "x", true));
  EXPECT_FALSE(WildMatch("[[:nonsense:]]", "n", true));
  EXPECT_FALSE(WildMatch("a[/]b", "a/b", true));
  EXPECT_FALSE(WildMatch("[unterminated", "u", true));
}

TEST(WildMatchTest, BackslashEscapes) {
  EXPECT_TRUE(WildMatch("\\*", "*", true));
  EXPECT_FALSE(WildMatch("\\*", "x", true));
  EXPECT_FALSE(WildMatch("end\\", "end\\", true));
}

TEST(WildMatchTest, ManyStarsStayFast) {
  std::string text(200, 'a');
  EXPECT_FALSE(WildMatch("*a*a*a*a*a*a*a*a*a*a*a*b", text, true));
}

TEST(ParseIgnoreLineTest, CommentsBlanksAndFlags) {
  EXPECT_FALSE(ParseIgnoreLine("# note"));
  EXPECT_FALSE(ParseIgnoreLine(""));
  EXPECT_FALSE(ParseIgnoreLine("   "));
  EXPECT_FALSE(ParseIgnoreLine("/"));
  std::optional<IgnorePattern> pattern = ParseIgnoreLine("!/out/*.py/  ");
  ASSERT_TRUE(pattern);
  EXPECT_EQ(pattern->glob, "out/*.py");
  EXPECT_TRUE(pattern->negated);
  EXPECT_TRUE(pattern->directory_only);
  EXPECT_FALSE(pattern->basename_only);
  EXPECT_EQ(pattern->literal_prefix, 4u);
  pattern = ParseIgnoreLine("*.pyc\r");
  ASSERT_TRUE(pattern);
  EXPECT_TRUE(pattern->basename_only);
  EXPECT_TRUE(pattern->ends_with);
  EXPECT_EQ(ParseIgnoreLine("esc\\ ")->glob, "esc\\ ");
}

// Each expectation below was verified with `git check-ignore` (git 2.39)
// on the same tree, with no global or system configuration.
class GitIgnoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "dsaudit-gitignore-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    fs::create_directories(root_ / ".git" / "info");
  }
  void TearDown() override {
    std::error_code error;
    fs::remove_all(root_, error);
  }

  // Keys: directories holding a `.gitignore`, or a path under `.git/`.
  void Write(const std::map<std::string, std::string>& files) {
    for (const auto& [where, text] : files) {
      fs::path path = where.starts_with(".git/") ? root_ / where : root_ / where / ".gitignore";
      fs::create_directories(path.parent_path());
      std::ofstream(path, std::ios::binary) << text;
    }
  }

  // A trailing '/' marks a directory.
  bool Ignored(std::string path) {
    bool is_directory = path.ends_with('/');
    if (is_directory) path.pop_back();
    return GitIgnore(root_).IsPathIgnored(path, is_directory);
  }

  fs::path root_;
};

TEST_F(GitIgnoreTest, CommentsBlankLinesAndEscapes) {
  Write({{"", "# comment\n\n  \nfoo\n\\#lit\n\\!bang\n"}});
  EXPECT_FALSE(Ignored("# comment"));
  EXPECT_TRUE(Ignored("foo"));
  EXPECT_TRUE(Ignored("d/foo"));
  EXPECT_TRUE(Ignored("e/foo/x.py"));
  EXPECT_TRUE(Ignored("#lit"));
  EXPECT_TRUE(Ignored("!bang"));
}

TEST_F(GitIgnoreTest, TrailingSpacesUnlessEscaped) {
  Write({{"", "trail  \nesc\\ \n"}});
  EXPECT_TRUE(Ignored("trail"));
  EXPECT_FALSE(Ignored("trail  "));
  EXPECT_TRUE(Ignored("esc "));
  EXPECT_FALSE(Ignored("esc"));
}

TEST_F(GitIgnoreTest, CarriageReturnsAndByteOrderMark) {
  const std::string byte_order_mark = "\xEF\xBB\xBF";
  Write({{"", byte_order_mark + "first.py\r\nsecond.py\r\n"}});
  EXPECT_TRUE(Ignored("first.py"));
  EXPECT_TRUE(Ignored("second.py"));
}

TEST_F(GitIgnoreTest, NegationLastMatchWins) {
  Write({{"", "*.log\n!keep.log\n"}});
  EXPECT_TRUE(Ignored("a.log"));
  EXPECT_FALSE(Ignored("keep.log"));
  EXPECT_FALSE(Ignored("d/keep.log"));
}

TEST_F(GitIgnoreTest, CannotReincludeUnderExcludedDirectory) {
  Write({{"", "out/\n!out/keep.py\ngen/*\n!gen/keep.py\n"}});
  EXPECT_TRUE(Ignored("out/keep.py"));
  EXPECT_TRUE(Ignored("out/x.py"));
  EXPECT_FALSE(Ignored("gen/keep.py"));
  EXPECT_TRUE(Ignored("gen/x.py"));
}

TEST_F(GitIgnoreTest, SlashesAnchor) {
  Write({{"", "/top.py\nd/x.py\n"}});
  EXPECT_TRUE(Ignored("top.py"));
  EXPECT_FALSE(Ignored("d/top.py"));
  EXPECT_TRUE(Ignored("d/x.py"));
  EXPECT_FALSE(Ignored("e/d/x.py"));
}

TEST_F(GitIgnoreTest, TrailingSlashMatchesDirectoriesOnly) {
  Write({{"", "build/\n"}});
  EXPECT_TRUE(Ignored("build/"));
  EXPECT_FALSE(Ignored("lib/build"));
  EXPECT_TRUE(Ignored("src/build/"));
  EXPECT_TRUE(Ignored("src/build/a.py"));
}

TEST_F(GitIgnoreTest, Wildcards) {
  Write({{"", "a?.py\nx[0-9].py\ny[!0-9].py\n[[:upper:]]*.py\n\\*.txt\n"}});
  EXPECT_TRUE(Ignored("ab.py"));
  EXPECT_FALSE(Ignored("abc.py"));
  EXPECT_TRUE(Ignored("x1.py"));
  EXPECT_FALSE(Ignored("xa.py"));
  EXPECT_TRUE(Ignored("ya.py"));
  EXPECT_FALSE(Ignored("y1.py"));
  EXPECT_TRUE(Ignored("Abc.py"));
  EXPECT_TRUE(Ignored("*.txt"));
  EXPECT_FALSE(Ignored("a.txt"));
}

TEST_F(GitIgnoreTest, DoubleStars) {
  Write({{"", "**/cache\nlogs/**\na/**/b.py\nc/*/d.py\n"}});
  EXPECT_TRUE(Ignored("cache"));
  EXPECT_TRUE(Ignored("x/y/cache"));
  EXPECT_TRUE(Ignored("logs/x/y.py"));
  EXPECT_FALSE(Ignored("logs/"));
  EXPECT_TRUE(Ignored("a/b.py"));
  EXPECT_TRUE(Ignored("a/x/y/b.py"));
  EXPECT_FALSE(Ignored("z/a/b.py"));
  EXPECT_FALSE(Ignored("c/d.py"));
  EXPECT_TRUE(Ignored("c/x/d.py"));
  EXPECT_FALSE(Ignored("c/x/y/d.py"));
}

TEST_F(GitIgnoreTest, IgnoreEverythingButPython) {
  Write({{"", "*\n!*/\n!*.py\n"}});
  EXPECT_TRUE(Ignored("x.txt"));
  EXPECT_FALSE(Ignored("x.py"));
  EXPECT_FALSE(Ignored("d/y.py"));
  EXPECT_TRUE(Ignored("d/y.txt"));
}

TEST_F(GitIgnoreTest, DeeperFilesOverrideShallowerOnes) {
  Write({{"", "*.py\n!a.txt\n"}, {"sub", "!*.py\n*.txt\n"}});
  EXPECT_TRUE(Ignored("a.py"));
  EXPECT_FALSE(Ignored("sub/a.py"));
  EXPECT_FALSE(Ignored("sub/deep/a.py"));
  EXPECT_TRUE(Ignored("sub/a.txt"));
}

TEST_F(GitIgnoreTest, NestedPatternsAreRelativeToTheirDirectory) {
  Write({{"sub", "/x.py\nd/y.py\n"}});
  EXPECT_TRUE(Ignored("sub/x.py"));
  EXPECT_FALSE(Ignored("sub/q/x.py"));
  EXPECT_FALSE(Ignored("x.py"));
  EXPECT_TRUE(Ignored("sub/d/y.py"));
  EXPECT_FALSE(Ignored("d/y.py"));
}

TEST_F(GitIgnoreTest, InfoExcludeRanksBelowEveryGitignore) {
  Write({{".git/info/exclude", "ex.py\n"}, {"sub", "!ex.py\n"}});
  EXPECT_TRUE(Ignored("ex.py"));
  EXPECT_FALSE(Ignored("sub/ex.py"));
}

TEST_F(GitIgnoreTest, CaseSensitiveAndTrailingBackslashMatchesNothing) {
  Write({{"", "Foo.py\nends\\\n"}});
  EXPECT_TRUE(Ignored("Foo.py"));
  EXPECT_FALSE(Ignored("foo.py"));
  EXPECT_FALSE(Ignored("ends"));
  EXPECT_FALSE(Ignored("ends\\"));
}

TEST_F(GitIgnoreTest, FindsRepositoryRootAbove) {
  fs::create_directories(root_ / "a" / "b");
  std::optional<fs::path> top = GitIgnore::FindRepositoryRoot(root_ / "a" / "b");
  ASSERT_TRUE(top);
  EXPECT_EQ(*top, fs::absolute(root_).lexically_normal());
}

class DiscoveryGitIgnoreTest : public GitIgnoreTest {
 protected:
  void Touch(const std::string& relative) {
    fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << "x = 1\n";
  }

  std::vector<std::string> Discover(const fs::path& named, const DiscoveryOptions& options = {}) {
    std::vector<fs::path> paths = {named};
    std::vector<std::string> relative;
    for (const SourceFile& file : DiscoverFiles(paths, options).files) {
      relative.push_back(file.path.lexically_relative(root_).generic_string());
    }
    return relative;
  }
};

TEST_F(DiscoveryGitIgnoreTest, SkipsIgnoredFilesAndDirectories) {
  Write({{"", "env2/\n*_pb2.py\n"}, {"src", "!keep_pb2.py\n"}});
  Touch("env2/lib/x.py");
  Touch("a.py");
  Touch("gen_pb2.py");
  Touch("src/keep_pb2.py");
  Touch("src/other_pb2.py");
  EXPECT_EQ(Discover(root_), (std::vector<std::string>{"a.py", "src/keep_pb2.py"}));
  DiscoveryOptions options;
  options.respect_gitignore = false;
  EXPECT_EQ(Discover(root_, options).size(), 5u);
}

TEST_F(DiscoveryGitIgnoreTest, RulesAboveANamedSubdirectoryApply) {
  Write({{"", "/src/skip.py\n*.gen.py\n"}});
  Touch("src/skip.py");
  Touch("src/a.gen.py");
  Touch("src/a.py");
  EXPECT_EQ(Discover(root_ / "src"), (std::vector<std::string>{"src/a.py"}));
}

TEST_F(DiscoveryGitIgnoreTest, NamedFilesAreNeverIgnored) {
  Write({{"", "*.py\n"}});
  Touch("a.py");
  EXPECT_TRUE(Discover(root_).empty());
  EXPECT_EQ(Discover(root_ / "a.py"), (std::vector<std::string>{"a.py"}));
}

}  // namespace
}  // namespace dsaudit::discovery
