#include "frontend/notebook/notebook.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "frontend/python/parser.h"

namespace dsaudit::notebook {
namespace {

std::string WithCells(std::string_view cells, std::string_view metadata = "{}") {
  return std::string(R"({"nbformat": 4, "nbformat_minor": 5, "metadata": )") +
         std::string(metadata) + R"(, "cells": [)" + std::string(cells) + "]}";
}

Notebook Read(std::string_view json) {
  ReadResult result = ReadNotebook(json);
  EXPECT_TRUE(result.ok()) << result.error.message;
  return result.ok() ? std::move(*result.notebook) : Notebook{};
}

std::string ReadError(std::string_view json) {
  ReadResult result = ReadNotebook(json);
  EXPECT_FALSE(result.ok());
  return result.error.message;
}

TEST(NotebookTest, SourceAsStringOrListOfStrings) {
  Notebook notebook = Read(WithCells(R"j(
    {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
     "source": "import os\nprint(os.sep)"},
    {"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
     "source": ["x = 1\n", "y = 2\n"]})j"));
  ASSERT_EQ(notebook.cells.size(), 2u);
  EXPECT_EQ(notebook.cells[0].source, "import os\nprint(os.sep)");
  EXPECT_EQ(notebook.cells[0].execution_count, 1);
  EXPECT_EQ(notebook.cells[1].source, "x = 1\ny = 2\n");
  EXPECT_FALSE(notebook.cells[1].execution_count.has_value());
  EXPECT_EQ(notebook.python_source, "import os\nprint(os.sep)\nx = 1\ny = 2\n\n");
  EXPECT_EQ(notebook.cells[0].first_line, 1u);
  EXPECT_EQ(notebook.cells[0].line_count, 2u);
  EXPECT_EQ(notebook.cells[1].first_line, 3u);
  EXPECT_EQ(notebook.cells[1].line_count, 3u);
}

TEST(NotebookTest, CellsAreNumberedAmongAllCellsAsRuffDoes) {
  Notebook notebook = Read(WithCells(R"(
    {"cell_type": "markdown", "metadata": {}, "source": ["# Title"]},
    {"cell_type": "code", "metadata": {}, "outputs": [], "source": "a = 1",
     "execution_count": 2},
    {"cell_type": "raw", "metadata": {}, "source": "raw"},
    {"cell_type": "code", "metadata": {}, "outputs": [], "source": "b = a",
     "execution_count": 1})"));
  ASSERT_EQ(notebook.cells.size(), 4u);
  EXPECT_EQ(notebook.cells[0].type, CellType::kMarkdown);
  EXPECT_EQ(notebook.cells[2].type, CellType::kRaw);
  EXPECT_EQ(notebook.python_source, "a = 1\nb = a\n");
  EXPECT_EQ(notebook.python_cells, (std::vector<uint32_t>{1, 3}));
  EXPECT_EQ(notebook.MapPosition(1, 5), (CellPosition{2, 1, 5}));
  EXPECT_EQ(notebook.MapPosition(2, 1), (CellPosition{4, 1, 1}));
}

TEST(NotebookTest, PositionMapRoundTrips) {
  Notebook notebook = Read(WithCells(R"(
    {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["a = 1\n", "b = 2\n"]},
    {"cell_type": "markdown", "metadata": {}, "source": "text"},
    {"cell_type": "code", "metadata": {}, "outputs": [], "source": ""},
    {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["%%time\n", "c = 3"]})"));
  for (const Cell& cell : notebook.cells) {
    if (!cell.is_python) continue;
    for (uint32_t line = 1; line <= cell.line_count; ++line) {
      uint32_t source_line = notebook.SourceLine(cell.number, line);
      ASSERT_NE(source_line, 0u);
      EXPECT_EQ(notebook.MapPosition(source_line, 7), (CellPosition{cell.number, line, 7}));
    }
  }
  EXPECT_EQ(notebook.SourceLine(2, 1), 0u);
  EXPECT_EQ(notebook.SourceLine(4, 3), 0u);
  EXPECT_EQ(notebook.SourceLine(9, 1), 0u);
  EXPECT_FALSE(notebook.MapPosition(0, 1).has_value());
  EXPECT_FALSE(notebook.MapPosition(100, 1).has_value());
  // The masked `%%time` line maps to the magic's line.
  EXPECT_EQ(notebook.MapPosition(5, 1), (CellPosition{4, 1, 1}));
  EXPECT_EQ(notebook.MapPosition(6, 5), (CellPosition{4, 2, 5}));
}

TEST(NotebookTest, TimedStatementColumnsMapBackPastTheMagic) {
  Notebook notebook = Read(WithCells(R"(
    {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["x = 1\n"]},
    {"cell_type": "code", "metadata": {}, "outputs": [],
     "source": ["if x:\n", "    %time y = f(x)\n"]})"));
  EXPECT_EQ(notebook.python_source, "x = 1\n\nif x:\n    y = f(x)      \n\n");
  ASSERT_EQ(notebook.column_shifts.size(), 1u);
  EXPECT_EQ(notebook.MapPosition(4, 0), (CellPosition{2, 2, 0}));
  EXPECT_EQ(notebook.MapPosition(4, 4), (CellPosition{2, 2, 10}));
  EXPECT_EQ(notebook.MapPosition(4, 8), (CellPosition{2, 2, 14}));
  EXPECT_EQ(notebook.MapPosition(3, 4), (CellPosition{2, 1, 4}));
}

TEST(NotebookTest, MagicsAreListedWithCellAndLine) {
  Notebook notebook = Read(WithCells(R"(
    {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["x = 1\n"]},
    {"cell_type": "code", "metadata": {}, "outputs": [],
     "source": ["if x:\n", "    !pip install pandas\n", "files = !ls\n"]},
    {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["%%bash\n", "ls\n"]})"));
  ASSERT_EQ(notebook.magics.size(), 3u);
  const Magic& pip = notebook.magics[0];
  EXPECT_EQ(pip.syntax.kind, MagicKind::kShell);
  EXPECT_EQ(pip.syntax.name, "pip");
  EXPECT_EQ(pip.cell, 2u);
  EXPECT_EQ(pip.syntax.line, 2u);
  EXPECT_EQ(pip.syntax.column, 5u);
  EXPECT_EQ(pip.source_line, 4u);
  EXPECT_EQ(notebook.magics[1].syntax.kind, MagicKind::kShellAssign);
  const Magic& bash = notebook.magics[2];
  EXPECT_EQ(bash.syntax.kind, MagicKind::kCellMagic);
  EXPECT_EQ(bash.cell, 3u);
  EXPECT_EQ(bash.source_line, 0u);
  EXPECT_FALSE(notebook.cells[2].is_python);
  EXPECT_EQ(notebook.python_source, "x = 1\n\nif x:\n    pass               \nfiles = ...\n\n");
}

TEST(NotebookTest, OutputsKeepTheirText) {
  Notebook notebook = Read(WithCells(R"j(
    {"cell_type": "code", "execution_count": 3, "metadata": {}, "source": "f()",
     "outputs": [
       {"output_type": "stream", "name": "stderr", "text": ["warn: /home/al/x\n", "more\n"]},
       {"output_type": "execute_result", "execution_count": 3, "metadata": {},
        "data": {"text/plain": "42", "text/html": "<b>42</b>"}},
       {"output_type": "display_data", "metadata": {},
        "data": {"image/png": "iVBORw0KGgo=", "text/plain": ["<Figure>"]}},
       {"output_type": "error", "ename": "KeyError", "evalue": "'a'",
        "traceback": ["Traceback", "KeyError: 'a'"]},
       {"output_type": "error", "ename": "ValueError", "evalue": "bad", "traceback": []},
       {"output_type": "future_kind"}]})j"));
  const std::vector<Output>& outputs = notebook.cells[0].outputs;
  ASSERT_EQ(outputs.size(), 5u);
  EXPECT_EQ(outputs[0].type, OutputType::kStream);
  EXPECT_EQ(outputs[0].name, "stderr");
  EXPECT_EQ(outputs[0].text, "warn: /home/al/x\nmore\n");
  EXPECT_EQ(outputs[1].type, OutputType::kExecuteResult);
  EXPECT_EQ(outputs[1].text, "42");
  EXPECT_EQ(outputs[1].data_bytes, 11u);
  EXPECT_EQ(outputs[2].type, OutputType::kDisplayData);
  EXPECT_EQ(outputs[2].text, "<Figure>");
  EXPECT_EQ(outputs[3].type, OutputType::kError);
  EXPECT_EQ(outputs[3].name, "KeyError");
  EXPECT_EQ(outputs[3].text, "Traceback\nKeyError: 'a'");
  EXPECT_EQ(outputs[4].text, "ValueError: bad");
  EXPECT_EQ(OutputTypeName(outputs[2].type), "display_data");
}

TEST(NotebookTest, MetadataAndMinorVersions) {
  Notebook notebook = Read(R"({"nbformat": 4, "nbformat_minor": 2, "cells": [],
    "metadata": {"title": "Churn", "kernelspec": {"name": "python3", "display_name": "Python 3",
    "language": "python"}}})");
  EXPECT_EQ(notebook.nbformat_minor, 2);
  EXPECT_EQ(notebook.metadata.title, "Churn");
  EXPECT_EQ(notebook.metadata.kernel_name, "python3");
  EXPECT_EQ(notebook.metadata.kernel_display_name, "Python 3");
  EXPECT_EQ(notebook.metadata.language, "python");
  EXPECT_TRUE(notebook.is_python);
  EXPECT_EQ(notebook.python_source, "");

  Notebook from_language_info =
      Read(R"({"nbformat": 4, "cells": [], "metadata": {"language_info": {"name": "python"}}})");
  EXPECT_EQ(from_language_info.metadata.language, "python");
}

TEST(NotebookTest, OtherKernelLanguagesAreNotPython) {
  Notebook notebook = Read(WithCells(
      R"({"cell_type": "code", "metadata": {}, "outputs": [], "source": "library(x)\n%%bash"})",
      R"({"kernelspec": {"name": "ir", "language": "R"}})"));
  EXPECT_FALSE(notebook.is_python);
  EXPECT_EQ(notebook.python_source, "");
  EXPECT_TRUE(notebook.magics.empty());
  EXPECT_FALSE(notebook.cells[0].is_python);
}

TEST(NotebookTest, VsCodeCellLanguageOtherThanPythonIsLeftOut) {
  Notebook notebook = Read(WithCells(R"(
    {"cell_type": "code", "metadata": {"vscode": {"languageId": "sql"}}, "outputs": [],
     "source": "SELECT 1"},
    {"cell_type": "code", "metadata": {"vscode": {"languageId": "python"}}, "outputs": [],
     "source": "x = 1"})"));
  EXPECT_EQ(notebook.cells[0].language, "sql");
  EXPECT_FALSE(notebook.cells[0].is_python);
  EXPECT_EQ(notebook.python_source, "x = 1\n");
}

TEST(NotebookTest, ByteOrderMarkIsSkipped) {
  Notebook notebook = Read("\xEF\xBB\xBF" + WithCells(""));
  EXPECT_TRUE(notebook.cells.empty());
}

TEST(NotebookTest, InvalidJsonSaysWhere) {
  ReadResult result = ReadNotebook("{\n  \"nbformat\": 4,\n  \"cells\": [1 2]\n}");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error.line, 3u);
  EXPECT_EQ(result.error.column, 15u);
  EXPECT_EQ(result.error.message,
            "invalid JSON at line 3, column 15: expected ',' or ']', found character '2'");
}

TEST(NotebookTest, TruncatedFile) {
  std::string json = WithCells(R"({"cell_type": "code", "source": "x = 1"})");
  std::string message = ReadError(json.substr(0, json.size() / 2));
  EXPECT_NE(message.find("truncated"), std::string::npos) << message;
  EXPECT_EQ(ReadError("   \n"), "invalid JSON: the file is empty");
  EXPECT_EQ(ReadError(""), "invalid JSON: the file is empty");
}

TEST(NotebookTest, BinaryData) {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  EXPECT_EQ(ReadError(png),
            "invalid JSON at line 1, column 1: invalid UTF-8 (byte 0x89); is this a binary file?");
  EXPECT_EQ(ReadError("{\"a\": \"\xff\"}"),
            "invalid JSON at line 1, column 8: invalid UTF-8 (byte 0xff); is this a binary file?");
}

TEST(NotebookTest, BadStringsAndNumbersSayWhere) {
  EXPECT_EQ(ReadError(R"({"a": "\ud800x"})"),
            "invalid JSON at line 1, column 8: unpaired surrogate in a \\u escape");
  EXPECT_EQ(ReadError(R"({"a": 1e999})"), "invalid JSON at line 1, column 7: number too large");
  EXPECT_EQ(ReadError("{\"a\": \"tab\there\"}"),
            "invalid JSON at line 1, column 11: unescaped control byte 0x09 in a string");
  EXPECT_EQ(ReadError(R"({"a": 1,})"),
            "invalid JSON at line 1, column 9: expected a string key, found character '}'");
}

TEST(NotebookTest, DeepNestingIsAnErrorNotACrash) {
  std::string deep = std::string(100000, '[') + std::string(100000, ']');
  std::string message = ReadError(deep);
  EXPECT_NE(message.find("nested deeper than"), std::string::npos) << message;
}

TEST(NotebookTest, UnsupportedFormats) {
  EXPECT_EQ(ReadError(R"({"nbformat": 3, "nbformat_minor": 0, "worksheets": []})"),
            "unsupported notebook format nbformat 3: only nbformat 4 is read (convert it with "
            "`jupyter nbconvert --to notebook --nbformat 4`)");
  EXPECT_EQ(ReadError(R"({"cells": []})"), "not a Jupyter notebook: no \"nbformat\" version");
  EXPECT_EQ(ReadError(R"({"nbformat": "4", "cells": []})"),
            "\"nbformat\" is a string, not a version number");
  EXPECT_EQ(ReadError("[1, 2]"),
            "not a Jupyter notebook: the JSON document is a list, not an object");
}

TEST(NotebookTest, WrongStructure) {
  EXPECT_EQ(ReadError(R"({"nbformat": 4})"), "not a Jupyter notebook: no \"cells\" list");
  EXPECT_EQ(ReadError(R"({"nbformat": 4, "cells": {}})"), "\"cells\" is an object, not a list");
  EXPECT_EQ(ReadError(WithCells("7")), "cell 1 is a number, not an object");
  EXPECT_EQ(ReadError(WithCells(R"({"source": ""})")), "cell 1 has no \"cell_type\"");
  EXPECT_EQ(ReadError(WithCells(R"({"cell_type": "image", "source": ""})")),
            "cell 1 has an unknown cell_type \"image\"");
  EXPECT_EQ(ReadError(WithCells(R"({"cell_type": "code"})")), "cell 1 has no \"source\"");
  EXPECT_EQ(ReadError(WithCells(R"({"cell_type": "code", "source": ["a", 1]})")),
            "cell 1: \"source\" is a list, not a string or a list of strings");
  EXPECT_EQ(ReadError(WithCells(R"({"cell_type": "code", "source": "", "execution_count": "1"})")),
            "cell 1: \"execution_count\" is a string, not a number or null");
  EXPECT_EQ(ReadError(WithCells(R"({"cell_type": "code", "source": "", "outputs": 1})")),
            "cell 1: \"outputs\" is a number, not a list");
}

TEST(NotebookTest, SizeLimit) {
  ReadOptions options;
  options.max_bytes = 10;
  ReadResult result = ReadNotebook(WithCells(""), options);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error.message.find("more than the limit of 10 bytes"), std::string::npos);
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The test notebooks are realistic: magics of every kind, skipped cells,
// out-of-order execution and outputs with absolute paths.
TEST(NotebookTest, TestNotebooksParseAsPython) {
  int python_notebooks = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(DSAUDIT_TEST_DATA) + "/notebooks")) {
    if (entry.path().extension() != ".ipynb") continue;
    ReadResult result = ReadNotebook(ReadFile(entry.path()));
    ASSERT_TRUE(result.ok()) << entry.path() << ": " << result.error.message;
    if (!result.notebook->is_python) continue;
    ++python_notebooks;
    auto parsed = python::Parse(python::SourceText::FromUtf8(result.notebook->python_source));
    for (const python::SyntaxError& error : parsed->errors) {
      auto where = result.notebook->MapPosition(error.line, error.column);
      ADD_FAILURE() << entry.path() << ": cell " << (where ? where->cell : 0) << ":"
                    << (where ? where->line : 0) << ": " << error.message;
    }
  }
  EXPECT_GE(python_notebooks, 2);
}

TEST(NotebookTest, SalesNotebookFacts) {
  ReadResult result =
      ReadNotebook(ReadFile(std::string(DSAUDIT_TEST_DATA) + "/notebooks/sales_analysis.ipynb"));
  ASSERT_TRUE(result.ok()) << result.error.message;
  const Notebook& notebook = *result.notebook;
  EXPECT_EQ(notebook.cells.size(), 7u);
  EXPECT_EQ(notebook.cells[1].id, "b2c3d4e5");
  EXPECT_EQ(notebook.cells[1].execution_count, 3);
  EXPECT_EQ(notebook.cells[2].execution_count, 1);
  ASSERT_FALSE(notebook.magics.empty());
  EXPECT_EQ(notebook.magics[0].syntax.text, "!pip install pandas==2.1.0 seaborn");
  EXPECT_EQ(notebook.magics[0].cell, 2u);
  EXPECT_NE(notebook.cells[5].outputs[0].text.find("/home/alice/miniconda3"), std::string::npos);
}

}  // namespace
}  // namespace dsaudit::notebook
