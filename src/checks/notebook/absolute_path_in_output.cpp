// DS156: user home directories visible in saved cell outputs.
#include <fmt/format.h>
#include <re2/re2.h>

#include "checks/check_context.h"
#include "checks/notebook/notebook_util.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS156",
    .name = "absolute-path-in-output",
    .area = Area::kPortability,
    .severity = Severity::kMinor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Finds absolute paths into a user's home directory (`/home/<user>/...`, "
            "`/Users/<user>/...`, `C:\\Users\\<user>\\...`, `/root/...`) in the saved outputs "
            "of code cells, tracebacks included. One finding per cell; the message shows only "
            "the first two characters and the length of the path.",
    .why = "Such outputs reveal user names and the layout of someone's machine to everyone who "
           "reads the repository, and show that the notebook depends on files that exist only "
           "there: it will not run anywhere else.",
    .example = "An output line `FileNotFoundError: /home/alice/Downloads/train_v2.csv`.",
    .instead = "Read paths relative to the project (`Path(__file__).parent`, a `DATA_DIR` "
               "setting or environment variable) and clear outputs before committing.",
};

void CheckPaths(CheckContext& context) {
  static const RE2 kHomePath(
      R"(((?:/home/|/Users/)[A-Za-z0-9._-]+/[^\s'"<>:]*|/root/[^\s'"<>:]+|[A-Za-z]:\\{1,2}Users\\{1,2}[^\s'"<>]+))");
  const notebook::Notebook* book = context.notebook();
  if (book == nullptr) return;
  for (const notebook::Cell& cell : book->cells) {
    for (const notebook::Output& output : cell.outputs) {
      re2::StringPiece path;
      if (!RE2::PartialMatch(output.text, kHomePath, &path)) continue;
      context.Report(kRule, notebook_checks::CellStart(cell),
                     fmt::format("output of cell {} shows a path in a home directory {}: it "
                                 "leaks a user name and only exists on that machine",
                                 cell.number, security::Redact(std::string_view(path.data(), path.size()))));
      break;
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckPaths, .notebooks_only = true});

}  // namespace dsaudit::checks
