#include "semantic/semantic_model.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "base/arena.h"
#include "semantic/semantic_test_util.h"

namespace dsaudit::semantic {
namespace {

using testing::Analyzed;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// The kind of the scope a binding lives in.
ScopeKind ScopeKindOf(const SemanticModel& model, BindingId id) {
  return model.scope(model.binding(id).scope).kind;
}

TEST(SemanticModelTest, ModuleAssignmentIsReadAndBuiltinsResolve) {
  Analyzed a("x = 1\nprint(x)\n");
  const SemanticModel& m = a.model();
  BindingId x = m.LookupBinding(SemanticModel::kGlobalScope, "x");
  ASSERT_NE(x, kNoId);
  EXPECT_EQ(m.binding(x).kind, BindingKind::kAssignment);
  EXPECT_EQ(m.ResolveName(a.Load("x")), x);
  EXPECT_EQ(m.BindingReferences(x).size(), 1u);
  EXPECT_TRUE(m.IsBuiltinReference(a.Load("print")));
  EXPECT_THAT(a.Unresolved(), IsEmpty());
}

TEST(SemanticModelTest, EnclosingFunctionAndModuleNamesResolve) {
  Analyzed a(
      "x = 0\n"
      "def outer():\n"
      "    y = 1\n"
      "    def inner():\n"
      "        return x + y\n"
      "    return inner\n");
  const SemanticModel& m = a.model();
  BindingId y = a.BindingsNamed("y").at(0);
  EXPECT_EQ(ScopeKindOf(m, y), ScopeKind::kFunction);
  EXPECT_EQ(m.ResolveName(a.Load("y")), y);
  EXPECT_EQ(m.ResolveName(a.Load("x")), m.LookupBinding(SemanticModel::kGlobalScope, "x"));
  EXPECT_THAT(a.Unresolved(), IsEmpty());
  EXPECT_THAT(a.Unused(), IsEmpty());
}

TEST(SemanticModelTest, ClassScopeIsInvisibleFromMethodsAndComprehensions) {
  Analyzed a(
      "class C:\n"
      "    attr = [1]\n"
      "    def m(self):\n"
      "        return attr\n"
      "    doubled = [attr for _ in range(2)]\n"
      "    copied = [v for v in attr]\n");
  const SemanticModel& m = a.model();
  // Only the first iterable of a comprehension is evaluated in the class body.
  EXPECT_THAT(a.Unresolved(), ElementsAre("attr", "attr"));
  EXPECT_EQ(m.ResolveName(a.Load("attr", 2)), a.BindingsNamed("attr").at(0));
}

TEST(SemanticModelTest, ReadBeforeALaterLocalBindingResolvesInSourceOrder) {
  // symtable makes x local in f (print(x) raises UnboundLocalError); ruff and
  // pyflakes resolve in source order, so the read finds the global and the
  // local binding stays unread. We flag the read and resolve it as they do.
  Analyzed a(
      "x = 1\n"
      "def f():\n"
      "    print(x)\n"
      "    x = 2\n");
  const SemanticModel& m = a.model();
  ReferenceId ref = m.ReferenceOf(a.Load("x"));
  ASSERT_NE(ref, kNoId);
  EXPECT_TRUE(m.reference(ref).Is(reference_flags::kUnboundLocal));
  EXPECT_EQ(m.reference(ref).binding, a.BindingsNamed("x").at(0));
  EXPECT_EQ(m.BindingReferences(a.BindingsNamed("x").at(1)).size(), 0u);
}

TEST(SemanticModelTest, AnnotationWithoutValueDeclaresLocal) {
  Analyzed a(
      "x = 1\n"
      "def f():\n"
      "    x: int\n"
      "    return x\n");
  const SemanticModel& m = a.model();
  ReferenceId ref = m.ReferenceOf(a.Load("x"));
  EXPECT_TRUE(m.reference(ref).Is(reference_flags::kUnboundLocal));
  EXPECT_EQ(m.binding(a.BindingsNamed("x").at(1)).kind, BindingKind::kAnnotation);
}

TEST(SemanticModelTest, FunctionBodiesSeeModuleNamesDefinedLater) {
  Analyzed a(
      "def f():\n"
      "    return helper()\n"
      "def helper():\n"
      "    return 1\n");
  EXPECT_THAT(a.Unresolved(), IsEmpty());
  EXPECT_EQ(a.model().ResolveName(a.Load("helper")), a.BindingsNamed("helper").at(0));
}

TEST(SemanticModelTest, ModuleLevelReadBeforeDefinitionIsUnresolved) {
  Analyzed a("print(y)\ny = 1\n");
  EXPECT_THAT(a.Unresolved(), ElementsAre("y"));
}

TEST(SemanticModelTest, ComprehensionTargetsStayInTheirScope) {
  Analyzed a("squares = [x * x for x in range(3)]\nprint(x)\n");
  const SemanticModel& m = a.model();
  BindingId x = a.BindingsNamed("x").at(0);
  EXPECT_EQ(ScopeKindOf(m, x), ScopeKind::kComprehension);
  EXPECT_EQ(m.binding(x).kind, BindingKind::kComprehensionTarget);
  EXPECT_EQ(m.ResolveName(a.Load("x")), x);
  EXPECT_THAT(a.Unresolved(), ElementsAre("x"));
}

TEST(SemanticModelTest, GlobalDeclarationRedirectsBindings) {
  Analyzed a(
      "def f():\n"
      "    global counter\n"
      "    counter = 1\n"
      "print(counter)\n");
  const SemanticModel& m = a.model();
  std::vector<BindingId> ids = a.BindingsNamed("counter");
  // As ruff: the def binds the declared name in the module (at the `global`
  // statement) before its body is walked, so the module-level read finds it.
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(m.binding(ids[0]).kind, BindingKind::kAssignment);
  EXPECT_EQ(m.binding(ids[0]).scope, SemanticModel::kGlobalScope);
  EXPECT_EQ(m.binding(ids[0]).pos.line, 2u);
  EXPECT_EQ(m.ResolveName(a.Load("counter")), ids[0]);
  EXPECT_EQ(m.binding(ids[1]).kind, BindingKind::kGlobal);
  EXPECT_EQ(m.binding(ids[2]).scope, SemanticModel::kGlobalScope);
  EXPECT_TRUE(m.binding(ids[2]).Is(binding_flags::kRedirected));
  EXPECT_THAT(a.Unresolved(), IsEmpty());
  EXPECT_THAT(a.Unused(), IsEmpty());
}

TEST(SemanticModelTest, NonlocalDeclarationRedirectsToEnclosingFunction) {
  Analyzed a(
      "def outer():\n"
      "    n = 0\n"
      "    def inc():\n"
      "        nonlocal n\n"
      "        n += 1\n"
      "    inc()\n"
      "    return n\n");
  const SemanticModel& m = a.model();
  std::vector<BindingId> ids = a.BindingsNamed("n");
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(m.binding(ids[1]).kind, BindingKind::kNonlocal);
  EXPECT_EQ(m.binding(ids[2]).scope, m.binding(ids[0]).scope);
  // outer's body is walked before inc's (deferred), so it reads n = 0.
  EXPECT_EQ(m.ResolveName(a.Load("n")), ids[0]);
  EXPECT_THAT(a.Unused(), IsEmpty());
}

TEST(SemanticModelTest, WalrusInComprehensionBindsInEnclosingFunction) {
  Analyzed a(
      "def f(values):\n"
      "    if any((hit := v) > 2 for v in values):\n"
      "        return hit\n");
  const SemanticModel& m = a.model();
  BindingId hit = a.BindingsNamed("hit").at(0);
  EXPECT_EQ(m.binding(hit).kind, BindingKind::kNamedExpr);
  EXPECT_EQ(ScopeKindOf(m, hit), ScopeKind::kFunction);
  EXPECT_EQ(m.ResolveName(a.Load("hit")), hit);
  EXPECT_THAT(a.Unresolved(), IsEmpty());
}

TEST(SemanticModelTest, ExceptNameIsUnboundAfterHandler) {
  Analyzed a(
      "try:\n"
      "    pass\n"
      "except ValueError as err:\n"
      "    print(err)\n"
      "print(err)\n");
  const SemanticModel& m = a.model();
  EXPECT_EQ(m.ResolveName(a.Load("err", 0)), a.BindingsNamed("err").at(0));
  EXPECT_THAT(a.Unresolved(), ElementsAre("err"));
}

TEST(SemanticModelTest, ExceptNameRestoresTheBindingItShadowed) {
  Analyzed a(
      "err = None\n"
      "try:\n"
      "    pass\n"
      "except ValueError as err:\n"
      "    pass\n"
      "print(err)\n");
  EXPECT_EQ(a.model().ResolveName(a.Load("err")), a.BindingsNamed("err").at(0));
  EXPECT_THAT(a.Unused(), ElementsAre("except-name err"));
}

TEST(SemanticModelTest, DelUnbindsAndCountsAsUse) {
  Analyzed a("x = 1\ndel x\nprint(x)\n");
  const SemanticModel& m = a.model();
  std::vector<BindingId> ids = a.BindingsNamed("x");
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(m.binding(ids[1]).kind, BindingKind::kDeletion);
  EXPECT_EQ(m.BindingReferences(ids[0]).size(), 1u);
  EXPECT_THAT(a.Unresolved(), ElementsAre("x"));
}

TEST(SemanticModelTest, DelMakesTheNameLocalInAFunction) {
  // symtable: x is local in f; print(x) raises UnboundLocalError.
  Analyzed a("x = 1\ndef f():\n    print(x)\n    del x\n");
  ReferenceId ref = a.model().ReferenceOf(a.Load("x"));
  EXPECT_TRUE(a.model().reference(ref).Is(reference_flags::kUnboundLocal));
  EXPECT_THAT(a.Unresolved(), IsEmpty());
}

TEST(SemanticModelTest, ConditionalDelKeepsTheBinding) {
  Analyzed a("x = 1\nif x:\n    del x\nprint(x)\n");
  EXPECT_THAT(a.Unresolved(), IsEmpty());
  EXPECT_TRUE(a.model().binding(a.BindingsNamed("x").at(1)).Is(binding_flags::kConditional));
}

TEST(SemanticModelTest, MatchCapturesBind) {
  Analyzed a(
      "def handle(command, Point):\n"
      "    match command:\n"
      "        case [first, *rest]:\n"
      "            return first, rest\n"
      "        case {\"k\": value, **others}:\n"
      "            return value, others\n"
      "        case Point(x=px) as whole:\n"
      "            return px, whole\n");
  const SemanticModel& m = a.model();
  for (std::string_view name : {"first", "rest", "value", "others", "px", "whole"}) {
    std::vector<BindingId> ids = a.BindingsNamed(name);
    ASSERT_EQ(ids.size(), 1u) << name;
    EXPECT_EQ(m.binding(ids[0]).kind, BindingKind::kMatchCapture) << name;
    EXPECT_EQ(m.BindingReferences(ids[0]).size(), 1u) << name;
  }
  EXPECT_THAT(a.Unresolved(), IsEmpty());
}

TEST(SemanticModelTest, TypeParametersHaveTheirOwnScope) {
  Analyzed a(
      "def first[T](items: list[T]) -> T:\n"
      "    return items[0]\n"
      "class Box[V]:\n"
      "    def get(self) -> V:\n"
      "        return self.value\n"
      "type Pair[K] = tuple[K, K]\n");
  const SemanticModel& m = a.model();
  for (std::string_view name : {"T", "V", "K"}) {
    BindingId id = a.BindingsNamed(name).at(0);
    EXPECT_EQ(m.binding(id).kind, BindingKind::kTypeParam) << name;
    EXPECT_EQ(ScopeKindOf(m, id), ScopeKind::kTypeParams) << name;
    EXPECT_FALSE(m.BindingReferences(id).empty()) << name;
  }
  EXPECT_EQ(m.binding(a.BindingsNamed("Pair").at(0)).kind, BindingKind::kTypeAlias);
  EXPECT_THAT(a.Unresolved(), IsEmpty());
}

TEST(SemanticModelTest, ParametersBindInTheFunctionDefaultsOutside) {
  Analyzed a(
      "limit = 3\n"
      "def f(a, /, b=limit, *args, c, **kwargs):\n"
      "    return a, b, args, c, kwargs\n"
      "g = lambda n=limit: n + 1\n");
  const SemanticModel& m = a.model();
  for (std::string_view name : {"a", "b", "args", "c", "kwargs", "n"}) {
    BindingId id = a.BindingsNamed(name).at(0);
    EXPECT_EQ(m.binding(id).kind, BindingKind::kParameter) << name;
    EXPECT_EQ(m.BindingReferences(id).size(), 1u) << name;
  }
  EXPECT_EQ(ScopeKindOf(m, a.BindingsNamed("n").at(0)), ScopeKind::kLambda);
  BindingId limit = a.BindingsNamed("limit").at(0);
  EXPECT_EQ(m.BindingReferences(limit).size(), 2u);
  EXPECT_EQ(m.ScopeOf(a.Load("limit")), SemanticModel::kGlobalScope);
}

TEST(SemanticModelTest, LoopReadBeforeAssignmentIsUnresolvedAsInRuff) {
  // Runs on the loop's next pass, but ruff reports F821 and F841 here.
  Analyzed a(
      "def f(items):\n"
      "    for i in items:\n"
      "        if i:\n"
      "            print(prev)\n"
      "        prev = i\n");
  EXPECT_THAT(a.Unresolved(), ElementsAre("prev"));
  EXPECT_THAT(a.Unused(), ElementsAre("local prev"));
}

TEST(SemanticModelTest, DeletedAnnotatedAndHandlerNamesAreUnboundAfterwards) {
  Analyzed a(
      "x = 1\n"
      "def f():\n"
      "    x = 2\n"
      "    del x\n"
      "    print(x)\n"
      "def g():\n"
      "    x: int\n"
      "    return x\n"
      "def h():\n"
      "    try:\n"
      "        pass\n"
      "    except Exception as e:\n"
      "        pass\n"
      "    return e\n");
  EXPECT_THAT(a.Unresolved(), ElementsAre("x", "x", "e"));
}

TEST(SemanticModelTest, ClassCellAndClassBodyImplicitNames) {
  Analyzed a(
      "class C:\n"
      "    where = __module__ + __qualname__\n"
      "    def m(self):\n"
      "        return __class__\n");
  EXPECT_THAT(a.Unresolved(), IsEmpty());
}

TEST(SemanticModelTest, FutureAnnotationsAreResolvedLate) {
  Analyzed a(
      "from __future__ import annotations\n"
      "def f(x: Later) -> Later:\n"
      "    return x\n"
      "class Later:\n"
      "    pass\n");
  EXPECT_TRUE(a.model().future_annotations());
  EXPECT_THAT(a.Unresolved(), IsEmpty());
  EXPECT_THAT(a.Unused(), IsEmpty());
  ReferenceId ref = a.model().ReferenceOf(a.Load("Later"));
  EXPECT_TRUE(a.model().reference(ref).Is(reference_flags::kAnnotation));
}

TEST(SemanticModelTest, AnnotationsWithoutFutureImportAreEvaluatedInPlace) {
  Analyzed a(
      "def f(x: Later):\n"
      "    return x\n"
      "class Later:\n"
      "    pass\n");
  EXPECT_THAT(a.Unresolved(), ElementsAre("Later"));
}

TEST(SemanticModelTest, StarImportSuppressesUnresolved) {
  Analyzed a("from os.path import *\nprint(join('a', 'b'))\n");
  const SemanticModel& m = a.model();
  EXPECT_THAT(a.Unresolved(), IsEmpty());
  ReferenceId ref = m.ReferenceOf(a.Load("join"));
  EXPECT_TRUE(m.reference(ref).Is(reference_flags::kMaybeStarImport));
  EXPECT_TRUE(m.scope(SemanticModel::kGlobalScope).Is(scope_flags::kUsesStarImport));
  ASSERT_EQ(m.imports().size(), 1u);
  EXPECT_TRUE(m.imports()[0].is_star);
}

TEST(SemanticModelTest, PackagePathIsDefinedOnlyInPackages) {
  EXPECT_THAT(Analyzed("print(__path__, __file__)\n").Unresolved(), ElementsAre("__path__"));
  BuildOptions options;
  options.module_is_package = true;
  EXPECT_THAT(Analyzed("print(__path__)\n", options).Unresolved(), IsEmpty());
}

TEST(SemanticModelTest, ContextQueries) {
  Analyzed a(
      "from typing import TYPE_CHECKING\n"
      "if TYPE_CHECKING:\n"
      "    import collections\n"
      "class C:\n"
      "    def m(self, rows):\n"
      "        for row in rows:\n"
      "            print(row)\n"
      "        return [r for r in rows]\n"
      "if __name__ == \"__main__\":\n"
      "    C().m([1])\n");
  const SemanticModel& m = a.model();
  const python::Name* print_name = a.Load("print");
  EXPECT_TRUE(m.InLoop(print_name));
  EXPECT_FALSE(m.InMainGuard(print_name));
  const python::Stmt* function = m.EnclosingFunction(print_name);
  ASSERT_NE(function, nullptr);
  EXPECT_EQ(static_cast<const python::FunctionDef*>(function)->name, "m");
  ASSERT_NE(m.EnclosingClass(print_name), nullptr);
  EXPECT_EQ(m.EnclosingClass(print_name)->name, "C");
  EXPECT_EQ(m.scope(m.ScopeOf(print_name)).kind, ScopeKind::kFunction);
  EXPECT_TRUE(python::Isa<python::Call>(m.Parent(print_name)));
  EXPECT_TRUE(python::Isa<python::ExprStmt>(m.EnclosingStatement(print_name)));
  EXPECT_FALSE(m.InLoop(a.Load("rows", 1)));
  EXPECT_EQ(m.scope(m.ScopeOf(a.Load("r"))).kind, ScopeKind::kComprehension);
  EXPECT_TRUE(m.InMainGuard(a.Load("C", 0)));
  BindingId collections = a.BindingsNamed("collections").at(0);
  EXPECT_TRUE(m.binding(collections).Is(binding_flags::kInTypeChecking));
  EXPECT_TRUE(m.InTypeCheckingBlock(m.binding(collections).node));
  EXPECT_FALSE(m.InTypeCheckingBlock(print_name));
}

TEST(SemanticModelTest, BindingOfDefinitionsAndNames) {
  Analyzed a("import os\ndef f(p):\n    q = p\n    return q\n");
  const SemanticModel& m = a.model();
  const python::Name* q = a.NameNode("q", python::ExprContext::kStore);
  BindingId q_binding = m.BindingOf(q);
  ASSERT_NE(q_binding, kNoId);
  EXPECT_EQ(m.binding(q_binding).node, q);
  EXPECT_EQ(m.ResolveName(a.Load("q")), q_binding);
  const auto& body = a.parsed().module->body;
  EXPECT_EQ(m.binding(m.BindingOf(body[1])).kind, BindingKind::kFunctionDefinition);
  EXPECT_EQ(m.BindingOf(a.Load("q")), kNoId);
  std::span<const BindingId> function_bindings = m.ScopeBindings(m.ScopeOf(q));
  ASSERT_EQ(function_bindings.size(), 2u);
  EXPECT_EQ(m.binding(function_bindings[0]).name, "p");
  EXPECT_EQ(m.binding(function_bindings[1]).name, "q");
}

// A node numbered as the parser numbers its nodes (python::Node::node_id).
template <class T>
T* NewNumbered(Arena& arena, uint32_t& node_count) {
  T* node = arena.New<T>();
  node->node_id = node_count++;
  return node;
}

TEST(SemanticModelTest, DeepTreesAreTruncatedNotOverflowed) {
  // The parser stops at CPython's nesting limit, so a tree deeper than the
  // model's own guard can only be built by hand (as a future front end might).
  Arena arena;
  uint32_t node_count = 0;
  auto* module = NewNumbered<python::Module>(arena, node_count);
  python::Expr* chain = NewNumbered<python::Name>(arena, node_count);
  static_cast<python::Name*>(chain)->id = "a";
  for (int i = 0; i < 100000; ++i) {
    auto* sum = NewNumbered<python::BinOp>(arena, node_count);
    sum->left = chain;
    sum->op = python::Operator::kAdd;
    auto* right = NewNumbered<python::Name>(arena, node_count);
    right->id = "a";
    sum->right = right;
    chain = sum;
  }
  auto* target = NewNumbered<python::Name>(arena, node_count);
  target->id = "x";
  target->ctx = python::ExprContext::kStore;
  std::vector<python::Expr*> targets = {target};
  auto* assign = NewNumbered<python::Assign>(arena, node_count);
  assign->targets = arena.CopySpan<python::Expr*>(targets);
  assign->value = chain;
  std::vector<python::Stmt*> body = {assign};
  module->body = arena.CopySpan<python::Stmt*>(body);
  module->node_count = node_count;

  SemanticModel model = SemanticModel::Build(*module);
  EXPECT_TRUE(model.truncated());
  EXPECT_FALSE(Analyzed("x = 1\n").model().truncated());
}

TEST(SemanticModelTest, ParserNestingLimitKeepsTheRestOfTheFile) {
  std::string chain = "x = a";
  for (int i = 0; i < 100000; ++i) chain += "+a";
  Analyzed a(chain + "\ny = 1\nprint(y)\n");
  EXPECT_FALSE(a.parsed().errors.empty());
  EXPECT_NE(a.model().ResolveName(a.Load("y")), kNoId);
}

}  // namespace
}  // namespace dsaudit::semantic
