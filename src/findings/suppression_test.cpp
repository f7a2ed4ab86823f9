#include "findings/suppression.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "frontend/python/parser.h"

namespace dsaudit {
namespace {

NoqaDirective Inline(std::string_view comment) {
  NoqaDirective directive;
  EXPECT_TRUE(ParseInlineNoqa(comment, directive)) << comment;
  return directive;
}

bool HasInline(std::string_view comment) {
  NoqaDirective directive;
  return ParseInlineNoqa(comment, directive);
}

using Codes = std::vector<std::string>;

TEST(NoqaParseTest, BlanketForms) {
  EXPECT_TRUE(Inline("# noqa").blanket);
  EXPECT_TRUE(Inline("#noqa").blanket);
  EXPECT_TRUE(Inline("# NOQA").blanket);
  EXPECT_TRUE(Inline("# noqa because reasons").blanket);
  EXPECT_TRUE(Inline("# noqa#other").blanket);
}

TEST(NoqaParseTest, CodeForms) {
  EXPECT_EQ(Inline("# noqa: F401, E501").codes, (Codes{"F401", "E501"}));
  EXPECT_EQ(Inline("# noqa:F401,E501").codes, (Codes{"F401", "E501"}));
  EXPECT_EQ(Inline("# NOQA: F401 E501").codes, (Codes{"F401", "E501"}));
  EXPECT_EQ(Inline("# noqa : F401").codes, (Codes{"F401"}));
  EXPECT_EQ(Inline("# noqa: F401,,E501").codes, (Codes{"F401", "E501"}));
  EXPECT_EQ(Inline("# noqa: F401F841").codes, (Codes{"F401", "F841"}));
}

TEST(NoqaParseTest, TrailingTextAfterCodesIsIgnored) {
  EXPECT_EQ(Inline("# noqa: F401 we need it").codes, (Codes{"F401"}));
  EXPECT_EQ(Inline("# noqa: F401 # comment").codes, (Codes{"F401"}));
  EXPECT_EQ(Inline("# noqa: F401 Ex comment").codes, (Codes{"F401"}));
}

TEST(NoqaParseTest, NoqaInsideLongerComment) {
  NoqaDirective directive;
  ASSERT_TRUE(ParseInlineNoqa("# type: ignore # noqa: E501", directive, 5));
  EXPECT_EQ(directive.codes, (Codes{"E501"}));
  EXPECT_EQ(directive.span.column, 5u + 15u);
  EXPECT_EQ(directive.span.end_column, 5u + 27u);
}

TEST(NoqaParseTest, InvalidDirectivesSuppressNothing) {
  EXPECT_FALSE(HasInline("# noqaF401"));
  EXPECT_FALSE(HasInline("# noqa; F401"));
  EXPECT_FALSE(HasInline("# noqa:"));
  EXPECT_FALSE(HasInline("# noqa: unused-import"));
  EXPECT_FALSE(HasInline("# noqa: F401abc"));
  EXPECT_FALSE(HasInline("# noqa: F401Fabc"));
  EXPECT_FALSE(HasInline("# a comment"));
  EXPECT_FALSE(HasInline("# not noqa"));
  EXPECT_FALSE(HasInline("# ruff: noqa"));
}

TEST(NoqaParseTest, FileLevelForms) {
  NoqaDirective directive;
  ASSERT_TRUE(ParseFileNoqa("# dsaudit: noqa", directive));
  EXPECT_TRUE(directive.blanket);
  ASSERT_TRUE(ParseFileNoqa("#ruff:NOQA: F401, E501", directive));
  EXPECT_EQ(directive.codes, (Codes{"F401", "E501"}));
  EXPECT_TRUE(ParseFileNoqa("# flake8: noqa", directive));
  EXPECT_FALSE(ParseFileNoqa("# noqa", directive));
  EXPECT_FALSE(ParseFileNoqa("# Ruff: noqa", directive));
}

// Parses `source` and keeps it alive for the index's views.
struct Indexed {
  std::unique_ptr<python::ParsedModule> parsed;
  SuppressionIndex index;
};

Indexed Index(std::string_view source, SuppressionIndex::NoqaLineMap map = {}) {
  Indexed out;
  out.parsed = python::Parse(python::SourceText::FromUtf8(source));
  out.index = BuildSuppressions(out.parsed->source.text(), out.parsed->comments, std::move(map));
  return out;
}

Finding At(std::string code, uint32_t line) {
  Finding finding;
  finding.code = std::move(code);
  finding.line = line;
  finding.column = 1;
  return finding;
}

TEST(SuppressionIndexTest, LineDirectiveAppliesToItsLineOnly) {
  Indexed file = Index("import os  # noqa: F401\nimport sys\n");
  EXPECT_TRUE(file.index.IsSuppressed(At("F401", 1)));
  EXPECT_FALSE(file.index.IsSuppressed(At("E501", 1)));
  EXPECT_FALSE(file.index.IsSuppressed(At("F401", 2)));
}

TEST(SuppressionIndexTest, CodesMatchExactlyNotByPrefix) {
  Indexed file = Index("import os  # noqa: F4\n");
  EXPECT_FALSE(file.index.IsSuppressed(At("F401", 1)));
}

TEST(SuppressionIndexTest, BlanketSuppressesEverythingOnLine) {
  Indexed file = Index("import os  # noqa\n");
  EXPECT_TRUE(file.index.IsSuppressed(At("F401", 1)));
  EXPECT_TRUE(file.index.IsSuppressed(At("E501", 1)));
}

TEST(SuppressionIndexTest, FileLevelDirectives) {
  Indexed all = Index("# dsaudit: noqa\nimport os\n");
  EXPECT_TRUE(all.index.IsSuppressed(At("F401", 2)));
  EXPECT_TRUE(all.index.IsSuppressed(At("DS201", 0)));

  Indexed codes = Index("# ruff: noqa: F401\nimport os\nx = 1\n");
  EXPECT_TRUE(codes.index.IsSuppressed(At("F401", 2)));
  EXPECT_FALSE(codes.index.IsSuppressed(At("F841", 3)));
}

TEST(SuppressionIndexTest, FileLevelDirectiveMustBeOnItsOwnLine) {
  Indexed file = Index("import os  # dsaudit: noqa\nimport sys\n");
  EXPECT_FALSE(file.index.IsSuppressed(At("F401", 2)));
  EXPECT_FALSE(file.index.IsSuppressed(At("F401", 1)));
}

TEST(SuppressionIndexTest, LineMapMovesFindingsToNoqaLine) {
  Indexed file = Index("x = '''\nlong\n'''  # noqa: E501\n",
                       [](uint32_t line) { return line == 2 ? 3u : line; });
  EXPECT_TRUE(file.index.IsSuppressed(At("E501", 2)));
}

TEST(SuppressionIndexTest, UnusedCodeIsReportedAtTheHash) {
  Indexed file = Index("import os  # noqa: F401, E501\n");
  ASSERT_TRUE(file.index.IsSuppressed(At("F401", 1)));
  std::vector<Finding> unused = file.index.UnusedSuppressions({.path = "a.py"});
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_EQ(unused[0].code, "DS100");
  EXPECT_EQ(unused[0].path, "a.py");
  EXPECT_EQ(unused[0].message, "Unused `noqa` directive (unused: `E501`)");
  EXPECT_EQ(unused[0].line, 1u);
  EXPECT_EQ(unused[0].column, 12u);
  EXPECT_EQ(unused[0].end_column, 30u);
}

TEST(SuppressionIndexTest, ColumnsCountCharacters) {
  Indexed file = Index("s = 'é'  # noqa\n");
  std::vector<Finding> unused = file.index.UnusedSuppressions();
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_EQ(unused[0].column, 10u);
  EXPECT_EQ(unused[0].message, "Unused blanket `noqa` directive");
}

TEST(SuppressionIndexTest, UsedDirectivesAreNotReported) {
  Indexed file = Index("import os  # noqa\nimport sys  # noqa: F401\n");
  file.index.IsSuppressed(At("F401", 1));
  file.index.IsSuppressed(At("F401", 2));
  EXPECT_TRUE(file.index.UnusedSuppressions().empty());
}

TEST(SuppressionIndexTest, UnusedReasonsFollowRuff) {
  Indexed file = Index("x = 1  # noqa: F401, F401, XYZ1, E501, W605\n");
  file.index.IsSuppressed(At("F401", 1));
  UnusedNoqaOptions options;
  options.is_known = [](std::string_view code) { return code != "XYZ1"; };
  options.is_enabled = [](std::string_view code) { return code != "W605"; };
  std::vector<Finding> unused = file.index.UnusedSuppressions(options);
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_EQ(unused[0].message,
            "Unused `noqa` directive (unused: `E501`; non-enabled: `W605`; unknown: `XYZ1`; "
            "duplicated: `F401`)");
}

TEST(SuppressionIndexTest, Ds100CanSilenceItself) {
  Indexed line = Index("x = 1  # noqa: E501, DS100\n");
  EXPECT_TRUE(line.index.UnusedSuppressions().empty());
  Indexed file = Index("# dsaudit: noqa: DS100\nx = 1  # noqa: E501\n");
  EXPECT_TRUE(file.index.UnusedSuppressions().empty());
}

}  // namespace
}  // namespace dsaudit
