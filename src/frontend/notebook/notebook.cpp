#include "frontend/notebook/notebook.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cctype>

#include "frontend/notebook/json_error.h"

namespace dsaudit::notebook {
namespace {

namespace dom = simdjson::dom;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string_view JsonTypeName(dom::element value) {
  switch (value.type()) {
    case dom::element_type::ARRAY:
      return "a list";
    case dom::element_type::OBJECT:
      return "an object";
    case dom::element_type::STRING:
      return "a string";
    case dom::element_type::BOOL:
      return "a boolean";
    case dom::element_type::NULL_VALUE:
      return "null";
    default:
      return "a number";
  }
}

std::optional<dom::element> Field(dom::object object, std::string_view key) {
  dom::element value;
  if (object.at_key(key).get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

std::optional<dom::object> ObjectField(dom::object object, std::string_view key) {
  dom::object value;
  auto field = Field(object, key);
  if (!field || field->get_object().get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

std::string StringField(std::optional<dom::object> object, std::string_view key) {
  if (!object) return {};
  std::string_view value;
  auto field = Field(*object, key);
  if (!field || field->get_string().get(value) != simdjson::SUCCESS) return {};
  return std::string(value);
}

// nbformat stores multi-line text as a string or a list of strings.
bool AppendMultiline(dom::element value, std::string& out) {
  std::string_view text;
  if (value.get_string().get(text) == simdjson::SUCCESS) {
    out += text;
    return true;
  }
  dom::array lines;
  if (value.get_array().get(lines) != simdjson::SUCCESS) return false;
  for (dom::element line : lines) {
    if (line.get_string().get(text) != simdjson::SUCCESS) return false;
    out += text;
  }
  return true;
}

size_t StringBytes(dom::element value) {
  std::string_view text;
  if (value.get_string().get(text) == simdjson::SUCCESS) return text.size();
  dom::array items;
  if (value.get_array().get(items) != simdjson::SUCCESS) return 0;
  size_t total = 0;
  for (dom::element item : items) total += StringBytes(item);
  return total;
}

bool IsPythonLanguage(std::string_view language) {
  std::string lower(language);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.empty() || lower.find("python") != std::string::npos;
}

// Reads the DOM into a Notebook; the first structural problem stops it.
class NotebookReader {
 public:
  bool Read(dom::element root, Notebook& notebook);
  const std::string& error() const { return error_; }

 private:
  bool Fail(std::string message) {
    error_ = std::move(message);
    return false;
  }
  bool ReadFormat(dom::object root, Notebook& notebook);
  void ReadMetadata(dom::object root, Notebook& notebook);
  bool ReadCell(dom::element value, Cell& cell);
  bool ReadOutputs(dom::object object, Cell& cell);
  bool ReadOutput(dom::object object, Output& output);

  std::string error_;
};

bool NotebookReader::Read(dom::element root, Notebook& notebook) {
  dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    return Fail(fmt::format("not a Jupyter notebook: the JSON document is {}, not an object",
                            JsonTypeName(root)));
  }
  if (!ReadFormat(object, notebook)) return false;
  ReadMetadata(object, notebook);
  auto cells = Field(object, "cells");
  if (!cells) return Fail("not a Jupyter notebook: no \"cells\" list");
  dom::array list;
  if (cells->get_array().get(list) != simdjson::SUCCESS) {
    return Fail(fmt::format("\"cells\" is {}, not a list", JsonTypeName(*cells)));
  }
  notebook.cells.reserve(list.size());
  for (dom::element value : list) {
    Cell& cell = notebook.cells.emplace_back();
    cell.number = static_cast<uint32_t>(notebook.cells.size());
    if (!ReadCell(value, cell)) return false;
  }
  return true;
}

bool NotebookReader::ReadFormat(dom::object root, Notebook& notebook) {
  auto format = Field(root, "nbformat");
  if (!format) return Fail("not a Jupyter notebook: no \"nbformat\" version");
  int64_t major = 0;
  if (format->get_int64().get(major) != simdjson::SUCCESS) {
    return Fail(fmt::format("\"nbformat\" is {}, not a version number", JsonTypeName(*format)));
  }
  if (major != 4) {
    return Fail(fmt::format(
        "unsupported notebook format nbformat {}: only nbformat 4 is read (convert it with "
        "`jupyter nbconvert --to notebook --nbformat 4`)",
        major));
  }
  notebook.nbformat = 4;
  int64_t minor = 0;
  if (auto value = Field(root, "nbformat_minor"); value && value->get_int64().get(minor) == 0) {
    notebook.nbformat_minor = static_cast<int>(std::clamp<int64_t>(minor, 0, 1 << 20));
  }
  return true;
}

void NotebookReader::ReadMetadata(dom::object root, Notebook& notebook) {
  auto metadata = ObjectField(root, "metadata");
  if (!metadata) return;
  auto kernelspec = ObjectField(*metadata, "kernelspec");
  NotebookMetadata& out = notebook.metadata;
  out.kernel_name = StringField(kernelspec, "name");
  out.kernel_display_name = StringField(kernelspec, "display_name");
  out.language = StringField(kernelspec, "language");
  if (out.language.empty())
    out.language = StringField(ObjectField(*metadata, "language_info"), "name");
  out.title = StringField(metadata, "title");
  notebook.is_python = IsPythonLanguage(out.language);
}

bool NotebookReader::ReadCell(dom::element value, Cell& cell) {
  dom::object object;
  if (value.get_object().get(object) != simdjson::SUCCESS) {
    return Fail(fmt::format("cell {} is {}, not an object", cell.number, JsonTypeName(value)));
  }
  std::string type = StringField(object, "cell_type");
  if (type == "code") {
    cell.type = CellType::kCode;
  } else if (type == "markdown") {
    cell.type = CellType::kMarkdown;
  } else if (type == "raw") {
    cell.type = CellType::kRaw;
  } else {
    return Fail(type.empty()
                    ? fmt::format("cell {} has no \"cell_type\"", cell.number)
                    : fmt::format("cell {} has an unknown cell_type \"{}\"", cell.number, type));
  }
  auto source = Field(object, "source");
  if (!source) return Fail(fmt::format("cell {} has no \"source\"", cell.number));
  if (!AppendMultiline(*source, cell.source)) {
    return Fail(fmt::format("cell {}: \"source\" is {}, not a string or a list of strings",
                            cell.number, JsonTypeName(*source)));
  }
  cell.id = StringField(object, "id");
  auto metadata = ObjectField(object, "metadata");
  if (metadata) cell.language = StringField(ObjectField(*metadata, "vscode"), "languageId");
  if (cell.type != CellType::kCode) return true;

  if (auto count = Field(object, "execution_count"); count && !count->is_null()) {
    int64_t number = 0;
    if (count->get_int64().get(number) != simdjson::SUCCESS) {
      return Fail(fmt::format("cell {}: \"execution_count\" is {}, not a number or null",
                              cell.number, JsonTypeName(*count)));
    }
    cell.execution_count = number;
  }
  return ReadOutputs(object, cell);
}

bool NotebookReader::ReadOutputs(dom::object object, Cell& cell) {
  auto outputs = Field(object, "outputs");
  if (!outputs) return true;
  dom::array list;
  if (outputs->get_array().get(list) != simdjson::SUCCESS) {
    return Fail(
        fmt::format("cell {}: \"outputs\" is {}, not a list", cell.number, JsonTypeName(*outputs)));
  }
  for (dom::element value : list) {
    dom::object output_object;
    if (value.get_object().get(output_object) != simdjson::SUCCESS) {
      return Fail(fmt::format("cell {}: output {} is {}, not an object", cell.number,
                              cell.outputs.size() + 1, JsonTypeName(value)));
    }
    Output output;
    if (!ReadOutput(output_object, output)) continue;
    cell.outputs.push_back(std::move(output));
  }
  return true;
}

// False for an output type nbformat 4 does not define; such outputs carry no
// text we could check, so they are skipped rather than refused.
bool NotebookReader::ReadOutput(dom::object object, Output& output) {
  std::string type = StringField(object, "output_type");
  if (type == "stream") {
    output.type = OutputType::kStream;
    output.name = StringField(object, "name");
    if (auto text = Field(object, "text")) AppendMultiline(*text, output.text);
    output.data_bytes = output.text.size();
    return true;
  }
  if (type == "execute_result" || type == "display_data") {
    output.type = type == "display_data" ? OutputType::kDisplayData : OutputType::kExecuteResult;
    auto data = ObjectField(object, "data");
    if (!data) return true;
    for (auto [mime, value] : *data) {
      output.data_bytes += StringBytes(value);
      if (mime == "text/plain") AppendMultiline(value, output.text);
    }
    return true;
  }
  if (type == "error") {
    output.type = OutputType::kError;
    output.name = StringField(object, "ename");
    dom::array traceback;
    if (auto lines = Field(object, "traceback");
        lines && lines->get_array().get(traceback) == simdjson::SUCCESS) {
      for (dom::element line : traceback) {
        std::string_view text;
        if (line.get_string().get(text) != simdjson::SUCCESS) continue;
        if (!output.text.empty()) output.text += '\n';
        output.text += text;
      }
    }
    if (output.text.empty()) output.text = output.name + ": " + StringField(object, "evalue");
    output.data_bytes = output.text.size();
    return true;
  }
  return false;
}

uint32_t CountLines(std::string_view text) {
  return static_cast<uint32_t>(std::count(text.begin(), text.end(), '\n')) + 1;
}

// Masks IPython syntax in each code cell and joins the Python cells.
void BuildPythonSource(Notebook& notebook) {
  if (!notebook.is_python) return;
  uint32_t next_line = 1;
  for (uint32_t index = 0; index < notebook.cells.size(); ++index) {
    Cell& cell = notebook.cells[index];
    if (cell.type != CellType::kCode || !IsPythonLanguage(cell.language)) continue;
    MaskedCell masked = MaskIpythonSyntax(cell.source);
    if (masked.is_python) {
      cell.is_python = true;
      cell.first_line = next_line;
      cell.line_count = CountLines(masked.python);
      next_line += cell.line_count;
      notebook.python_source += masked.python;
      notebook.python_source += '\n';
      notebook.python_cells.push_back(index);
    }
    for (IpythonSyntax& syntax : masked.syntax) {
      uint32_t source_line = cell.is_python ? cell.first_line + syntax.line - 1 : 0;
      if (source_line != 0 && syntax.code_column != 0) {
        notebook.column_shifts.push_back(
            {source_line, syntax.column - 1, syntax.code_column - syntax.column});
      }
      notebook.magics.push_back(Magic{std::move(syntax), cell.number, source_line});
    }
  }
}

// Turns a simdjson failure into a message with a place when one can be found.
NotebookError JsonError(std::string_view json, simdjson::error_code code) {
  NotebookError error;
  if (code == simdjson::EMPTY || json.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    error.message = "invalid JSON: the file is empty";
    return error;
  }
  auto found = FindJsonSyntaxError(json);
  if (!found) {
    error.message = fmt::format("invalid JSON: {}", simdjson::error_message(code));
    return error;
  }
  std::string_view before = json.substr(0, found->offset);
  error.line = CountLines(before);
  size_t line_start = before.rfind('\n');
  error.column = static_cast<uint32_t>(
      found->offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1);
  error.message =
      fmt::format("invalid JSON at line {}, column {}: {}", error.line, error.column, found->what);
  return error;
}

}  // namespace

std::string_view CellTypeName(CellType type) {
  switch (type) {
    case CellType::kCode:
      return "code";
    case CellType::kMarkdown:
      return "markdown";
    case CellType::kRaw:
      return "raw";
  }
  return "cell";
}

std::string_view OutputTypeName(OutputType type) {
  switch (type) {
    case OutputType::kStream:
      return "stream";
    case OutputType::kExecuteResult:
      return "execute_result";
    case OutputType::kDisplayData:
      return "display_data";
    case OutputType::kError:
      return "error";
  }
  return "output";
}

std::optional<CellPosition> Notebook::MapPosition(uint32_t line, uint32_t column) const {
  auto after = std::upper_bound(
      python_cells.begin(), python_cells.end(), line,
      [&](uint32_t wanted, uint32_t index) { return wanted < cells[index].first_line; });
  if (after == python_cells.begin()) return std::nullopt;
  const Cell& cell = cells[*(after - 1)];
  if (line >= cell.first_line + cell.line_count) return std::nullopt;
  auto shift = std::lower_bound(
      column_shifts.begin(), column_shifts.end(), line,
      [](const ColumnShift& candidate, uint32_t wanted) { return candidate.line < wanted; });
  if (shift != column_shifts.end() && shift->line == line && column >= shift->column) {
    column += shift->delta;
  }
  return CellPosition{cell.number, line - cell.first_line + 1, column};
}

uint32_t Notebook::SourceLine(uint32_t cell, uint32_t line) const {
  if (cell == 0 || cell > cells.size() || line == 0) return 0;
  const Cell& found = cells[cell - 1];
  if (!found.is_python || line > found.line_count) return 0;
  return found.first_line + line - 1;
}

ReadResult ReadNotebook(std::string_view json_bytes, const ReadOptions& options) {
  ReadResult result;
  if (json_bytes.size() > options.max_bytes) {
    result.error.message = fmt::format("the notebook is {} bytes, more than the limit of {} bytes",
                                       json_bytes.size(), options.max_bytes);
    return result;
  }
  if (json_bytes.starts_with(kUtf8Bom)) json_bytes.remove_prefix(kUtf8Bom.size());
  simdjson::padded_string padded(json_bytes);
  dom::parser parser;
  dom::element root;
  if (auto code = parser.parse(padded).get(root); code != simdjson::SUCCESS) {
    result.error = JsonError(json_bytes, code);
    return result;
  }
  Notebook notebook;
  NotebookReader reader;
  if (!reader.Read(root, notebook)) {
    result.error.message = reader.error();
    return result;
  }
  BuildPythonSource(notebook);
  result.notebook = std::move(notebook);
  return result;
}

}  // namespace dsaudit::notebook
