#include "frontend/notebook/ipython_syntax.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace dsaudit::notebook {
namespace {

// Every masked cell keeps the cell's lines and their byte lengths.
void ExpectSameShape(std::string_view source, std::string_view masked) {
  ASSERT_EQ(source.size(), masked.size()) << masked;
  for (size_t i = 0; i < source.size(); ++i) {
    EXPECT_EQ(source[i] == '\n', masked[i] == '\n') << "offset " << i << " of " << masked;
  }
}

MaskedCell Mask(std::string_view source) {
  MaskedCell masked = MaskIpythonSyntax(source);
  if (masked.is_python) ExpectSameShape(source, masked.python);
  return masked;
}

TEST(IpythonSyntaxTest, PlainPythonIsUnchanged) {
  std::string source = "import pandas as pd\ndf = pd.read_csv('a.csv')\nx = 10 % 3\n";
  MaskedCell masked = Mask(source);
  EXPECT_TRUE(masked.is_python);
  EXPECT_EQ(masked.python, source);
  EXPECT_TRUE(masked.syntax.empty());
}

TEST(IpythonSyntaxTest, LineMagicBecomesPass) {
  MaskedCell masked = Mask("%matplotlib inline\nimport numpy as np");
  EXPECT_EQ(masked.python, "pass              \nimport numpy as np");
  ASSERT_EQ(masked.syntax.size(), 1u);
  EXPECT_EQ(masked.syntax[0].kind, MagicKind::kLineMagic);
  EXPECT_EQ(masked.syntax[0].name, "matplotlib");
  EXPECT_EQ(masked.syntax[0].text, "%matplotlib inline");
  EXPECT_EQ(masked.syntax[0].line, 1u);
  EXPECT_EQ(masked.syntax[0].column, 1u);
}

TEST(IpythonSyntaxTest, ShellEscapeInsideIndentedBlockKeepsIndentation) {
  MaskedCell masked = Mask("if x:\n    !ls\nfor f in files:\n    !pip install {f}\n");
  EXPECT_EQ(masked.python, "if x:\n    ...\nfor f in files:\n    pass            \n");
  ASSERT_EQ(masked.syntax.size(), 2u);
  EXPECT_EQ(masked.syntax[0].kind, MagicKind::kShell);
  EXPECT_EQ(masked.syntax[0].name, "ls");
  EXPECT_EQ(masked.syntax[0].column, 5u);
  EXPECT_EQ(masked.syntax[1].name, "pip");
  EXPECT_EQ(masked.syntax[1].text, "!pip install {f}");
  EXPECT_EQ(masked.syntax[1].line, 4u);
}

TEST(IpythonSyntaxTest, TimedStatementIsKeptAtTheMagicsColumn) {
  MaskedCell masked = Mask("if big:\n    %time model = fit(X)\n%timeit f(x)\n");
  EXPECT_EQ(masked.python, "if big:\n    model = fit(X)      \nf(x)        \n");
  ASSERT_EQ(masked.syntax.size(), 2u);
  EXPECT_EQ(masked.syntax[0].kind, MagicKind::kLineMagic);
  EXPECT_EQ(masked.syntax[0].name, "time");
  EXPECT_EQ(masked.syntax[0].column, 5u);
  EXPECT_EQ(masked.syntax[0].code_column, 11u);
  EXPECT_EQ(masked.syntax[0].text, "%time model = fit(X)");
  EXPECT_EQ(masked.syntax[1].code_column, 9u);
}

TEST(IpythonSyntaxTest, TimedStatementWithOptionsOrOpenBracketsIsMasked) {
  MaskedCell masked = Mask("%timeit -n 3 f()\n%time f(\n%time\n");
  EXPECT_EQ(masked.python, "pass            \npass    \npass \n");
  for (const IpythonSyntax& syntax : masked.syntax) EXPECT_EQ(syntax.code_column, 0u);
}

TEST(IpythonSyntaxTest, ShortEscapesGetShortPlaceholders) {
  EXPECT_EQ(Mask("!l").python, "()");
  EXPECT_EQ(Mask("?").python, "0");
  EXPECT_EQ(Mask("x?").python, "()");
  EXPECT_EQ(Mask("!ls").python, "...");
}

TEST(IpythonSyntaxTest, ShellCaptureAndAutocall) {
  MaskedCell masked = Mask("!!ls -la\n/print a b\n,f x\n;g y\n");
  ASSERT_EQ(masked.syntax.size(), 4u);
  EXPECT_EQ(masked.syntax[0].kind, MagicKind::kShellCapture);
  EXPECT_EQ(masked.syntax[0].name, "ls");
  EXPECT_EQ(masked.syntax[1].kind, MagicKind::kAutocall);
  EXPECT_EQ(masked.syntax[1].name, "print");
  EXPECT_EQ(masked.syntax[2].kind, MagicKind::kAutocall);
  EXPECT_EQ(masked.syntax[3].kind, MagicKind::kAutocall);
}

TEST(IpythonSyntaxTest, AssignedShellAndMagicKeepTheTarget) {
  MaskedCell masked = Mask("files = !ls *.csv\nt = %timeit -o f()\n");
  EXPECT_EQ(masked.python, "files = None     \nt = None          \n");
  ASSERT_EQ(masked.syntax.size(), 2u);
  EXPECT_EQ(masked.syntax[0].kind, MagicKind::kShellAssign);
  EXPECT_EQ(masked.syntax[0].name, "ls");
  EXPECT_EQ(masked.syntax[0].column, 9u);
  EXPECT_EQ(masked.syntax[0].text, "!ls *.csv");
  EXPECT_EQ(masked.syntax[1].kind, MagicKind::kMagicAssign);
  EXPECT_EQ(masked.syntax[1].name, "timeit");
}

TEST(IpythonSyntaxTest, ComparisonsAndModuloAreNotMagics) {
  std::string source = "a = b != c\nd = e % f\ng == !h\nk = (\n  !x)\n";
  MaskedCell masked = Mask(source);
  EXPECT_EQ(masked.python, source);
  EXPECT_TRUE(masked.syntax.empty());
}

TEST(IpythonSyntaxTest, HelpForms) {
  MaskedCell masked = Mask("df.describe?\n??np.mean\n?x\n  pd.read_csv??\n%timeit?\n");
  ASSERT_EQ(masked.syntax.size(), 5u);
  EXPECT_EQ(masked.syntax[0].kind, MagicKind::kHelp);
  EXPECT_EQ(masked.syntax[0].name, "df.describe");
  EXPECT_EQ(masked.syntax[1].kind, MagicKind::kHelp);
  EXPECT_EQ(masked.syntax[1].name, "np.mean");
  EXPECT_EQ(masked.syntax[2].name, "x");
  EXPECT_EQ(masked.syntax[3].name, "pd.read_csv");
  EXPECT_EQ(masked.syntax[3].column, 3u);
  EXPECT_EQ(masked.syntax[4].kind, MagicKind::kLineMagic);
  EXPECT_EQ(masked.syntax[4].name, "timeit");
}

TEST(IpythonSyntaxTest, QuestionMarkInStringOrCommentIsPython) {
  std::string source = "print('why?')\nx = 1  # really?\ns = '''\n?\n'''\n";
  MaskedCell masked = Mask(source);
  EXPECT_EQ(masked.python, source);
}

TEST(IpythonSyntaxTest, EscapesInsideStringsAndBracketsAreNotMagics) {
  std::string source =
      "s = \"\"\"\n!not a command\n%not a magic\n\"\"\"\nt = ('%d'\n     % 3)\nu = [1,\n"
      ",2]\nv = 'a\\\n!b'\n";
  MaskedCell masked = Mask(source);
  EXPECT_EQ(masked.python, source);
  EXPECT_TRUE(masked.syntax.empty());
}

TEST(IpythonSyntaxTest, BackslashContinuationIsPartOfTheCommand) {
  MaskedCell masked = Mask("!pip install \\\n    pandas\nx = 1\n");
  EXPECT_EQ(masked.python, "pass          \n          \nx = 1\n");
  ASSERT_EQ(masked.syntax.size(), 1u);
  EXPECT_EQ(masked.syntax[0].end_line, 2u);
  EXPECT_EQ(masked.syntax[0].text, "!pip install \\\n    pandas");
}

TEST(IpythonSyntaxTest, LineAfterBackslashContinuedPythonIsNotALogicalStart) {
  std::string source = "x = 1 + \\\n    2\n";
  EXPECT_EQ(Mask(source).python, source);
}

TEST(IpythonSyntaxTest, PythonCellMagicKeepsItsBody) {
  MaskedCell masked = Mask("\n%%time\nmodel.fit(X, y)\n");
  EXPECT_TRUE(masked.is_python);
  EXPECT_EQ(masked.python, "\npass  \nmodel.fit(X, y)\n");
  ASSERT_EQ(masked.syntax.size(), 1u);
  EXPECT_EQ(masked.syntax[0].kind, MagicKind::kCellMagic);
  EXPECT_EQ(masked.syntax[0].name, "time");
  EXPECT_EQ(masked.syntax[0].line, 2u);
}

TEST(IpythonSyntaxTest, OtherCellMagicsMakeTheCellNotPython) {
  for (std::string_view magic :
       {"bash", "sh", "sql", "html", "javascript", "writefile", "script", "made_up"}) {
    MaskedCell masked = MaskIpythonSyntax("%%" + std::string(magic) + " arg\necho $HOME\n");
    EXPECT_FALSE(masked.is_python) << magic;
    EXPECT_TRUE(masked.python.empty());
    ASSERT_EQ(masked.syntax.size(), 1u);
    EXPECT_EQ(masked.syntax[0].kind, MagicKind::kCellMagic);
    EXPECT_EQ(masked.syntax[0].name, magic);
  }
}

TEST(IpythonSyntaxTest, AutomagicNeedsSomethingPythonCannotMean) {
  MaskedCell masked = Mask("pip install pandas\ncd /tmp\npwd\nload_ext autoreload\n");
  ASSERT_EQ(masked.syntax.size(), 4u);
  for (const IpythonSyntax& syntax : masked.syntax) EXPECT_EQ(syntax.kind, MagicKind::kAutomagic);
  EXPECT_EQ(masked.syntax[0].name, "pip");
  EXPECT_EQ(masked.syntax[2].name, "pwd");

  std::string python =
      "time = 3\nhistory\ntime - start\ntime.sleep(1)\nenv['X']\ntime if a else b\n"
      "run(x)\ntime / 2\n";
  EXPECT_TRUE(Mask(python).syntax.empty());
}

TEST(IpythonSyntaxTest, NewlinesAreNormalised) {
  MaskedCell masked = MaskIpythonSyntax("!ls\r\nx = 1\rY = 2");
  EXPECT_EQ(masked.python, "...\nx = 1\nY = 2");
}

TEST(IpythonSyntaxTest, KindNames) {
  EXPECT_EQ(MagicKindName(MagicKind::kShellAssign), "shell-assign");
  EXPECT_TRUE(IsPythonCellMagic("capture"));
  EXPECT_FALSE(IsPythonCellMagic("bash"));
}

}  // namespace
}  // namespace dsaudit::notebook
