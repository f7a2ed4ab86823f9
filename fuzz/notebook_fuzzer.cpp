// Fuzzes the notebook reader: arbitrary bytes must give a notebook or an
// error, never a crash, and every line of the Python source must map back to
// a cell line that maps forward to it again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "frontend/notebook/notebook.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  dsaudit::notebook::ReadResult result = dsaudit::notebook::ReadNotebook(bytes);
  if (!result.ok()) return 0;
  const dsaudit::notebook::Notebook& notebook = *result.notebook;
  uint32_t lines = 1;
  for (char c : notebook.python_source) lines += c == '\n';
  for (uint32_t line = 1; line < lines; ++line) {
    auto where = notebook.MapPosition(line, 1);
    if (!where || notebook.SourceLine(where->cell, where->line) != line) std::abort();
  }
  return 0;
}
