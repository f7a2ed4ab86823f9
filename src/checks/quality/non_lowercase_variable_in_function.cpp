// N806: a variable bound in a function body whose name is not lowercase.
#include <fmt/format.h>

#include <algorithm>

#include "checks/check_context.h"
#include "checks/quality/quality_util.h"

namespace dsaudit::checks {
namespace {

const RuleInfo kRule = {
    .code = "N806",
    .name = "non-lowercase-variable-in-function",
    .area = Area::kCodeQuality,
    .severity = Severity::kMinor,
    .effort_minutes = 2,
    .fixable = false,
    .what = "Finds local variables of functions (assignment, loop, `with` and `match` targets) "
            "whose names contain uppercase letters. Names declared `global`, and assignments "
            "that create types (`namedtuple`, `NamedTuple`, `TypedDict`, `TypeVar`, `NewType`, "
            "type aliases) are exempt.",
    .why = "Uppercase names signal constants and classes. A local `DF = load()` or `Result = []` "
           "suggests something module-wide and immutable that it is not. scikit-style `X_train` "
           "is a deliberate convention: suppress it per line or file if the team uses it.",
    .example = "```python\ndef summarise(df):\n    TotalRows = len(df)\n    return TotalRows\n```",
    .instead = "```python\ndef summarise(df):\n    total_rows = len(df)\n    return total_rows\n```",
};

bool IsTypeCreation(const semantic::SemanticModel& model, const python::Stmt* statement,
                    std::string_view name) {
  if (python::Isa<python::TypeAlias>(statement)) return true;
  if (const auto* annotated = python::DynCast<python::AnnAssign>(statement)) {
    return quality::IsTypingMember(model, annotated->annotation, "TypeAlias");
  }
  const auto* assign = python::DynCast<python::Assign>(statement);
  if (assign == nullptr) return false;
  const auto* call = python::DynCast<python::Call>(assign->value);
  if (call == nullptr) return false;
  if (model.Matches(call->func, "collections.namedtuple")) return true;
  for (std::string_view member : {"NamedTuple", "TypedDict", "TypeVar", "NewType"}) {
    if (quality::IsTypingMember(model, call->func, member)) return true;
  }
  // Django's `apps.get_model("app", "Model")`.
  const python::Expr* func = call->func;
  std::string_view tail;
  if (const auto* attribute = python::DynCast<python::Attribute>(func)) tail = attribute->attr;
  if (const auto* plain = python::DynCast<python::Name>(func)) tail = plain->id;
  if (tail != "get_model" || (call->args.empty() && call->keywords.empty())) return false;
  const python::Expr* model_name = nullptr;
  for (const python::Keyword* keyword : call->keywords) {
    if (keyword->arg == "model_name") model_name = keyword->value;
  }
  if (model_name == nullptr && !call->args.empty()) model_name = call->args.back();
  if (model_name == nullptr) return false;
  const auto* literal = python::DynCast<python::Constant>(model_name);
  if (literal == nullptr || literal->value.kind != python::ConstantKind::kStr) return true;
  return literal->value.text == name;
}

void CheckBinding(CheckContext& context, const python::Node& node, std::string_view name,
                  const python::Position& pos) {
  if (quality::IsLowercase(name)) return;
  const semantic::SemanticModel& model = context.model();
  semantic::ScopeId scope = model.ScopeOf(&node);
  if (scope == semantic::kNoId || model.scope(scope).kind != semantic::ScopeKind::kFunction) {
    return;
  }
  semantic::BindingId id = model.BindingOf(&node);
  if (id != semantic::kNoId) {
    const semantic::Binding& binding = model.binding(id);
    if (binding.Is(semantic::binding_flags::kRedirected) &&
        binding.scope == semantic::SemanticModel::kGlobalScope) {
      return;
    }
  }
  if (IsTypeCreation(model, model.EnclosingStatement(&node), name)) return;
  if (quality::IsIgnoredName(name)) return;
  context.Report(kRule, pos, fmt::format("Variable `{}` in function should be lowercase", name));
}

// The position of a capture name written at the end of a pattern (`as x`, `*x`).
python::Position TrailingName(const python::Position& pos, std::string_view name) {
  python::Position out = pos;
  out.line = pos.end_line;
  out.col = pos.end_col - static_cast<uint32_t>(name.size());
  return out;
}

void CheckNode(const python::Node& node, CheckContext& context) {
  switch (node.kind) {
    case python::NodeKind::kName: {
      const auto& name = static_cast<const python::Name&>(node);
      if (name.ctx == python::ExprContext::kStore) CheckBinding(context, node, name.id, node.pos);
      return;
    }
    case python::NodeKind::kMatchAs: {
      const auto& pattern = static_cast<const python::MatchAs&>(node);
      if (pattern.name.empty()) return;
      CheckBinding(context, node, pattern.name, TrailingName(node.pos, pattern.name));
      return;
    }
    case python::NodeKind::kMatchStar: {
      const auto& pattern = static_cast<const python::MatchStar&>(node);
      if (pattern.name.empty()) return;
      CheckBinding(context, node, pattern.name, TrailingName(node.pos, pattern.name));
      return;
    }
    case python::NodeKind::kMatchMapping: {
      const auto& pattern = static_cast<const python::MatchMapping&>(node);
      if (pattern.rest.empty()) return;
      // `{..., **rest}`: the rest name follows the last `**`.
      std::string_view text = context.Text(node);
      size_t stars = text.rfind("**");
      if (stars == std::string_view::npos) return;
      size_t at = text.find(pattern.rest, stars);
      python::Position pos = node.pos;
      // Count lines between the pattern start and the name.
      std::string_view before = text.substr(0, at);
      size_t newlines = std::count(before.begin(), before.end(), '\n');
      pos.line = node.pos.line + static_cast<uint32_t>(newlines);
      size_t line_start = before.rfind('\n');
      pos.col = newlines == 0 ? node.pos.col + static_cast<uint32_t>(at)
                              : static_cast<uint32_t>(at - line_start - 1);
      CheckBinding(context, node, pattern.rest, pos);
      return;
    }
    default:
      return;
  }
}

}  // namespace

DSAUDIT_REGISTER_CHECK({.rules = {&kRule},
                        .node_kinds = {python::NodeKind::kName, python::NodeKind::kMatchAs,
                                       python::NodeKind::kMatchStar,
                                       python::NodeKind::kMatchMapping},
                        .on_node = CheckNode});

}  // namespace dsaudit::checks
