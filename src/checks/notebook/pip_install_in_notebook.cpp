// DS152: `!pip install` / `%pip install` (and conda, mamba) in cells.
#include <fmt/format.h>
#include <re2/re2.h>

#include "checks/check_context.h"
#include "checks/notebook/notebook_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS152",
    .name = "pip-install-in-notebook",
    .area = Area::kPackaging,
    .severity = Severity::kMinor,
    .effort_minutes = 10,
    .fixable = false,
    .what = "Finds package installation commands in notebook cells: `!pip install`, `%pip "
            "install`, `!python -m pip install`, `!conda install`, `%conda install`, `!mamba "
            "install`, `!uv pip install`, and the automagic `pip install`.",
    .why = "Installing from inside a notebook hides the project's dependencies in cells: the "
           "versions are rarely pinned, nothing records what was installed, the kernel keeps "
           "modules imported before the install, and every run changes the environment. The "
           "notebook works on one machine and nowhere else.",
    .example = "```python\n!pip install xgboost\nimport xgboost as xgb\n```",
    .instead = "Declare dependencies with pinned versions in `requirements.txt`, "
               "`pyproject.toml` or `environment.yml`, and install them into the kernel's "
               "environment before starting Jupyter.",
};

bool IsInstall(const notebook::Magic& magic) {
  static const RE2 kInstall(
      R"(^[!%]*\s*(python3?\s+-m\s+)?(pip3?|conda|mamba|micromamba|uv\s+pip)\s+install\b)");
  switch (magic.syntax.kind) {
    case notebook::MagicKind::kShell:
    case notebook::MagicKind::kShellCapture:
    case notebook::MagicKind::kShellAssign:
    case notebook::MagicKind::kLineMagic:
    case notebook::MagicKind::kAutomagic:
      break;
    default:
      return false;
  }
  std::string_view text = magic.syntax.text;
  // `out = !pip install x`: the command starts at the escape.
  size_t escape = text.find_first_of("!%");
  if (magic.syntax.kind == notebook::MagicKind::kShellAssign && escape != std::string_view::npos) {
    text.remove_prefix(escape);
  }
  return RE2::PartialMatch(text, kInstall);
}

void CheckInstalls(CheckContext& context) {
  const notebook::Notebook* book = context.notebook();
  if (book == nullptr) return;
  for (const notebook::Magic& magic : book->magics) {
    if (!IsInstall(magic)) continue;
    std::string_view tool = magic.syntax.name;
    context.Report(kRule, notebook_checks::MagicPosition(magic),
                   fmt::format("`{}` installs packages from a cell (cell {}): declare pinned "
                               "dependencies in the project instead",
                               tool.empty() ? "install" : tool, magic.cell));
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckInstalls, .notebooks_only = true});

}  // namespace dsaudit::checks
