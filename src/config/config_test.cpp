#include "config/config.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace dsaudit::config {
namespace {

namespace fs = std::filesystem;

bool Known(std::string_view selector) {
  for (std::string_view code : {"E501", "E401", "F401", "F841", "DS201", "W605"}) {
    if (code.starts_with(selector)) return true;
  }
  return false;
}

ConfigResult Own(std::string_view text) {
  return ParseConfig(text, "/p/dsaudit.toml", /*pyproject=*/false, Known);
}

ConfigResult Pyproject(std::string_view text) {
  return ParseConfig(text, "/p/pyproject.toml", /*pyproject=*/true, Known);
}

TEST(ConfigParseTest, ReadsEveryKey) {
  ConfigResult result = Own(R"(
select = ["E", "F"]
extend-select = ["DS2"]
ignore = ["E501"]
exclude = ["build"]
extend-exclude = ["notebooks/old"]
line-length = 100
target-version = "py311"
[per-file-ignores]
"tests/**" = ["F401"]
)");
  ASSERT_TRUE(result.ok()) << result.error;
  const Config& config = result.config;
  ASSERT_EQ(config.selections.size(), 1u);
  EXPECT_EQ(*config.selections[0].select, (std::vector<std::string>{"E", "F"}));
  EXPECT_EQ(config.selections[0].extend_select, (std::vector<std::string>{"DS2"}));
  EXPECT_EQ(config.selections[0].ignore, (std::vector<std::string>{"E501"}));
  EXPECT_EQ(*config.exclude, (std::vector<std::string>{"build"}));
  EXPECT_EQ(config.extend_exclude, (std::vector<std::string>{"notebooks/old"}));
  EXPECT_EQ(config.line_length, 100);
  EXPECT_EQ(config.target_minor, 11);
  ASSERT_EQ(config.per_file_ignores.size(), 1u);
  EXPECT_EQ(config.per_file_ignores[0].pattern, "tests/**");
  EXPECT_EQ(config.root, fs::path("/p"));
}

TEST(ConfigParseTest, PyprojectUsesToolTable) {
  ConfigResult result = Pyproject("[project]\nname = 'x'\n[tool.dsaudit]\nline-length = 120\n");
  ASSERT_TRUE(result.ok()) << result.error;
  EXPECT_EQ(result.config.line_length, 120);
}

TEST(ConfigParseTest, PyprojectWithoutTableGivesDefaults) {
  ConfigResult result = Pyproject("[tool.ruff]\nline-length = 120\n");
  ASSERT_TRUE(result.ok()) << result.error;
  EXPECT_EQ(result.config.line_length, kDefaultLineLength);
  EXPECT_TRUE(result.config.selections.empty());
}

TEST(ConfigParseTest, UnknownKeyNamesPosition) {
  EXPECT_EQ(Pyproject("[tool.dsaudit]\nselekt = ['E']\n").error,
            "/p/pyproject.toml:2:1: unknown key 'selekt' in [tool.dsaudit]");
  EXPECT_EQ(Own("line-length = 80\n  bogus = 1\n").error,
            "/p/dsaudit.toml:2:3: unknown key 'bogus' in dsaudit.toml");
}

TEST(ConfigParseTest, UnknownSelector) {
  EXPECT_EQ(Own("select = ['E', 'X1']\n").error,
            "/p/dsaudit.toml:1:16: unknown rule selector 'X1' in 'select'");
  EXPECT_TRUE(Own("select = ['ALL', 'F40', 'E5']\n").ok());
  EXPECT_FALSE(Own("[per-file-ignores]\n'a.py' = ['Q000']\n").ok());
}

TEST(ConfigParseTest, WrongTypes) {
  EXPECT_EQ(Own("select = 'E'\n").error,
            "/p/dsaudit.toml:1:10: 'select' must be a list of strings");
  EXPECT_FALSE(Own("ignore = [1]\n").ok());
  EXPECT_FALSE(Own("line-length = '88'\n").ok());
  EXPECT_FALSE(Own("per-file-ignores = []\n").ok());
  EXPECT_FALSE(Pyproject("[tool]\ndsaudit = 1\n").ok());
}

TEST(ConfigParseTest, LineLengthRange) {
  EXPECT_TRUE(Own("line-length = 1\n").ok());
  EXPECT_TRUE(Own("line-length = 320\n").ok());
  EXPECT_FALSE(Own("line-length = 0\n").ok());
  EXPECT_FALSE(Own("line-length = 321\n").ok());
}

TEST(ConfigParseTest, TargetVersion) {
  EXPECT_EQ(ParseTargetVersion("py38"), 8);
  EXPECT_EQ(ParseTargetVersion("py313"), 13);
  EXPECT_EQ(ParseTargetVersion("py37"), std::nullopt);
  EXPECT_EQ(ParseTargetVersion("py314"), std::nullopt);
  EXPECT_EQ(ParseTargetVersion("py3"), std::nullopt);
  EXPECT_EQ(ParseTargetVersion("py309"), std::nullopt);
  EXPECT_FALSE(Own("target-version = 'py2'\n").ok());
}

TEST(ConfigParseTest, TomlSyntaxErrorHasPosition) {
  std::string error = Own("select = [\n").error;
  EXPECT_TRUE(error.starts_with("/p/dsaudit.toml:")) << error;
}

Config WithSelection(RuleSelection selection) {
  Config config;
  config.selections.push_back(std::move(selection));
  return config;
}

TEST(IsEnabledTest, DefaultSelectsEverything) { EXPECT_TRUE(IsEnabled(Config{}, "F401", "a.py")); }

TEST(IsEnabledTest, SelectReplacesDefault) {
  Config config = WithSelection({.select = std::vector<std::string>{"E"}});
  EXPECT_TRUE(IsEnabled(config, "E501", "a.py"));
  EXPECT_FALSE(IsEnabled(config, "F401", "a.py"));
}

TEST(IsEnabledTest, MoreSpecificSelectorWins) {
  Config config = WithSelection({.select = std::vector<std::string>{"E501"}, .ignore = {"E"}});
  EXPECT_TRUE(IsEnabled(config, "E501", "a.py"));
  EXPECT_FALSE(IsEnabled(config, "E401", "a.py"));
  Config other = WithSelection({.select = std::vector<std::string>{"E"}, .ignore = {"E5"}});
  EXPECT_FALSE(IsEnabled(other, "E501", "a.py"));
  EXPECT_TRUE(IsEnabled(other, "E401", "a.py"));
}

TEST(IsEnabledTest, IgnoreWinsTies) {
  Config config = WithSelection({.extend_select = {"E501"}, .ignore = {"E501"}});
  EXPECT_FALSE(IsEnabled(config, "E501", "a.py"));
}

TEST(IsEnabledTest, AllIsLeastSpecific) {
  Config config = WithSelection({.select = std::vector<std::string>{"ALL"}, .ignore = {"E"}});
  EXPECT_FALSE(IsEnabled(config, "E501", "a.py"));
  EXPECT_TRUE(IsEnabled(config, "F401", "a.py"));
}

TEST(IsEnabledTest, CommandLineWins) {
  Config config = WithSelection({.ignore = {"E501"}});
  EXPECT_TRUE(IsEnabled(ApplyOverrides(config, {.extend_select = {"E501"}}), "E501", "a.py"));
  Config selected = ApplyOverrides(config, {.select = std::vector<std::string>{"F"}});
  EXPECT_FALSE(IsEnabled(selected, "E401", "a.py"));
  EXPECT_TRUE(IsEnabled(selected, "F401", "a.py"));
}

TEST(IsEnabledTest, PerFileIgnoresMatchRelativeToRoot) {
  Config config;
  config.root = "/p";
  config.per_file_ignores = {{"tests/**", {"F4"}}, {"__init__.py", {"F401"}}};
  EXPECT_FALSE(IsEnabled(config, "F401", "/p/tests/unit/test_a.py"));
  EXPECT_FALSE(IsEnabled(config, "F401", "tests/test_a.py"));
  EXPECT_TRUE(IsEnabled(config, "F841", "tests/test_a.py"));
  EXPECT_TRUE(IsEnabled(config, "F401", "/p/src/tests.py"));
  EXPECT_FALSE(IsEnabled(config, "F401", "/p/pkg/__init__.py"));
}

TEST(OverridesTest, ScalarsAndExcludes) {
  Config config;
  config.extend_exclude = {"a"};
  Config merged = ApplyOverrides(config, {.exclude = std::vector<std::string>{"b"},
                                          .extend_exclude = {"c"},
                                          .line_length = 120,
                                          .target_minor = 12});
  EXPECT_EQ(merged.line_length, 120);
  EXPECT_EQ(merged.target_minor, 12);
  EXPECT_EQ(*merged.exclude, (std::vector<std::string>{"b"}));
  EXPECT_EQ(merged.extend_exclude, (std::vector<std::string>{"a", "c"}));
}

TEST(IsExcludedTest, MatchesPathOrAnyComponent) {
  Config config;
  config.root = "/p";
  config.exclude = std::vector<std::string>{"build"};
  config.extend_exclude = {"notebooks/old/*.ipynb"};
  EXPECT_TRUE(IsExcluded(config, "/p/build/x.py"));
  EXPECT_TRUE(IsExcluded(config, "src/build/x.py"));
  EXPECT_TRUE(IsExcluded(config, "notebooks/old/a.ipynb"));
  EXPECT_FALSE(IsExcluded(config, "notebooks/a.ipynb"));
}

class FindConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("dsaudit_config_" + std::to_string(::getpid()) + "_" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "repo/pkg/sub");
    fs::create_directories(root_ / "repo/.git");
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const fs::path& relative, std::string_view text) {
    std::ofstream(root_ / relative) << text;
  }
  fs::path root_;
};

TEST_F(FindConfigTest, NearestWinsAndOwnFileBeatsPyproject) {
  Write("repo/dsaudit.toml", "");
  Write("repo/pkg/pyproject.toml", "[tool.dsaudit]\n");
  Write("repo/pkg/dsaudit.toml", "");
  Write("repo/pkg/sub/a.py", "");
  EXPECT_EQ(FindConfigFile(root_ / "repo/pkg/sub/a.py"), root_ / "repo/pkg/dsaudit.toml");
}

TEST_F(FindConfigTest, PyprojectNeedsToolTable) {
  Write("repo/pyproject.toml", "[tool.dsaudit]\nline-length = 100\n");
  Write("repo/pkg/pyproject.toml", "[project]\nname = 'x'\n");
  EXPECT_EQ(FindConfigFile(root_ / "repo/pkg/sub"), root_ / "repo/pyproject.toml");
  ConfigResult loaded = LoadConfigFile(root_ / "repo/pyproject.toml", Known);
  ASSERT_TRUE(loaded.ok()) << loaded.error;
  EXPECT_EQ(loaded.config.line_length, 100);
}

TEST_F(FindConfigTest, StopsAtGitRoot) {
  Write("dsaudit.toml", "");
  EXPECT_EQ(FindConfigFile(root_ / "repo/pkg"), std::nullopt);
}

}  // namespace
}  // namespace dsaudit::config
