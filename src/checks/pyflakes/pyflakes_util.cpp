#include "checks/pyflakes/pyflakes_util.h"

#include <algorithm>
#include <vector>

#include "checks/fix_util.h"

namespace dsaudit::checks::pyflakes {
namespace {

template <class T>
bool Contains(std::span<T*> list, const python::Node* node) {
  return std::find(list.begin(), list.end(), node) != list.end();
}

bool IsFunction(const python::Node* node) {
  return python::Isa<python::FunctionDef>(node) || python::Isa<python::AsyncFunctionDef>(node) ||
         python::Isa<python::Lambda>(node);
}

// Which clause of a branching statement `child` belongs to, or -1.
template <class TryNode>
int TryClause(const TryNode* node, const python::Node* child) {
  if (Contains(node->body, child) || Contains(node->orelse, child)) return 0;
  for (size_t i = 0; i < node->handlers.size(); ++i) {
    if (node->handlers[i] == child) return static_cast<int>(i) + 1;
  }
  if (Contains(node->finalbody, child)) return static_cast<int>(node->handlers.size()) + 1;
  return -1;
}

template <class WithNode>
int BodyClause(const WithNode* node, const python::Node* child) {
  return Contains(node->body, child) ? 0 : -1;
}

int ClauseOf(const python::Node* parent, const python::Node* child) {
  if (const auto* node = python::DynCast<python::If>(parent)) {
    if (Contains(node->body, child)) return 0;
    if (Contains(node->orelse, child)) return 1;
    return -1;
  }
  // ruff forks at a `with` too: a def inside one and a def after it do not
  // redefine each other (a context manager may swallow what the body raises).
  if (const auto* node = python::DynCast<python::With>(parent)) return BodyClause(node, child);
  if (const auto* node = python::DynCast<python::AsyncWith>(parent)) return BodyClause(node, child);
  if (const auto* node = python::DynCast<python::Try>(parent)) return TryClause(node, child);
  if (const auto* node = python::DynCast<python::TryStar>(parent)) return TryClause(node, child);
  if (const auto* node = python::DynCast<python::Match>(parent)) {
    for (size_t i = 0; i < node->cases.size(); ++i) {
      if (node->cases[i] == child) return static_cast<int>(i);
    }
  }
  return -1;
}

bool HandlesAny(const semantic::SemanticModel& model, std::span<python::ExceptHandler*> handlers,
                std::initializer_list<std::string_view> names) {
  auto matches = [&](const python::Expr* type) {
    const auto* name = python::DynCast<python::Name>(type);
    if (name == nullptr || !model.IsBuiltinReference(name)) return false;
    return std::find(names.begin(), names.end(), name->id) != names.end();
  };
  for (const python::ExceptHandler* handler : handlers) {
    if (handler->type == nullptr) continue;
    if (const auto* tuple = python::DynCast<python::Tuple>(handler->type)) {
      for (const python::Expr* element : tuple->elts) {
        if (matches(element)) return true;
      }
    } else if (matches(handler->type)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::pair<const python::Node*, int> BranchOf(const semantic::SemanticModel& model,
                                             const python::Node* node) {
  const python::Node* child = node;
  for (const python::Node* parent = model.Parent(node); parent != nullptr;
       child = parent, parent = model.Parent(parent)) {
    int clause = ClauseOf(parent, child);
    if (clause >= 0) return {parent, clause};
  }
  return {nullptr, 0};
}

bool InTryHandling(const semantic::SemanticModel& model, const python::Node* node,
                   std::initializer_list<std::string_view> names) {
  const python::Node* child = node;
  for (const python::Node* parent = model.Parent(node); parent != nullptr;
       child = parent, parent = model.Parent(parent)) {
    if (IsFunction(parent)) return false;
    if (const auto* attempt = python::DynCast<python::Try>(parent)) {
      if (Contains(attempt->body, child) && HandlesAny(model, attempt->handlers, names)) return true;
    }
    if (const auto* attempt = python::DynCast<python::TryStar>(parent)) {
      if (Contains(attempt->body, child) && HandlesAny(model, attempt->handlers, names)) return true;
    }
  }
  return false;
}

bool UsedWithInherited(const semantic::SemanticModel& model, semantic::BindingId id) {
  for (int guard = 0; id != semantic::kNoId && guard < 10000; ++guard) {
    if (model.IsUsed(id)) return true;
    const semantic::Binding& binding = model.binding(id);
    if (binding.shadowed == semantic::kNoId) return false;
    if (model.binding(binding.shadowed).kind == semantic::BindingKind::kDeletion) return false;
    id = binding.shadowed;
  }
  return false;
}

python::Position AliasNamePosition(const python::Alias& alias) {
  python::Position pos = alias.pos;
  if (!alias.asname.empty() && pos.end_line == pos.line) {
    pos.col = pos.end_col - static_cast<uint32_t>(alias.asname.size());
  }
  return pos;
}

std::optional<Fix> RemoveImport(const CheckContext& context, const python::Stmt& statement,
                                std::span<const python::Alias* const> removed) {
  std::optional<Fix> fix = RemoveImportAliases(context, statement, removed);
  if (fix) return fix;
  std::span<python::Alias*> names;
  if (const auto* import = python::DynCast<python::Import>(&statement)) names = import->names;
  if (const auto* from = python::DynCast<python::ImportFrom>(&statement)) names = from->names;
  if (removed.size() != names.size()) return std::nullopt;
  // The whole statement goes: ruff deletes its lines, a trailing comment too,
  // when nothing else shares them.
  std::string_view text = context.source().text();
  uint32_t begin = context.Offset(statement.pos.line, statement.pos.col);
  uint32_t end = context.Offset(statement.pos.end_line, statement.pos.end_col);
  if (HasCommentBetween(context, begin, end)) return std::nullopt;
  uint32_t line_start = context.source().line_start(statement.pos.line);
  if (text.substr(line_start, begin - line_start).find_first_not_of(" \t\f") !=
      std::string_view::npos) {
    return std::nullopt;
  }
  uint32_t after = end;
  while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
  if (after >= text.size() || text[after] != '#') return std::nullopt;
  const python::Node* parent = context.model().Parent(&statement);
  if (parent != nullptr && parent->kind != python::NodeKind::kModule) {
    // A lone statement of a block becomes `pass`; DeleteStatement declined
    // only because of the comment, which stays.
    return std::nullopt;
  }
  // To the end of the line, its newline included; a comment on the file's
  // last line, without one, to the end of the file.
  size_t newline = text.find('\n', after);
  uint32_t stop = static_cast<uint32_t>(newline == std::string_view::npos ? text.size() : newline + 1);
  return Fix{{Edit{line_start, stop, ""}}};
}

uint32_t ImportFromNoqaLine(const semantic::Binding& binding) {
  return python::DynCast<python::ImportFrom>(binding.statement) != nullptr
             ? binding.statement->pos.line
             : 0;
}

}  // namespace dsaudit::checks::pyflakes
