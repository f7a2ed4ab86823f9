// The last steps of building: __all__, unresolved names, indexes, unused bindings.
#include <algorithm>

#include "semantic/model_builder.h"

namespace dsaudit::semantic {
namespace {

bool Before(const python::Position& a, const python::Position& b) {
  return a.line != b.line ? a.line < b.line : a.col < b.col;
}

// Sorts ids listed in increasing order by `before`, ties kept in id order:
// stable_sort's result without its buffer allocation. Walk order is mostly
// source order, so most ranges are sorted already.
template <class Less>
void SortIds(std::vector<uint32_t>::iterator first, std::vector<uint32_t>::iterator last,
             Less before) {
  auto less = [&](uint32_t a, uint32_t b) { return before(a, b) || (!before(b, a) && a < b); };
  if (!std::is_sorted(first, last, less)) std::sort(first, last, less);
}

// Groups items by key into offsets/ids (compressed sparse rows), each group
// sorted by `before`. Items whose key is kNoId are left out.
template <class KeyOf, class Less>
void BuildGroups(size_t groups, size_t items, KeyOf key_of, Less before,
                 std::vector<uint32_t>& offsets, std::vector<uint32_t>& ids) {
  offsets.assign(groups + 1, 0);
  for (size_t i = 0; i < items; ++i) {
    uint32_t key = key_of(i);
    if (key != kNoId) ++offsets[key + 1];
  }
  for (size_t g = 0; g < groups; ++g) offsets[g + 1] += offsets[g];
  ids.assign(offsets[groups], 0);
  std::vector<uint32_t> next(offsets.begin(), offsets.end() - 1);
  for (size_t i = 0; i < items; ++i) {
    uint32_t key = key_of(i);
    if (key != kNoId) ids[next[key]++] = static_cast<uint32_t>(i);
  }
  for (size_t g = 0; g < groups; ++g) {
    auto first = ids.begin() + offsets[g];
    auto last = ids.begin() + offsets[g + 1];
    SortIds(first, last, before);
  }
}

// ruff's default dummy-variable-rgx: "_", "__", "_x", "__x1" (not "__x__").
bool IsDummyName(std::string_view name) {
  if (name.empty() || name.front() != '_') return false;
  if (name.find_first_not_of('_') == std::string_view::npos) return true;
  char last = name.back();
  return (last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z') ||
         (last >= '0' && last <= '9');
}

bool IsFrameworkLocal(std::string_view name) {
  return name == "__tracebackhide__" || name == "__traceback_info__" ||
         name == "__traceback_supplement__" || name == "__debuggerskip__";
}

}  // namespace

void ModelBuilder::Finish() {
  ResolveExports();
  FinishUnresolved();
  BuildIndexes();
  FindUnused();
  std::stable_sort(m_.imports_.begin(), m_.imports_.end(),
                   [](const ImportRecord& a, const ImportRecord& b) {
                     return Before(a.alias->pos, b.alias->pos);
                   });
  auto& modules = m_.imported_modules_;
  std::sort(modules.begin(), modules.end());
  modules.erase(std::unique(modules.begin(), modules.end()), modules.end());
}

void ModelBuilder::ResolveExports() {
  bool star = m_.scopes_[SemanticModel::kGlobalScope].Is(scope_flags::kUsesStarImport);
  for (const Export& entry : m_.exports_) {
    const NameSlot* slot = m_.Slot(SemanticModel::kGlobalScope, entry.name);
    if (slot == nullptr || slot->current == kNoId) {
      if (!star) m_.undefined_exports_.push_back(entry);
      continue;
    }
    m_.references_.push_back({entry.name, entry.node, entry.node->pos, SemanticModel::kGlobalScope,
                              slot->current, reference_flags::kExport});
  }
}

void ModelBuilder::FinishUnresolved() {
  for (size_t i = 0; i < m_.references_.size(); ++i) {
    Reference& ref = m_.references_[i];
    if (!ref.Is(reference_flags::kUnresolved)) continue;
    // A name only a function's `global x; x = ...` defines is resolved at run
    // time, after the module body: bind it now that all bodies are walked.
    const NameSlot* slot = m_.Slot(SemanticModel::kGlobalScope, ref.name);
    if (slot != nullptr && slot->current != kNoId &&
        m_.bindings_[slot->current].Is(binding_flags::kRedirected)) {
      ref.binding = slot->current;
      ref.flags &= static_cast<uint16_t>(~reference_flags::kUnresolved);
      continue;
    }
    // As ruff: `del x` of an unbound name is an error whatever a star import
    // brings, and module or class code reads a star import's names only
    // after it; function and lambda bodies, and forward references in
    // strings, are resolved later and see them all.
    bool runs_later = ref.Is(reference_flags::kForwardReference);
    for (ScopeId s = ref.scope; s != kNoId && !ref.Is(reference_flags::kDeletion);
         s = m_.scopes_[s].parent) {
      const Scope& scope = m_.scopes_[s];
      if (scope.Is(scope_flags::kUsesStarImport) &&
          (runs_later || Before(star_import_at_.at(s), ref.pos))) {
        ref.flags |= reference_flags::kMaybeStarImport;
        break;
      }
      runs_later |= scope.kind == ScopeKind::kFunction || scope.kind == ScopeKind::kLambda;
    }
    if (!ref.Is(reference_flags::kMaybeStarImport)) {
      m_.unresolved_.push_back(static_cast<ReferenceId>(i));
    }
  }
  std::stable_sort(m_.unresolved_.begin(), m_.unresolved_.end(),
                   [this](ReferenceId a, ReferenceId b) {
                     return Before(m_.references_[a].pos, m_.references_[b].pos);
                   });
}

void ModelBuilder::BuildIndexes() {
  const auto& scopes = m_.scopes_;
  const auto& bindings = m_.bindings_;
  const auto& references = m_.references_;
  BuildGroups(
      scopes.size(), scopes.size(), [&](size_t i) { return scopes[i].parent; },
      [&](uint32_t a, uint32_t b) { return Before(scopes[a].node->pos, scopes[b].node->pos); },
      m_.child_offsets_, m_.child_ids_);
  BuildGroups(
      scopes.size(), bindings.size(), [&](size_t i) { return bindings[i].scope; },
      [&](uint32_t a, uint32_t b) { return Before(bindings[a].pos, bindings[b].pos); },
      m_.scope_binding_offsets_, m_.scope_binding_ids_);
  BuildGroups(
      bindings.size(), references.size(), [&](size_t i) { return references[i].binding; },
      [&](uint32_t a, uint32_t b) { return Before(references[a].pos, references[b].pos); },
      m_.binding_ref_offsets_, m_.binding_ref_ids_);
}

void ModelBuilder::FindUnused() {
  auto& bindings = m_.bindings_;
  for (BindingId id = 0; id < bindings.size(); ++id) {
    if (!m_.IsUsed(id)) continue;
    SlotFor(bindings[id].scope, binding_symbols_[id]).used = true;
  }
  std::vector<BindingId> order(bindings.size());
  for (BindingId id = 0; id < order.size(); ++id) order[id] = id;
  SortIds(order.begin(), order.end(),
          [&](BindingId a, BindingId b) { return Before(bindings[a].pos, bindings[b].pos); });
  for (BindingId id : order) {
    const Binding& binding = bindings[id];
    // An except name is judged alone (as ruff does): the handler may shadow
    // a binding that is read elsewhere.
    if (binding.kind == BindingKind::kExceptHandler) {
      if (!m_.IsUsed(id) && !IsDummyName(binding.name)) {
        m_.unused_.push_back({id, UnusedKind::kExceptName});
      }
      continue;
    }
    const NameSlot* slot = m_.SymbolSlot(binding.scope, binding_symbols_[id]);
    if (slot != nullptr && slot->used) continue;
    const Scope& scope = m_.scopes_[binding.scope];
    if (binding.IsImport()) {
      if (binding.Is(binding_flags::kFutureImport) ||
          binding.Is(binding_flags::kExplicitReexport)) {
        continue;
      }
      m_.unused_.push_back({id, UnusedKind::kImport});
      continue;
    }
    if (IsDummyName(binding.name) || IsFrameworkLocal(binding.name)) continue;
    bool function_local =
        (scope.kind == ScopeKind::kFunction || scope.kind == ScopeKind::kLambda) &&
        !scope.Is(scope_flags::kUsesLocals) && !binding.Is(binding_flags::kRedirected);
    if (!function_local) continue;
    bool unpacked = binding.Is(binding_flags::kUnpacked);
    switch (binding.kind) {
      case BindingKind::kAssignment:
      case BindingKind::kWithTarget:
        if (!unpacked) m_.unused_.push_back({id, UnusedKind::kLocal});
        break;
      case BindingKind::kAnnotatedAssignment:
      case BindingKind::kNamedExpr:
        m_.unused_.push_back({id, UnusedKind::kLocal});
        break;
      default:
        break;
    }
  }
}

}  // namespace dsaudit::semantic
