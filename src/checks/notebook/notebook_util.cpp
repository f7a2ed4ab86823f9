#include "checks/notebook/notebook_util.h"

namespace dsaudit::checks::notebook_checks {

python::Position CellStart(const notebook::Cell& cell) {
  if (!cell.is_python || cell.line_count == 0) return {};
  return {cell.first_line, 0, cell.first_line, 0};
}

python::Position MagicPosition(const notebook::Magic& magic) {
  if (magic.source_line == 0) return {};
  uint32_t column = magic.syntax.column > 0 ? magic.syntax.column - 1 : 0;
  uint32_t end_column = column + static_cast<uint32_t>(magic.syntax.text.find('\n') ==
                                                               std::string::npos
                                                           ? magic.syntax.text.size()
                                                           : magic.syntax.text.find('\n'));
  return {magic.source_line, column, magic.source_line, end_column};
}

}  // namespace dsaudit::checks::notebook_checks
