// The Python syntax tree: CPython's node types, arena-allocated.
//
// Every node records its position (lines 1-based, columns 0-based UTF-8 byte
// offsets, as CPython). Nodes, lists and identifiers live in the Arena of the
// ParsedModule that produced them; all are trivially destructible views.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace dsaudit::python {

struct Position {
  uint32_t line = 0;
  uint32_t col = 0;
  uint32_t end_line = 0;
  uint32_t end_col = 0;
};

enum class ExprContext : uint8_t { kLoad, kStore, kDel };
enum class BoolOperator : uint8_t { kAnd, kOr };
enum class Operator : uint8_t {
  kAdd, kSub, kMult, kMatMult, kDiv, kMod, kPow, kLShift, kRShift, kBitOr, kBitXor,
  kBitAnd, kFloorDiv
};
enum class UnaryOperator : uint8_t { kInvert, kNot, kUAdd, kUSub };
enum class CmpOperator : uint8_t { kEq, kNotEq, kLt, kLtE, kGt, kGtE, kIs, kIsNot, kIn, kNotIn };

// CPython's class name for an operator or context, e.g. "Add", "Load".
std::string_view EnumName(ExprContext value);
std::string_view EnumName(BoolOperator value);
std::string_view EnumName(Operator value);
std::string_view EnumName(UnaryOperator value);
std::string_view EnumName(CmpOperator value);

enum class ConstantKind : uint8_t {
  kNone, kTrue, kFalse, kEllipsis, kInt, kFloat, kComplex, kStr, kBytes
};

struct ConstantValue {
  ConstantKind kind = ConstantKind::kNone;
  // kInt: the literal as written without underscores, prefix kept ("0x1f").
  // kStr: the decoded value in UTF-8; lone surrogates (from "\ud800") are
  //       encoded as 3-byte sequences, as WTF-8 does.
  // kBytes: the decoded bytes.
  std::string_view text;
  // kFloat: the value. kComplex: the imaginary part (literals are imaginary).
  double number = 0;
};

using Identifier = std::string_view;

enum class NodeKind : uint8_t {
#define AST_NODE(Cpp, Py, Category, HasAttributes, Fields) k##Cpp,
#include "frontend/python/ast_nodes.def"
#undef AST_NODE
};

inline constexpr size_t kNodeKindCount = 0
#define AST_NODE(Cpp, Py, Category, HasAttributes, Fields) +1
#include "frontend/python/ast_nodes.def"
#undef AST_NODE
    ;

enum class NodeCategory : uint8_t { kMod, kStmt, kExpr, kPattern, kTypeParam, kOther };

struct Node {
  NodeKind kind;
  // The parser numbers a tree's nodes 0 .. Module::node_count - 1 in
  // creation order, so later passes keep per-node data in flat arrays
  // instead of maps keyed by pointer. Trees built by hand must do the same.
  // Free: it fills the padding after `kind`.
  uint32_t node_id = 0;
  Position pos;
};
struct Mod : Node {};
struct Stmt : Node {};
struct Expr : Node {};
struct Pattern : Node {};
struct TypeParam : Node {};

#define AST_NODE(Cpp, Py, Category, HasAttributes, Fields) struct Cpp;
#include "frontend/python/ast_nodes.def"
#undef AST_NODE

#define DSAUDIT_AST_BASE_Mod Mod
#define DSAUDIT_AST_BASE_Stmt Stmt
#define DSAUDIT_AST_BASE_Expr Expr
#define DSAUDIT_AST_BASE_Pattern Pattern
#define DSAUDIT_AST_BASE_TypeParam TypeParam
#define DSAUDIT_AST_BASE_Other Node

#define F_NODE(Type, name) Type* name = nullptr;
#define F_OPT(Type, name) Type* name = nullptr;
#define F_LIST(Type, name) std::span<Type*> name;
#define F_LIST_312(Type, name) std::span<Type*> name;
#define F_IDENT(name) Identifier name;
#define F_OPT_IDENT(name) Identifier name;
#define F_IDENTS(name) std::span<Identifier> name;
#define F_STR(name) std::string_view name;
#define F_OPT_STR(name) std::string_view name;
#define F_OPT_STR_NAMED(name, python_name) std::string_view name;
#define F_INT(name) int name = 0;
#define F_CONST(name) ConstantValue name;
#define F_ENUM(Type, name) Type name{};
#define F_ENUMS(Type, name) std::span<Type> name;
#define F_EXTRA(Type, name) Type name{};
#define AST_NODE(Cpp, Py, Category, HasAttributes, Fields) \
  struct Cpp final : DSAUDIT_AST_BASE_##Category {         \
    static constexpr NodeKind kKind = NodeKind::k##Cpp;    \
    Cpp() { kind = kKind; }                                \
    Fields                                                 \
  };
#include "frontend/python/ast_nodes.def"
#undef AST_NODE
#undef F_NODE
#undef F_OPT
#undef F_LIST
#undef F_LIST_312
#undef F_IDENT
#undef F_OPT_IDENT
#undef F_IDENTS
#undef F_STR
#undef F_OPT_STR
#undef F_OPT_STR_NAMED
#undef F_INT
#undef F_CONST
#undef F_ENUM
#undef F_ENUMS
#undef F_EXTRA

// CPython's class name of a node kind, e.g. "Expr" for ExprStmt.
std::string_view PythonName(NodeKind kind);
NodeCategory CategoryOf(NodeKind kind);
// Whether CPython gives nodes of this kind lineno/col_offset/end_* attributes.
bool HasAttributes(NodeKind kind);

template <class T>
bool Isa(const Node* node) {
  return node != nullptr && node->kind == T::kKind;
}
template <class T>
T* DynCast(Node* node) {
  return Isa<T>(node) ? static_cast<T*>(node) : nullptr;
}
template <class T>
const T* DynCast(const Node* node) {
  return Isa<T>(node) ? static_cast<const T*>(node) : nullptr;
}

// Calls visit(Node*) for every non-null child, in CPython's field order.
template <class Visit>
void ForEachChild(Node* node, Visit&& visit) {
#define F_NODE(Type, name) visit(static_cast<Node*>(typed->name));
#define F_OPT(Type, name) \
  if (typed->name != nullptr) visit(static_cast<Node*>(typed->name));
#define F_LIST(Type, name) \
  for (Type* child : typed->name)   \
    if (child != nullptr) visit(static_cast<Node*>(child));
#define F_LIST_312(Type, name) F_LIST(Type, name)
#define F_IDENT(name)
#define F_OPT_IDENT(name)
#define F_IDENTS(name)
#define F_STR(name)
#define F_OPT_STR(name)
#define F_OPT_STR_NAMED(name, python_name)
#define F_INT(name)
#define F_CONST(name)
#define F_ENUM(Type, name)
#define F_ENUMS(Type, name)
#define F_EXTRA(Type, name)
#define AST_NODE(Cpp, Py, Category, HasAttributes, Fields) \
  case NodeKind::k##Cpp: {                                 \
    [[maybe_unused]] auto* typed = static_cast<Cpp*>(node); \
    Fields break;                                          \
  }
  switch (node->kind) {
#include "frontend/python/ast_nodes.def"
  }
#undef AST_NODE
#undef F_NODE
#undef F_OPT
#undef F_LIST
#undef F_LIST_312
#undef F_IDENT
#undef F_OPT_IDENT
#undef F_IDENTS
#undef F_STR
#undef F_OPT_STR
#undef F_OPT_STR_NAMED
#undef F_INT
#undef F_CONST
#undef F_ENUM
#undef F_ENUMS
#undef F_EXTRA
}

}  // namespace dsaudit::python
