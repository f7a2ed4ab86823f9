// Expected texts come from CPython 3.11.7: repr() and ast.dump() of the same
// values and trees (see the comment above each table).
#include "frontend/python/ast_dump.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "base/arena.h"

namespace dsaudit::python {
namespace {

struct ReprCase {
  std::string_view input;
  const char* expected;
};

// python3: repr(s) for each s, input given as s.encode('utf-8', 'surrogatepass').
const ReprCase kStrCases[] = {
    {std::string_view("", 0), "''"},
    {std::string_view("abc", 3), "'abc'"},
    {std::string_view("it's", 4), "\"it's\""},
    {std::string_view("say \"hi\"", 8), "'say \"hi\"'"},
    {std::string_view("both ' and \"", 12), "'both \\' and \"'"},
    {std::string_view("tab\011nl\012c\015r", 10), "'tab\\tnl\\nc\\rr'"},
    {std::string_view("back\\slash", 10), "'back\\\\slash'"},
    {std::string_view("\000\037\177", 3), "'\\x00\\x1f\\x7f'"},
    {std::string_view("\302\200\302\240\302\255\303\251\303\277", 10),
     "'\\x80\\xa0\\xad\303\251\303\277'"},
    {std::string_view("h\303\251llo w\303\266rld", 13), "'h\303\251llo w\303\266rld'"},
    {std::string_view("\346\227\245\346\234\254\350\252\236", 9),
     "'\346\227\245\346\234\254\350\252\236'"},
    {std::string_view("\342\200\250\342\200\251\342\200\213\357\273\277", 12),
     "'\\u2028\\u2029\\u200b\\ufeff'"},
    {std::string_view("\343\200\200 ", 4), "'\\u3000 '"},
    {std::string_view("\355\240\200\355\277\277", 6), "'\\ud800\\udfff'"},
    {std::string_view("\360\237\230\200", 4), "'\360\237\230\200'"},
    {std::string_view("\363\240\200\201", 4), "'\\U000e0001'"},
    {std::string_view("\364\217\277\277", 4), "'\\U0010ffff'"},
    {std::string_view("\356\200\200", 3), "'\\ue000'"},
    {std::string_view("\315\270", 2), "'\\u0378'"},
    // Assigned in Unicode 15.0, still unassigned in Python 3.11's database.
    {std::string_view("\340\263\263", 3), "'\\u0cf3'"},
    {std::string_view("\360\237\251\265", 4), "'\\U0001fa75'"},
    {std::string_view("\360\261\215\220", 4), "'\\U00031350'"},
};

// python3: repr(b) for each b.
const ReprCase kBytesCases[] = {
    {std::string_view("", 0), "b''"},
    {std::string_view("abc", 3), "b'abc'"},
    {std::string_view("it's", 4), "b\"it's\""},
    {std::string_view("\"", 1), "b'\"'"},
    {std::string_view("'\"", 2), "b'\\'\"'"},
    {std::string_view("\011\012\015\000\037\177\200\377\\", 9),
     "b'\\t\\n\\r\\x00\\x1f\\x7f\\x80\\xff\\\\'"},
    {std::string_view("~ ", 2), "b'~ '"},
};

struct FloatCase {
  double value;
  const char* float_repr;    // repr(value)
  const char* complex_repr;  // repr(complex(0, value))
};

constexpr double kInf = std::numeric_limits<double>::infinity();

const FloatCase kFloatCases[] = {
    {0.0, "0.0", "0j"},
    {1.0, "1.0", "1j"},
    {1.5, "1.5", "1.5j"},
    {10.0, "10.0", "10j"},
    {0.1, "0.1", "0.1j"},
    {0.0001, "0.0001", "0.0001j"},
    {1e-05, "1e-05", "1e-05j"},
    {1000000000000000.0, "1000000000000000.0", "1000000000000000j"},
    {1e+16, "1e+16", "1e+16j"},
    {1.2345678901234568e+17, "1.2345678901234568e+17", "1.2345678901234568e+17j"},
    {1e+100, "1e+100", "1e+100j"},
    {1e-100, "1e-100", "1e-100j"},
    {5e-324, "5e-324", "5e-324j"},
    {1.7976931348623157e+308, "1.7976931348623157e+308", "1.7976931348623157e+308j"},
    {3.14159, "3.14159", "3.14159j"},
    {1e+22, "1e+22", "1e+22j"},
    {kInf, "inf", "infj"},
    {2.5e-05, "2.5e-05", "2.5e-05j"},
    {12345.678, "12345.678", "12345.678j"},
    {0.001, "0.001", "0.001j"},
};

TEST(AstDumpReprTest, StrMatchesPython) {
  for (const ReprCase& c : kStrCases) {
    std::string out;
    AppendStrRepr(c.input, out);
    EXPECT_EQ(out, c.expected) << "input: " << c.input;
  }
}

TEST(AstDumpReprTest, BytesMatchesPython) {
  for (const ReprCase& c : kBytesCases) {
    std::string out;
    AppendBytesRepr(c.input, out);
    EXPECT_EQ(out, c.expected) << "input: " << c.input;
  }
}

TEST(AstDumpReprTest, FloatMatchesPython) {
  for (const FloatCase& c : kFloatCases) {
    std::string out;
    AppendFloatRepr(c.value, out);
    EXPECT_EQ(out, c.float_repr);
  }
}

TEST(AstDumpReprTest, ImaginaryMatchesPython) {
  for (const FloatCase& c : kFloatCases) {
    std::string out;
    AppendImaginaryRepr(c.value, out);
    EXPECT_EQ(out, c.complex_repr);
  }
}

TEST(AstDumpReprTest, NanAndNegativeValues) {
  std::string out;
  AppendFloatRepr(std::numeric_limits<double>::quiet_NaN(), out);
  out += ' ';
  AppendFloatRepr(-0.0, out);
  out += ' ';
  AppendFloatRepr(-kInf, out);
  EXPECT_EQ(out, "nan -0.0 -inf");
}

// Small builders, so each test reads like the source it stands for.
class TreeBuilder {
 public:
  template <class T>
  T* At(uint32_t line, uint32_t col, uint32_t end_line, uint32_t end_col) {
    T* node = arena_.New<T>();
    node->pos = {line, col, end_line, end_col};
    return node;
  }
  Name* NameAt(std::string_view id, ExprContext ctx, uint32_t col) {
    auto* name = At<Name>(1, col, 1, col + static_cast<uint32_t>(id.size()));
    name->id = id;
    name->ctx = ctx;
    return name;
  }
  Constant* Const(ConstantKind kind, std::string_view text, uint32_t col, uint32_t end_col) {
    auto* constant = At<Constant>(1, col, 1, end_col);
    constant->value.kind = kind;
    constant->value.text = text;
    return constant;
  }
  template <class T>
  std::span<T*> List(std::vector<T*> items) {
    return arena_.CopySpan<T*>(items);
  }
  Module* ModuleOf(std::vector<Stmt*> body) {
    auto* module = arena_.New<Module>();
    module->body = List(std::move(body));
    return module;
  }
  ExprStmt* ExprAt(Expr* value) {
    auto* stmt =
        At<ExprStmt>(value->pos.line, value->pos.col, value->pos.end_line, value->pos.end_col);
    stmt->value = value;
    return stmt;
  }
  Arena& arena() { return arena_; }

 private:
  Arena arena_;
};

// python3: ast.dump(ast.parse('x = 1'), include_attributes=...)
TEST(AstDumpTest, AssignWithAndWithoutAttributes) {
  TreeBuilder b;
  auto* assign = b.At<Assign>(1, 0, 1, 5);
  assign->targets = b.List<Expr>({b.NameAt("x", ExprContext::kStore, 0)});
  assign->value = b.Const(ConstantKind::kInt, "1", 4, 5);
  Module* module = b.ModuleOf({assign});
  EXPECT_EQ(DumpAst(module, false),
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], "
            "type_ignores=[])");
  EXPECT_EQ(DumpAst(module, true),
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, "
            "end_lineno=1, end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, "
            "end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, "
            "end_col_offset=5)], type_ignores=[])");
}

// python3: ast.dump(ast.parse('from . import a as b\nimport os'))
TEST(AstDumpTest, AbsentOptionalIdentifiersAreOmitted) {
  TreeBuilder b;
  auto* alias_a = b.At<Alias>(1, 14, 1, 20);
  alias_a->name = "a";
  alias_a->asname = "b";
  auto* import_from = b.At<ImportFrom>(1, 0, 1, 20);
  import_from->names = b.List<Alias>({alias_a});
  import_from->level = 1;
  auto* alias_os = b.At<Alias>(2, 7, 2, 9);
  alias_os->name = "os";
  auto* import = b.At<Import>(2, 0, 2, 9);
  import->names = b.List<Alias>({alias_os});
  EXPECT_EQ(DumpAst(b.ModuleOf({import_from, import}), false),
            "Module(body=[ImportFrom(names=[alias(name='a', asname='b')], level=1), "
            "Import(names=[alias(name='os')])], type_ignores=[])");
}

// python3: ast.dump(ast.parse('{**a, 1: 2}'), include_attributes=True)
TEST(AstDumpTest, NullDictKeyIsNone) {
  TreeBuilder b;
  auto* dict = b.At<Dict>(1, 0, 1, 11);
  dict->keys = b.List<Expr>({nullptr, b.Const(ConstantKind::kInt, "1", 6, 7)});
  dict->values =
      b.List<Expr>({b.NameAt("a", ExprContext::kLoad, 3), b.Const(ConstantKind::kInt, "2", 9, 10)});
  EXPECT_EQ(DumpAst(b.ModuleOf({b.ExprAt(dict)}), true),
            "Module(body=[Expr(value=Dict(keys=[None, Constant(value=1, lineno=1, col_offset=6, "
            "end_lineno=1, end_col_offset=7)], values=[Name(id='a', ctx=Load(), lineno=1, "
            "col_offset=3, end_lineno=1, end_col_offset=4), Constant(value=2, lineno=1, "
            "col_offset=9, end_lineno=1, end_col_offset=10)], lineno=1, col_offset=0, "
            "end_lineno=1, end_col_offset=11), lineno=1, col_offset=0, end_lineno=1, "
            "end_col_offset=11)], type_ignores=[])");
}

// python3: ast.dump(ast.parse('def f(*, a=1, b): global g, h'))
TEST(AstDumpTest, ArgumentsAndIdentifierLists) {
  TreeBuilder b;
  auto* a = b.At<Arg>(1, 9, 1, 10);
  a->arg = "a";
  auto* bb = b.At<Arg>(1, 14, 1, 15);
  bb->arg = "b";
  auto* args = b.arena().New<Arguments>();
  args->kwonlyargs = b.List<Arg>({a, bb});
  args->kw_defaults = b.List<Expr>({b.Const(ConstantKind::kInt, "1", 11, 12), nullptr});
  std::vector<Identifier> names = {"g", "h"};
  auto* global = b.At<Global>(1, 18, 1, 29);
  global->names = b.arena().CopySpan<Identifier>(names);
  auto* def = b.At<FunctionDef>(1, 0, 1, 29);
  def->name = "f";
  def->args = args;
  def->body = b.List<Stmt>({global});
  EXPECT_EQ(DumpAst(b.ModuleOf({def}), false),
            "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], "
            "kwonlyargs=[arg(arg='a'), arg(arg='b')], kw_defaults=[Constant(value=1), None], "
            "defaults=[]), body=[Global(names=['g', 'h'])], decorator_list=[])], "
            "type_ignores=[])");
}

// Type parameters exist only in 3.12; they appear only when present, in
// CPython 3.12's field order (after type_comment).
TEST(AstDumpTest, TypeParamsOnlyWhenPresent) {
  TreeBuilder b;
  auto* args = b.arena().New<Arguments>();
  auto* type_var = b.At<TypeVar>(1, 6, 1, 7);
  type_var->name = "T";
  auto* def = b.At<FunctionDef>(1, 0, 1, 17);
  def->name = "f";
  def->args = args;
  def->body = b.List<Stmt>({b.At<Pass>(1, 13, 1, 17)});
  def->type_params = b.List<TypeParam>({type_var});
  EXPECT_EQ(DumpAst(def, false),
            "FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
            "kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[], "
            "type_params=[TypeVar(name='T')])");
}

// python3: ast.dump(ast.parse('a < b is not c'))
TEST(AstDumpTest, ComparisonOperatorsAreCalls) {
  TreeBuilder b;
  auto* compare = b.At<Compare>(1, 0, 1, 14);
  compare->left = b.NameAt("a", ExprContext::kLoad, 0);
  std::vector<CmpOperator> ops = {CmpOperator::kLt, CmpOperator::kIsNot};
  compare->ops = b.arena().CopySpan<CmpOperator>(ops);
  compare->comparators =
      b.List<Expr>({b.NameAt("b", ExprContext::kLoad, 4), b.NameAt("c", ExprContext::kLoad, 13)});
  EXPECT_EQ(DumpAst(b.ExprAt(compare), false),
            "Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), IsNot()], "
            "comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))");
}

// python3: ast.dump(ast.parse("u'x'"))
TEST(AstDumpTest, ConstantKindUsesPythonFieldName) {
  TreeBuilder b;
  auto* constant = b.Const(ConstantKind::kStr, "x", 0, 4);
  constant->string_kind = "u";
  EXPECT_EQ(DumpAst(constant, false), "Constant(value='x', kind='u')");
}

// python3: ast.dump(ast.parse('00; 0.5; 2j; None; ...; True; b"\\0"'))
TEST(AstDumpTest, ConstantValues) {
  TreeBuilder b;
  auto* zero = b.Const(ConstantKind::kInt, "00", 0, 2);
  auto* half = b.Const(ConstantKind::kFloat, "", 4, 7);
  half->value.number = 0.5;
  auto* imaginary = b.Const(ConstantKind::kComplex, "", 9, 11);
  imaginary->value.number = 2;
  std::string out;
  for (const Constant* c :
       {zero, half, imaginary, b.Const(ConstantKind::kNone, "", 0, 0),
        b.Const(ConstantKind::kEllipsis, "", 0, 0), b.Const(ConstantKind::kTrue, "", 0, 0),
        b.Const(ConstantKind::kBytes, std::string_view("\0", 1), 0, 0)}) {
    out += DumpAst(c, false);
    out += ' ';
  }
  EXPECT_EQ(out,
            "Constant(value=0) Constant(value=0.5) Constant(value=2j) Constant(value=None) "
            "Constant(value=Ellipsis) Constant(value=True) Constant(value=b'\\x00') ");
}

// python3: ast.dump(ast.parse('0x1f; 0o17; 0b1; 10**40'))
TEST(AstDumpTest, NonDecimalIntsPrintInDecimal) {
  TreeBuilder b;
  EXPECT_EQ(DumpAst(b.Const(ConstantKind::kInt, "0x1f", 0, 4), false), "Constant(value=31)");
  EXPECT_EQ(DumpAst(b.Const(ConstantKind::kInt, "0O17", 0, 4), false), "Constant(value=15)");
  EXPECT_EQ(DumpAst(b.Const(ConstantKind::kInt, "0b1", 0, 3), false), "Constant(value=1)");
  EXPECT_EQ(
      DumpAst(b.Const(ConstantKind::kInt, "0x1d6329f1c35ca4bfabb9f5610000000000", 0, 36), false),
      "Constant(value=10000000000000000000000000000000000000000)");
}

// python3: ast.dump(ast.parse('match x:\n case None: pass'))
TEST(AstDumpTest, MatchSingletonKeepsNone) {
  TreeBuilder b;
  auto* singleton = b.At<MatchSingleton>(2, 6, 2, 10);
  EXPECT_EQ(DumpAst(singleton, false), "MatchSingleton(value=None)");
}

TEST(AstDumpTest, AppendsToExistingBuffer) {
  TreeBuilder b;
  std::string out = "== f.py\n";
  AppendAstDump(b.At<Pass>(1, 0, 1, 4), true, out);
  EXPECT_EQ(out, "== f.py\nPass(lineno=1, col_offset=0, end_lineno=1, end_col_offset=4)");
}

}  // namespace
}  // namespace dsaudit::python
