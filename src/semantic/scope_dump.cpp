#include "semantic/scope_dump.h"

#include <fmt/format.h>

namespace dsaudit::semantic {
namespace {

std::string_view ScopeName(const Scope& scope) {
  if (const auto* def = python::DynCast<python::FunctionDef>(scope.node)) return def->name;
  if (const auto* def = python::DynCast<python::AsyncFunctionDef>(scope.node)) return def->name;
  if (const auto* def = python::DynCast<python::ClassDef>(scope.node)) return def->name;
  return {};
}

std::string Where(const python::Position& pos) {
  return fmt::format("{}:{}", pos.line, pos.col + 1);
}

void DumpScope(const SemanticModel& model, ScopeId id, int depth, std::string& out) {
  const Scope& scope = model.scope(id);
  std::string indent(static_cast<size_t>(depth) * 2, ' ');
  out += fmt::format("{}scope {}", indent, ScopeKindName(scope.kind));
  std::string_view name = ScopeName(scope);
  if (!name.empty()) out += fmt::format(" {}", name);
  if (id != SemanticModel::kGlobalScope) out += fmt::format(" {}", Where(scope.node->pos));
  if (scope.Is(scope_flags::kUsesStarImport)) out += " star-import";
  if (scope.Is(scope_flags::kUsesLocals)) out += " uses-locals";
  out += '\n';
  for (BindingId binding_id : model.ScopeBindings(id)) {
    const Binding& binding = model.binding(binding_id);
    out += fmt::format("{}  {} {} {} refs={}", indent, BindingKindName(binding.kind), binding.name,
                       Where(binding.pos), model.BindingReferences(binding_id).size());
    if (!binding.qualified_name.empty()) out += fmt::format(" = {}", binding.qualified_name);
    if (binding.Is(binding_flags::kRedirected)) out += " redirected";
    if (binding.Is(binding_flags::kConditional)) out += " conditional";
    out += '\n';
  }
  for (ScopeId child : model.ChildScopes(id)) DumpScope(model, child, depth + 1, out);
}

}  // namespace

std::string_view UnusedKindName(UnusedKind kind) {
  switch (kind) {
    case UnusedKind::kImport:
      return "import";
    case UnusedKind::kLocal:
      return "local";
    case UnusedKind::kExceptName:
      return "except-name";
  }
  return "?";
}

std::string DumpScopes(const SemanticModel& model) {
  std::string out;
  if (model.truncated()) out += "truncated: nesting too deep to model completely\n";
  DumpScope(model, SemanticModel::kGlobalScope, 0, out);
  if (!model.unresolved_references().empty()) out += "unresolved:\n";
  for (ReferenceId id : model.unresolved_references()) {
    const Reference& ref = model.reference(id);
    out += fmt::format("  {} {}\n", ref.name, Where(ref.pos));
  }
  if (!model.unused_bindings().empty()) out += "unused:\n";
  for (const UnusedBinding& unused : model.unused_bindings()) {
    const Binding& binding = model.binding(unused.binding);
    out +=
        fmt::format("  {} {} {}\n", UnusedKindName(unused.kind), binding.name, Where(binding.pos));
  }
  if (!model.undefined_exports().empty()) out += "undefined-exports:\n";
  for (const Export& entry : model.undefined_exports()) {
    out += fmt::format("  {} {}\n", entry.name, Where(entry.node->pos));
  }
  return out;
}

}  // namespace dsaudit::semantic
