// D100 reports on line 1, which a fixture must spend on its `# fixture:`
// marker; the missing-docstring cases are tested here instead.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checks/engine.h"

namespace dsaudit::checks {
namespace {

std::vector<Finding> Check(const std::string& path, const std::string& text,
                           bool notebook = false) {
  config::Config config;
  config.selections.push_back({.select = std::vector<std::string>{"D100"}});
  Engine engine(config);
  return engine.CheckFile({.path = path, .is_notebook = notebook, .bytes = text}).findings;
}

TEST(UndocumentedPublicModuleTest, ReportsAModuleWithoutDocstringAtOneOne) {
  std::vector<Finding> findings = Check("pkg/loader.py", "import os\n\nVALUE = os.sep\n");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 1u);
  EXPECT_EQ(findings[0].column, 1u);
  EXPECT_EQ(findings[0].message, "Missing docstring in public module");
}

TEST(UndocumentedPublicModuleTest, ReportsAnEmptyModule) {
  EXPECT_EQ(Check("empty.py", "").size(), 1u);
}

TEST(UndocumentedPublicModuleTest, AcceptsADocstringAfterComments) {
  EXPECT_TRUE(Check("loader.py", "#!/usr/bin/env python\n# comment\n\"\"\"Doc.\"\"\"\n").empty());
}

TEST(UndocumentedPublicModuleTest, AnFStringOrBytesIsNoDocstring) {
  EXPECT_EQ(Check("loader.py", "f\"\"\"Doc {1}.\"\"\"\n").size(), 1u);
  EXPECT_EQ(Check("loader.py", "b\"\"\"Doc.\"\"\"\n").size(), 1u);
}

TEST(UndocumentedPublicModuleTest, SkipsPrivateModulesAndPackages) {
  EXPECT_TRUE(Check("pkg/_internal.py", "import os\n").empty());
  EXPECT_TRUE(Check("pkg/__init__.py", "import os\n").empty());
  EXPECT_EQ(Check("pkg/__main__.py", "import os\n").size(), 1u);
}

}  // namespace
}  // namespace dsaudit::checks
