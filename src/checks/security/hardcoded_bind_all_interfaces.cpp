// S104: the string "0.0.0.0", which binds a server to every interface.
#include "checks/check_context.h"
#include "checks/security/security_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "S104",
    .name = "hardcoded-bind-all-interfaces",
    .area = Area::kSecurity,
    .severity = Severity::kMinor,
    .effort_minutes = 5,
    .fixable = false,
    .what = "Finds the string `\"0.0.0.0\"` (also as a literal part of an f-string), the address "
            "that binds a server to all network interfaces.",
    .why = "A model server, Flask/FastAPI app, Jupyter or MLflow UI bound to `0.0.0.0` on a "
           "laptop or a cloud VM is reachable from the whole network, usually without "
           "authentication. Inside a container it is often needed; then it should come from "
           "configuration, not be written into the code.",
    .example = "```python\napp.run(host=\"0.0.0.0\", port=8080)\n```",
    .instead = "```python\napp.run(host=os.environ.get(\"HOST\", \"127.0.0.1\"), port=8080)\n```",
};

void CheckBindAll(const python::Node& node, CheckContext& context) {
  std::optional<std::string_view> text = security::StringLiteral(&node);
  if (!text || *text != "0.0.0.0") return;
  python::Position pos = node.pos;
  // A literal part of an f-string carries the f-string's position (as in
  // CPython 3.11); ruff points at the part itself.
  const python::Node* parent = context.model().Parent(&node);
  if (python::Isa<python::JoinedStr>(parent) && pos.line == pos.end_line) {
    std::string_view text = context.Text(*parent);
    size_t at = text.find("0.0.0.0");
    if (at != std::string_view::npos && text.substr(0, at).find('\n') == std::string_view::npos) {
      pos.col += static_cast<uint32_t>(at);
      pos.end_col = pos.col + 7;
    }
  }
  context.Report(kRule, pos, "Possible binding to all interfaces");
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kConstant},
                        .on_node = CheckBindAll});

}  // namespace dsaudit::checks
