// S201: app.run(debug=True) on a Flask application.
#include "checks/check_context.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "S201",
    .name = "flask-debug-true",
    .area = Area::kSecurity,
    .severity = Severity::kCritical,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Finds `app.run(debug=True)` where `app` was assigned from `flask.Flask(...)`.",
    .why = "Flask's debug mode serves the Werkzeug debugger, which runs any Python code typed "
           "into the error page. A model demo started this way on a reachable host is a remote "
           "shell.",
    .example = "```python\napp = Flask(__name__)\n...\napp.run(host=\"0.0.0.0\", debug=True)\n```",
    .instead = "```python\napp.run(debug=os.environ.get(\"FLASK_DEBUG\") == \"1\")\n```\n\nIn "
               "production, serve the app with gunicorn or waitress instead of `app.run`.",
};

void CheckFlaskDebug(const python::Node& node, CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  if (!model.ImportsModule("flask")) return;
  const auto& call = static_cast<const python::Call&>(node);
  const auto* method = python::DynCast<python::Attribute>(call.func);
  if (method == nullptr || method->attr != "run") return;
  const python::Keyword* debug = security::FindKeyword(call, "debug");
  if (debug == nullptr || !security::IsConstTrue(debug->value)) return;
  const auto* created = python::DynCast<python::Call>(security::AssignedValue(method->value, model));
  if (created == nullptr || !model.Matches(created->func, "flask.Flask")) return;
  context.Report(kRule, *debug, "Use of `debug=True` in Flask app detected");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kCall},
                        .on_node = CheckFlaskDebug});

}  // namespace dsaudit::checks
