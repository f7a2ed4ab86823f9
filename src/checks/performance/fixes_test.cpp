// The safe fixes of the performance family: PD002's assignment rewrite,
// PD011's `.to_numpy()` and PERF101's cast removal, applied by the engine.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checks/engine.h"

namespace dsaudit::checks {
namespace {

std::string Fixed(const std::string& code, const std::string& source) {
  config::Config config;
  config::RuleSelection selection;
  selection.select = std::vector<std::string>{code};
  config.selections.push_back(selection);
  Engine engine(config, EngineOptions{.fix = true});
  FileOutcome outcome = engine.CheckFile({.path = "example.py", .bytes = source});
  return outcome.fixed_bytes.value_or(source);
}

TEST(InplaceFixTest, RewritesStatementToAssignment) {
  EXPECT_EQ(Fixed("PD002", "import pandas as pd\ndf = pd.DataFrame()\ndf.dropna(inplace=True)\n"),
            "import pandas as pd\ndf = pd.DataFrame()\ndf = df.dropna()\n");
}

TEST(InplaceFixTest, RemovesKeywordWithItsComma) {
  EXPECT_EQ(Fixed("PD002", "import pandas as pd\ndf = pd.DataFrame()\n"
                           "df.drop(columns=['a'], inplace=True)\n"
                           "df.sort_values('a', inplace=True, ascending=False)\n"),
            "import pandas as pd\ndf = pd.DataFrame()\ndf = df.drop(columns=['a'])\n"
            "df = df.sort_values('a', ascending=False)\n");
}

TEST(InplaceFixTest, KeepsParametersAndExpressions) {
  std::string parameter =
      "import pandas as pd\n\ndef clean(df):\n    df.dropna(inplace=True)\n";
  EXPECT_EQ(Fixed("PD002", parameter), parameter);
  std::string expression = "import pandas as pd\ndf = pd.DataFrame()\nx = df.dropna(inplace=True)\n";
  EXPECT_EQ(Fixed("PD002", expression), expression);
  std::string attribute = "import pandas as pd\nself.df.dropna(inplace=True)\n";
  EXPECT_EQ(Fixed("PD002", attribute), attribute);
  std::string shared = "import pandas as pd\ndf = pd.DataFrame()\nframes = [df]\n"
                       "df.dropna(inplace=True)\n";
  EXPECT_EQ(Fixed("PD002", shared), shared);
  std::string loop = "import pandas as pd\nfor df in []:\n    df.dropna(inplace=True)\n";
  EXPECT_EQ(Fixed("PD002", loop), loop);
}

TEST(DotValuesFixTest, RewritesKnownFrames) {
  EXPECT_EQ(Fixed("PD011", "import pandas as pd\ndf = pd.read_csv('a.csv')\nm = df.values\n"),
            "import pandas as pd\ndf = pd.read_csv('a.csv')\nm = df.to_numpy()\n");
}

TEST(DotValuesFixTest, LeavesUnknownObjects) {
  std::string unknown = "import pandas as pd\n\ndef f(series):\n    return series.values\n";
  EXPECT_EQ(Fixed("PD011", unknown), unknown);
}

TEST(ListCastFixTest, RemovesCast) {
  EXPECT_EQ(Fixed("PERF101", "for x in list((1, 2)):\n    print(x)\n"),
            "for x in (1, 2):\n    print(x)\n");
}

}  // namespace
}  // namespace dsaudit::checks
