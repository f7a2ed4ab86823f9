#include "frontend/python/ast.h"

namespace dsaudit::python {

std::string_view PythonName(NodeKind kind) {
  switch (kind) {
#define AST_NODE(Cpp, Py, Category, HasAttributes, Fields) \
  case NodeKind::k##Cpp:                                   \
    return #Py;
#include "frontend/python/ast_nodes.def"
#undef AST_NODE
  }
  return "?";
}

NodeCategory CategoryOf(NodeKind kind) {
  switch (kind) {
#define AST_NODE(Cpp, Py, Category, HasAttributes, Fields) \
  case NodeKind::k##Cpp:                                   \
    return NodeCategory::k##Category;
#include "frontend/python/ast_nodes.def"
#undef AST_NODE
  }
  return NodeCategory::kOther;
}

bool HasAttributes(NodeKind kind) {
  switch (kind) {
#define AST_NODE(Cpp, Py, Category, HasAttrs, Fields) \
  case NodeKind::k##Cpp:                              \
    return HasAttrs;
#include "frontend/python/ast_nodes.def"
#undef AST_NODE
  }
  return false;
}

std::string_view EnumName(ExprContext value) {
  static constexpr std::string_view kNames[] = {"Load", "Store", "Del"};
  return kNames[static_cast<int>(value)];
}
std::string_view EnumName(BoolOperator value) {
  static constexpr std::string_view kNames[] = {"And", "Or"};
  return kNames[static_cast<int>(value)];
}
std::string_view EnumName(Operator value) {
  static constexpr std::string_view kNames[] = {"Add",    "Sub",    "Mult",    "MatMult", "Div",
                                                "Mod",    "Pow",    "LShift",  "RShift",  "BitOr",
                                                "BitXor", "BitAnd", "FloorDiv"};
  return kNames[static_cast<int>(value)];
}
std::string_view EnumName(UnaryOperator value) {
  static constexpr std::string_view kNames[] = {"Invert", "Not", "UAdd", "USub"};
  return kNames[static_cast<int>(value)];
}
std::string_view EnumName(CmpOperator value) {
  static constexpr std::string_view kNames[] = {"Eq",  "NotEq", "Lt",    "LtE", "Gt",
                                                "GtE", "Is",    "IsNot", "In",  "NotIn"};
  return kNames[static_cast<int>(value)];
}

}  // namespace dsaudit::python
