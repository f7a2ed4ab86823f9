// DS155: credentials visible in saved cell outputs.
#include <fmt/format.h>
#include <re2/re2.h>

#include "checks/check_context.h"
#include "checks/notebook/notebook_util.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "DS155",
    .name = "secret-in-output",
    .area = Area::kSecurity,
    .severity = Severity::kCritical,
    .effort_minutes = 30,
    .fixable = false,
    .what = "Finds credentials in the saved outputs of code cells (printed text, results, "
            "tracebacks): AWS access keys, private keys, GitHub, Slack, OpenAI, Hugging Face and "
            "Google API tokens, and `password=`/`token:`/`api_key=` assignments with a value. "
            "One finding per cell; the message shows only the first two characters and the "
            "length of the secret.",
    .why = "Outputs are saved inside the `.ipynb` file, so a notebook that printed `os.environ`, "
           "a connection string or a config leaks the secret to everyone who can read the "
           "repository, even after the code that printed it was changed. Secret scanners that "
           "read only source code miss it.",
    .example = "A cell `print(config)` whose output shows `{'aws_secret_access_key': "
               "'wJalr...'}`.",
    .instead = "Clear the outputs (`jupyter nbconvert --clear-output`, `nbstripout` as a git "
               "filter), rotate the leaked credential, and never print configuration objects "
               "that hold secrets.",
};

struct Pattern {
  std::string_view kind;
  const RE2* regex;
};

const std::vector<Pattern>& Patterns() {
  // Built once and never destroyed, so the compiled expressions stay
  // reachable for the whole run (and are not reported as leaked at exit).
  static const std::vector<Pattern>* const patterns = new std::vector<Pattern>{
      {"an AWS access key", new RE2(R"(\b((?:AKIA|ASIA)[0-9A-Z]{16})\b)")},
      {"a private key", new RE2(R"((-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----))")},
      {"a GitHub token", new RE2(R"(\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}))")},
      {"a Slack token", new RE2(R"(\b(xox[abprs]-[A-Za-z0-9-]{10,}))")},
      {"an OpenAI API key", new RE2(R"(\b(sk-(?:proj-)?[A-Za-z0-9_-]{20,}))")},
      {"a Hugging Face token", new RE2(R"(\b(hf_[A-Za-z0-9]{30,}))")},
      {"a Google API key", new RE2(R"(\b(AIza[0-9A-Za-z_-]{35}))")},
      {"a password or token", new RE2(
           R"((?i)\b(?:password|passwd|pwd|secret|secret_key|token|access_token|api_key|apikey)['"]?\s*[:=]\s*['"]?([^\s'",}]{6,}))")},
  };
  return *patterns;
}

void CheckOutputs(CheckContext& context) {
  const notebook::Notebook* book = context.notebook();
  if (book == nullptr) return;
  for (const notebook::Cell& cell : book->cells) {
    for (const notebook::Output& output : cell.outputs) {
      re2::StringPiece secret;
      std::string_view kind;
      for (const Pattern& pattern : Patterns()) {
        if (RE2::PartialMatch(output.text, *pattern.regex, &secret)) {
          kind = pattern.kind;
          break;
        }
      }
      if (kind.empty()) continue;
      context.Report(kRule, notebook_checks::CellStart(cell),
                     fmt::format("output of cell {} shows {} {}: clear the outputs and rotate "
                                 "the secret",
                                 cell.number, kind, security::Redact(std::string_view(secret.data(), secret.size()))));
      break;
    }
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule}, .on_file = CheckOutputs, .notebooks_only = true});

}  // namespace dsaudit::checks
