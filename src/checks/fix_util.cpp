#include "checks/fix_util.h"

#include <algorithm>

namespace dsaudit::checks {
namespace {

// The statement list a statement sits in, found through the parent.
std::span<python::Stmt*> SiblingStatements(const CheckContext& context,
                                           const python::Stmt& statement) {
  const python::Node* parent = context.model().Parent(&statement);
  if (parent == nullptr) return context.module().body;
  auto contains = [&](std::span<python::Stmt*> body) {
    return std::find(body.begin(), body.end(), &statement) != body.end();
  };
  using python::NodeKind;
  std::span<python::Stmt*> found;
  auto try_body = [&](std::span<python::Stmt*> body) {
    if (found.empty() && contains(body)) found = body;
  };
  switch (parent->kind) {
    case NodeKind::kModule: try_body(static_cast<const python::Module*>(parent)->body); break;
    case NodeKind::kFunctionDef: try_body(static_cast<const python::FunctionDef*>(parent)->body); break;
    case NodeKind::kAsyncFunctionDef:
      try_body(static_cast<const python::AsyncFunctionDef*>(parent)->body);
      break;
    case NodeKind::kClassDef: try_body(static_cast<const python::ClassDef*>(parent)->body); break;
    case NodeKind::kIf: {
      auto* node = static_cast<const python::If*>(parent);
      try_body(node->body);
      try_body(node->orelse);
      break;
    }
    case NodeKind::kFor: {
      auto* node = static_cast<const python::For*>(parent);
      try_body(node->body);
      try_body(node->orelse);
      break;
    }
    case NodeKind::kAsyncFor: {
      auto* node = static_cast<const python::AsyncFor*>(parent);
      try_body(node->body);
      try_body(node->orelse);
      break;
    }
    case NodeKind::kWhile: {
      auto* node = static_cast<const python::While*>(parent);
      try_body(node->body);
      try_body(node->orelse);
      break;
    }
    case NodeKind::kWith: try_body(static_cast<const python::With*>(parent)->body); break;
    case NodeKind::kAsyncWith: try_body(static_cast<const python::AsyncWith*>(parent)->body); break;
    case NodeKind::kTry: {
      auto* node = static_cast<const python::Try*>(parent);
      try_body(node->body);
      try_body(node->orelse);
      try_body(node->finalbody);
      break;
    }
    case NodeKind::kTryStar: {
      auto* node = static_cast<const python::TryStar*>(parent);
      try_body(node->body);
      try_body(node->orelse);
      try_body(node->finalbody);
      break;
    }
    case NodeKind::kExceptHandler:
      try_body(static_cast<const python::ExceptHandler*>(parent)->body);
      break;
    case NodeKind::kMatchCase: try_body(static_cast<const python::MatchCase*>(parent)->body); break;
    default: break;
  }
  return found;
}

}  // namespace

Fix ReplaceNode(const CheckContext& context, const python::Node& node, std::string replacement) {
  return Fix{{Edit{context.Offset(node.pos.line, node.pos.col),
                   context.Offset(node.pos.end_line, node.pos.end_col), std::move(replacement)}}};
}

bool HasCommentBetween(const CheckContext& context, uint32_t begin, uint32_t end) {
  const std::vector<python::Token>& comments = context.parsed().comments;
  auto it = std::lower_bound(comments.begin(), comments.end(), begin,
                             [](const python::Token& token, uint32_t at) { return token.start < at; });
  return it != comments.end() && it->start < end;
}

std::string_view LineIndent(const CheckContext& context, uint32_t line) {
  std::string_view text = context.source().line(line);
  size_t indent = text.find_first_not_of(" \t\f");
  return text.substr(0, indent == std::string_view::npos ? text.size() : indent);
}

std::optional<Fix> DeleteStatement(const CheckContext& context, const python::Stmt& statement) {
  std::string_view text = context.source().text();
  uint32_t begin = context.Offset(statement.pos.line, statement.pos.col);
  uint32_t end = context.Offset(statement.pos.end_line, statement.pos.end_col);
  if (HasCommentBetween(context, begin, end)) return std::nullopt;
  std::span<python::Stmt*> siblings = SiblingStatements(context, statement);
  if (siblings.size() == 1 && context.model().Parent(&statement) != nullptr &&
      context.model().Parent(&statement)->kind != python::NodeKind::kModule) {
    return Fix{{Edit{begin, end, "pass"}}};
  }
  // What follows on the same line: `; next` keeps `next`, a comment or the
  // newline ends the statement's line.
  uint32_t after = end;
  while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
  if (after < text.size() && text[after] == ';') {
    ++after;
    while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
    return Fix{{Edit{begin, after, ""}}};
  }
  uint32_t line_start = context.source().line_start(statement.pos.line);
  bool alone_before = text.substr(line_start, begin - line_start).find_first_not_of(" \t\f") ==
                      std::string_view::npos;
  bool line_ends = after >= text.size() || text[after] == '\n';
  if (alone_before && line_ends) {
    uint32_t stop = after < text.size() ? after + 1 : after;
    return Fix{{Edit{line_start, stop, ""}}};
  }
  if (!line_ends) return std::nullopt;  // a comment follows: keep it, drop the statement
  // `a; b` where b is deleted: remove "; b".
  uint32_t back = begin;
  while (back > line_start && (text[back - 1] == ' ' || text[back - 1] == '\t')) --back;
  if (back > line_start && text[back - 1] == ';') return Fix{{Edit{back - 1, end, ""}}};
  return Fix{{Edit{begin, end, ""}}};
}

std::string ImportText(const python::Stmt& statement,
                       std::span<const python::Alias* const> aliases) {
  std::string out;
  if (const auto* from = python::DynCast<python::ImportFrom>(&statement)) {
    out = "from ";
    out.append(static_cast<size_t>(from->level), '.');
    out += from->module;
    out += " import ";
  } else {
    out = "import ";
  }
  for (size_t i = 0; i < aliases.size(); ++i) {
    if (i > 0) out += ", ";
    out += aliases[i]->name;
    if (!aliases[i]->asname.empty()) {
      out += " as ";
      out += aliases[i]->asname;
    }
  }
  return out;
}

std::optional<Fix> RemoveImportAliases(const CheckContext& context, const python::Stmt& statement,
                                       std::span<const python::Alias* const> removed) {
  std::span<python::Alias*> names;
  if (const auto* import = python::DynCast<python::Import>(&statement)) names = import->names;
  if (const auto* from = python::DynCast<python::ImportFrom>(&statement)) names = from->names;
  std::vector<const python::Alias*> kept;
  for (const python::Alias* alias : names) {
    if (std::find(removed.begin(), removed.end(), alias) == removed.end()) kept.push_back(alias);
  }
  if (kept.empty()) return DeleteStatement(context, statement);
  uint32_t begin = context.Offset(statement.pos.line, statement.pos.col);
  uint32_t end = context.Offset(statement.pos.end_line, statement.pos.end_col);
  if (HasCommentBetween(context, begin, end)) return std::nullopt;
  return Fix{{Edit{begin, end, ImportText(statement, kept)}}};
}

}  // namespace dsaudit::checks
