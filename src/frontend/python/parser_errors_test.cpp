// The first syntax error for broken sources, checked against CPython 3.11's
// compile(): exception type, message, line and 1-based character offset.
// Every row was produced by running compile() on the source with python3.
#include <gtest/gtest.h>

#include <string>

#include "frontend/python/parser.h"

namespace dsaudit::python {
namespace {

struct ErrorCase {
  const char* source;
  const char* type;
  const char* message;
  uint32_t line;
  uint32_t column;
};

constexpr ErrorCase kCases[] = {
    // A misplaced `/` once broke the parameter split (found by parser_fuzzer).
    {"def h(*, a, /b=1): pass", "SyntaxError", "/ must be ahead of *", 1, 13},
    {"def h(a, /, b, /): pass", "SyntaxError", "/ may appear only once", 1, 16},
    {"lambda *, a, /b=1: 0", "SyntaxError", "/ must be ahead of *", 1, 14},
    {"f() = 1", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1},
    {"1 = x", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1},
    {"x + 1 = 2", "SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1},
    {"a, f() = 1", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 4},
    {"(a, 1) = 2", "SyntaxError", "cannot assign to literal", 1, 5},
    {"[a, 1] = 2", "SyntaxError", "cannot assign to literal", 1, 5},
    {"None = 1", "SyntaxError", "cannot assign to None", 1, 1},
    {"a < b = 1", "SyntaxError", "cannot assign to comparison", 1, 1},
    {"not a = 1", "SyntaxError", "cannot assign to expression", 1, 1},
    {"a if b else c = 1", "SyntaxError", "cannot assign to conditional expression", 1, 1},
    {"lambda: 1 = 1", "SyntaxError", "cannot assign to lambda", 1, 1},
    {"x = f() = 1", "SyntaxError", "cannot assign to function call", 1, 5},
    {"f() += 1", "SyntaxError", "'function call' is an illegal expression for augmented assignment", 1, 1},
    {"del f()", "SyntaxError", "cannot delete function call", 1, 5},
    {"del 1", "SyntaxError", "cannot delete literal", 1, 5},
    {"for f() in x: pass", "SyntaxError", "cannot assign to function call", 1, 5},
    {"for 1 in x: pass", "SyntaxError", "cannot assign to literal", 1, 5},
    {"with a as f(): pass", "SyntaxError", "cannot assign to function call", 1, 11},
    {"if x = 1: pass", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4},
    {"f(a=1, b)", "SyntaxError", "positional argument follows keyword argument", 1, 9},
    {"f(**k, a)", "SyntaxError", "positional argument follows keyword argument unpacking", 1, 9},
    {"f(**k, *a)", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 8},
    {"print x", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1},
    {"print \"hi\"", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1},
    {"x = (1,", "SyntaxError", "'(' was never closed", 1, 5},
    {"a b", "SyntaxError", "invalid syntax", 1, 3},
    {"a 1", "SyntaxError", "invalid syntax", 1, 3},
    {"if x\n    pass", "SyntaxError", "expected ':'", 1, 5},
    {"if x:\npass", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1},
    {"  x = 1", "IndentationError", "unexpected indent", 1, 2},
    {"if x:\n    a\n  b", "IndentationError", "unindent does not match any outer indentation level", 3, 4},
    {"x = 1 +", "SyntaxError", "invalid syntax", 1, 8},
    {"def f(:", "SyntaxError", "invalid syntax", 1, 7},
    {"[x for x in]", "SyntaxError", "invalid syntax", 1, 12},
    {"f\"{}\"", "SyntaxError", "f-string: empty expression not allowed", 1, 6},
    {"f\"{x!z}\"", "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 9},
    {"\"abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 1},
    {"'''abc", "SyntaxError", "unterminated triple-quoted string literal (detected at line 1)", 1, 1},
    {"x = {1: 2, 3}", "SyntaxError", "':' expected after dictionary key", 1, 12},
    {"class A", "SyntaxError", "expected ':'", 1, 8},
    {"x := 1", "SyntaxError", "invalid syntax", 1, 3},
    {"a.b := 1", "SyntaxError", "cannot use assignment expressions with attribute", 1, 1},
    {"def f(a=1, b): pass", "SyntaxError", "non-default argument follows default argument", 1, 12},
    {"def f(*): pass", "SyntaxError", "named arguments must follow bare *", 1, 7},
    {"import a.b as", "SyntaxError", "invalid syntax", 1, 14},
    {"from x import (a, b", "SyntaxError", "'(' was never closed", 1, 15},
    {"a = 1 if b", "SyntaxError", "expected 'else' after 'if' expression", 1, 5},
    {"x[1:2] = 3 = f()", "SyntaxError", "cannot assign to literal", 1, 10},
    {"True = 1", "SyntaxError", "cannot assign to True", 1, 1},
    {"... = 1", "SyntaxError", "cannot assign to ellipsis here. Maybe you meant '==' instead of '='?", 1, 1},
    {"\"a\" = 1", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1},
    {"f\"a\" = 1", "SyntaxError", "cannot assign to f-string expression here. Maybe you meant '==' instead of '='?", 1, 1},
    {"a + = 1", "SyntaxError", "invalid syntax", 1, 5},
    {"x = 1\ny = = 2", "SyntaxError", "invalid syntax", 2, 5},
    {"while x\n  pass", "SyntaxError", "expected ':'", 1, 8},
    {"for x in y\n    pass", "SyntaxError", "expected ':'", 1, 11},
    {"return x y", "SyntaxError", "invalid syntax", 1, 10},
    {"else: pass", "SyntaxError", "invalid syntax", 1, 1},
    {"try:\n    pass\nx = 1", "SyntaxError", "expected 'except' or 'finally' block", 3, 1},
    {"try:\n    pass", "SyntaxError", "expected 'except' or 'finally' block", 2, 9},
    {"def f():\nx = 1", "IndentationError", "expected an indented block after function definition on line 1", 2, 1},
    {"lambda x=1, y: x", "SyntaxError", "non-default argument follows default argument", 1, 13},
    {"f(x for x in y, 1)", "SyntaxError", "Generator expression must be parenthesized", 1, 3},
    {"{**x for x in y}", "SyntaxError", "dict unpacking cannot be used in dict comprehension", 1, 2},
    {"[*x for x in y]", "SyntaxError", "iterable unpacking cannot be used in comprehension", 1, 2},
    {"x = [1, 2 3]", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 9},
    {"x = (a b)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6},
    {"foo(a b)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 5},
    {"match x:\n    case 1:\n        pass\n    case", "SyntaxError", "invalid syntax", 4, 9},
    {"del *a", "SyntaxError", "cannot delete starred", 1, 5},
    {"    x = 1", "IndentationError", "unexpected indent", 1, 4},
    {"x = 1\n    y = 2", "IndentationError", "unexpected indent", 2, 4},
    {"if x:\n    a\n        b", "IndentationError", "unexpected indent", 3, 8},
    {"if x:", "IndentationError", "expected an indented block after 'if' statement on line 1", 1, 6},
    {"def f():\n    pass\n  x", "IndentationError", "unindent does not match any outer indentation level", 3, 4},
    {"if x:\n    y = (1,\nz = 2", "SyntaxError", "'(' was never closed", 2, 9},
    {"a b\nx = \"abc", "SyntaxError", "unterminated string literal (detected at line 2)", 2, 5},
    {"a b\n  x = 1", "SyntaxError", "invalid syntax", 1, 3},
    {"foo(a b", "SyntaxError", "'(' was never closed", 1, 4},
    {"x = (1 +\ndef f(): pass", "SyntaxError", "'(' was never closed", 1, 5},
    {"a b\nx = (", "SyntaxError", "invalid syntax", 1, 3},
    {"x = $", "SyntaxError", "invalid syntax", 1, 5},
    {"x = 1 $", "SyntaxError", "invalid syntax", 1, 7},
    {"def f(x):\n    return x +", "SyntaxError", "invalid syntax", 2, 15},
    {"class C:\n    def f(self):\n        pass\n    x = ", "SyntaxError", "invalid syntax", 4, 9},
    {"x = [\n    1,\n    2\n    3,\n]", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 3, 5},
    {"import", "SyntaxError", "invalid syntax", 1, 7},
    {"from . import", "SyntaxError", "invalid syntax", 1, 14},
    {"x = 0777", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5},
    {"x = 1_", "SyntaxError", "invalid decimal literal", 1, 6},
    {"x = 1e", "SyntaxError", "invalid decimal literal", 1, 5},
    {"x = \"\\N{foo}\"", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name", 1, 14},
    {"x = b\"é\"", "SyntaxError", "bytes can only contain ASCII literal characters", 1, 5},
    {"x = \"a\" b\"b\"", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 13},
    {"with open(x) as f, open(y) as g\n    pass", "SyntaxError", "expected ':'", 1, 32},
    {"try:\n    pass\nexcept Exception, e:\n    pass", "SyntaxError", "multiple exception types must be parenthesized", 3, 8},
    {"@dec\nx = 1", "SyntaxError", "invalid syntax", 2, 1},
    {"def f():\n    yield = 1", "SyntaxError", "assignment to yield expression not possible", 2, 5},
    {"a = b = c +", "SyntaxError", "invalid syntax", 1, 12},
    {"x = )", "SyntaxError", "unmatched ')'", 1, 5},
    {"x = ]", "SyntaxError", "unmatched ']'", 1, 5},
    {"(a, b", "SyntaxError", "'(' was never closed", 1, 1},
    {"[1, 2, 3", "SyntaxError", "'[' was never closed", 1, 1},
    {"print(1))", "SyntaxError", "unmatched ')'", 1, 9},
    {"f(a,, b)", "SyntaxError", "invalid syntax", 1, 5},
    {"x = yield = 1", "SyntaxError", "assignment to yield expression not possible", 1, 5},
    {"x = 1 if 2 else", "SyntaxError", "invalid syntax", 1, 16},
    {"def f(**a, b): pass", "SyntaxError", "arguments cannot follow var-keyword argument", 1, 12},
    {"x = {1: 2 3: 4}", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 9},
    {"x.y = = 1", "SyntaxError", "invalid syntax", 1, 7},
    {"while True:\n    break\nelse\n    pass", "SyntaxError", "expected ':'", 3, 5},
    {"for x in range(3):\npass", "IndentationError", "expected an indented block after 'for' statement on line 1", 2, 1},
    {"class A:\npass", "IndentationError", "expected an indented block after class definition on line 1", 2, 1},
    {"with a:\npass", "IndentationError", "expected an indented block after 'with' statement on line 1", 2, 1},
    {"try:\nx = 1", "IndentationError", "expected an indented block after 'try' statement on line 1", 2, 1},
    {"elif x: pass", "SyntaxError", "invalid syntax", 1, 1},
    {"x = 5 if True", "SyntaxError", "expected 'else' after 'if' expression", 1, 5},
    {"assert", "SyntaxError", "invalid syntax", 1, 7},
    {"raise from x", "SyntaxError", "invalid syntax", 1, 7},
    {"global", "SyntaxError", "invalid syntax", 1, 7},
    {"async def f():\n    await", "SyntaxError", "invalid syntax", 2, 10},
    {"x = not", "SyntaxError", "invalid syntax", 1, 8},
    {"if True:\n\tx = 1\n        y = 2", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1},
    {"a = 1; b = 2;; c = 3", "SyntaxError", "invalid syntax", 1, 14},
    {"f(1 for x in y for)", "SyntaxError", "invalid syntax", 1, 19},
    {"x = 'abc' 'def", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 11},
    {"é = 1\nx = )", "SyntaxError", "unmatched ')'", 2, 5},
    {"x = \"é\" + )", "SyntaxError", "unmatched ')'", 1, 11},
    {"def f(a, *, **k): pass", "SyntaxError", "named arguments must follow bare *", 1, 10},
    {"import a as b.c", "SyntaxError", "invalid syntax", 1, 14},
    {"x = [i for i in range(3) if]\n", "SyntaxError", "invalid syntax", 1, 28},
    {"def f()\n    pass", "SyntaxError", "expected ':'", 1, 8},
    {"class A(B)\n    pass", "SyntaxError", "expected ':'", 1, 11},
    {"for x in range(10) print(x)", "SyntaxError", "invalid syntax", 1, 20},
    {"else if x:\n    pass", "SyntaxError", "invalid syntax", 1, 1},
    {"x === 1", "SyntaxError", "invalid syntax", 1, 5},
    {"if x == 1\n    pass", "SyntaxError", "expected ':'", 1, 10},
    {"print 'a'", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1},
    {"import numpy as np,", "SyntaxError", "invalid syntax", 1, 20},
    {"x = [1, 2,, 3]", "SyntaxError", "invalid syntax", 1, 11},
    {"def f(x y): pass", "SyntaxError", "invalid syntax", 1, 9},
    {"{1: 2, 3: }", "SyntaxError", "expression expected after dictionary key and ':'", 1, 9},
    {"f(a b=1)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 3},
    {"async x = 1", "SyntaxError", "invalid syntax", 1, 7},
    {"a[1:2:3:4]", "SyntaxError", "invalid syntax", 1, 8},
    {"except Exception as e.x:\n    pass", "SyntaxError", "invalid syntax", 1, 1},
    {"with open(x) as f g:\n    pass", "SyntaxError", "invalid syntax", 1, 19},
    {"while True print(1)", "SyntaxError", "invalid syntax", 1, 12},
    {"(a, b) += 1", "SyntaxError", "'tuple' is an illegal expression for augmented assignment", 1, 1},
    {"x: int, y: int = 1, 2", "SyntaxError", "invalid syntax", 1, 7},
    {"def f(x=1, /, y): pass", "SyntaxError", "non-default argument follows default argument", 1, 15},
    {"x = 1\nif x:\n    pass\n  else:\n    pass", "IndentationError", "unindent does not match any outer indentation level", 4, 8},
    {"def f():\n    return\n        x", "IndentationError", "unexpected indent", 3, 8},
    {"foo(\n    a=1,\n    b=2\n    c=3,\n)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 3, 7},
    {"x = {\n    'a': 1\n    'b': 2\n}", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 2, 10},
    {"if x:\n    pass\nelif:\n    pass", "SyntaxError", "invalid syntax", 3, 5},
    {"x = lambda: yield", "SyntaxError", "invalid syntax", 1, 13},
    {"for i in range(10):\n    print(i\nprint(\"done\")", "SyntaxError", "'(' was never closed", 2, 10},
    {"s = 'it's'", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 10},
    {"d = {'a': 1,}}", "SyntaxError", "unmatched '}'", 1, 14},
    {"def f(self, *args, **kwargs, x): pass", "SyntaxError", "arguments cannot follow var-keyword argument", 1, 30},
    {"result = [x for x in range(10) if x % 2 == 0 else 0]", "SyntaxError", "invalid syntax", 1, 46},
    {"x = 10 if y", "SyntaxError", "expected 'else' after 'if' expression", 1, 5},
    {"class C:\n    def __init__(self):\n        self.x = 1\n     def f(self):\n        pass", "IndentationError", "unindent does not match any outer indentation level", 4, 18},
    {"try:\n    pass\nexcept ValueError, TypeError:\n    pass", "SyntaxError", "multiple exception types must be parenthesized", 3, 8},
    {"f(**)", "SyntaxError", "invalid syntax", 1, 5},
    {"x = (1, 2\ny = 3", "SyntaxError", "'(' was never closed", 1, 5},
    {"a = 1 +* 2", "SyntaxError", "invalid syntax", 1, 8},
    {"import a.", "SyntaxError", "invalid syntax", 1, 10},
    {"from . import (a, b,\n", "SyntaxError", "'(' was never closed", 1, 15},
    {"def f() pass", "SyntaxError", "expected ':'", 1, 9},
    {"def f(x) -> int pass", "SyntaxError", "expected ':'", 1, 17},
    {"class A pass", "SyntaxError", "invalid syntax", 1, 9},
    {"if x pass", "SyntaxError", "invalid syntax", 1, 6},
    {"try pass", "SyntaxError", "expected ':'", 1, 5},
    {"with a as b pass", "SyntaxError", "invalid syntax", 1, 13},
    {"while x y\n", "SyntaxError", "invalid syntax", 1, 9},

};

TEST(ParserErrorsTest, FirstErrorMatchesCPython) {
  for (const ErrorCase& c : kCases) {
    auto parsed = Parse(SourceText::FromUtf8(c.source));
    ASSERT_FALSE(parsed->errors.empty()) << c.source;
    const SyntaxError& e = parsed->errors.front();
    EXPECT_EQ(e.type, c.type) << c.source;
    EXPECT_EQ(e.message, c.message) << c.source;
    EXPECT_EQ(e.line, c.line) << c.source;
    EXPECT_EQ(e.column, c.column) << c.source;
  }
}

TEST(ParserErrorsTest, ValidSourcesHaveNoErrors) {
  for (const char* source : {"x = 1\n", "match = 1\nmatch(x)\n", "print(x)\n", "f(**k, a=1)\n",
                             "def f(a, /, b=1, *, c): pass\n", "with (a, b): pass\n"}) {
    auto parsed = Parse(SourceText::FromUtf8(source));
    EXPECT_TRUE(parsed->errors.empty()) << source << ": " << parsed->errors.front().message;
  }
}

TEST(ParserErrorsTest, ErrorsAreInSourceOrderAfterTheFirst) {
  auto parsed = Parse(SourceText::FromUtf8("a b\nc d\ne f\n"));
  ASSERT_EQ(parsed->errors.size(), 3u);
  EXPECT_EQ(parsed->errors[0].line, 1u);
  EXPECT_EQ(parsed->errors[1].line, 2u);
  EXPECT_EQ(parsed->errors[2].line, 3u);
}

}  // namespace
}  // namespace dsaudit::python
