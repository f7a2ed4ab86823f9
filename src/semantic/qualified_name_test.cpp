#include "semantic/qualified_name.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "semantic/semantic_test_util.h"

namespace dsaudit::semantic {
namespace {

using testing::Analyzed;
using ::testing::ElementsAre;

// The qualified name of each expression statement, "-" where there is none.
std::vector<std::string> QualifiedNames(const Analyzed& analyzed) {
  std::vector<std::string> names;
  for (const python::Expr* expr : analyzed.ExpressionStatements()) {
    std::optional<QualifiedName> name = analyzed.model().ResolveQualifiedName(expr);
    names.push_back(name ? name->ToString() : "-");
  }
  return names;
}

TEST(QualifiedNameTest, ComparesSegmentBySegment) {
  QualifiedName name("os.path");
  ASSERT_TRUE(name.AddMember("join"));
  EXPECT_TRUE(name == "os.path.join");
  EXPECT_FALSE(name == "os.path");
  EXPECT_FALSE(name == "os.pathjoin");
  EXPECT_FALSE(name == "os.path.join.x");
  EXPECT_TRUE(name.StartsWith("os"));
  EXPECT_TRUE(name.StartsWith("os.path"));
  EXPECT_TRUE(name.StartsWith("os.path.join"));
  EXPECT_FALSE(name.StartsWith("os.pa"));
  EXPECT_FALSE(name.StartsWith("os.path.jo"));
  EXPECT_FALSE(name.StartsWith("os."));
  EXPECT_EQ(name.LastSegment(), "join");
  EXPECT_EQ(QualifiedName("a.b").LastSegment(), "b");
  EXPECT_EQ(name.ToString(), "os.path.join");
}

TEST(QualifiedNameTest, RefusesTooManyMembers) {
  QualifiedName name("m");
  for (size_t i = 0; i < QualifiedName::kMaxMembers; ++i) EXPECT_TRUE(name.AddMember("x"));
  EXPECT_FALSE(name.AddMember("x"));
}

TEST(QualifiedNameTest, ResolvesEveryImportForm) {
  Analyzed a(
      "import os\n"
      "import os.path\n"
      "import numpy as np\n"
      "import xml.etree.ElementTree as ET\n"
      "from sklearn.model_selection import train_test_split as tts\n"
      "from collections import OrderedDict\n"
      "from . import sibling\n"
      "from .utils import helper\n"
      "from ..pkg.mod import thing\n"
      "import pandas as pd\n"
      "pd.read_csv\n"
      "np.random.seed\n"
      "os.path.join\n"
      "ET.parse\n"
      "tts\n"
      "OrderedDict\n"
      "sibling.run\n"
      "helper\n"
      "thing\n"
      "print\n"
      "len(pd).bit_length\n");
  EXPECT_THAT(QualifiedNames(a),
              ElementsAre("pandas.read_csv", "numpy.random.seed", "os.path.join",
                          "xml.etree.ElementTree.parse", "sklearn.model_selection.train_test_split",
                          "collections.OrderedDict", ".sibling.run", ".utils.helper",
                          "..pkg.mod.thing", "builtins.print", "-"));
}

TEST(QualifiedNameTest, ImportsInsideFunctionsAndLocalAliases) {
  Analyzed a(
      "import pandas as pd\n"
      "def f():\n"
      "    import numpy\n"
      "    numpy.mean\n"
      "    alias = pd\n"
      "    alias.read_csv\n"
      "    print = 1\n"
      "    print\n");
  // A variable holding a module is not followed; a shadowed builtin is not a builtin.
  EXPECT_THAT(QualifiedNames(a), ElementsAre("numpy.mean", "-", "-"));
}

TEST(QualifiedNameTest, MatchesAndImportsModule) {
  Analyzed a(
      "import pandas as pd\n"
      "from sklearn.svm import SVC\n"
      "pd.read_csv\n");
  const SemanticModel& m = a.model();
  const python::Expr* expr = a.ExpressionStatements().at(0);
  EXPECT_TRUE(m.Matches(expr, "pandas.read_csv"));
  EXPECT_FALSE(m.Matches(expr, "pd.read_csv"));
  EXPECT_TRUE(m.ImportsModule("pandas"));
  EXPECT_TRUE(m.ImportsModule("sklearn"));
  EXPECT_TRUE(m.ImportsModule("sklearn.svm"));
  EXPECT_TRUE(m.ImportsModule("sklearn.svm.SVC"));
  EXPECT_FALSE(m.ImportsModule("sklearn.linear_model"));
  EXPECT_FALSE(m.ImportsModule("numpy"));
  EXPECT_FALSE(m.ImportsModule("pan"));
  ASSERT_EQ(m.imports().size(), 2u);
  EXPECT_EQ(m.imports()[0].qualified_name, "pandas");
  EXPECT_EQ(m.imports()[1].module, "sklearn.svm");
  EXPECT_EQ(m.imports()[1].qualified_name, "sklearn.svm.SVC");
}

TEST(QualifiedNameTest, TypeCheckingThroughModuleAttribute) {
  Analyzed a(
      "import typing\n"
      "if typing.TYPE_CHECKING:\n"
      "    import numpy\n");
  BindingId numpy = a.BindingsNamed("numpy").at(0);
  EXPECT_TRUE(a.model().binding(numpy).Is(binding_flags::kInTypeChecking));
}

}  // namespace
}  // namespace dsaudit::semantic
