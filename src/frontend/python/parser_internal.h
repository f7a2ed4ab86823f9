// The parser's state, shared by parser*.cpp. Not part of the public interface.
//
// One Parser instance parses one file. Child lists are built on a single
// scratch stack (`scratch_`) and copied into the arena when complete, so no
// per-node heap allocation happens; identifiers are views into the source
// text unless they need NFKC normalisation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/arena.h"
#include "frontend/python/ast.h"
#include "frontend/python/parser.h"
#include "frontend/python/token.h"

namespace dsaudit::python::internal {

// Binding strength of binary operators, for precedence climbing.
enum Precedence : int {
  kPrecNone = 0,
  kPrecBitOr = 1,
  kPrecBitXor = 2,
  kPrecBitAnd = 3,
  kPrecShift = 4,
  kPrecArith = 5,
  kPrecTerm = 6,
};

// Whether a token can begin an expression; also tells a `match` statement
// from a name called `match`.
bool IsExpressionStartKind(TokenKind kind);

// A primary (atom with its calls, subscripts and attributes) parsed before
// knowing whether an operator follows it. The operator levels take it as
// their first operand instead of parsing one (see ParseDisjunction).
struct Primed {
  Expr* expr = nullptr;
  const Token* start = nullptr;  // the primary's first token
  explicit operator bool() const { return expr != nullptr; }
};

class Parser {
 public:
  Parser(ParsedModule& module, const ParseOptions& options);
  Module* ParseModule();
  std::vector<SyntaxError>& errors() { return errors_; }

  // --- token access (parser.cpp) ---
  // The parser reads tokens through a pointer, not an index: every token
  // test is then one load. The last token (EndMarker) is never passed.
  const Token& Cur() const { return *cur_; }
  TokenKind Kind() const { return cur_->kind; }
  const Token& PeekToken(size_t n) const {
    const Token* t = cur_;
    for (; n > 0 && t != last_; --n) ++t;
    return *t;
  }
  TokenKind PeekKind(size_t n) const { return PeekToken(n).kind; }
  const Token& Prev() const { return cur_ == toks_.data() ? *cur_ : cur_[-1]; }
  const Token& Advance() {
    const Token& t = *cur_;
    if (cur_ != last_) ++cur_;
    return t;
  }
  // The index of the current token.
  size_t pos() const { return static_cast<size_t>(cur_ - toks_.data()); }
  bool At(TokenKind kind) const { return Kind() == kind; }
  bool Accept(TokenKind kind) {
    if (Kind() != kind) return false;
    Advance();
    return true;
  }
  // Tokens lie within the source: no bounds check (substr's) on this hot path.
  std::string_view Text(const Token& t) const { return {src_.data() + t.start, t.end - t.start}; }
  bool AtName(std::string_view name) const {
    return Kind() == TokenKind::kName && Text(Cur()) == name;
  }
  // Expects `kind`; on mismatch records `message` (default "invalid syntax")
  // at the current token.
  bool Expect(TokenKind kind, std::string_view message = {});

  // --- errors (parser.cpp) ---
  // Records an error unless one was already recorded for this statement.
  void ErrorAt(uint32_t line, uint32_t col, std::string_view message,
               std::string_view type = "SyntaxError", uint32_t end_line = 0,
               uint32_t end_col = 0);
  void ErrorAtToken(const Token& t, std::string_view message);
  void ErrorAtNode(const Node* n, std::string_view message);
  void InvalidSyntaxHere();
  bool in_error() const { return in_error_; }

  // --- node helpers ---
  // Every node of the tree is created here, numbered in creation order.
  template <class T>
  T* NewNode() {
    T* n = arena_.New<T>();
    n->node_id = node_count_++;
    return n;
  }
  template <class T>
  T* Make(const Token& start) {
    T* n = NewNode<T>();
    n->pos.line = start.line;
    n->pos.col = start.col;
    n->pos.end_line = start.end_line;
    n->pos.end_col = start.end_col;
    return n;
  }
  template <class T>
  T* MakeAt(const Position& start) {
    T* n = NewNode<T>();
    n->pos = start;
    return n;
  }
  // Ends `n` where the last consumed token ends.
  // Ends a compound statement at its last significant token, as CPython's
  // EXTRA does (a trailing ';' counts, NEWLINE and DEDENT do not).
  void FinishCompound(Node* n) const;
  // The NEWLINE token at or before the current one: CPython reports errors
  // found at the end of the file there.
  const Token& LastNewline() const;
  void Finish(Node* n) const {
    const Token& t = Prev();
    n->pos.end_line = t.end_line;
    n->pos.end_col = t.end_col;
  }
  static void EndAt(Node* n, const Node* last) {
    n->pos.end_line = last->pos.end_line;
    n->pos.end_col = last->pos.end_col;
  }
  static void SpanOf(Node* n, const Node* first, const Node* last) {
    n->pos.line = first->pos.line;
    n->pos.col = first->pos.col;
    EndAt(n, last);
  }

  size_t Mark() const { return scratch_.size(); }
  void Push(Node* n) { scratch_.push_back(n); }
  template <class T>
  std::span<T*> PopList(size_t mark) {
    size_t n = scratch_.size() - mark;
    if (n == 0) return {};
    T** data = static_cast<T**>(arena_.Allocate(sizeof(T*) * n, alignof(T*)));
    for (size_t i = 0; i < n; ++i) data[i] = static_cast<T*>(scratch_[mark + i]);
    scratch_.resize(mark);
    return {data, n};
  }
  std::span<Identifier> PopIdents(size_t mark);

  Identifier Ident(const Token& t) { return t.non_ascii ? NormalizedIdent(t) : Text(t); }
  Identifier NormalizedIdent(const Token& t);
  Name* MakeName(const Token& t, ExprContext ctx) {
    Name* name = Make<Name>(t);
    name->id = Ident(t);
    name->ctx = ctx;
    return name;
  }
  Expr* Placeholder();

  // --- expressions (parser_expressions.cpp) ---
  Expr* ParseStarExpressions();          // star_expressions (tuple without parens)
  Expr* ParseStarExpression();           // '*' bitwise_or | expression
  Expr* ParseStarNamedExpression();      // '*' bitwise_or | named_expression
  Expr* ParseNamedExpression();
  Expr* ParseExpression();
  Expr* ParseDisjunction();
  Expr* ParseConjunction(Primed primed = {});
  Expr* ParseInversion(Primed primed = {});
  Expr* ParseComparison(Primed primed = {});
  Expr* ParseBitOr() { return ParseBinary(kPrecBitOr); }
  Expr* ParseBinary(int min_prec, Primed primed = {});
  Expr* ParseFactor(Primed primed = {});
  Expr* ParsePower(Primed primed = {});
  Expr* ParsePrimary();
  Expr* ParseAtom();
  Expr* ParseParenAtom();
  Expr* ParseListAtom();
  Expr* ParseBraceAtom();
  Expr* ParseLambda();
  Expr* ParseYield();
  Expr* ParseCall(Expr* func, const Token& start);
  Expr* ParseSubscript(Expr* value, const Token& start);
  Expr* ParseSlice();
  Expr* ParseStarTargets();  // for loop / comprehension targets
  Expr* ParseTargetElement();
  std::span<Comprehension*> ParseComprehensions();
  Arguments* ParseParameters(TokenKind closer, bool annotations);
  // Inline, as it runs for every expression; the error path is not.
  bool EnterNesting() { return ++depth_ <= options_.max_recursion_depth || NestingTooDeep(); }
  bool NestingTooDeep();
  void LeaveNesting() { --depth_; }
  // Left-associative chains (a + b + ..., a.b.c...) are parsed iteratively
  // but make trees as deep as recursion does; later passes walk them
  // recursively, so their depth is bounded too (CPython's ast fails on them
  // with RecursionError a little beyond 1000 levels).
  bool ChainAllowed(int chain_length) {
    return depth_ + chain_length <= options_.max_recursion_depth || ChainTooLong();
  }
  bool ChainTooLong();
  bool IsExpressionStart() const;

  // Sets Store/Del context on an assignment target, reporting invalid ones.
  // `for_assign_stmt` selects the "... here. Maybe you meant '=='" wording.
  void SetContext(Expr* target, ExprContext ctx, bool for_assign_stmt);
  static std::string_view ExprName(const Expr* e);
  bool StartsParenthesized(const Expr* e) const;
  // Whether tokens [first, last] are one bracketed group "( ... )".
  bool WrappedInParens(size_t first, size_t last) const;

  // --- strings (parser_strings.cpp) ---
  Expr* ParseStrings();
  Expr* BuildStrings(const Position& whole, bool unicode_kind, bool any_fstring, bool any_bytes);
  void ParseFStringParts(const Position& whole, bool unicode_kind);
  Expr* ParseFStringReplacement(const Position& whole, const Position& token_pos);
  JoinedStr* ParseFormatSpec(const Position& whole, const Position& token_pos);
  void FlushLiteral(const Position& whole, bool unicode_kind);

  // --- statements (parser_statements.cpp) ---
  void ParseStatementInto();  // pushes zero or more statements to scratch
  void ParseSimpleStatements();
  Stmt* ParseSimpleStatement();
  Stmt* ParseExpressionStatement();
  Stmt* ParseCompoundStatement();
  std::span<Stmt*> ParseBlock(std::string_view what, const Token& owner);
  Stmt* ParseIf(bool is_elif);
  Stmt* ParseWhile();
  Stmt* ParseFor(const Token* async_tok);
  Stmt* ParseWith(const Token* async_tok);
  Stmt* ParseTry();
  Stmt* ParseFunctionDef(const Token* async_tok, std::span<Expr*> decorators, const Token& first);
  Stmt* ParseClassDef(std::span<Expr*> decorators, const Token& first);
  Stmt* ParseDecorated();
  Stmt* ParseImport();
  Stmt* ParseFromImport();
  Stmt* ParseGlobal(bool nonlocal);
  Stmt* ParseTypeAlias();
  std::span<TypeParam*> ParseTypeParams();
  std::string_view DottedName();
  bool LooksLikeMatch() const;
  bool LooksLikeTypeAlias() const;
  Stmt* ParseMatch();
  MatchCase* ParseCase();
  Pattern* ParsePatterns();  // open_sequence_pattern | pattern
  Pattern* ParsePattern();   // as_pattern | or_pattern
  Pattern* ParseMaybeStarPattern();
  Pattern* ParseClosedPattern();
  Pattern* ParseOrPattern();
  Expr* ParseSignedNumber();
  Expr* ParsePatternValue();
  void SyncToLineEnd();

  ParsedModule& module_;
  Arena& arena_;
  std::string_view src_;
  std::span<const Token> toks_;
  const ParseOptions& options_;
  const Token* cur_;   // the current token
  const Token* last_;  // EndMarker
  uint32_t node_count_ = 0;
  int depth_ = 0;
  int bracket_depth_ = 0;
  bool in_error_ = false;
  std::vector<SyntaxError> errors_;
  std::vector<Node*> scratch_;
  std::vector<CmpOperator> cmp_scratch_;
  std::vector<Identifier> ident_scratch_;
  std::string literal_;      // pending literal text of a string being built
  std::string decode_buf_;
  std::string piece_buf_;
  bool fstring_raw_ = false;  // the f-string being parsed is raw (format specs too)
  // End of the string being parsed: CPython 3.11 reports errors found while
  // decoding a string or f-string just after it.
  uint32_t string_end_line_ = 0;
  uint32_t string_end_col_ = 0;
  void StringError(std::string_view message) {
    ErrorAt(string_end_line_, string_end_col_, message);
  }
};

}  // namespace dsaudit::python::internal
