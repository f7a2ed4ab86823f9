// E401: `import a, b` on one line.
#include <string>

#include "checks/check_context.h"
#include "checks/fix_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "E401",
    .name = "multiple-imports-on-one-line",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 1,
    .fixable = true,
    .what = "Checks for `import` statements that import several modules at once.",
    .why = "One module per line keeps diffs and merge conflicts to the line that changed, and "
           "makes an unused or missing dependency easy to see and remove.",
    .example = "```python\nimport os, sys\n```",
    .instead = "```python\nimport os\nimport sys\n```",
};

std::string OneImport(const python::Alias& alias) {
  std::string text = "import " + std::string(alias.name);
  if (!alias.asname.empty()) text += " as " + std::string(alias.asname);
  return text;
}

// One import per line, indented as the statement; joined with `; ` where the
// statement shares its line with others.
std::optional<Fix> SplitImports(const CheckContext& context, const python::Import& import) {
  std::string_view text = context.source().text();
  uint32_t begin = context.Offset(import.pos.line, import.pos.col);
  uint32_t end = context.Offset(import.pos.end_line, import.pos.end_col);
  if (HasCommentBetween(context, begin, end)) return std::nullopt;
  uint32_t line_start = context.source().line_start(import.pos.line);
  bool alone_before = text.substr(line_start, begin - line_start).find_first_not_of(" \t\f") ==
                      std::string_view::npos;
  uint32_t after = end;
  while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
  bool alone_after = after >= text.size() || text[after] == '\n' || text[after] == '#';
  std::string replacement;
  if (alone_before && alone_after) {
    std::string indent(text.substr(line_start, begin - line_start));
    for (const python::Alias* alias : import.names) {
      if (!replacement.empty()) replacement += '\n';
      replacement += indent + OneImport(*alias);
    }
    return Fix{{Edit{line_start, end, std::move(replacement)}}};
  }
  for (const python::Alias* alias : import.names) {
    if (!replacement.empty()) replacement += "; ";
    replacement += OneImport(*alias);
  }
  return Fix{{Edit{begin, end, std::move(replacement)}}};
}

void CheckImport(const python::Node& node, CheckContext& context) {
  const auto& import = static_cast<const python::Import&>(node);
  if (import.names.size() < 2) return;
  context.Report(Diagnostic{.rule = &kRule,
                            .pos = import.pos,
                            .message = "Multiple imports on one line",
                            .fix = SplitImports(context, import)});
}

}  // namespace

DSAUDIT_REGISTER_CHECK(
    {.rules = {&kRule}, .node_kinds = {python::NodeKind::kImport}, .on_node = CheckImport});

}  // namespace dsaudit::checks
