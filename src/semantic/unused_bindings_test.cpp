// Unused imports and locals, undefined names and __all__: the F401, F841,
// F821 and F822 candidates the semantic model hands to checks.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "semantic/semantic_test_util.h"

namespace dsaudit::semantic {
namespace {

using testing::Analyzed;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(UnusedBindingsTest, UnusedImportsInAnyScope) {
  Analyzed a(
      "from __future__ import annotations\n"
      "import os\n"
      "import sys\n"
      "import json as json\n"
      "import xml.dom\n"
      "def f():\n"
      "    import re\n"
      "    return sys.argv\n");
  EXPECT_THAT(a.Unused(), ElementsAre("import os", "import xml", "import re"));
}

TEST(UnusedBindingsTest, UnusedFunctionLocals) {
  Analyzed a(
      "def f(param):\n"
      "    unused = 1\n"
      "    _ignored = 2\n"
      "    a, b = 1, 2\n"
      "    with open(param) as handle:\n"
      "        pass\n"
      "    total: int = 0\n"
      "    used = 3\n"
      "    return used\n"
      "module_level = 1\n");
  EXPECT_THAT(a.Unused(), ElementsAre("local unused", "local handle", "local total"));
}

TEST(UnusedBindingsTest, AugmentedAssignmentReadsTheName) {
  Analyzed a(
      "def f():\n"
      "    count = 0\n"
      "    count += 1\n");
  EXPECT_THAT(a.Unused(), IsEmpty());
}

TEST(UnusedBindingsTest, RebindingKeepsNameUsed) {
  Analyzed a(
      "def f():\n"
      "    x = 1\n"
      "    print(x)\n"
      "    x = 2\n");
  EXPECT_THAT(a.Unused(), IsEmpty());
}

TEST(UnusedBindingsTest, ReadFromNestedFunctionCountsAsUse) {
  Analyzed a(
      "import json\n"
      "def outer():\n"
      "    cache = {}\n"
      "    def inner():\n"
      "        return json.dumps(cache)\n"
      "    return inner\n");
  EXPECT_THAT(a.Unused(), IsEmpty());
}

TEST(UnusedBindingsTest, LocalsCallKeepsLocals) {
  Analyzed a(
      "def f():\n"
      "    name = 'x'\n"
      "    return '{name}'.format(**locals())\n");
  EXPECT_THAT(a.Unused(), IsEmpty());
}

TEST(UnusedBindingsTest, VarsWithoutArgumentsKeepsLocals) {
  Analyzed a(
      "def f(script_name):\n"
      "    script = script_name\n"
      "    return '%(script)s' % vars()\n");
  EXPECT_THAT(a.Unused(), IsEmpty());
}

TEST(UnusedBindingsTest, BodiesReadingGlobalsDeletedLaterAreUnresolvedAsInRuff) {
  // Bodies are resolved after the module, when def_op is deleted: ruff
  // reports F821 in name_op (CPython's opcode.py), though a call before the
  // del would work.
  Analyzed a(
      "def def_op(name):\n"
      "    return name\n"
      "def name_op(name):\n"
      "    return def_op(name)\n"
      "del def_op\n"
      "def_op\n");
  EXPECT_THAT(a.Unresolved(), ElementsAre("def_op", "def_op"));
  EXPECT_THAT(a.Unused(), IsEmpty());
}

TEST(UnusedBindingsTest, DelCountsAsUse) {
  Analyzed a(
      "import os\n"
      "del os\n"
      "def f():\n"
      "    tmp = 1\n"
      "    del tmp\n");
  EXPECT_THAT(a.Unused(), IsEmpty());
}

TEST(UnusedBindingsTest, GlobalRebindingIsNotALocal) {
  Analyzed a(
      "state = None\n"
      "def reset():\n"
      "    global state\n"
      "    state = {}\n");
  EXPECT_THAT(a.Unused(), IsEmpty());
}

TEST(UnusedBindingsTest, WalrusLocalUnused) {
  Analyzed a(
      "def f(xs):\n"
      "    return [y for x in xs if (y := x)]\n"
      "def g(xs):\n"
      "    return [z for x in xs if (z := x)]\n");
  EXPECT_THAT(a.Unused(), IsEmpty());
  Analyzed b("def f(data):\n    if (n := len(data)) > 3:\n        return 1\n");
  EXPECT_THAT(b.Unused(), ElementsAre("local n"));
}

TEST(UnusedBindingsTest, AllListsNamesAsUsed) {
  Analyzed a(
      "import os\n"
      "import sys\n"
      "from json import dumps\n"
      "__all__ = ['os', 'missing']\n"
      "__all__ += ('sys',)\n"
      "__all__.append('dumps')\n");
  // As in ruff, append/extend calls are not bindings of __all__.
  EXPECT_THAT(a.Unused(), ElementsAre("import dumps"));
  const SemanticModel& m = a.model();
  EXPECT_TRUE(m.defines_all());
  ASSERT_EQ(m.exports().size(), 3u);
  ASSERT_EQ(m.undefined_exports().size(), 1u);
  EXPECT_EQ(m.undefined_exports()[0].name, "missing");
  BindingId os = m.LookupBinding(SemanticModel::kGlobalScope, "os");
  ASSERT_EQ(m.BindingReferences(os).size(), 1u);
  EXPECT_TRUE(m.reference(m.BindingReferences(os)[0]).Is(reference_flags::kExport));
}

TEST(UnusedBindingsTest, UndefinedNames) {
  Analyzed a(
      "def f():\n"
      "    return undefined_call(len([]))\n"
      "class C(Missing):\n"
      "    pass\n");
  EXPECT_THAT(a.Unresolved(), ElementsAre("undefined_call", "Missing"));
}

}  // namespace
}  // namespace dsaudit::semantic
