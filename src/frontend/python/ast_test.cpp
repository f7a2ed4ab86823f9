#include "frontend/python/ast.h"

#include <gtest/gtest.h>

#include <vector>

#include "base/arena.h"

namespace dsaudit::python {
namespace {

TEST(AstTest, NamesFollowCPython) {
  EXPECT_EQ(PythonName(NodeKind::kExprStmt), "Expr");
  EXPECT_EQ(PythonName(NodeKind::kArguments), "arguments");
  EXPECT_EQ(PythonName(NodeKind::kMatchCase), "match_case");
  EXPECT_EQ(EnumName(Operator::kFloorDiv), "FloorDiv");
  EXPECT_EQ(EnumName(CmpOperator::kNotIn), "NotIn");
}

TEST(AstTest, CategoriesAndAttributes) {
  EXPECT_EQ(CategoryOf(NodeKind::kCall), NodeCategory::kExpr);
  EXPECT_EQ(CategoryOf(NodeKind::kTryStar), NodeCategory::kStmt);
  EXPECT_EQ(CategoryOf(NodeKind::kMatchAs), NodeCategory::kPattern);
  EXPECT_TRUE(HasAttributes(NodeKind::kKeyword));
  EXPECT_FALSE(HasAttributes(NodeKind::kComprehension));
  EXPECT_FALSE(HasAttributes(NodeKind::kModule));
}

TEST(AstTest, ForEachChildVisitsFieldsInOrderAndSkipsNulls) {
  Arena arena;
  auto* func = arena.New<Name>();
  func->id = "f";
  auto* first = arena.New<Name>();
  first->id = "a";
  auto* call = arena.New<Call>();
  call->func = func;
  std::vector<Expr*> args = {first, nullptr};
  call->args = arena.CopySpan<Expr*>(args);

  std::vector<Node*> seen;
  ForEachChild(call, [&](Node* child) { seen.push_back(child); });
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0], func);
  EXPECT_EQ(seen[1], first);
  EXPECT_EQ(DynCast<Name>(seen[1])->id, "a");
  EXPECT_EQ(DynCast<Call>(seen[1]), nullptr);
}

TEST(ArenaTest, LargeAllocationsGetTheirOwnBlock) {
  Arena arena;
  void* small = arena.Allocate(16, 8);
  void* big = arena.Allocate(1 << 20, 8);
  void* after = arena.Allocate(16, 8);
  EXPECT_NE(small, nullptr);
  EXPECT_NE(big, nullptr);
  EXPECT_NE(after, nullptr);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(after) % 8, 0u);
  EXPECT_GE(arena.bytes_allocated(), (1u << 20) + 32);
}

}  // namespace
}  // namespace dsaudit::python
