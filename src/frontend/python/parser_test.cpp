// Parser tests. Expected dumps are CPython 3.11's
// ast.dump(ast.parse(src), include_attributes=...) output, generated with
// python3; the 3.12-only cases are written by hand in 3.12's format.
#include "frontend/python/parser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "frontend/python/ast_dump.h"

namespace dsaudit::python {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string FirstError(const ParsedModule& parsed) {
  if (parsed.errors.empty()) return "";
  const SyntaxError& e = parsed.errors.front();
  return e.type + ": " + e.message + " (" + std::to_string(e.line) + ":" +
         std::to_string(e.column) + ")";
}

void ExpectDump(std::string_view source, std::string_view expected, bool attributes) {
  auto parsed = Parse(SourceText::FromUtf8(source));
  EXPECT_EQ(FirstError(*parsed), "") << source;
  EXPECT_EQ(DumpAst(parsed->module, attributes), expected) << source;
}

TEST(ParserTest, Arithmetic) {
  ExpectDump(R"py(x = 1 + 2 * 3 ** -4 // 5 % 6 @ m)py",
             R"dump(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Constant(value=2), op=Mult(), right=BinOp(left=Constant(value=3), op=Pow(), right=UnaryOp(op=USub(), operand=Constant(value=4)))), op=FloorDiv(), right=Constant(value=5)), op=Mod(), right=Constant(value=6)), op=MatMult(), right=Name(id='m', ctx=Load()))))], type_ignores=[]))dump", false);
}

TEST(ParserTest, BitwiseAndShifts) {
  ExpectDump(R"py(x = a | b ^ c & d << 1 >> 2)py",
             R"dump(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Name(id='a', ctx=Load()), op=BitOr(), right=BinOp(left=Name(id='b', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='c', ctx=Load()), op=BitAnd(), right=BinOp(left=BinOp(left=Name(id='d', ctx=Load()), op=LShift(), right=Constant(value=1)), op=RShift(), right=Constant(value=2))))))], type_ignores=[]))dump", false);
}

TEST(ParserTest, Comparisons) {
  ExpectDump(R"py(a < b <= c == d != e > f >= g is h is not i in j not in k)py",
             R"dump(Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), Eq(), NotEq(), Gt(), GtE(), Is(), IsNot(), In(), NotIn()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load()), Name(id='e', ctx=Load()), Name(id='f', ctx=Load()), Name(id='g', ctx=Load()), Name(id='h', ctx=Load()), Name(id='i', ctx=Load()), Name(id='j', ctx=Load()), Name(id='k', ctx=Load())]))], type_ignores=[]))dump", false);
}

TEST(ParserTest, BoolOpsFlatten) {
  ExpectDump(R"py(a or b or c and d and not e)py",
             R"dump(Module(body=[Expr(value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load()), BoolOp(op=And(), values=[Name(id='c', ctx=Load()), Name(id='d', ctx=Load()), UnaryOp(op=Not(), operand=Name(id='e', ctx=Load()))])]))], type_ignores=[]))dump", false);
}

TEST(ParserTest, ConditionalExpression) {
  ExpectDump(R"py(x = a if b else c if d else e)py",
             R"dump(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=IfExp(test=Name(id='d', ctx=Load()), body=Name(id='c', ctx=Load()), orelse=Name(id='e', ctx=Load()))))], type_ignores=[]))dump", false);
}

TEST(ParserTest, UnaryChain) {
  ExpectDump(R"py(x = - + ~ not_a)py",
             R"dump(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=USub(), operand=UnaryOp(op=UAdd(), operand=UnaryOp(op=Invert(), operand=Name(id='not_a', ctx=Load())))))], type_ignores=[]))dump", false);
}

TEST(ParserTest, PowerIsRightAssociative) {
  ExpectDump(R"py(x = -2 ** 3 ** 4)py",
             R"dump(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=USub(), operand=BinOp(left=Constant(value=2), op=Pow(), right=BinOp(left=Constant(value=3), op=Pow(), right=Constant(value=4)))))], type_ignores=[]))dump", false);
}

TEST(ParserTest, AwaitPower) {
  ExpectDump(R"py(async def f():
    await x ** 2)py",
             R"dump(Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=BinOp(left=Await(value=Name(id='x', ctx=Load())), op=Pow(), right=Constant(value=2)))], decorator_list=[])], type_ignores=[]))dump", false);
}

TEST(ParserTest, CallArguments) {
  ExpectDump(R"py(f(a, *b, c=1, *d, **e))py",
             R"dump(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load()), Starred(value=Name(id='d', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', value=Constant(value=1)), keyword(value=Name(id='e', ctx=Load()))]))], type_ignores=[]))dump", false);
}

TEST(ParserTest, GeneratorAsSoleArgument) {
  ExpectDump(R"py(f(x for x in y))py",
             R"dump(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1), args=[GeneratorExp(elt=Name(id='x', ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=3), generators=[comprehension(target=Name(id='x', ctx=Store(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), iter=Name(id='y', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), ifs=[], is_async=0)], lineno=1, col_offset=1, end_lineno=1, end_col_offset=15)], keywords=[], lineno=1, col_offset=0, end_lineno=1, end_col_offset=15), lineno=1, col_offset=0, end_lineno=1, end_col_offset=15)], type_ignores=[]))dump", true);
}

TEST(ParserTest, ParenthesizedKeepsInnerPosition) {
  ExpectDump(R"py((a)
((b, c))
(a) + b)py",
             R"dump(Module(body=[Expr(value=Name(id='a', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=2), lineno=1, col_offset=0, end_lineno=1, end_col_offset=3), Expr(value=Tuple(elts=[Name(id='b', ctx=Load(), lineno=2, col_offset=2, end_lineno=2, end_col_offset=3), Name(id='c', ctx=Load(), lineno=2, col_offset=5, end_lineno=2, end_col_offset=6)], ctx=Load(), lineno=2, col_offset=1, end_lineno=2, end_col_offset=7), lineno=2, col_offset=0, end_lineno=2, end_col_offset=8), Expr(value=BinOp(left=Name(id='a', ctx=Load(), lineno=3, col_offset=1, end_lineno=3, end_col_offset=2), op=Add(), right=Name(id='b', ctx=Load(), lineno=3, col_offset=6, end_lineno=3, end_col_offset=7), lineno=3, col_offset=0, end_lineno=3, end_col_offset=7), lineno=3, col_offset=0, end_lineno=3, end_col_offset=7)], type_ignores=[]))dump", true);
}

TEST(ParserTest, TupleWithTrailingComma) {
  ExpectDump(R"py(x = 1, 2,)py",
             R"dump(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Tuple(elts=[Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), Constant(value=2, lineno=1, col_offset=7, end_lineno=1, end_col_offset=8)], ctx=Load(), lineno=1, col_offset=4, end_lineno=1, end_col_offset=9), lineno=1, col_offset=0, end_lineno=1, end_col_offset=9)], type_ignores=[]))dump", true);
}

TEST(ParserTest, Slices) {
  ExpectDump(R"py(a[1:2, ::3]
a[:]
a[x:=1]
a[*b]
a[1:2:3][::])py",
             R"dump(Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3))], ctx=Load()), ctx=Load())), Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(), ctx=Load())), Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1)), ctx=Load())), Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load())), Expr(value=Subscript(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2), step=Constant(value=3)), ctx=Load()), slice=Slice(), ctx=Load()))], type_ignores=[]))dump", false);
}

TEST(ParserTest, StarTargets) {
  ExpectDump(R"py(a, *b = c
[d, *e] = f
for *g, h in i: pass)py",
             R"dump(Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load())), Assign(targets=[List(elts=[Name(id='d', ctx=Store()), Starred(value=Name(id='e', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='f', ctx=Load())), For(target=Tuple(elts=[Starred(value=Name(id='g', ctx=Store()), ctx=Store()), Name(id='h', ctx=Store())], ctx=Store()), iter=Name(id='i', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[]))dump", false);
}

TEST(ParserTest, ChainedAssignment) {
  ExpectDump(R"py(a = b = c.d = e[0] = 1)py",
             R"dump(Module(body=[Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store()), Attribute(value=Name(id='c', ctx=Load()), attr='d', ctx=Store()), Subscript(value=Name(id='e', ctx=Load()), slice=Constant(value=0), ctx=Store())], value=Constant(value=1))], type_ignores=[]))dump", false);
}

TEST(ParserTest, AnnotatedAssignment) {
  ExpectDump(R"py(x: int
(y): int = 1
z.w: str = 'a')py",
             R"dump(Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=1), AnnAssign(target=Name(id='y', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple=0), AnnAssign(target=Attribute(value=Name(id='z', ctx=Load()), attr='w', ctx=Store()), annotation=Name(id='str', ctx=Load()), value=Constant(value='a'), simple=0)], type_ignores=[]))dump", false);
}

TEST(ParserTest, AugmentedAssignment) {
  ExpectDump(R"py(x += 1
x.y //= 2
x[0] **= 3)py",
             R"dump(Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1)), AugAssign(target=Attribute(value=Name(id='x', ctx=Load()), attr='y', ctx=Store()), op=FloorDiv(), value=Constant(value=2)), AugAssign(target=Subscript(value=Name(id='x', ctx=Load()), slice=Constant(value=0), ctx=Store()), op=Pow(), value=Constant(value=3))], type_ignores=[]))dump", false);
}

TEST(ParserTest, Walrus) {
  ExpectDump(R"py(if (n := 10) > 5: pass
[y for x in z if (y := x)])py",
             R"dump(Module(body=[If(test=Compare(left=NamedExpr(target=Name(id='n', ctx=Store()), value=Constant(value=10)), ops=[Gt()], comparators=[Constant(value=5)]), body=[Pass()], orelse=[]), Expr(value=ListComp(elt=Name(id='y', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='z', ctx=Load()), ifs=[NamedExpr(target=Name(id='y', ctx=Store()), value=Name(id='x', ctx=Load()))], is_async=0)]))], type_ignores=[]))dump", false);
}

TEST(ParserTest, LambdaAllParameterKinds) {
  ExpectDump(R"py(lambda a, /, b=1, *c, d, e=2, **f: 0)py",
             R"dump(Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='f'), defaults=[Constant(value=1)]), body=Constant(value=0)))], type_ignores=[]))dump", false);
}

TEST(ParserTest, DefAllParameterKinds) {
  ExpectDump(R"py(def f(a: int, /, b=1, *args: str, c, d: int = 2, **kw) -> None: pass)py",
             R"dump(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a', annotation=Name(id='int', ctx=Load()))], args=[arg(arg='b')], vararg=arg(arg='args', annotation=Name(id='str', ctx=Load())), kwonlyargs=[arg(arg='c'), arg(arg='d', annotation=Name(id='int', ctx=Load()))], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='kw'), defaults=[Constant(value=1)]), body=[Pass()], decorator_list=[], returns=Constant(value=None))], type_ignores=[]))dump", false);
}

TEST(ParserTest, BareStarKeywordOnly) {
  ExpectDump(R"py(def f(*, a, b=1): pass)py",
             R"dump(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='a'), arg(arg='b')], kw_defaults=[None, Constant(value=1)], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[]))dump", false);
}

TEST(ParserTest, Comprehensions) {
  ExpectDump(R"py([x for x in y if x if z for w in x]
{k: v for k, v in d}
{s for s in t}
(g async for g in h))py",
             R"dump(Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', ctx=Load()), Name(id='z', ctx=Load())], is_async=0), comprehension(target=Name(id='w', ctx=Store()), iter=Name(id='x', ctx=Load()), ifs=[], is_async=0)])), Expr(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Name(id='d', ctx=Load()), ifs=[], is_async=0)])), Expr(value=SetComp(elt=Name(id='s', ctx=Load()), generators=[comprehension(target=Name(id='s', ctx=Store()), iter=Name(id='t', ctx=Load()), ifs=[], is_async=0)])), Expr(value=GeneratorExp(elt=Name(id='g', ctx=Load()), generators=[comprehension(target=Name(id='g', ctx=Store()), iter=Name(id='h', ctx=Load()), ifs=[], is_async=1)]))], type_ignores=[]))dump", false);
}

TEST(ParserTest, DictWithUnpacking) {
  ExpectDump(R"py({**a, 'b': 1, **c})py",
             R"dump(Module(body=[Expr(value=Dict(keys=[None, Constant(value='b'), None], values=[Name(id='a', ctx=Load()), Constant(value=1), Name(id='c', ctx=Load())]))], type_ignores=[]))dump", false);
}

TEST(ParserTest, SetAndEmptyContainers) {
  ExpectDump(R"py({1, *a}
()
[]
{})py",
             R"dump(Module(body=[Expr(value=Set(elts=[Constant(value=1), Starred(value=Name(id='a', ctx=Load()), ctx=Load())])), Expr(value=Tuple(elts=[], ctx=Load())), Expr(value=List(elts=[], ctx=Load())), Expr(value=Dict(keys=[], values=[]))], type_ignores=[]))dump", false);
}

TEST(ParserTest, ImplicitConcatenation) {
  ExpectDump(R"py(x = 'a' "b" '''c''')py",
             R"dump(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Constant(value='abc', lineno=1, col_offset=4, end_lineno=1, end_col_offset=19), lineno=1, col_offset=0, end_lineno=1, end_col_offset=19)], type_ignores=[]))dump", true);
}

TEST(ParserTest, UnicodeKind) {
  ExpectDump(R"py(u'a' 'b')py",
             R"dump(Module(body=[Expr(value=Constant(value='ab', kind='u'))], type_ignores=[]))dump", false);
}

TEST(ParserTest, BytesConcatenation) {
  ExpectDump(R"py(b'a' b'\x00')py",
             R"dump(Module(body=[Expr(value=Constant(value=b'a\x00'))], type_ignores=[]))dump", false);
}

TEST(ParserTest, FStringConversionsAndSpecs) {
  ExpectDump(R"py(f'{a!r} {b!s:>10} {c!a:{w}.{p}}')py",
             R"dump(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conversion=114), Constant(value=' '), FormattedValue(value=Name(id='b', ctx=Load()), conversion=115, format_spec=JoinedStr(values=[Constant(value='>10')])), Constant(value=' '), FormattedValue(value=Name(id='c', ctx=Load()), conversion=97, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1), Constant(value='.'), FormattedValue(value=Name(id='p', ctx=Load()), conversion=-1)]))]))], type_ignores=[]))dump", false);
}

TEST(ParserTest, FStringDebug) {
  ExpectDump(R"py(f'{x=}' f'{y = !s}' f'{z=:>4}')py",
             R"dump(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114), Constant(value='y = '), FormattedValue(value=Name(id='y', ctx=Load()), conversion=115), Constant(value='z='), FormattedValue(value=Name(id='z', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>4')]))]))], type_ignores=[]))dump", false);
}

TEST(ParserTest, FStringPositions) {
  ExpectDump(R"py(x = f'a{b}c' 'd' f'{e:{f}}')py",
             R"dump(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=JoinedStr(values=[Constant(value='a', lineno=1, col_offset=4, end_lineno=1, end_col_offset=27), FormattedValue(value=Name(id='b', ctx=Load(), lineno=1, col_offset=8, end_lineno=1, end_col_offset=9), conversion=-1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=27), Constant(value='cd', lineno=1, col_offset=4, end_lineno=1, end_col_offset=27), FormattedValue(value=Name(id='e', ctx=Load(), lineno=1, col_offset=20, end_lineno=1, end_col_offset=21), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='f', ctx=Load(), lineno=1, col_offset=23, end_lineno=1, end_col_offset=24), conversion=-1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=27)], lineno=1, col_offset=17, end_lineno=1, end_col_offset=27), lineno=1, col_offset=4, end_lineno=1, end_col_offset=27)], lineno=1, col_offset=4, end_lineno=1, end_col_offset=27), lineno=1, col_offset=0, end_lineno=1, end_col_offset=27)], type_ignores=[]))dump", true);
}

TEST(ParserTest, FStringMultiline) {
  ExpectDump(R"py(x = f'''a
{b}
  {c +
   1}''')py",
             R"dump(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=JoinedStr(values=[Constant(value='a\n', lineno=1, col_offset=4, end_lineno=4, end_col_offset=8), FormattedValue(value=Name(id='b', ctx=Load(), lineno=2, col_offset=1, end_lineno=2, end_col_offset=2), conversion=-1, lineno=1, col_offset=4, end_lineno=4, end_col_offset=8), Constant(value='\n  ', lineno=1, col_offset=4, end_lineno=4, end_col_offset=8), FormattedValue(value=BinOp(left=Name(id='c', ctx=Load(), lineno=3, col_offset=3, end_lineno=3, end_col_offset=4), op=Add(), right=Constant(value=1, lineno=4, col_offset=3, end_lineno=4, end_col_offset=4), lineno=3, col_offset=3, end_lineno=4, end_col_offset=4), conversion=-1, lineno=1, col_offset=4, end_lineno=4, end_col_offset=8)], lineno=1, col_offset=4, end_lineno=4, end_col_offset=8), lineno=1, col_offset=0, end_lineno=4, end_col_offset=8)], type_ignores=[]))dump", true);
}

TEST(ParserTest, NestedFString) {
  ExpectDump(R"py(f"{f'{x}'}")py",
             R"dump(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), conversion=-1, lineno=1, col_offset=3, end_lineno=1, end_col_offset=9)], lineno=1, col_offset=3, end_lineno=1, end_col_offset=9), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=11)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=11), lineno=1, col_offset=0, end_lineno=1, end_col_offset=11)], type_ignores=[]))dump", true);
}

TEST(ParserTest, FStringTupleTakesBraces) {
  ExpectDump(R"py(f'{a, b}' f'{x for x in y}')py",
             R"dump(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Tuple(elts=[Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), Name(id='b', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7)], ctx=Load(), lineno=1, col_offset=2, end_lineno=1, end_col_offset=8), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=27), FormattedValue(value=GeneratorExp(elt=Name(id='x', ctx=Load(), lineno=1, col_offset=13, end_lineno=1, end_col_offset=14), generators=[comprehension(target=Name(id='x', ctx=Store(), lineno=1, col_offset=19, end_lineno=1, end_col_offset=20), iter=Name(id='y', ctx=Load(), lineno=1, col_offset=24, end_lineno=1, end_col_offset=25), ifs=[], is_async=0)], lineno=1, col_offset=12, end_lineno=1, end_col_offset=26), conversion=-1, lineno=1, col_offset=0, end_lineno=1, end_col_offset=27)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=27), lineno=1, col_offset=0, end_lineno=1, end_col_offset=27)], type_ignores=[]))dump", true);
}

TEST(ParserTest, Imports) {
  ExpectDump(R"py(import a.b.c as d, e
from . import f
from ..g.h import (i as j, k,)
from ... import *)py",
             R"dump(Module(body=[Import(names=[alias(name='a.b.c', asname='d', lineno=1, col_offset=7, end_lineno=1, end_col_offset=17), alias(name='e', lineno=1, col_offset=19, end_lineno=1, end_col_offset=20)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=20), ImportFrom(names=[alias(name='f', lineno=2, col_offset=14, end_lineno=2, end_col_offset=15)], level=1, lineno=2, col_offset=0, end_lineno=2, end_col_offset=15), ImportFrom(module='g.h', names=[alias(name='i', asname='j', lineno=3, col_offset=19, end_lineno=3, end_col_offset=25), alias(name='k', lineno=3, col_offset=27, end_lineno=3, end_col_offset=28)], level=2, lineno=3, col_offset=0, end_lineno=3, end_col_offset=30), ImportFrom(names=[alias(name='*', lineno=4, col_offset=16, end_lineno=4, end_col_offset=17)], level=3, lineno=4, col_offset=0, end_lineno=4, end_col_offset=17)], type_ignores=[]))dump", true);
}

TEST(ParserTest, GlobalNonlocal) {
  ExpectDump(R"py(def f():
    global a, b
    def g():
        nonlocal c)py",
             R"dump(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Global(names=['a', 'b']), FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Nonlocal(names=['c'])], decorator_list=[])], decorator_list=[])], type_ignores=[]))dump", false);
}

TEST(ParserTest, DelTargets) {
  ExpectDump(R"py(del a, b.c, d[0], (e, f), [g])py",
             R"dump(Module(body=[Delete(targets=[Name(id='a', ctx=Del()), Attribute(value=Name(id='b', ctx=Load()), attr='c', ctx=Del()), Subscript(value=Name(id='d', ctx=Load()), slice=Constant(value=0), ctx=Del()), Tuple(elts=[Name(id='e', ctx=Del()), Name(id='f', ctx=Del())], ctx=Del()), List(elts=[Name(id='g', ctx=Del())], ctx=Del())])], type_ignores=[]))dump", false);
}

TEST(ParserTest, AssertRaise) {
  ExpectDump(R"py(assert x, 'm'
raise E from c
raise)py",
             R"dump(Module(body=[Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='m')), Raise(exc=Name(id='E', ctx=Load()), cause=Name(id='c', ctx=Load())), Raise()], type_ignores=[]))dump", false);
}

TEST(ParserTest, IfElifElse) {
  ExpectDump(R"py(if a:
    pass
elif b:
    pass
else:
    pass)py",
             R"dump(Module(body=[If(test=Name(id='a', ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8)], orelse=[If(test=Name(id='b', ctx=Load(), lineno=3, col_offset=5, end_lineno=3, end_col_offset=6), body=[Pass(lineno=4, col_offset=4, end_lineno=4, end_col_offset=8)], orelse=[Pass(lineno=6, col_offset=4, end_lineno=6, end_col_offset=8)], lineno=3, col_offset=0, end_lineno=6, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=6, end_col_offset=8)], type_ignores=[]))dump", true);
}

TEST(ParserTest, WhileForElse) {
  ExpectDump(R"py(while a:
    break
else:
    continue
for x in y:
    pass
else:
    pass)py",
             R"dump(Module(body=[While(test=Name(id='a', ctx=Load()), body=[Break()], orelse=[Continue()]), For(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), body=[Pass()], orelse=[Pass()])], type_ignores=[]))dump", false);
}

TEST(ParserTest, WithParenthesizedItems) {
  ExpectDump(R"py(with (a as b, c as d,):
    pass
with (a, b):
    pass
with (a, b) as c:
    pass)py",
             R"dump(Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store()))], body=[Pass()]), With(items=[withitem(context_expr=Name(id='a', ctx=Load())), withitem(context_expr=Name(id='b', ctx=Load()))], body=[Pass()]), With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], body=[Pass()])], type_ignores=[]))dump", false);
}

TEST(ParserTest, TryExceptElseFinally) {
  ExpectDump(R"py(try:
    pass
except E as e:
    pass
except:
    pass
else:
    pass
finally:
    pass)py",
             R"dump(Module(body=[Try(body=[Pass(lineno=2, col_offset=4, end_lineno=2, end_col_offset=8)], handlers=[ExceptHandler(type=Name(id='E', ctx=Load(), lineno=3, col_offset=7, end_lineno=3, end_col_offset=8), name='e', body=[Pass(lineno=4, col_offset=4, end_lineno=4, end_col_offset=8)], lineno=3, col_offset=0, end_lineno=4, end_col_offset=8), ExceptHandler(body=[Pass(lineno=6, col_offset=4, end_lineno=6, end_col_offset=8)], lineno=5, col_offset=0, end_lineno=6, end_col_offset=8)], orelse=[Pass(lineno=8, col_offset=4, end_lineno=8, end_col_offset=8)], finalbody=[Pass(lineno=10, col_offset=4, end_lineno=10, end_col_offset=8)], lineno=1, col_offset=0, end_lineno=10, end_col_offset=8)], type_ignores=[]))dump", true);
}

TEST(ParserTest, TryStar) {
  ExpectDump(R"py(try:
    pass
except* E:
    pass)py",
             R"dump(Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), body=[Pass()])], orelse=[], finalbody=[])], type_ignores=[]))dump", false);
}

TEST(ParserTest, AsyncForms) {
  ExpectDump(R"py(async def f():
    async for a in b: pass
    async with c as d: pass
    await e)py",
             R"dump(Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[AsyncFor(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load()), body=[Pass()], orelse=[]), AsyncWith(items=[withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store()))], body=[Pass()]), Expr(value=Await(value=Name(id='e', ctx=Load())))], decorator_list=[])], type_ignores=[]))dump", false);
}

TEST(ParserTest, DecoratorsNotInDefPosition) {
  ExpectDump(R"py(@a
@b.c(1)
def f(): pass
@d
class C(B, metaclass=M): pass)py",
             R"dump(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass(lineno=3, col_offset=9, end_lineno=3, end_col_offset=13)], decorator_list=[Name(id='a', ctx=Load(), lineno=1, col_offset=1, end_lineno=1, end_col_offset=2), Call(func=Attribute(value=Name(id='b', ctx=Load(), lineno=2, col_offset=1, end_lineno=2, end_col_offset=2), attr='c', ctx=Load(), lineno=2, col_offset=1, end_lineno=2, end_col_offset=4), args=[Constant(value=1, lineno=2, col_offset=5, end_lineno=2, end_col_offset=6)], keywords=[], lineno=2, col_offset=1, end_lineno=2, end_col_offset=7)], lineno=3, col_offset=0, end_lineno=3, end_col_offset=13), ClassDef(name='C', bases=[Name(id='B', ctx=Load(), lineno=5, col_offset=8, end_lineno=5, end_col_offset=9)], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load(), lineno=5, col_offset=21, end_lineno=5, end_col_offset=22), lineno=5, col_offset=11, end_lineno=5, end_col_offset=22)], body=[Pass(lineno=5, col_offset=25, end_lineno=5, end_col_offset=29)], decorator_list=[Name(id='d', ctx=Load(), lineno=4, col_offset=1, end_lineno=4, end_col_offset=2)], lineno=5, col_offset=0, end_lineno=5, end_col_offset=29)], type_ignores=[]))dump", true);
}

TEST(ParserTest, TrailingSemicolonEndsCompound) {
  ExpectDump(R"py(def f():
    x = 1; pass;)py",
             R"dump(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=2, col_offset=4, end_lineno=2, end_col_offset=5)], value=Constant(value=1, lineno=2, col_offset=8, end_lineno=2, end_col_offset=9), lineno=2, col_offset=4, end_lineno=2, end_col_offset=9), Pass(lineno=2, col_offset=11, end_lineno=2, end_col_offset=15)], decorator_list=[], lineno=1, col_offset=0, end_lineno=2, end_col_offset=16)], type_ignores=[]))dump", true);
}

TEST(ParserTest, MatchSoftKeywordAsName) {
  ExpectDump(R"py(match(x)
match = 1
match.a = 2
case = type = _ = 3)py",
             R"dump(Module(body=[Expr(value=Call(func=Name(id='match', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[])), Assign(targets=[Name(id='match', ctx=Store())], value=Constant(value=1)), Assign(targets=[Attribute(value=Name(id='match', ctx=Load()), attr='a', ctx=Store())], value=Constant(value=2)), Assign(targets=[Name(id='case', ctx=Store()), Name(id='type', ctx=Store()), Name(id='_', ctx=Store())], value=Constant(value=3))], type_ignores=[]))dump", false);
}

TEST(ParserTest, MatchLiteralAndCapturePatterns) {
  ExpectDump(R"py(match x:
    case 1 | -2 | 3 + 4j | 'a' | None | True:
        pass
    case y:
        pass
    case _:
        pass)py",
             R"dump(Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchOr(patterns=[MatchValue(value=Constant(value=1)), MatchValue(value=UnaryOp(op=USub(), operand=Constant(value=2))), MatchValue(value=BinOp(left=Constant(value=3), op=Add(), right=Constant(value=4j))), MatchValue(value=Constant(value='a')), MatchSingleton(value=None), MatchSingleton(value=True)]), body=[Pass()]), match_case(pattern=MatchAs(name='y'), body=[Pass()]), match_case(pattern=MatchAs(), body=[Pass()])])], type_ignores=[]))dump", false);
}

TEST(ParserTest, MatchSequencePatterns) {
  ExpectDump(R"py(match x:
    case [a, *rest]:
        pass
    case (b, c):
        pass
    case d, *_:
        pass
    case ():
        pass)py",
             R"dump(Module(body=[Match(subject=Name(id='x', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), cases=[match_case(pattern=MatchSequence(patterns=[MatchAs(name='a', lineno=2, col_offset=10, end_lineno=2, end_col_offset=11), MatchStar(name='rest', lineno=2, col_offset=13, end_lineno=2, end_col_offset=18)], lineno=2, col_offset=9, end_lineno=2, end_col_offset=19), body=[Pass(lineno=3, col_offset=8, end_lineno=3, end_col_offset=12)]), match_case(pattern=MatchSequence(patterns=[MatchAs(name='b', lineno=4, col_offset=10, end_lineno=4, end_col_offset=11), MatchAs(name='c', lineno=4, col_offset=13, end_lineno=4, end_col_offset=14)], lineno=4, col_offset=9, end_lineno=4, end_col_offset=15), body=[Pass(lineno=5, col_offset=8, end_lineno=5, end_col_offset=12)]), match_case(pattern=MatchSequence(patterns=[MatchAs(name='d', lineno=6, col_offset=9, end_lineno=6, end_col_offset=10), MatchStar(lineno=6, col_offset=12, end_lineno=6, end_col_offset=14)], lineno=6, col_offset=9, end_lineno=6, end_col_offset=14), body=[Pass(lineno=7, col_offset=8, end_lineno=7, end_col_offset=12)]), match_case(pattern=MatchSequence(patterns=[], lineno=8, col_offset=9, end_lineno=8, end_col_offset=11), body=[Pass(lineno=9, col_offset=8, end_lineno=9, end_col_offset=12)])], lineno=1, col_offset=0, end_lineno=9, end_col_offset=12)], type_ignores=[]))dump", true);
}

TEST(ParserTest, MatchMappingAndClassPatterns) {
  ExpectDump(R"py(match x:
    case {'k': v, **rest}:
        pass
    case P(1, y=2) as p if p:
        pass
    case a.B.C:
        pass)py",
             R"dump(Module(body=[Match(subject=Name(id='x', ctx=Load(), lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), cases=[match_case(pattern=MatchMapping(keys=[Constant(value='k', lineno=2, col_offset=10, end_lineno=2, end_col_offset=13)], patterns=[MatchAs(name='v', lineno=2, col_offset=15, end_lineno=2, end_col_offset=16)], rest='rest', lineno=2, col_offset=9, end_lineno=2, end_col_offset=25), body=[Pass(lineno=3, col_offset=8, end_lineno=3, end_col_offset=12)]), match_case(pattern=MatchAs(pattern=MatchClass(cls=Name(id='P', ctx=Load(), lineno=4, col_offset=9, end_lineno=4, end_col_offset=10), patterns=[MatchValue(value=Constant(value=1, lineno=4, col_offset=11, end_lineno=4, end_col_offset=12), lineno=4, col_offset=11, end_lineno=4, end_col_offset=12)], kwd_attrs=['y'], kwd_patterns=[MatchValue(value=Constant(value=2, lineno=4, col_offset=16, end_lineno=4, end_col_offset=17), lineno=4, col_offset=16, end_lineno=4, end_col_offset=17)], lineno=4, col_offset=9, end_lineno=4, end_col_offset=18), name='p', lineno=4, col_offset=9, end_lineno=4, end_col_offset=23), guard=Name(id='p', ctx=Load(), lineno=4, col_offset=27, end_lineno=4, end_col_offset=28), body=[Pass(lineno=5, col_offset=8, end_lineno=5, end_col_offset=12)]), match_case(pattern=MatchValue(value=Attribute(value=Attribute(value=Name(id='a', ctx=Load(), lineno=6, col_offset=9, end_lineno=6, end_col_offset=10), attr='B', ctx=Load(), lineno=6, col_offset=9, end_lineno=6, end_col_offset=12), attr='C', ctx=Load(), lineno=6, col_offset=9, end_lineno=6, end_col_offset=14), lineno=6, col_offset=9, end_lineno=6, end_col_offset=14), body=[Pass(lineno=7, col_offset=8, end_lineno=7, end_col_offset=12)])], lineno=1, col_offset=0, end_lineno=7, end_col_offset=12)], type_ignores=[]))dump", true);
}

TEST(ParserTest, MatchTupleSubject) {
  ExpectDump(R"py(match a, *b:
    case _:
        pass)py",
             R"dump(Module(body=[Match(subject=Tuple(elts=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()), cases=[match_case(pattern=MatchAs(), body=[Pass()])])], type_ignores=[]))dump", false);
}

TEST(ParserTest, YieldForms) {
  ExpectDump(R"py(def g():
    yield
    yield a, b
    x = yield from c
    await (yield))py",
             R"dump(Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Expr(value=Yield()), Expr(value=Yield(value=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))), Assign(targets=[Name(id='x', ctx=Store())], value=YieldFrom(value=Name(id='c', ctx=Load()))), Expr(value=Await(value=Yield()))], decorator_list=[])], type_ignores=[]))dump", false);
}

TEST(ParserTest, Numbers) {
  ExpectDump(R"py(x = [0, 10, 0x1F, 0o17, 0b101, 1_000, 1.5, 1e10, 2j, 1.5J, 0.0])py",
             R"dump(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[Constant(value=0), Constant(value=10), Constant(value=31), Constant(value=15), Constant(value=5), Constant(value=1000), Constant(value=1.5), Constant(value=10000000000.0), Constant(value=2j), Constant(value=1.5j), Constant(value=0.0)], ctx=Load()))], type_ignores=[]))dump", false);
}

TEST(ParserTest, EllipsisAndSingletons) {
  ExpectDump(R"py(x = (..., None, True, False))py",
             R"dump(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Constant(value=Ellipsis), Constant(value=None), Constant(value=True), Constant(value=False)], ctx=Load()))], type_ignores=[]))dump", false);
}

TEST(ParserTest, UnicodeIdentifierNormalized) {
  ExpectDump(R"py(ﬁ = 1
Ω = 2)py",
             R"dump(Module(body=[Assign(targets=[Name(id='fi', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='Ω', ctx=Store())], value=Constant(value=2))], type_ignores=[]))dump", false);
}

TEST(ParserTest, NonAsciiColumnsAreBytes) {
  ExpectDump(R"py(x = 'é' + y)py",
             R"dump(Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=BinOp(left=Constant(value='é', lineno=1, col_offset=4, end_lineno=1, end_col_offset=8), op=Add(), right=Name(id='y', ctx=Load(), lineno=1, col_offset=11, end_lineno=1, end_col_offset=12), lineno=1, col_offset=4, end_lineno=1, end_col_offset=12), lineno=1, col_offset=0, end_lineno=1, end_col_offset=12)], type_ignores=[]))dump", true);
}

// --- 3.12-only syntax, expected dumps in 3.12's format (type_params last) ---

TEST(ParserTest, TypeAliasStatement) {
  ExpectDump("type X = int\ntype L[T] = list[T]\n",
             "Module(body=[TypeAlias(name=Name(id='X', ctx=Store()), type_params=[], "
             "value=Name(id='int', ctx=Load())), TypeAlias(name=Name(id='L', ctx=Store()), "
             "type_params=[TypeVar(name='T')], value=Subscript(value=Name(id='list', "
             "ctx=Load()), slice=Name(id='T', ctx=Load()), ctx=Load()))], type_ignores=[])",
             false);
}

TEST(ParserTest, FunctionAndClassTypeParams) {
  ExpectDump("def f[T: int, *Ts, **P](x: T) -> T: pass\nclass C[T](B): pass\n",
             "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], "
             "args=[arg(arg='x', annotation=Name(id='T', ctx=Load()))], kwonlyargs=[], "
             "kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[], "
             "returns=Name(id='T', ctx=Load()), type_params=[TypeVar(name='T', "
             "bound=Name(id='int', ctx=Load())), TypeVarTuple(name='Ts'), ParamSpec(name='P')]), "
             "ClassDef(name='C', bases=[Name(id='B', ctx=Load())], keywords=[], body=[Pass()], "
             "decorator_list=[], type_params=[TypeVar(name='T')])], type_ignores=[])",
             false);
}

TEST(ParserTest, TypeIsStillAName) {
  ExpectDump("type(x)\ntype = 1\n",
             "Module(body=[Expr(value=Call(func=Name(id='type', ctx=Load()), "
             "args=[Name(id='x', ctx=Load())], keywords=[])), Assign(targets=[Name(id='type', "
             "ctx=Store())], value=Constant(value=1))], type_ignores=[])",
             false);
}

TEST(ParserTest, Pep701SameQuoteNesting) {
  ExpectDump("x = f\"{\"a\"}\" f\"{f\"{y}\"}\"\n",
             "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
             "value=JoinedStr(values=[FormattedValue(value=Constant(value='a'), conversion=-1), "
             "FormattedValue(value=JoinedStr(values=[FormattedValue(value=Name(id='y', "
             "ctx=Load()), conversion=-1)]), conversion=-1)]))], type_ignores=[])",
             false);
}

// --- sample files: tests/data/python/*.py against CPython's committed dumps ---

TEST(ParserTest, SampleFilesMatchCPython) {
  std::filesystem::path dir = std::filesystem::path(DSAUDIT_TEST_DATA) / "python";
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".py") continue;
    std::filesystem::path dump_path = entry.path();
    dump_path.replace_extension(".dump");
    if (!std::filesystem::exists(dump_path)) continue;
    auto parsed = Parse(SourceText::FromBytes(ReadFile(entry.path())));
    EXPECT_EQ(FirstError(*parsed), "") << entry.path();
    EXPECT_EQ(DumpAst(parsed->module, true) + "\n", ReadFile(dump_path)) << entry.path();
    ++checked;
  }
  EXPECT_GE(checked, 10);
}

// --- recovery and robustness ---

TEST(ParserTest, RecoversAfterErrorsAndKeepsOtherStatements) {
  auto parsed = Parse(SourceText::FromUtf8("a = 1\nb = = 2\nc = 3\ndef f(x) pass\n    pass\nd = 4\n"));
  ASSERT_FALSE(parsed->errors.empty());
  EXPECT_EQ(FirstError(*parsed), "SyntaxError: invalid syntax (2:5)");
  std::string dump = DumpAst(parsed->module, false);
  EXPECT_NE(dump.find("id='a'"), std::string::npos);
  EXPECT_NE(dump.find("id='c'"), std::string::npos);
  EXPECT_NE(dump.find("id='d'"), std::string::npos);
}

TEST(ParserTest, ReportsEveryBrokenStatement) {
  auto parsed = Parse(SourceText::FromUtf8("a b\nx = 1\nc d\n"));
  EXPECT_GE(parsed->errors.size(), 2u);
  EXPECT_EQ(parsed->module->body.size(), 3u);
}

TEST(ParserTest, UnexpectedIndentKeepsIndentedStatements) {
  auto parsed = Parse(SourceText::FromUtf8("x = 1\n    y = 2\nz = 3\n"));
  EXPECT_EQ(FirstError(*parsed), "IndentationError: unexpected indent (2:4)");
  EXPECT_EQ(parsed->module->body.size(), 3u);
}

TEST(ParserTest, DeeplyNestedBracketsGiveAnError) {
  std::string source(100000, '(');
  auto parsed = Parse(SourceText::FromUtf8(source));
  ASSERT_FALSE(parsed->errors.empty());
  EXPECT_EQ(parsed->errors.front().message, "too many nested parentheses");
}

TEST(ParserTest, LongUnaryChainGivesAnError) {
  std::string source(100000, '-');
  source += "1\n";
  auto parsed = Parse(SourceText::FromUtf8(source));
  ASSERT_FALSE(parsed->errors.empty());
  EXPECT_NE(parsed->errors.front().message.find("too many nested"), std::string::npos);
}

TEST(ParserTest, LongNotChainAndLambdaChainGiveAnError) {
  std::string nots;
  for (int i = 0; i < 50000; ++i) nots += "not ";
  nots += "x\n";
  EXPECT_FALSE(Parse(SourceText::FromUtf8(nots))->errors.empty());
  std::string lambdas;
  for (int i = 0; i < 50000; ++i) lambdas += "lambda: ";
  lambdas += "x\n";
  EXPECT_FALSE(Parse(SourceText::FromUtf8(lambdas))->errors.empty());
}

TEST(ParserTest, ModerateNestingIsAccepted) {
  std::string source = std::string(150, '[') + std::string(150, ']') + "\n";
  source += std::string(500, '-') + "1\n";
  auto parsed = Parse(SourceText::FromUtf8(source));
  EXPECT_EQ(FirstError(*parsed), "");
}

TEST(ParserTest, EmptyAndBinaryInputsDoNotCrash) {
  EXPECT_EQ(Parse(SourceText::FromUtf8(""))->module->body.size(), 0u);
  std::string junk;
  for (int i = 0; i < 2000; ++i) junk += static_cast<char>((i * 7919) % 256);
  auto parsed = Parse(SourceText::FromBytes(junk));
  EXPECT_NE(parsed->module, nullptr);
}

TEST(ParserTest, IdentifiersReferenceTheSourceText) {
  auto parsed = Parse(SourceText::FromUtf8("some_name = other\n"));
  auto* assign = DynCast<Assign>(parsed->module->body[0]);
  ASSERT_NE(assign, nullptr);
  auto* name = DynCast<Name>(assign->targets[0]);
  ASSERT_NE(name, nullptr);
  std::string_view text = parsed->source.text();
  EXPECT_TRUE(name->id.data() >= text.data() && name->id.data() < text.data() + text.size());
}

TEST(ParserTest, DefRecordsNamePosition) {
  auto parsed = Parse(SourceText::FromUtf8("@d\ndef  fn(): pass\n"));
  auto* def = DynCast<FunctionDef>(parsed->module->body[0]);
  ASSERT_NE(def, nullptr);
  EXPECT_EQ(def->name_pos.line, 2u);
  EXPECT_EQ(def->name_pos.col, 5u);
}

}  // namespace
}  // namespace dsaudit::python
