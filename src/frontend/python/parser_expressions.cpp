// Expressions: precedence climbing for binary operators, recursive descent
// for the rest, following the rule structure of CPython's python.gram so the
// resulting nodes and positions are the ones ast.parse() produces.
#include <string>

#include "frontend/python/literals.h"
#include "frontend/python/parser_internal.h"

namespace dsaudit::python::internal {
namespace {

using TK = TokenKind;

struct BinaryInfo {
  int prec;
  Operator op;
};

BinaryInfo BinaryOf(TokenKind kind) {
  switch (kind) {
    case TK::kVBar:
      return {kPrecBitOr, Operator::kBitOr};
    case TK::kCircumflex:
      return {kPrecBitXor, Operator::kBitXor};
    case TK::kAmper:
      return {kPrecBitAnd, Operator::kBitAnd};
    case TK::kLeftShift:
      return {kPrecShift, Operator::kLShift};
    case TK::kRightShift:
      return {kPrecShift, Operator::kRShift};
    case TK::kPlus:
      return {kPrecArith, Operator::kAdd};
    case TK::kMinus:
      return {kPrecArith, Operator::kSub};
    case TK::kStar:
      return {kPrecTerm, Operator::kMult};
    case TK::kSlash:
      return {kPrecTerm, Operator::kDiv};
    case TK::kDoubleSlash:
      return {kPrecTerm, Operator::kFloorDiv};
    case TK::kPercent:
      return {kPrecTerm, Operator::kMod};
    case TK::kAt:
      return {kPrecTerm, Operator::kMatMult};
    default:
      return {kPrecNone, Operator::kAdd};
  }
}

// Expression kinds that CPython's bitwise_or rule can produce: the only ones
// its "Maybe you meant '=='" and "forgot a comma" hints apply to.
bool IsBitwiseOrLevel(const Expr* e) {
  switch (e->kind) {
    case NodeKind::kBoolOp:
    case NodeKind::kCompare:
    case NodeKind::kIfExp:
    case NodeKind::kLambda:
    case NodeKind::kNamedExpr:
    case NodeKind::kStarred:
    case NodeKind::kYield:
    case NodeKind::kYieldFrom:
      return false;
    case NodeKind::kUnaryOp:
      return static_cast<const UnaryOp*>(e)->op != UnaryOperator::kNot;
    default:
      return true;
  }
}

// The tokens ParseAtom starts an atom with.
bool StartsPrimary(TokenKind kind) {
  switch (kind) {
    case TK::kName:
    case TK::kNumber:
    case TK::kString:
    case TK::kFStringStart:
    case TK::kTrue:
    case TK::kFalse:
    case TK::kNone:
    case TK::kEllipsis:
    case TK::kLeftParen:
    case TK::kLeftBracket:
    case TK::kLeftBrace:
      return true;
    default:
      return false;
  }
}

// Tokens that end an expression whatever it was: nothing can extend a
// primary followed by one of them.
bool EndsExpression(TokenKind kind) {
  switch (kind) {
    case TK::kComma:
    case TK::kRightParen:
    case TK::kRightBracket:
    case TK::kRightBrace:
    case TK::kColon:
    case TK::kEqual:
    case TK::kSemicolon:
    case TK::kNewline:
      return true;
    default:
      return false;
  }
}

// Whether an operator after a primary makes it the first operand of a
// larger expression, at any level from `or` down to `**`.
bool ContinuesOperand(TokenKind kind) {
  switch (kind) {
    case TK::kOr:
    case TK::kAnd:
    case TK::kNot:
    case TK::kIn:
    case TK::kIs:
    case TK::kEqEqual:
    case TK::kNotEqual:
    case TK::kLess:
    case TK::kLessEqual:
    case TK::kGreater:
    case TK::kGreaterEqual:
    case TK::kDoubleStar:
      return true;
    default:
      return BinaryOf(kind).prec != kPrecNone;
  }
}

}  // namespace

bool IsExpressionStartKind(TokenKind kind) {
  switch (kind) {
    case TK::kName:
    case TK::kNumber:
    case TK::kString:
    case TK::kFStringStart:
    case TK::kLeftParen:
    case TK::kLeftBracket:
    case TK::kLeftBrace:
    case TK::kMinus:
    case TK::kPlus:
    case TK::kTilde:
    case TK::kNot:
    case TK::kLambda:
    case TK::kAwait:
    case TK::kNone:
    case TK::kTrue:
    case TK::kFalse:
    case TK::kEllipsis:
    case TK::kStar:
      return true;
    default:
      return false;
  }
}

bool Parser::IsExpressionStart() const { return IsExpressionStartKind(Kind()); }

Expr* Parser::ParseStarExpressions() {
  const Token& start = Cur();
  Expr* first = ParseStarExpression();
  if (!At(TK::kComma)) return first;
  size_t mark = Mark();
  Push(first);
  while (Accept(TK::kComma)) {
    if (!IsExpressionStart()) break;
    Push(ParseStarExpression());
  }
  Tuple* tuple = Make<Tuple>(start);
  tuple->elts = PopList<Expr>(mark);
  tuple->ctx = ExprContext::kLoad;
  Finish(tuple);
  return tuple;
}

Expr* Parser::ParseStarExpression() {
  if (!At(TK::kStar)) return ParseExpression();
  Starred* star = Make<Starred>(Advance());
  star->value = ParseBitOr();
  star->ctx = ExprContext::kLoad;
  Finish(star);
  return star;
}

Expr* Parser::ParseStarNamedExpression() {
  if (!At(TK::kStar)) return ParseNamedExpression();
  Starred* star = Make<Starred>(Advance());
  star->value = ParseBitOr();
  star->ctx = ExprContext::kLoad;
  Finish(star);
  return star;
}

Expr* Parser::ParseNamedExpression() {
  if (At(TK::kName) && PeekKind(1) == TK::kColonEqual) {
    Name* target = MakeName(Advance(), ExprContext::kStore);
    Advance();
    NamedExpr* named = Make<NamedExpr>(cur_[-2]);
    named->target = target;
    named->value = ParseExpression();
    Finish(named);
    return named;
  }
  Expr* e = ParseExpression();
  if (At(TK::kColonEqual)) {
    ErrorAtNode(e, "cannot use assignment expressions with " + std::string(ExprName(e)));
  }
  return e;
}

Expr* Parser::ParseExpression() {
  // A lone name (an argument, a subscript, an element) is the commonest
  // expression: make it here rather than through five levels of calls.
  if (At(TK::kName) && EndsExpression(PeekKind(1)) && depth_ < options_.max_recursion_depth) {
    return MakeName(Advance(), ExprContext::kLoad);
  }
  if (!EnterNesting()) return Placeholder();
  Expr* result;
  const Token& start = Cur();
  if (At(TK::kLambda)) {
    result = ParseLambda();
  } else {
    result = ParseDisjunction();
    if (At(TK::kIf)) {
      Advance();
      IfExp* if_exp = Make<IfExp>(start);
      if_exp->body = result;
      if_exp->test = ParseDisjunction();
      if (!At(TK::kElse)) {
        ErrorAt(result->pos.line, result->pos.col, "expected 'else' after 'if' expression",
                "SyntaxError", Prev().end_line, Prev().end_col);
        if_exp->orelse = Placeholder();
      } else {
        Advance();
        if_exp->orelse = ParseExpression();
      }
      Finish(if_exp);
      result = if_exp;
    }
  }
  LeaveNesting();
  return result;
}

Expr* Parser::ParseDisjunction() {
  const Token& start = Cur();
  // Most expressions are a lone primary (a name, attribute, call or
  // literal): parse it first and skip the seven operator levels below when
  // no operator follows. This is the parser's largest single saving.
  Primed primed;
  if (StartsPrimary(start.kind)) {
    primed = {ParsePrimary(), &start};
    if (!ContinuesOperand(Kind())) return primed.expr;
  }
  Expr* first = ParseConjunction(primed);
  if (!At(TK::kOr)) return first;
  size_t mark = Mark();
  Push(first);
  while (Accept(TK::kOr)) Push(ParseConjunction());
  BoolOp* op = Make<BoolOp>(start);
  op->op = BoolOperator::kOr;
  op->values = PopList<Expr>(mark);
  Finish(op);
  return op;
}

Expr* Parser::ParseConjunction(Primed primed) {
  const Token& start = primed ? *primed.start : Cur();
  Expr* first = ParseInversion(primed);
  if (!At(TK::kAnd)) return first;
  size_t mark = Mark();
  Push(first);
  while (Accept(TK::kAnd)) Push(ParseInversion());
  BoolOp* op = Make<BoolOp>(start);
  op->op = BoolOperator::kAnd;
  op->values = PopList<Expr>(mark);
  Finish(op);
  return op;
}

Expr* Parser::ParseInversion(Primed primed) {
  if (primed || !At(TK::kNot)) return ParseComparison(primed);
  if (!EnterNesting()) return Placeholder();
  UnaryOp* op = Make<UnaryOp>(Advance());
  op->op = UnaryOperator::kNot;
  op->operand = ParseInversion();
  Finish(op);
  LeaveNesting();
  return op;
}

Expr* Parser::ParseComparison(Primed primed) {
  const Token& start = primed ? *primed.start : Cur();
  Expr* left = ParseBinary(kPrecBitOr, primed);
  size_t cmp_mark = cmp_scratch_.size();
  size_t mark = Mark();
  for (;;) {
    CmpOperator op;
    switch (Kind()) {
      case TK::kEqEqual:
        op = CmpOperator::kEq;
        break;
      case TK::kNotEqual:
        op = CmpOperator::kNotEq;
        break;
      case TK::kLess:
        op = CmpOperator::kLt;
        break;
      case TK::kLessEqual:
        op = CmpOperator::kLtE;
        break;
      case TK::kGreater:
        op = CmpOperator::kGt;
        break;
      case TK::kGreaterEqual:
        op = CmpOperator::kGtE;
        break;
      case TK::kIn:
        op = CmpOperator::kIn;
        break;
      case TK::kIs:
        op = PeekKind(1) == TK::kNot ? CmpOperator::kIsNot : CmpOperator::kIs;
        break;
      case TK::kNot:
        if (PeekKind(1) != TK::kIn) goto done;
        op = CmpOperator::kNotIn;
        break;
      default:
        goto done;
    }
    Advance();
    if (op == CmpOperator::kIsNot || op == CmpOperator::kNotIn) Advance();
    cmp_scratch_.push_back(op);
    Push(ParseBitOr());
  }
done:
  if (cmp_scratch_.size() == cmp_mark) return left;
  Compare* cmp = Make<Compare>(start);
  cmp->left = left;
  cmp->ops = arena_.CopySpan<CmpOperator>(
      std::span<const CmpOperator>(cmp_scratch_.data() + cmp_mark, cmp_scratch_.size() - cmp_mark));
  cmp_scratch_.resize(cmp_mark);
  cmp->comparators = PopList<Expr>(mark);
  Finish(cmp);
  return cmp;
}

Expr* Parser::ParseBinary(int min_prec, Primed primed) {
  const Token& start = primed ? *primed.start : Cur();
  Expr* left = ParseFactor(primed);
  int chain = 0;
  for (;;) {
    BinaryInfo info = BinaryOf(Kind());
    if (info.prec == kPrecNone || info.prec < min_prec) return left;
    if (!ChainAllowed(++chain)) return left;
    Advance();
    Expr* right = ParseBinary(info.prec + 1);
    BinOp* bin = Make<BinOp>(start);
    bin->left = left;
    bin->op = info.op;
    bin->right = right;
    Finish(bin);
    left = bin;
  }
}

Expr* Parser::ParseFactor(Primed primed) {
  if (primed) return ParsePower(primed);
  UnaryOperator op;
  switch (Kind()) {
    case TK::kPlus:
      op = UnaryOperator::kUAdd;
      break;
    case TK::kMinus:
      op = UnaryOperator::kUSub;
      break;
    case TK::kTilde:
      op = UnaryOperator::kInvert;
      break;
    default:
      return ParsePower();
  }
  if (!EnterNesting()) return Placeholder();
  UnaryOp* unary = Make<UnaryOp>(Advance());
  unary->op = op;
  unary->operand = ParseFactor();
  Finish(unary);
  LeaveNesting();
  return unary;
}

Expr* Parser::ParsePower(Primed primed) {
  const Token& start = primed ? *primed.start : Cur();
  Expr* base;
  if (primed) {
    base = primed.expr;
  } else if (At(TK::kAwait)) {
    Await* await = Make<Await>(Advance());
    await->value = ParsePrimary();
    Finish(await);
    base = await;
  } else {
    base = ParsePrimary();
  }
  if (!At(TK::kDoubleStar)) return base;
  Advance();
  if (!EnterNesting()) return base;
  BinOp* pow = Make<BinOp>(start);
  pow->left = base;
  pow->op = Operator::kPow;
  pow->right = ParseFactor();
  Finish(pow);
  LeaveNesting();
  return pow;
}

Expr* Parser::ParsePrimary() {
  const Token& start = Cur();
  Expr* e = ParseAtom();
  int chain = 0;
  for (;;) {
    TokenKind kind = Kind();
    if ((kind == TK::kDot || kind == TK::kLeftParen || kind == TK::kLeftBracket) &&
        !ChainAllowed(++chain)) {
      return e;
    }
    switch (kind) {
      case TK::kDot: {
        Advance();
        Attribute* attr = Make<Attribute>(start);
        attr->value = e;
        attr->ctx = ExprContext::kLoad;
        if (At(TK::kName)) {
          attr->attr = Ident(Advance());
        } else {
          InvalidSyntaxHere();
        }
        Finish(attr);
        e = attr;
        break;
      }
      case TK::kLeftParen:
        e = ParseCall(e, start);
        break;
      case TK::kLeftBracket:
        e = ParseSubscript(e, start);
        break;
      default:
        return e;
    }
  }
}

Expr* Parser::ParseAtom() {
  const Token& t = Cur();
  switch (t.kind) {
    case TK::kName:
      Advance();
      return MakeName(t, ExprContext::kLoad);
    case TK::kNumber: {
      Advance();
      Constant* c = Make<Constant>(t);
      c->value = ParseNumber(Text(t), arena_);
      return c;
    }
    case TK::kTrue:
    case TK::kFalse:
    case TK::kNone:
    case TK::kEllipsis: {
      Advance();
      Constant* c = Make<Constant>(t);
      c->value.kind = t.kind == TK::kTrue    ? ConstantKind::kTrue
                      : t.kind == TK::kFalse ? ConstantKind::kFalse
                      : t.kind == TK::kNone  ? ConstantKind::kNone
                                             : ConstantKind::kEllipsis;
      return c;
    }
    case TK::kString:
    case TK::kFStringStart:
      return ParseStrings();
    case TK::kLeftParen:
    case TK::kLeftBracket:
    case TK::kLeftBrace: {
      if (++bracket_depth_ > options_.max_bracket_depth) {
        --bracket_depth_;
        ErrorAtToken(t, "too many nested parentheses");
        SyncToLineEnd();
        return Placeholder();
      }
      Expr* e = t.kind == TK::kLeftParen     ? ParseParenAtom()
                : t.kind == TK::kLeftBracket ? ParseListAtom()
                                             : ParseBraceAtom();
      --bracket_depth_;
      return e;
    }
    default:
      InvalidSyntaxHere();
      return Placeholder();
  }
}

Expr* Parser::ParseParenAtom() {
  const Token& open = Advance();
  if (At(TK::kRightParen)) {
    Tuple* tuple = Make<Tuple>(open);
    Advance();
    tuple->ctx = ExprContext::kLoad;
    Finish(tuple);
    return tuple;
  }
  if (At(TK::kYield)) {
    Expr* y = ParseYield();
    Expect(TK::kRightParen);
    return y;
  }
  Expr* first = ParseStarNamedExpression();
  if (At(TK::kFor) || At(TK::kAsync)) {
    GeneratorExp* gen = Make<GeneratorExp>(open);
    gen->elt = first;
    if (Isa<Starred>(first))
      ErrorAtNode(first, "iterable unpacking cannot be used in comprehension");
    gen->generators = ParseComprehensions();
    Expect(TK::kRightParen);
    Finish(gen);
    return gen;
  }
  if (!At(TK::kComma)) {
    if (!At(TK::kRightParen) && IsExpressionStart() && IsBitwiseOrLevel(first)) {
      Expr* next = ParseExpression();
      ErrorAt(first->pos.line, first->pos.col, "invalid syntax. Perhaps you forgot a comma?",
              "SyntaxError", next->pos.end_line, next->pos.end_col);
    }
    Expect(TK::kRightParen);
    if (Isa<Starred>(first)) ErrorAtNode(first, "cannot use starred expression here");
    return first;
  }
  Tuple* tuple = Make<Tuple>(open);
  tuple->ctx = ExprContext::kLoad;
  size_t mark = Mark();
  Push(first);
  Expr* last = first;
  while (Accept(TK::kComma)) {
    if (At(TK::kRightParen)) break;
    last = ParseStarNamedExpression();
    Push(last);
  }
  if (!At(TK::kRightParen) && IsExpressionStart() && IsBitwiseOrLevel(last)) {
    Expr* next = ParseExpression();
    ErrorAt(last->pos.line, last->pos.col, "invalid syntax. Perhaps you forgot a comma?",
            "SyntaxError", next->pos.end_line, next->pos.end_col);
  }
  Expect(TK::kRightParen);
  tuple->elts = PopList<Expr>(mark);
  Finish(tuple);
  return tuple;
}

Expr* Parser::ParseListAtom() {
  const Token& open = Advance();
  if (At(TK::kRightBracket)) {
    List* list = Make<List>(open);
    Advance();
    list->ctx = ExprContext::kLoad;
    Finish(list);
    return list;
  }
  Expr* first = ParseStarNamedExpression();
  if (At(TK::kFor) || At(TK::kAsync)) {
    ListComp* comp = Make<ListComp>(open);
    comp->elt = first;
    if (Isa<Starred>(first))
      ErrorAtNode(first, "iterable unpacking cannot be used in comprehension");
    comp->generators = ParseComprehensions();
    Expect(TK::kRightBracket);
    Finish(comp);
    return comp;
  }
  List* list = Make<List>(open);
  list->ctx = ExprContext::kLoad;
  size_t mark = Mark();
  Push(first);
  Expr* last = first;
  while (Accept(TK::kComma)) {
    if (At(TK::kRightBracket)) break;
    last = ParseStarNamedExpression();
    Push(last);
  }
  if (!At(TK::kRightBracket) && IsExpressionStart() && IsBitwiseOrLevel(last)) {
    Expr* next = ParseExpression();
    ErrorAt(last->pos.line, last->pos.col, "invalid syntax. Perhaps you forgot a comma?",
            "SyntaxError", next->pos.end_line, next->pos.end_col);
  }
  Expect(TK::kRightBracket);
  list->elts = PopList<Expr>(mark);
  Finish(list);
  return list;
}

Expr* Parser::ParseBraceAtom() {
  const Token& open = Advance();
  if (At(TK::kRightBrace)) {
    Dict* dict = Make<Dict>(open);
    Advance();
    Finish(dict);
    return dict;
  }
  bool is_dict = At(TK::kDoubleStar);
  Expr* first_key = nullptr;
  Expr* first_value = nullptr;
  if (is_dict) {
    Advance();
    first_value = ParseBitOr();
  } else {
    first_key = ParseStarNamedExpression();
    if (Accept(TK::kColon)) {
      is_dict = true;
      if (!IsExpressionStart()) {
        ErrorAtToken(Prev(), "expression expected after dictionary key and ':'");
      }
      first_value = ParseExpression();
    }
  }
  if (!is_dict) {
    if (At(TK::kFor) || At(TK::kAsync)) {
      SetComp* comp = Make<SetComp>(open);
      comp->elt = first_key;
      if (Isa<Starred>(first_key)) {
        ErrorAtNode(first_key, "iterable unpacking cannot be used in comprehension");
      }
      comp->generators = ParseComprehensions();
      Expect(TK::kRightBrace);
      Finish(comp);
      return comp;
    }
    Set* set = Make<Set>(open);
    size_t mark = Mark();
    Push(first_key);
    while (Accept(TK::kComma)) {
      if (At(TK::kRightBrace)) break;
      Push(ParseStarNamedExpression());
    }
    Expect(TK::kRightBrace);
    set->elts = PopList<Expr>(mark);
    Finish(set);
    return set;
  }
  if (At(TK::kFor) || At(TK::kAsync)) {
    DictComp* comp = Make<DictComp>(open);
    if (first_key == nullptr) {
      ErrorAt(open.line, open.col + 1, "dict unpacking cannot be used in dict comprehension");
      first_key = Placeholder();
    }
    comp->key = first_key;
    comp->value = first_value;
    comp->generators = ParseComprehensions();
    Expect(TK::kRightBrace);
    Finish(comp);
    return comp;
  }
  Dict* dict = Make<Dict>(open);
  // Keys and values alternate on the scratch stack; split them at the end.
  size_t mark = Mark();
  Push(first_key);
  Push(first_value);
  auto check_comma = [&](Expr* value) {
    if (!At(TK::kComma) && !At(TK::kRightBrace) && IsExpressionStart() &&
        IsBitwiseOrLevel(value)) {
      Expr* next = ParseExpression();
      ErrorAt(value->pos.line, value->pos.col, "invalid syntax. Perhaps you forgot a comma?",
              "SyntaxError", next->pos.end_line, next->pos.end_col);
    }
  };
  check_comma(first_value);
  while (Accept(TK::kComma)) {
    if (At(TK::kRightBrace)) break;
    if (Accept(TK::kDoubleStar)) {
      Push(nullptr);
      Push(ParseBitOr());
      continue;
    }
    Expr* key = ParseExpression();
    Push(key);
    if (!Accept(TK::kColon)) {
      ErrorAt(key->pos.line, key->pos.col, "':' expected after dictionary key");
      Push(Placeholder());
      continue;
    }
    if (!IsExpressionStart()) {
      ErrorAtToken(Prev(), "expression expected after dictionary key and ':'");
    }
    Expr* value = ParseExpression();
    Push(value);
    check_comma(value);
  }
  Expect(TK::kRightBrace);
  size_t n = (scratch_.size() - mark) / 2;
  Expr** keys = static_cast<Expr**>(arena_.Allocate(sizeof(Expr*) * n, alignof(Expr*)));
  Expr** values = static_cast<Expr**>(arena_.Allocate(sizeof(Expr*) * n, alignof(Expr*)));
  for (size_t i = 0; i < n; ++i) {
    keys[i] = static_cast<Expr*>(scratch_[mark + 2 * i]);
    values[i] = static_cast<Expr*>(scratch_[mark + 2 * i + 1]);
  }
  scratch_.resize(mark);
  dict->keys = {keys, n};
  dict->values = {values, n};
  Finish(dict);
  return dict;
}

std::span<Comprehension*> Parser::ParseComprehensions() {
  size_t mark = Mark();
  while (At(TK::kFor) || (At(TK::kAsync) && PeekKind(1) == TK::kFor)) {
    const Token& start = Cur();
    Comprehension* comp = Make<Comprehension>(start);
    comp->is_async = Accept(TK::kAsync) ? 1 : 0;
    Advance();  // for
    comp->target = ParseStarTargets();
    SetContext(comp->target, ExprContext::kStore, false);
    if (!Expect(TK::kIn)) {
      comp->iter = Placeholder();
    } else {
      comp->iter = ParseDisjunction();
    }
    size_t if_mark = Mark();
    while (Accept(TK::kIf)) Push(ParseDisjunction());
    comp->ifs = PopList<Expr>(if_mark);
    Finish(comp);
    Push(comp);
  }
  return PopList<Comprehension>(mark);
}

Expr* Parser::ParseTargetElement() {
  if (!At(TK::kStar)) return ParseBitOr();
  if (!EnterNesting()) return Placeholder();
  Starred* star = Make<Starred>(Advance());
  star->value = ParseTargetElement();
  LeaveNesting();
  star->ctx = ExprContext::kLoad;
  Finish(star);
  return star;
}

Expr* Parser::ParseStarTargets() {
  const Token& start = Cur();
  Expr* first = ParseTargetElement();
  if (!At(TK::kComma)) return first;
  size_t mark = Mark();
  Push(first);
  while (Accept(TK::kComma)) {
    if (!IsExpressionStart()) break;
    Push(ParseTargetElement());
  }
  Tuple* tuple = Make<Tuple>(start);
  tuple->elts = PopList<Expr>(mark);
  tuple->ctx = ExprContext::kLoad;
  Finish(tuple);
  return tuple;
}

Expr* Parser::ParseLambda() {
  Lambda* lambda = Make<Lambda>(Advance());
  lambda->args = ParseParameters(TK::kColon, false);
  if (!Expect(TK::kColon, "expected ':'")) {
    lambda->body = Placeholder();
  } else {
    lambda->body = ParseExpression();
  }
  Finish(lambda);
  return lambda;
}

Expr* Parser::ParseYield() {
  const Token& start = Advance();
  if (Accept(TK::kFrom)) {
    YieldFrom* from = Make<YieldFrom>(start);
    from->value = ParseExpression();
    Finish(from);
    return from;
  }
  Yield* y = Make<Yield>(start);
  if (IsExpressionStart()) {
    y->value = ParseStarExpressions();
    Finish(y);
  }
  return y;
}

Arguments* Parser::ParseParameters(TokenKind closer, bool annotations) {
  Arguments* args = NewNode<Arguments>();
  // Each parameter is pushed as a (arg, default-or-null) pair so nested
  // expressions in defaults keep using the same scratch stack.
  size_t mark = Mark();
  size_t slash_pairs = 0;
  size_t star_pairs = SIZE_MAX;
  bool seen_default = false;
  bool bare_star = false;
  const Token* bare_star_tok = nullptr;
  auto parse_arg = [&](bool star_annotation) -> Arg* {
    if (!At(TK::kName)) {
      InvalidSyntaxHere();
      return nullptr;
    }
    const Token& name = Advance();
    Arg* arg = Make<Arg>(name);
    arg->arg = Ident(name);
    if (annotations && Accept(TK::kColon)) {
      if (star_annotation && At(TK::kStar)) {
        arg->annotation = ParseStarExpression();
      } else {
        arg->annotation = ParseExpression();
      }
      Finish(arg);
    }
    return arg;
  };
  while (!At(closer) && !At(TK::kNewline) && !At(TK::kEndMarker)) {
    if (At(TK::kSlash)) {
      const Token& slash = Advance();
      size_t pairs = (scratch_.size() - mark) / 2;
      if (pairs == 0) {
        ErrorAtToken(slash, "at least one argument must precede /");
      } else if (star_pairs != SIZE_MAX) {
        ErrorAtToken(slash, "/ must be ahead of *");
      } else if (slash_pairs != 0) {
        ErrorAtToken(slash, "/ may appear only once");
      } else {
        // Only a well-placed `/` splits the list: a misplaced one would put
        // the positional-only count past the `*` and break the split below.
        slash_pairs = pairs;
      }
    } else if (At(TK::kStar)) {
      const Token& star = Advance();
      if (star_pairs != SIZE_MAX) ErrorAtToken(star, "* argument may appear only once");
      star_pairs = (scratch_.size() - mark) / 2;
      if (At(TK::kComma) || At(closer)) {
        bare_star = true;
        bare_star_tok = &star;
      } else {
        args->vararg = parse_arg(true);
      }
    } else if (At(TK::kDoubleStar)) {
      Advance();
      args->kwarg = parse_arg(false);
      Accept(TK::kComma);
      if (!At(closer)) {
        ErrorAtToken(Cur(), "arguments cannot follow var-keyword argument");
      }
      break;
    } else {
      Arg* arg = parse_arg(false);
      if (arg == nullptr) break;
      Expr* def = nullptr;
      if (Accept(TK::kEqual)) {
        def = ParseExpression();
        if (star_pairs == SIZE_MAX) seen_default = true;
      } else if (seen_default && star_pairs == SIZE_MAX) {
        ErrorAtNode(arg, "non-default argument follows default argument");
      }
      Push(arg);
      Push(def);
    }
    if (!Accept(TK::kComma)) break;
  }
  size_t pairs = (scratch_.size() - mark) / 2;
  size_t positional = star_pairs == SIZE_MAX ? pairs : star_pairs;
  if (bare_star && pairs == positional) {
    ErrorAtToken(*bare_star_tok, "named arguments must follow bare *");
  }
  auto alloc = [&](size_t n) -> void* {
    return n == 0 ? nullptr : arena_.Allocate(sizeof(void*) * n, alignof(void*));
  };
  auto arg_at = [&](size_t i) { return static_cast<Arg*>(scratch_[mark + 2 * i]); };
  auto def_at = [&](size_t i) { return static_cast<Expr*>(scratch_[mark + 2 * i + 1]); };
  Arg** posonly = static_cast<Arg**>(alloc(slash_pairs));
  for (size_t i = 0; i < slash_pairs; ++i) posonly[i] = arg_at(i);
  args->posonlyargs = {posonly, slash_pairs};
  size_t n_args = positional - slash_pairs;
  Arg** plain = static_cast<Arg**>(alloc(n_args));
  for (size_t i = 0; i < n_args; ++i) plain[i] = arg_at(slash_pairs + i);
  args->args = {plain, n_args};
  size_t n_defaults = 0;
  for (size_t i = 0; i < positional; ++i) n_defaults += def_at(i) != nullptr;
  Expr** defaults = static_cast<Expr**>(alloc(n_defaults));
  for (size_t i = 0, j = 0; i < positional; ++i) {
    if (def_at(i) != nullptr) defaults[j++] = def_at(i);
  }
  args->defaults = {defaults, n_defaults};
  size_t n_kwonly = pairs - positional;
  Arg** kwonly = static_cast<Arg**>(alloc(n_kwonly));
  Expr** kw_defaults = static_cast<Expr**>(alloc(n_kwonly));
  for (size_t i = 0; i < n_kwonly; ++i) {
    kwonly[i] = arg_at(positional + i);
    kw_defaults[i] = def_at(positional + i);
  }
  args->kwonlyargs = {kwonly, n_kwonly};
  args->kw_defaults = {kw_defaults, n_kwonly};
  scratch_.resize(mark);
  return args;
}

Expr* Parser::ParseCall(Expr* func, const Token& start) {
  const Token& open = Cur();
  if (++bracket_depth_ > options_.max_bracket_depth) {
    --bracket_depth_;
    ErrorAtToken(open, "too many nested parentheses");
    SyncToLineEnd();
    return func;
  }
  Advance();
  Call* call = Make<Call>(start);
  call->func = func;
  size_t mark = Mark();
  bool seen_keyword = false;
  bool seen_double_star = false;
  while (!At(TK::kRightParen) && !At(TK::kNewline) && !At(TK::kEndMarker)) {
    Node* item;
    if (At(TK::kStar)) {
      Starred* star = Make<Starred>(Advance());
      star->value = ParseExpression();
      star->ctx = ExprContext::kLoad;
      Finish(star);
      if (seen_double_star) {
        ErrorAtNode(star, "iterable argument unpacking follows keyword argument unpacking");
      }
      item = star;
    } else if (At(TK::kDoubleStar)) {
      Keyword* kw = Make<Keyword>(Advance());
      kw->value = ParseExpression();
      Finish(kw);
      seen_double_star = true;
      item = kw;
    } else if (At(TK::kName) && PeekKind(1) == TK::kEqual) {
      const Token& name = Advance();
      Advance();
      Keyword* kw = Make<Keyword>(name);
      kw->arg = Ident(name);
      kw->value = ParseExpression();
      Finish(kw);
      seen_keyword = true;
      item = kw;
      if (!At(TK::kComma) && !At(TK::kRightParen) && IsExpressionStart() &&
          IsBitwiseOrLevel(kw->value)) {
        Expr* next = ParseExpression();
        ErrorAt(kw->value->pos.line, kw->value->pos.col,
                "invalid syntax. Perhaps you forgot a comma?", "SyntaxError", next->pos.end_line,
                next->pos.end_col);
      }
    } else {
      Expr* e = ParseNamedExpression();
      if (At(TK::kFor) || At(TK::kAsync)) {
        GeneratorExp* gen = MakeAt<GeneratorExp>(e->pos);
        gen->elt = e;
        gen->generators = ParseComprehensions();
        Finish(gen);
        bool sole = scratch_.size() == mark && At(TK::kRightParen);
        if (sole) {
          gen->pos.line = open.line;
          gen->pos.col = open.col;
          gen->pos.end_line = Cur().end_line;
          gen->pos.end_col = Cur().end_col;
        } else {
          ErrorAtNode(gen, "Generator expression must be parenthesized");
        }
        e = gen;
      } else if (At(TK::kEqual)) {
        ErrorAtNode(e, "expression cannot contain assignment, perhaps you meant \"==\"?");
      }
      // CPython points at the token after the offending argument.
      if (seen_double_star) {
        ErrorAtToken(Cur(), "positional argument follows keyword argument unpacking");
      } else if (seen_keyword) {
        ErrorAtToken(Cur(), "positional argument follows keyword argument");
      }
      if (!At(TK::kComma) && !At(TK::kRightParen) && IsExpressionStart() && IsBitwiseOrLevel(e)) {
        Expr* next = ParseExpression();
        ErrorAt(e->pos.line, e->pos.col, "invalid syntax. Perhaps you forgot a comma?",
                "SyntaxError", next->pos.end_line, next->pos.end_col);
      }
      item = e;
    }
    Push(item);
    if (!Accept(TK::kComma)) break;
  }
  Expect(TK::kRightParen);
  --bracket_depth_;
  size_t n = scratch_.size() - mark;
  size_t n_keywords = 0;
  for (size_t i = 0; i < n; ++i) n_keywords += scratch_[mark + i]->kind == NodeKind::kKeyword;
  size_t n_args = n - n_keywords;
  Expr** args = n_args == 0
                    ? nullptr
                    : static_cast<Expr**>(arena_.Allocate(sizeof(Expr*) * n_args, alignof(Expr*)));
  Keyword** keywords = n_keywords == 0 ? nullptr
                                       : static_cast<Keyword**>(arena_.Allocate(
                                             sizeof(Keyword*) * n_keywords, alignof(Keyword*)));
  for (size_t i = 0, a = 0, k = 0; i < n; ++i) {
    Node* item = scratch_[mark + i];
    if (item->kind == NodeKind::kKeyword) {
      keywords[k++] = static_cast<Keyword*>(item);
    } else {
      args[a++] = static_cast<Expr*>(item);
    }
  }
  scratch_.resize(mark);
  call->args = {args, n_args};
  call->keywords = {keywords, n_keywords};
  Finish(call);
  return call;
}

Expr* Parser::ParseSlice() {
  if (At(TK::kStar)) {
    Starred* star = Make<Starred>(Advance());
    star->value = ParseBitOr();
    star->ctx = ExprContext::kLoad;
    Finish(star);
    return star;
  }
  const Token& start = Cur();
  Expr* lower = nullptr;
  if (!At(TK::kColon)) {
    lower = ParseNamedExpression();
    if (!At(TK::kColon)) return lower;
  }
  Slice* slice = Make<Slice>(start);
  slice->lower = lower;
  Advance();  // ':'
  if (IsExpressionStart()) slice->upper = ParseExpression();
  if (Accept(TK::kColon) && IsExpressionStart()) slice->step = ParseExpression();
  Finish(slice);
  return slice;
}

Expr* Parser::ParseSubscript(Expr* value, const Token& start) {
  const Token& open = Cur();
  if (++bracket_depth_ > options_.max_bracket_depth) {
    --bracket_depth_;
    ErrorAtToken(open, "too many nested parentheses");
    SyncToLineEnd();
    return value;
  }
  Advance();
  Subscript* sub = Make<Subscript>(start);
  sub->value = value;
  sub->ctx = ExprContext::kLoad;
  const Token& slice_start = Cur();
  Expr* first = ParseSlice();
  if (At(TK::kComma)) {
    size_t mark = Mark();
    Push(first);
    while (Accept(TK::kComma)) {
      if (At(TK::kRightBracket)) break;
      Push(ParseSlice());
    }
    Tuple* tuple = Make<Tuple>(slice_start);
    tuple->elts = PopList<Expr>(mark);
    tuple->ctx = ExprContext::kLoad;
    Finish(tuple);
    first = tuple;
  } else if (Isa<Starred>(first)) {
    // a[*b] is a one-element tuple, as in CPython 3.11.
    Tuple* tuple = Make<Tuple>(slice_start);
    size_t mark = Mark();
    Push(first);
    tuple->elts = PopList<Expr>(mark);
    tuple->ctx = ExprContext::kLoad;
    Finish(tuple);
    first = tuple;
  }
  sub->slice = first;
  Expect(TK::kRightBracket);
  --bracket_depth_;
  Finish(sub);
  return sub;
}

std::string_view Parser::ExprName(const Expr* e) {
  switch (e->kind) {
    case NodeKind::kAttribute:
      return "attribute";
    case NodeKind::kSubscript:
      return "subscript";
    case NodeKind::kStarred:
      return "starred";
    case NodeKind::kName:
      return "name";
    case NodeKind::kList:
      return "list";
    case NodeKind::kTuple:
      return "tuple";
    case NodeKind::kLambda:
      return "lambda";
    case NodeKind::kCall:
      return "function call";
    case NodeKind::kBoolOp:
    case NodeKind::kBinOp:
    case NodeKind::kUnaryOp:
      return "expression";
    case NodeKind::kGeneratorExp:
      return "generator expression";
    case NodeKind::kYield:
    case NodeKind::kYieldFrom:
      return "yield expression";
    case NodeKind::kAwait:
      return "await expression";
    case NodeKind::kListComp:
      return "list comprehension";
    case NodeKind::kSetComp:
      return "set comprehension";
    case NodeKind::kDictComp:
      return "dict comprehension";
    case NodeKind::kDict:
      return "dict literal";
    case NodeKind::kSet:
      return "set display";
    case NodeKind::kJoinedStr:
    case NodeKind::kFormattedValue:
      return "f-string expression";
    case NodeKind::kConstant:
      switch (static_cast<const Constant*>(e)->value.kind) {
        case ConstantKind::kNone:
          return "None";
        case ConstantKind::kTrue:
          return "True";
        case ConstantKind::kFalse:
          return "False";
        case ConstantKind::kEllipsis:
          return "ellipsis";
        default:
          return "literal";
      }
    case NodeKind::kCompare:
      return "comparison";
    case NodeKind::kIfExp:
      return "conditional expression";
    case NodeKind::kNamedExpr:
      return "named expression";
    default:
      return "expression";
  }
}

bool Parser::StartsParenthesized(const Expr* e) const {
  // Tuples and generator expressions include their parentheses; any other
  // node starting at a '(' that is not its own must have been parenthesized.
  uint32_t offset = module_.source.line_start(e->pos.line) + e->pos.col;
  return offset < src_.size() && src_[offset] == '(' && !Isa<Tuple>(e) && !Isa<GeneratorExp>(e);
}

bool Parser::WrappedInParens(size_t first, size_t last) const {
  if (first >= last || toks_[first].kind != TK::kLeftParen) return false;
  int depth = 0;
  for (size_t i = first; i <= last; ++i) {
    TokenKind k = toks_[i].kind;
    if (k == TK::kLeftParen || k == TK::kLeftBracket || k == TK::kLeftBrace) ++depth;
    if (k == TK::kRightParen || k == TK::kRightBracket || k == TK::kRightBrace) {
      if (--depth == 0) return i == last;
    }
  }
  return false;
}

void Parser::SetContext(Expr* target, ExprContext ctx, bool for_assign_stmt) {
  switch (target->kind) {
    case NodeKind::kName:
      static_cast<Name*>(target)->ctx = ctx;
      return;
    case NodeKind::kAttribute:
      static_cast<Attribute*>(target)->ctx = ctx;
      return;
    case NodeKind::kSubscript:
      static_cast<Subscript*>(target)->ctx = ctx;
      return;
    case NodeKind::kStarred: {
      auto* star = static_cast<Starred*>(target);
      star->ctx = ctx;
      if (ctx == ExprContext::kDel) {
        ErrorAtNode(target, "cannot delete starred");
        return;
      }
      SetContext(star->value, ctx, false);
      return;
    }
    case NodeKind::kTuple: {
      auto* tuple = static_cast<Tuple*>(target);
      tuple->ctx = ctx;
      // Only a bare `a, f() = 1` gets CPython's "Maybe you meant '=='" hint.
      bool hint = for_assign_stmt &&
                  src_[module_.source.line_start(tuple->pos.line) + tuple->pos.col] != '(';
      for (Expr* elt : tuple->elts) SetContext(elt, ctx, hint);
      return;
    }
    case NodeKind::kList: {
      auto* list = static_cast<List*>(target);
      list->ctx = ctx;
      for (Expr* elt : list->elts) SetContext(elt, ctx, false);
      return;
    }
    default:
      break;
  }
  std::string message = ctx == ExprContext::kDel ? "cannot delete " : "cannot assign to ";
  message += ExprName(target);
  bool literal_name = false;
  if (auto* c = DynCast<Constant>(target)) {
    literal_name = c->value.kind == ConstantKind::kTrue || c->value.kind == ConstantKind::kFalse ||
                   c->value.kind == ConstantKind::kNone;
  }
  if (for_assign_stmt && ctx == ExprContext::kStore && IsBitwiseOrLevel(target) && !literal_name &&
      !Isa<GeneratorExp>(target)) {
    message += " here. Maybe you meant '==' instead of '='?";
  }
  ErrorAtNode(target, message);
}

}  // namespace dsaudit::python::internal
