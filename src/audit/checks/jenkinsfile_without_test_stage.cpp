// DS833: a Jenkins pipeline with no stage that tests.
#include <cctype>
#include <string>

#include "audit/checks/ci_util.h"
#include "audit/project_check.h"

namespace dsaudit::audit {
namespace {

const RuleInfo kRule = {
    .code = "DS833",
    .name = "jenkinsfile-without-test-stage",
    .area = Area::kDevops,
    .severity = Severity::kMajor,
    .effort_minutes = 30,
    .what = "Reports a `Jenkinsfile` none of whose `stage(...)` names mentions test and which "
            "runs no test command.",
    .why = "A pipeline that builds and deploys without testing ships regressions automatically.",
    .example = "```groovy\nstage('Build') { steps { sh 'docker build .' } }\n"
               "stage('Deploy') { steps { sh './deploy.sh' } }\n```",
    .instead = "```groovy\nstage('Test') { steps { sh 'pytest' } }\n```",
};

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void Run(AuditContext& context) {
  for (const InventoryFile* file : context.inventory().Files(FileRole::kJenkinsfile)) {
    std::string text = Lower(file->text);
    bool tested = false;
    for (size_t at = text.find("stage("); at != std::string::npos; at = text.find("stage(", at + 1)) {
      size_t close = text.find(')', at);
      if (text.substr(at, close - at).find("test") != std::string::npos) tested = true;
    }
    for (std::string_view command : kTestCommands) {
      if (text.find(command) != std::string::npos) tested = true;
    }
    if (tested) continue;
    size_t pipeline = file->text.find("pipeline");
    Span span = pipeline == std::string::npos ? Span{}
                                              : SpanOf(file->text, pipeline, pipeline + 8);
    context.Report(kRule, *file, span, "Jenkins pipeline has no test stage");
  }
}

}  // namespace

DSAUDIT_REGISTER_PROJECT_CHECK(kRule, Run);

}  // namespace dsaudit::audit
