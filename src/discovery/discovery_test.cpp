#include "discovery/discovery.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace dsaudit::discovery {
namespace {

namespace fs = std::filesystem;

class DiscoveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "dsaudit-discovery-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
  }
  void TearDown() override {
    std::error_code error;
    fs::permissions(root_ / "locked", fs::perms::owner_all, error);
    fs::remove_all(root_, error);
  }

  void Touch(const std::string& relative) {
    fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << "x = 1\n";
  }

  // Paths relative to the root, in the order discovered.
  std::vector<std::string> Discover(const DiscoveryOptions& options = {}) {
    std::vector<fs::path> paths = {root_};
    result_ = DiscoverFiles(paths, options);
    std::vector<std::string> relative;
    for (const SourceFile& file : result_.files) {
      relative.push_back(file.path.lexically_relative(root_).generic_string());
    }
    return relative;
  }

  fs::path root_;
  DiscoveryResult result_;
};

TEST_F(DiscoveryTest, FindsPythonAndNotebooksSortedWithKinds) {
  Touch("b.py");
  Touch("a/z.ipynb");
  Touch("a/y.py");
  Touch("readme.md");
  Touch("setup.cfg");
  EXPECT_EQ(Discover(), (std::vector<std::string>{"a/y.py", "a/z.ipynb", "b.py"}));
  EXPECT_EQ(result_.files[0].kind, FileKind::kPython);
  EXPECT_EQ(result_.files[1].kind, FileKind::kNotebook);
  EXPECT_TRUE(result_.warnings.empty());
}

TEST_F(DiscoveryTest, SkipsToolAndBuildDirectories) {
  for (const char* dir : {".git", "__pycache__", "node_modules", "site-packages", ".tox", ".nox",
                          ".mypy_cache", ".ruff_cache", "build", "dist", ".ipynb_checkpoints"}) {
    Touch(std::string(dir) + "/skipped.py");
  }
  Touch("pkg/kept.py");
  EXPECT_EQ(Discover(), (std::vector<std::string>{"pkg/kept.py"}));
}

TEST_F(DiscoveryTest, SkipsVirtualEnvironmentsWhateverTheirName) {
  Touch("my-env/pyvenv.cfg");
  Touch("my-env/lib/python3.11/thing.py");
  Touch("main.py");
  EXPECT_EQ(Discover(), (std::vector<std::string>{"main.py"}));
}

TEST_F(DiscoveryTest, NamedFilesAreAlwaysIncluded) {
  Touch("build/generated.py");
  Touch("script");
  std::vector<fs::path> paths = {root_ / "script", root_ / "build/generated.py"};
  DiscoveryResult result = DiscoverFiles(paths);
  ASSERT_EQ(result.files.size(), 2u);
  EXPECT_EQ(result.files[0].path, root_ / "build/generated.py");
  EXPECT_EQ(result.files[1].path, root_ / "script");
  EXPECT_EQ(result.files[1].kind, FileKind::kPython);
}

TEST_F(DiscoveryTest, NamedDirectoryIsWalkedEvenIfItsNameIsSkipped) {
  Touch("build/x.py");
  std::vector<fs::path> paths = {root_ / "build"};
  EXPECT_EQ(DiscoverFiles(paths).files.size(), 1u);
}

TEST_F(DiscoveryTest, DuplicateNamesAreReportedOnce) {
  Touch("a.py");
  std::vector<fs::path> paths = {root_, root_ / "a.py", root_ / "./a.py"};
  EXPECT_EQ(DiscoverFiles(paths).files.size(), 1u);
}

TEST_F(DiscoveryTest, MissingNamedPathIsANamedWarning) {
  std::vector<fs::path> paths = {root_ / "nope.py"};
  DiscoveryResult result = DiscoverFiles(paths);
  EXPECT_TRUE(result.files.empty());
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_TRUE(result.warnings[0].named);
  EXPECT_EQ(result.warnings[0].message, "No such file or directory");
}

TEST_F(DiscoveryTest, SymlinkLoopIsNotFollowed) {
  Touch("pkg/mod.py");
  fs::create_directory_symlink("..", root_ / "pkg/parent");
  fs::create_directory_symlink(".", root_ / "pkg/self");
  EXPECT_EQ(Discover(), (std::vector<std::string>{"pkg/mod.py"}));
  ASSERT_EQ(result_.warnings.size(), 2u);
  EXPECT_FALSE(result_.warnings[0].named);
  EXPECT_NE(result_.warnings[0].message.find("already visited"), std::string::npos);
}

TEST_F(DiscoveryTest, SelfReferentialSymlinkIsAWarning) {
  fs::create_symlink("loop.py", root_ / "loop.py");
  Touch("ok.py");
  EXPECT_EQ(Discover(), (std::vector<std::string>{"ok.py"}));
  ASSERT_EQ(result_.warnings.size(), 1u);
  EXPECT_EQ(result_.warnings[0].message, "symbolic link loop");
}

TEST_F(DiscoveryTest, SymlinkedFilesAndDirectoriesAreFollowed) {
  Touch("real/mod.py");
  fs::create_symlink(root_ / "real/mod.py", root_ / "alias.py");
  fs::create_directory_symlink(root_ / "real", root_ / "linked");
  // "linked" sorts before "real", so the link is walked first and the real
  // directory is the duplicate.
  EXPECT_EQ(Discover(), (std::vector<std::string>{"alias.py", "linked/mod.py"}));
  ASSERT_EQ(result_.warnings.size(), 1u);
  EXPECT_EQ(result_.warnings[0].path, (root_ / "real").string());
}

TEST_F(DiscoveryTest, BrokenSymlinkIsAWarningAndTheWalkContinues) {
  fs::create_symlink(root_ / "missing.py", root_ / "dangling.py");
  Touch("z.py");
  EXPECT_EQ(Discover(), (std::vector<std::string>{"z.py"}));
  ASSERT_EQ(result_.warnings.size(), 1u);
  EXPECT_EQ(result_.warnings[0].message, "broken symbolic link");
}

TEST_F(DiscoveryTest, UnreadableDirectoryIsAWarning) {
  // Root reads any directory whatever its mode, so there is nothing to test.
  if (::geteuid() == 0) GTEST_SKIP() << "running as root: permissions do not apply";
  Touch("locked/hidden.py");
  Touch("open.py");
  fs::permissions(root_ / "locked", fs::perms::none);
  EXPECT_EQ(Discover(), (std::vector<std::string>{"open.py"}));
  ASSERT_EQ(result_.warnings.size(), 1u);
  EXPECT_NE(result_.warnings[0].message.find("cannot read directory"), std::string::npos);
}

TEST_F(DiscoveryTest, ExcludeGlobsMatchNamesAndRelativePaths) {
  Touch("keep.py");
  Touch("test_skip.py");
  Touch("data/raw/load.py");
  Touch("data/clean.py");
  DiscoveryOptions options;
  options.exclude_globs = {"test_*.py", "data/raw"};
  EXPECT_EQ(Discover(options), (std::vector<std::string>{"data/clean.py", "keep.py"}));
}

TEST_F(DiscoveryTest, DotRootGivesPlainRelativePaths) {
  Touch("sub/m.py");
  fs::path old = fs::current_path();
  fs::current_path(root_);
  std::vector<fs::path> paths = {"."};
  DiscoveryResult result = DiscoverFiles(paths);
  fs::current_path(old);
  ASSERT_EQ(result.files.size(), 1u);
  EXPECT_EQ(result.files[0].path.generic_string(), "sub/m.py");
}

}  // namespace
}  // namespace dsaudit::discovery
