#include "semantic/scope_dump.h"

#include <gtest/gtest.h>

#include "semantic/semantic_test_util.h"

namespace dsaudit::semantic {
namespace {

TEST(ScopeDumpTest, PrintsTreeBindingsAndCandidates) {
  testing::Analyzed a(
      "import os\n"
      "import numpy as np\n"
      "def f(x):\n"
      "    y = [v for v in x]\n"
      "    return np.mean(x) + z\n");
  EXPECT_EQ(DumpScopes(a.model()),
            "scope module\n"
            "  import os 1:8 refs=0 = os\n"
            "  import np 2:8 refs=1 = numpy\n"
            "  function f 3:5 refs=0\n"
            "  scope function f 3:1\n"
            "    parameter x 3:7 refs=2\n"
            "    assignment y 4:5 refs=0\n"
            "    scope comprehension 4:9\n"
            "      comprehension-target v 4:16 refs=1\n"
            "unresolved:\n"
            "  z 5:25\n"
            "unused:\n"
            "  import os 1:8\n"
            "  local y 4:5\n");
}

}  // namespace
}  // namespace dsaudit::semantic
