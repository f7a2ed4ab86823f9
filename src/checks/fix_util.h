// Building blocks of safe fixes, shared by the checks that offer them.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "checks/check.h"
#include "checks/check_context.h"

namespace dsaudit::checks {

// Replaces the node's source text.
Fix ReplaceNode(const CheckContext& context, const python::Node& node, std::string replacement);

// Deletes a statement: its whole lines when it is alone on them, just the
// statement and its `;` otherwise, or `pass` when it is the only statement
// of its block. nullopt when a comment lies inside it (it would be lost).
std::optional<Fix> DeleteStatement(const CheckContext& context, const python::Stmt& statement);

// Rewrites an import statement without `removed` aliases (or deletes it when
// none remain). nullopt when a comment lies inside it.
std::optional<Fix> RemoveImportAliases(const CheckContext& context, const python::Stmt& statement,
                                       std::span<const python::Alias* const> removed);

// The import's text as written by us: "import a as b, c" / "from .m import x".
std::string ImportText(const python::Stmt& statement,
                       std::span<const python::Alias* const> aliases);

// Whether a comment starts within [begin, end) of the source.
bool HasCommentBetween(const CheckContext& context, uint32_t begin, uint32_t end);

// The source's indentation of the line holding `line`.
std::string_view LineIndent(const CheckContext& context, uint32_t line);

}  // namespace dsaudit::checks
