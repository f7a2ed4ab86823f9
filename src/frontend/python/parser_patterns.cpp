// The match statement and its patterns (PEP 634).
#include <string>

#include "frontend/python/literals.h"
#include "frontend/python/parser_internal.h"

namespace dsaudit::python::internal {
namespace {

using TK = TokenKind;

}  // namespace

// `match` is a soft keyword: CPython tries the match statement first and
// falls back to an expression. A match statement's header line ends in ':'
// at bracket depth 0 and its subject starts right after the keyword, which
// no valid expression statement starting with the name `match` satisfies.
bool Parser::LooksLikeMatch() const {
  if (!IsExpressionStartKind(PeekKind(1))) return false;
  int depth = 0;
  for (size_t i = pos() + 1; i < toks_.size(); ++i) {
    TokenKind k = toks_[i].kind;
    if (k == TK::kNewline || k == TK::kEndMarker) return false;
    if (k == TK::kLeftParen || k == TK::kLeftBracket || k == TK::kLeftBrace) ++depth;
    if (k == TK::kRightParen || k == TK::kRightBracket || k == TK::kRightBrace) --depth;
    if (k == TK::kColon && depth == 0) {
      return i + 1 < toks_.size() && toks_[i + 1].kind == TK::kNewline;
    }
  }
  return false;
}

Stmt* Parser::ParseMatch() {
  const Token& start = Advance();
  Match* match = Make<Match>(start);
  const Token& subject_start = Cur();
  Expr* subject = ParseStarNamedExpression();
  if (At(TK::kComma)) {
    size_t mark = Mark();
    Push(subject);
    while (Accept(TK::kComma)) {
      if (At(TK::kColon)) break;
      Push(ParseStarNamedExpression());
    }
    Tuple* tuple = Make<Tuple>(subject_start);
    tuple->elts = PopList<Expr>(mark);
    tuple->ctx = ExprContext::kLoad;
    Finish(tuple);
    subject = tuple;
  }
  match->subject = subject;
  if (!Accept(TK::kColon)) {
    ErrorAtToken(Cur(), "expected ':'");
    SyncToLineEnd();
  }
  Finish(match);
  if (!Accept(TK::kNewline) || !At(TK::kIndent)) {
    const Token& at = At(TK::kEndMarker) ? Prev() : Cur();
    ErrorAt(
        at.line, at.col,
        "expected an indented block after 'match' statement on line " + std::to_string(start.line),
        "IndentationError");
    return match;
  }
  Advance();
  size_t mark = Mark();
  while (!At(TK::kDedent) && !At(TK::kEndMarker)) {
    in_error_ = false;
    if (!AtName("case")) {
      InvalidSyntaxHere();
      SyncToLineEnd();
      Accept(TK::kNewline);
      continue;
    }
    Push(ParseCase());
  }
  Accept(TK::kDedent);
  match->cases = PopList<MatchCase>(mark);
  FinishCompound(match);
  return match;
}

MatchCase* Parser::ParseCase() {
  const Token& case_tok = Advance();
  MatchCase* match_case = Make<MatchCase>(case_tok);
  match_case->pattern = ParsePatterns();
  if (Accept(TK::kIf)) match_case->guard = ParseNamedExpression();
  match_case->body = ParseBlock("'case' statement", case_tok);
  return match_case;
}

Pattern* Parser::ParseMaybeStarPattern() {
  if (!At(TK::kStar)) return ParsePattern();
  const Token& star = Advance();
  MatchStar* p = Make<MatchStar>(star);
  if (At(TK::kName)) {
    const Token& name = Advance();
    if (Text(name) != "_") p->name = Ident(name);
  } else {
    InvalidSyntaxHere();
  }
  Finish(p);
  return p;
}

Pattern* Parser::ParsePatterns() {
  const Token& start = Cur();
  Pattern* first = ParseMaybeStarPattern();
  if (!At(TK::kComma)) return first;
  MatchSequence* seq = Make<MatchSequence>(start);
  size_t mark = Mark();
  Push(first);
  while (Accept(TK::kComma)) {
    if (At(TK::kColon) || At(TK::kIf)) break;
    Push(ParseMaybeStarPattern());
  }
  seq->patterns = PopList<Pattern>(mark);
  Finish(seq);
  return seq;
}

Pattern* Parser::ParsePattern() {
  const Token& start = Cur();
  Pattern* p = ParseOrPattern();
  if (!At(TK::kAs)) return p;
  Advance();
  MatchAs* as = Make<MatchAs>(start);
  as->pattern = p;
  if (At(TK::kName)) {
    const Token& name = Advance();
    if (Text(name) == "_") ErrorAtToken(name, "cannot use '_' as a target");
    as->name = Ident(name);
  } else {
    InvalidSyntaxHere();
  }
  Finish(as);
  return as;
}

Pattern* Parser::ParseOrPattern() {
  const Token& start = Cur();
  Pattern* first = ParseClosedPattern();
  if (!At(TK::kVBar)) return first;
  MatchOr* alt = Make<MatchOr>(start);
  size_t mark = Mark();
  Push(first);
  while (Accept(TK::kVBar)) Push(ParseClosedPattern());
  alt->patterns = PopList<Pattern>(mark);
  Finish(alt);
  return alt;
}

Expr* Parser::ParseSignedNumber() {
  const Token& start = Cur();
  Expr* value;
  if (At(TK::kMinus)) {
    Advance();
    UnaryOp* neg = Make<UnaryOp>(start);
    neg->op = UnaryOperator::kUSub;
    if (!At(TK::kNumber)) {
      InvalidSyntaxHere();
      neg->operand = Placeholder();
    } else {
      neg->operand = ParseAtom();
    }
    Finish(neg);
    value = neg;
  } else {
    value = ParseAtom();
  }
  if (At(TK::kPlus) || At(TK::kMinus)) {
    BinOp* complex = Make<BinOp>(start);
    complex->left = value;
    complex->op = Advance().kind == TK::kPlus ? Operator::kAdd : Operator::kSub;
    if (!At(TK::kNumber)) {
      InvalidSyntaxHere();
      complex->right = Placeholder();
    } else {
      complex->right = ParseAtom();
    }
    Finish(complex);
    value = complex;
  }
  return value;
}

// A literal or dotted name usable as a value pattern or a mapping key.
Expr* Parser::ParsePatternValue() {
  const Token& start = Cur();
  switch (Kind()) {
    case TK::kNumber:
    case TK::kMinus:
      return ParseSignedNumber();
    case TK::kString:
    case TK::kFStringStart:
    case TK::kNone:
    case TK::kTrue:
    case TK::kFalse:
      return ParseAtom();
    case TK::kName: {
      Expr* e = MakeName(Advance(), ExprContext::kLoad);
      while (At(TK::kDot)) {
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
      }
      return e;
    }
    default:
      InvalidSyntaxHere();
      return Placeholder();
  }
}

Pattern* Parser::ParseClosedPattern() {
  if (!EnterNesting()) return Make<MatchAs>(Cur());
  const Token& start = Cur();
  Pattern* result = nullptr;
  switch (start.kind) {
    case TK::kNone:
    case TK::kTrue:
    case TK::kFalse: {
      Advance();
      MatchSingleton* p = Make<MatchSingleton>(start);
      p->value.kind = start.kind == TK::kNone   ? ConstantKind::kNone
                      : start.kind == TK::kTrue ? ConstantKind::kTrue
                                                : ConstantKind::kFalse;
      result = p;
      break;
    }
    case TK::kNumber:
    case TK::kMinus:
    case TK::kString:
    case TK::kFStringStart: {
      MatchValue* p = Make<MatchValue>(start);
      p->value = ParsePatternValue();
      Finish(p);
      result = p;
      break;
    }
    case TK::kName: {
      if (Text(start) == "_" && PeekKind(1) != TK::kDot && PeekKind(1) != TK::kLeftParen) {
        Advance();
        result = Make<MatchAs>(start);
        break;
      }
      if (PeekKind(1) != TK::kDot && PeekKind(1) != TK::kLeftParen) {
        Advance();
        MatchAs* p = Make<MatchAs>(start);
        p->name = Ident(start);
        result = p;
        break;
      }
      Expr* value = ParsePatternValue();
      if (!At(TK::kLeftParen)) {
        MatchValue* p = Make<MatchValue>(start);
        p->value = value;
        Finish(p);
        result = p;
        break;
      }
      Advance();
      MatchClass* cls = Make<MatchClass>(start);
      cls->cls = value;
      size_t mark = Mark();
      size_t ident_mark = ident_scratch_.size();
      size_t positional = 0;
      while (!At(TK::kRightParen) && !At(TK::kNewline) && !At(TK::kEndMarker)) {
        if (At(TK::kName) && PeekKind(1) == TK::kEqual) {
          ident_scratch_.push_back(Ident(Advance()));
          Advance();
          Push(ParsePattern());
        } else {
          Pattern* p = ParsePattern();
          if (ident_scratch_.size() != ident_mark) {
            ErrorAtNode(p, "positional patterns follow keyword patterns");
          } else {
            ++positional;
          }
          Push(p);
        }
        if (!Accept(TK::kComma)) break;
      }
      Expect(TK::kRightParen);
      cls->kwd_attrs = PopIdents(ident_mark);
      cls->kwd_patterns = PopList<Pattern>(mark + positional);
      cls->patterns = PopList<Pattern>(mark);
      Finish(cls);
      result = cls;
      break;
    }
    case TK::kLeftParen:
    case TK::kLeftBracket: {
      TokenKind closer = start.kind == TK::kLeftParen ? TK::kRightParen : TK::kRightBracket;
      Advance();
      size_t mark = Mark();
      bool had_comma = false;
      while (!At(closer) && !At(TK::kNewline) && !At(TK::kEndMarker)) {
        Push(ParseMaybeStarPattern());
        if (!Accept(TK::kComma)) break;
        had_comma = true;
      }
      Expect(closer);
      if (start.kind == TK::kLeftParen && !had_comma && Mark() - mark == 1 &&
          !Isa<MatchStar>(scratch_.back())) {
        result = static_cast<Pattern*>(scratch_.back());  // a group keeps its inner position
        scratch_.pop_back();
        break;
      }
      MatchSequence* seq = Make<MatchSequence>(start);
      seq->patterns = PopList<Pattern>(mark);
      Finish(seq);
      result = seq;
      break;
    }
    case TK::kLeftBrace: {
      Advance();
      MatchMapping* map = Make<MatchMapping>(start);
      size_t mark = Mark();
      while (!At(TK::kRightBrace) && !At(TK::kNewline) && !At(TK::kEndMarker)) {
        if (Accept(TK::kDoubleStar)) {
          if (At(TK::kName)) {
            map->rest = Ident(Advance());
          } else {
            InvalidSyntaxHere();
          }
          Accept(TK::kComma);
          break;
        }
        Push(ParsePatternValue());
        if (!Expect(TK::kColon)) {
          Push(Make<MatchAs>(Cur()));
          break;
        }
        Push(ParsePattern());
        if (!Accept(TK::kComma)) break;
      }
      Expect(TK::kRightBrace);
      size_t n = (scratch_.size() - mark) / 2;
      Expr** keys = n == 0
                        ? nullptr
                        : static_cast<Expr**>(arena_.Allocate(sizeof(Expr*) * n, alignof(Expr*)));
      Pattern** patterns =
          n == 0 ? nullptr
                 : static_cast<Pattern**>(arena_.Allocate(sizeof(Pattern*) * n, alignof(Pattern*)));
      for (size_t i = 0; i < n; ++i) {
        keys[i] = static_cast<Expr*>(scratch_[mark + 2 * i]);
        patterns[i] = static_cast<Pattern*>(scratch_[mark + 2 * i + 1]);
      }
      scratch_.resize(mark);
      map->keys = {keys, n};
      map->patterns = {patterns, n};
      Finish(map);
      result = map;
      break;
    }
    default:
      InvalidSyntaxHere();
      result = Make<MatchAs>(start);
      break;
  }
  LeaveNesting();
  return result;
}

}  // namespace dsaudit::python::internal
