#include "checks/pycodestyle/pycodestyle_util.h"

#include <algorithm>

namespace dsaudit::checks::pycodestyle {

const python::Token* FindToken(const CheckContext& context, python::TokenKind kind, uint32_t begin,
                               uint32_t end) {
  const std::vector<python::Token>& tokens = context.parsed().tokens;
  auto it = std::lower_bound(tokens.begin(), tokens.end(), begin,
                             [](const python::Token& token, uint32_t at) { return token.start < at; });
  for (; it != tokens.end() && it->start < end; ++it) {
    if (it->kind == kind) return &*it;
  }
  return nullptr;
}

bool IsNoneLiteral(const python::Expr* expr) {
  const auto* constant = python::DynCast<python::Constant>(expr);
  return constant != nullptr && constant->value.kind == python::ConstantKind::kNone;
}

std::optional<bool> BooleanLiteral(const python::Expr* expr) {
  const auto* constant = python::DynCast<python::Constant>(expr);
  if (constant == nullptr) return std::nullopt;
  if (constant->value.kind == python::ConstantKind::kTrue) return true;
  if (constant->value.kind == python::ConstantKind::kFalse) return false;
  return std::nullopt;
}

namespace {

bool IsConstant(const python::Expr* expr) {
  if (const auto* tuple = python::DynCast<python::Tuple>(expr)) {
    return std::all_of(tuple->elts.begin(), tuple->elts.end(), IsConstant);
  }
  return python::Isa<python::Constant>(expr);
}

}  // namespace

bool IsConstantNonSingleton(const python::Expr* expr) {
  if (!IsConstant(expr)) return false;
  const auto* constant = python::DynCast<python::Constant>(expr);
  if (constant == nullptr) return true;
  switch (constant->value.kind) {
    case python::ConstantKind::kNone:
    case python::ConstantKind::kTrue:
    case python::ConstantKind::kFalse:
    case python::ConstantKind::kEllipsis:
      return false;
    default:
      return true;
  }
}

std::optional<Fix> ReplaceComparisonOperators(const CheckContext& context,
                                              const python::Compare& compare,
                                              const std::vector<std::string>& replacements) {
  std::string_view text = context.source().text();
  Fix fix;
  const python::Expr* left = compare.left;
  for (size_t i = 0; i < compare.ops.size() && i < compare.comparators.size(); ++i) {
    const python::Expr* right = compare.comparators[i];
    if (i < replacements.size() && !replacements[i].empty()) {
      uint32_t begin = context.Offset(left->pos.end_line, left->pos.end_col);
      uint32_t end = context.Offset(right->pos.line, right->pos.col);
      python::TokenKind kind = compare.ops[i] == python::CmpOperator::kEq
                                   ? python::TokenKind::kEqEqual
                                   : python::TokenKind::kNotEqual;
      const python::Token* op = FindToken(context, kind, begin, end);
      if (op == nullptr) return std::nullopt;
      std::string replacement = replacements[i];
      auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\\'; };
      if (op->start == 0 || !is_space(text[op->start - 1])) replacement.insert(0, " ");
      if (op->end >= text.size() || !is_space(text[op->end])) replacement += ' ';
      fix.edits.push_back(Edit{op->start, op->end, std::move(replacement)});
    }
    left = right;
  }
  if (fix.edits.empty()) return std::nullopt;
  return fix;
}

bool MayCompareElementwise(const CheckContext& context) {
  const semantic::SemanticModel& model = context.model();
  for (std::string_view module : {"numpy", "pandas", "torch", "tensorflow", "polars", "jax",
                                  "sqlalchemy", "xarray", "dask", "cupy"}) {
    if (model.ImportsModule(module)) return true;
  }
  return false;
}

}  // namespace dsaudit::checks::pycodestyle
