// Statements: simple statements, blocks and compound statements. Statement
// positions come from their first and last tokens, as CPython's EXTRA does.
#include <string>

#include "frontend/python/parser_internal.h"

namespace dsaudit::python::internal {
namespace {

using TK = TokenKind;

bool AugAssignOp(TokenKind kind, Operator* op) {
  switch (kind) {
    case TK::kPlusEqual:
      *op = Operator::kAdd;
      return true;
    case TK::kMinusEqual:
      *op = Operator::kSub;
      return true;
    case TK::kStarEqual:
      *op = Operator::kMult;
      return true;
    case TK::kAtEqual:
      *op = Operator::kMatMult;
      return true;
    case TK::kSlashEqual:
      *op = Operator::kDiv;
      return true;
    case TK::kPercentEqual:
      *op = Operator::kMod;
      return true;
    case TK::kAmperEqual:
      *op = Operator::kBitAnd;
      return true;
    case TK::kVBarEqual:
      *op = Operator::kBitOr;
      return true;
    case TK::kCircumflexEqual:
      *op = Operator::kBitXor;
      return true;
    case TK::kLeftShiftEqual:
      *op = Operator::kLShift;
      return true;
    case TK::kRightShiftEqual:
      *op = Operator::kRShift;
      return true;
    case TK::kDoubleStarEqual:
      *op = Operator::kPow;
      return true;
    case TK::kDoubleSlashEqual:
      *op = Operator::kFloorDiv;
      return true;
    default:
      return false;
  }
}

std::string OnLine(std::string_view what, uint32_t line) {
  std::string s(what);
  s += " on line ";
  s += std::to_string(line);
  return s;
}

}  // namespace

const Token& Parser::LastNewline() const {
  size_t i = pos();
  while (i > 0 && toks_[i].kind != TK::kNewline) --i;
  return toks_[i];
}

void Parser::FinishCompound(Node* n) const {
  size_t i = pos();
  while (i > 0) {
    --i;
    TokenKind k = toks_[i].kind;
    if (k != TK::kNewline && k != TK::kIndent && k != TK::kDedent && k != TK::kEndMarker) {
      n->pos.end_line = toks_[i].end_line;
      n->pos.end_col = toks_[i].end_col;
      return;
    }
  }
}

void Parser::ParseStatementInto() {
  switch (Kind()) {
    case TK::kIf:
    case TK::kWhile:
    case TK::kFor:
    case TK::kTry:
    case TK::kWith:
    case TK::kDef:
    case TK::kClass:
    case TK::kAt:
      Push(ParseCompoundStatement());
      return;
    case TK::kAsync:
      if (PeekKind(1) == TK::kDef || PeekKind(1) == TK::kFor || PeekKind(1) == TK::kWith) {
        Push(ParseCompoundStatement());
        return;
      }
      Advance();
      InvalidSyntaxHere();
      SyncToLineEnd();
      Accept(TK::kNewline);
      return;
    case TK::kName:
      if (AtName("match") && LooksLikeMatch()) {
        Push(ParseCompoundStatement());
        return;
      }
      break;
    case TK::kIndent: {
      // CPython points just before the first character of the indented line.
      const Token& next = PeekToken(1);
      ErrorAt(next.line, next.col == 0 ? 0 : next.col - 1, "unexpected indent", "IndentationError");
      Advance();
      while (!At(TK::kDedent) && !At(TK::kEndMarker)) {
        size_t before = pos();
        ParseStatementInto();
        if (pos() == before) Advance();
      }
      Accept(TK::kDedent);
      return;
    }
    case TK::kNewline:
      Advance();
      return;
    case TK::kDedent:
    case TK::kEndMarker:
      return;
    default:
      break;
  }
  ParseSimpleStatements();
}

void Parser::ParseSimpleStatements() {
  for (;;) {
    Push(ParseSimpleStatement());
    if (in_error_) break;
    if (!Accept(TK::kSemicolon)) break;
    if (At(TK::kNewline) || At(TK::kEndMarker)) break;
  }
  if (!At(TK::kNewline) && !At(TK::kEndMarker)) {
    InvalidSyntaxHere();
    SyncToLineEnd();
  }
  Accept(TK::kNewline);
}

Stmt* Parser::ParseSimpleStatement() {
  const Token& start = Cur();
  switch (start.kind) {
    case TK::kPass: {
      Advance();
      return Make<Pass>(start);
    }
    case TK::kBreak: {
      Advance();
      return Make<Break>(start);
    }
    case TK::kContinue: {
      Advance();
      return Make<Continue>(start);
    }
    case TK::kReturn: {
      Advance();
      Return* ret = Make<Return>(start);
      if (IsExpressionStart()) ret->value = ParseStarExpressions();
      Finish(ret);
      return ret;
    }
    case TK::kRaise: {
      Advance();
      Raise* raise = Make<Raise>(start);
      if (IsExpressionStart()) {
        raise->exc = ParseExpression();
        if (Accept(TK::kFrom)) raise->cause = ParseExpression();
      }
      Finish(raise);
      return raise;
    }
    case TK::kDel: {
      Advance();
      Delete* del = Make<Delete>(start);
      size_t mark = Mark();
      do {
        if (!IsExpressionStart()) break;
        Expr* target = ParseTargetElement();
        SetContext(target, ExprContext::kDel, false);
        Push(target);
      } while (Accept(TK::kComma));
      if (Mark() == mark) InvalidSyntaxHere();
      del->targets = PopList<Expr>(mark);
      Finish(del);
      return del;
    }
    case TK::kAssert: {
      Advance();
      Assert* assert_stmt = Make<Assert>(start);
      assert_stmt->test = ParseExpression();
      if (Accept(TK::kComma)) assert_stmt->msg = ParseExpression();
      Finish(assert_stmt);
      return assert_stmt;
    }
    case TK::kGlobal:
    case TK::kNonlocal:
      return ParseGlobal(start.kind == TK::kNonlocal);
    case TK::kImport:
      return ParseImport();
    case TK::kFrom:
      return ParseFromImport();
    case TK::kName:
      if (AtName("type") && LooksLikeTypeAlias()) return ParseTypeAlias();
      break;
    default:
      break;
  }
  return ParseExpressionStatement();
}

Stmt* Parser::ParseExpressionStatement() {
  const Token& start = Cur();
  auto parse_value = [&]() -> Expr* {
    return At(TK::kYield) ? ParseYield() : ParseStarExpressions();
  };
  Expr* first = parse_value();
  if (At(TK::kColon)) {
    Advance();
    AnnAssign* ann = Make<AnnAssign>(start);
    ann->target = first;
    if (Isa<Tuple>(first) && start.kind != TK::kLeftParen) {
      ErrorAtNode(first, "only single target (not tuple) can be annotated");
    } else if (Isa<Tuple>(first) || Isa<List>(first)) {
      ErrorAtNode(first, std::string("only single target (not ") +
                             (Isa<Tuple>(first) ? "tuple" : "list") + ") can be annotated");
    } else if (!Isa<Name>(first) && !Isa<Attribute>(first) && !Isa<Subscript>(first)) {
      ErrorAtNode(first, "illegal target for annotation");
    } else {
      SetContext(first, ExprContext::kStore, false);
    }
    ann->simple = Isa<Name>(first) && start.kind != TK::kLeftParen ? 1 : 0;
    ann->annotation = ParseExpression();
    if (Accept(TK::kEqual)) ann->value = parse_value();
    Finish(ann);
    return ann;
  }
  if (At(TK::kEqual)) {
    Assign* assign = Make<Assign>(start);
    size_t mark = Mark();
    Push(first);
    Expr* value = nullptr;
    while (Accept(TK::kEqual)) {
      value = parse_value();
      if (At(TK::kEqual)) Push(value);
    }
    assign->targets = PopList<Expr>(mark);
    assign->value = value;
    bool single = assign->targets.size() == 1;
    for (size_t i = 0; i < assign->targets.size(); ++i) {
      Expr* target = assign->targets[i];
      if (Isa<Yield>(target) || Isa<YieldFrom>(target)) {
        ErrorAtNode(target, "assignment to yield expression not possible");
        continue;
      }
      bool hint = single && i == 0 && !StartsParenthesized(target);
      SetContext(target, ExprContext::kStore, hint);
    }
    Finish(assign);
    return assign;
  }
  Operator op;
  if (AugAssignOp(Kind(), &op)) {
    Advance();
    AugAssign* aug = Make<AugAssign>(start);
    aug->target = first;
    aug->op = op;
    if (Isa<Name>(first) || Isa<Attribute>(first) || Isa<Subscript>(first)) {
      SetContext(first, ExprContext::kStore, false);
    } else {
      std::string message = "'";
      message.append(ExprName(first));
      message.append("' is an illegal expression for augmented assignment");
      ErrorAtNode(first, message);
    }
    aug->value = parse_value();
    Finish(aug);
    return aug;
  }
  if (auto* name = DynCast<Name>(first); name != nullptr &&
                                         (name->id == "print" || name->id == "exec") &&
                                         IsExpressionStart() && !At(TK::kLeftParen)) {
    Expr* rest = ParseStarExpressions();
    std::string message = "Missing parentheses in call to '" + std::string(name->id) +
                          "'. Did you mean " + std::string(name->id) + "(...)?";
    ErrorAt(first->pos.line, first->pos.col, message, "SyntaxError", rest->pos.end_line,
            rest->pos.end_col);
  }
  if (At(TK::kColonEqual) && !in_error_) {
    if (Isa<Name>(first)) {
      ErrorAtToken(Cur(), "invalid syntax");
    } else {
      ErrorAtNode(first, "cannot use assignment expressions with " + std::string(ExprName(first)));
    }
  }
  ExprStmt* stmt = Make<ExprStmt>(start);
  stmt->value = first;
  Finish(stmt);
  return stmt;
}

Stmt* Parser::ParseGlobal(bool nonlocal) {
  const Token& start = Advance();
  size_t mark = ident_scratch_.size();
  do {
    if (!At(TK::kName)) {
      InvalidSyntaxHere();
      break;
    }
    ident_scratch_.push_back(Ident(Advance()));
  } while (Accept(TK::kComma));
  if (nonlocal) {
    Nonlocal* stmt = Make<Nonlocal>(start);
    stmt->names = PopIdents(mark);
    Finish(stmt);
    return stmt;
  }
  Global* stmt = Make<Global>(start);
  stmt->names = PopIdents(mark);
  Finish(stmt);
  return stmt;
}

std::string_view Parser::DottedName() {
  if (!At(TK::kName)) {
    InvalidSyntaxHere();
    return {};
  }
  const Token& first = Advance();
  Identifier result = Ident(first);
  if (!At(TK::kDot)) return result;
  std::string joined(result);
  bool contiguous = result.data() == src_.data() + first.start;
  while (At(TK::kDot) && PeekKind(1) == TK::kName) {
    uint32_t previous_end = Prev().end;
    const Token& dot = Advance();
    const Token& name = Advance();
    Identifier part = Ident(name);
    // A view into the source works only for "a.b" written without spaces.
    contiguous = contiguous && dot.start == previous_end && name.start == dot.end &&
                 part.data() == src_.data() + name.start;
    joined += '.';
    joined += part;
  }
  if (At(TK::kDot)) {
    Advance();
    InvalidSyntaxHere();
  }
  if (contiguous) return src_.substr(first.start, Prev().end - first.start);
  return arena_.CopyString(joined);
}

Stmt* Parser::ParseImport() {
  const Token& start = Advance();
  Import* import = Make<Import>(start);
  size_t mark = Mark();
  do {
    const Token& name_start = Cur();
    Alias* alias = Make<Alias>(name_start);
    alias->name = DottedName();
    if (Accept(TK::kAs)) {
      if (At(TK::kName)) {
        alias->asname = Ident(Advance());
      } else {
        InvalidSyntaxHere();
      }
    }
    Finish(alias);
    Push(alias);
    if (in_error_) break;
  } while (Accept(TK::kComma));
  import->names = PopList<Alias>(mark);
  Finish(import);
  return import;
}

Stmt* Parser::ParseFromImport() {
  const Token& start = Advance();
  ImportFrom* from = Make<ImportFrom>(start);
  int level = 0;
  for (;;) {
    if (Accept(TK::kDot)) {
      level += 1;
    } else if (Accept(TK::kEllipsis)) {
      level += 3;
    } else {
      break;
    }
  }
  from->level = level;
  if (!At(TK::kImport) || level == 0) from->module = DottedName();
  if (!Expect(TK::kImport)) {
    Finish(from);
    return from;
  }
  size_t mark = Mark();
  if (At(TK::kStar)) {
    const Token& star = Advance();
    Alias* alias = Make<Alias>(star);
    alias->name = Text(star);
    Push(alias);
  } else {
    bool parens = Accept(TK::kLeftParen);
    do {
      if (parens && At(TK::kRightParen)) break;
      if (!At(TK::kName)) {
        InvalidSyntaxHere();
        break;
      }
      const Token& name = Advance();
      Alias* alias = Make<Alias>(name);
      alias->name = Ident(name);
      if (Accept(TK::kAs)) {
        if (At(TK::kName)) {
          alias->asname = Ident(Advance());
        } else {
          InvalidSyntaxHere();
        }
      }
      Finish(alias);
      Push(alias);
    } while (Accept(TK::kComma));
    if (parens) {
      Expect(TK::kRightParen);
    } else if (Prev().kind == TK::kComma && !in_error_) {
      ErrorAtToken(Prev(), "trailing comma not allowed without surrounding parentheses");
    }
  }
  from->names = PopList<Alias>(mark);
  Finish(from);
  return from;
}

bool Parser::LooksLikeTypeAlias() const {
  return PeekKind(1) == TK::kName && (PeekKind(2) == TK::kEqual || PeekKind(2) == TK::kLeftBracket);
}

Stmt* Parser::ParseTypeAlias() {
  const Token& start = Advance();
  TypeAlias* alias = Make<TypeAlias>(start);
  alias->name = MakeName(Advance(), ExprContext::kStore);
  if (At(TK::kLeftBracket)) alias->type_params = ParseTypeParams();
  if (!Expect(TK::kEqual)) {
    alias->value = Placeholder();
  } else {
    alias->value = ParseExpression();
  }
  Finish(alias);
  return alias;
}

std::span<TypeParam*> Parser::ParseTypeParams() {
  Advance();  // '['
  size_t mark = Mark();
  while (!At(TK::kRightBracket)) {
    const Token& start = Cur();
    if (Accept(TK::kStar)) {
      TypeVarTuple* p = Make<TypeVarTuple>(start);
      if (At(TK::kName))
        p->name = Ident(Advance());
      else
        InvalidSyntaxHere();
      Finish(p);
      Push(p);
    } else if (Accept(TK::kDoubleStar)) {
      ParamSpec* p = Make<ParamSpec>(start);
      if (At(TK::kName))
        p->name = Ident(Advance());
      else
        InvalidSyntaxHere();
      Finish(p);
      Push(p);
    } else if (At(TK::kName)) {
      TypeVar* p = Make<TypeVar>(start);
      p->name = Ident(Advance());
      if (Accept(TK::kColon)) p->bound = ParseExpression();
      Finish(p);
      Push(p);
    } else {
      InvalidSyntaxHere();
      break;
    }
    if (!Accept(TK::kComma)) break;
  }
  Expect(TK::kRightBracket);
  return PopList<TypeParam>(mark);
}

Stmt* Parser::ParseCompoundStatement() {
  if (!EnterNesting()) return Make<Pass>(Cur());
  Stmt* result = nullptr;
  const Token& start = Cur();
  switch (start.kind) {
    case TK::kIf:
      result = ParseIf(false);
      break;
    case TK::kWhile:
      result = ParseWhile();
      break;
    case TK::kFor:
      result = ParseFor(nullptr);
      break;
    case TK::kTry:
      result = ParseTry();
      break;
    case TK::kWith:
      result = ParseWith(nullptr);
      break;
    case TK::kDef:
      result = ParseFunctionDef(nullptr, {}, start);
      break;
    case TK::kClass:
      result = ParseClassDef({}, start);
      break;
    case TK::kAt:
      result = ParseDecorated();
      break;
    case TK::kAsync: {
      const Token& async_tok = Advance();
      if (At(TK::kDef))
        result = ParseFunctionDef(&async_tok, {}, async_tok);
      else if (At(TK::kFor))
        result = ParseFor(&async_tok);
      else
        result = ParseWith(&async_tok);
      break;
    }
    default:
      result = ParseMatch();
      break;
  }
  LeaveNesting();
  return result;
}

std::span<Stmt*> Parser::ParseBlock(std::string_view what, const Token& owner) {
  if (!Accept(TK::kColon)) {
    // CPython insists on ':' after these headers (&&':' in its grammar);
    // after the others it says "expected ':'" only at the end of the line.
    bool forced = what == "function definition" || what == "'try' statement" ||
                  what == "'else' statement" || what == "'finally' statement";
    if (forced || At(TK::kNewline)) {
      ErrorAtToken(Cur(), "expected ':'");
    } else {
      InvalidSyntaxHere();
    }
    SyncToLineEnd();
  }
  size_t mark = Mark();
  if (!At(TK::kNewline)) {
    ParseSimpleStatements();
    return PopList<Stmt>(mark);
  }
  const Token& newline = Advance();
  if (!At(TK::kIndent)) {
    const Token& at = At(TK::kEndMarker) || At(TK::kDedent) ? newline : Cur();
    ErrorAt(at.line, at.col, "expected an indented block after " + OnLine(what, owner.line),
            "IndentationError");
    return {};
  }
  Advance();
  while (!At(TK::kDedent) && !At(TK::kEndMarker)) {
    size_t before = pos();
    in_error_ = false;
    ParseStatementInto();
    if (pos() == before) {
      InvalidSyntaxHere();
      Advance();
    }
  }
  Accept(TK::kDedent);
  return PopList<Stmt>(mark);
}

Stmt* Parser::ParseIf(bool is_elif) {
  const Token& start = Advance();
  If* stmt = Make<If>(start);
  stmt->test = ParseNamedExpression();
  if (At(TK::kEqual) && !in_error_) {
    Advance();
    Expr* rhs = ParseBitOr();
    if (Isa<Name>(stmt->test)) {
      ErrorAt(stmt->test->pos.line, stmt->test->pos.col,
              "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", "SyntaxError",
              rhs->pos.end_line, rhs->pos.end_col);
    } else {
      SetContext(stmt->test, ExprContext::kStore, true);
    }
  }
  stmt->body = ParseBlock(is_elif ? "'elif' statement" : "'if' statement", start);
  if (At(TK::kElif)) {
    size_t mark = Mark();
    Push(ParseIf(true));
    stmt->orelse = PopList<Stmt>(mark);
  } else if (At(TK::kElse)) {
    const Token& else_tok = Advance();
    stmt->orelse = ParseBlock("'else' statement", else_tok);
  }
  FinishCompound(stmt);
  return stmt;
}

Stmt* Parser::ParseWhile() {
  const Token& start = Advance();
  While* stmt = Make<While>(start);
  stmt->test = ParseNamedExpression();
  stmt->body = ParseBlock("'while' statement", start);
  if (At(TK::kElse)) {
    const Token& else_tok = Advance();
    stmt->orelse = ParseBlock("'else' statement", else_tok);
  }
  FinishCompound(stmt);
  return stmt;
}

Stmt* Parser::ParseFor(const Token* async_tok) {
  const Token& for_tok = Advance();
  const Token& start = async_tok != nullptr ? *async_tok : for_tok;
  Expr* target = ParseStarTargets();
  SetContext(target, ExprContext::kStore, false);
  Expr* iter;
  if (!Expect(TK::kIn)) {
    iter = Placeholder();
  } else {
    iter = ParseStarExpressions();
  }
  std::span<Stmt*> body = ParseBlock("'for' statement", for_tok);
  std::span<Stmt*> orelse;
  if (At(TK::kElse)) {
    const Token& else_tok = Advance();
    orelse = ParseBlock("'else' statement", else_tok);
  }
  if (async_tok != nullptr) {
    AsyncFor* stmt = Make<AsyncFor>(start);
    stmt->target = target;
    stmt->iter = iter;
    stmt->body = body;
    stmt->orelse = orelse;
    FinishCompound(stmt);
    return stmt;
  }
  For* stmt = Make<For>(start);
  stmt->target = target;
  stmt->iter = iter;
  stmt->body = body;
  stmt->orelse = orelse;
  FinishCompound(stmt);
  return stmt;
}

Stmt* Parser::ParseWith(const Token* async_tok) {
  const Token& with_tok = Advance();
  const Token& start = async_tok != nullptr ? *async_tok : with_tok;
  // `with (a as b, c):` groups items in parentheses; `with (a, b) as c:` is
  // a tuple. CPython decides by whether ':' follows the closing parenthesis.
  bool grouped = false;
  if (At(TK::kLeftParen) && PeekKind(1) != TK::kYield) {
    int depth = 0;
    for (size_t i = pos(); i < toks_.size(); ++i) {
      TokenKind k = toks_[i].kind;
      if (k == TK::kNewline || k == TK::kEndMarker) break;
      if (k == TK::kLeftParen || k == TK::kLeftBracket || k == TK::kLeftBrace) ++depth;
      if (k == TK::kRightParen || k == TK::kRightBracket || k == TK::kRightBrace) {
        if (--depth == 0) {
          grouped = i + 1 < toks_.size() && toks_[i + 1].kind == TK::kColon;
          break;
        }
      }
    }
  }
  if (grouped) Advance();
  size_t mark = Mark();
  do {
    if (grouped && At(TK::kRightParen)) break;
    const Token& item_start = Cur();
    WithItem* item = Make<WithItem>(item_start);
    item->context_expr = ParseExpression();
    if (Accept(TK::kAs)) {
      item->optional_vars = ParseTargetElement();
      SetContext(item->optional_vars, ExprContext::kStore, false);
    }
    Finish(item);
    Push(item);
  } while (Accept(TK::kComma));
  if (grouped) Expect(TK::kRightParen);
  std::span<WithItem*> items = PopList<WithItem>(mark);
  std::span<Stmt*> body = ParseBlock("'with' statement", with_tok);
  if (async_tok != nullptr) {
    AsyncWith* stmt = Make<AsyncWith>(start);
    stmt->items = items;
    stmt->body = body;
    FinishCompound(stmt);
    return stmt;
  }
  With* stmt = Make<With>(start);
  stmt->items = items;
  stmt->body = body;
  FinishCompound(stmt);
  return stmt;
}

Stmt* Parser::ParseTry() {
  const Token& start = Advance();
  std::span<Stmt*> body = ParseBlock("'try' statement", start);
  size_t mark = Mark();
  bool star = false;
  while (At(TK::kExcept)) {
    const Token& except = Advance();
    bool this_star = Accept(TK::kStar);
    star = star || this_star;
    ExceptHandler* handler = Make<ExceptHandler>(except);
    if (!At(TK::kColon)) {
      handler->type = ParseExpression();
      if (At(TK::kComma)) {
        // `except A, B:` is Python 2 syntax.
        size_t first_mark = Mark();
        while (Accept(TK::kComma) && IsExpressionStart()) Push(ParseExpression());
        scratch_.resize(first_mark);
        ErrorAt(handler->type->pos.line, handler->type->pos.col,
                "multiple exception types must be parenthesized", "SyntaxError", Prev().end_line,
                Prev().end_col);
      }
      if (Accept(TK::kAs)) {
        if (At(TK::kName)) {
          const Token& name = Advance();
          handler->name = Ident(name);
          handler->name_pos = {name.line, name.col, name.end_line, name.end_col};
        } else {
          InvalidSyntaxHere();
        }
      }
    } else if (this_star) {
      ErrorAtToken(Cur(), "expected one or more exception types");
    }
    handler->body = ParseBlock(this_star ? "'except*' statement" : "'except' statement", except);
    FinishCompound(handler);
    Push(handler);
  }
  std::span<ExceptHandler*> handlers = PopList<ExceptHandler>(mark);
  std::span<Stmt*> orelse;
  std::span<Stmt*> finalbody;
  if (!handlers.empty() && At(TK::kElse)) {
    const Token& else_tok = Advance();
    orelse = ParseBlock("'else' statement", else_tok);
  }
  if (At(TK::kFinally)) {
    const Token& finally_tok = Advance();
    finalbody = ParseBlock("'finally' statement", finally_tok);
  }
  if (handlers.empty() && finalbody.empty() && !in_error_) {
    const Token& at = At(TK::kEndMarker) ? LastNewline() : Cur();
    ErrorAt(at.line, at.col, "expected 'except' or 'finally' block");
  }
  Stmt* result;
  if (star) {
    TryStar* stmt = Make<TryStar>(start);
    stmt->body = body;
    stmt->handlers = handlers;
    stmt->orelse = orelse;
    stmt->finalbody = finalbody;
    result = stmt;
  } else {
    Try* stmt = Make<Try>(start);
    stmt->body = body;
    stmt->handlers = handlers;
    stmt->orelse = orelse;
    stmt->finalbody = finalbody;
    result = stmt;
  }
  FinishCompound(result);
  return result;
}

Stmt* Parser::ParseDecorated() {
  size_t mark = Mark();
  while (At(TK::kAt)) {
    Advance();
    Push(ParseNamedExpression());
    if (!At(TK::kNewline)) {
      InvalidSyntaxHere();
      SyncToLineEnd();
    }
    Accept(TK::kNewline);
  }
  std::span<Expr*> decorators = PopList<Expr>(mark);
  const Token& start = Cur();
  if (At(TK::kDef)) return ParseFunctionDef(nullptr, decorators, start);
  if (At(TK::kClass)) return ParseClassDef(decorators, start);
  if (At(TK::kAsync) && PeekKind(1) == TK::kDef) {
    const Token& async_tok = Advance();
    return ParseFunctionDef(&async_tok, decorators, async_tok);
  }
  InvalidSyntaxHere();
  SyncToLineEnd();
  Accept(TK::kNewline);
  return Make<Pass>(start);
}

Stmt* Parser::ParseFunctionDef(const Token* async_tok, std::span<Expr*> decorators,
                               const Token& first) {
  const Token& def_tok = Advance();
  Identifier name;
  Position name_pos;
  if (At(TK::kName)) {
    const Token& t = Advance();
    name = Ident(t);
    name_pos = {t.line, t.col, t.end_line, t.end_col};
  } else {
    InvalidSyntaxHere();
  }
  std::span<TypeParam*> type_params;
  if (At(TK::kLeftBracket)) type_params = ParseTypeParams();
  Arguments* args;
  Expr* returns = nullptr;
  if (Expect(TK::kLeftParen, "expected '('")) {
    args = ParseParameters(TK::kRightParen, true);
    Expect(TK::kRightParen);
  } else {
    args = NewNode<Arguments>();
  }
  if (Accept(TK::kArrow)) returns = ParseExpression();
  std::span<Stmt*> body = ParseBlock("function definition", def_tok);
  auto fill = [&](auto* def) {
    def->name = name;
    def->args = args;
    def->body = body;
    def->decorator_list = decorators;
    def->returns = returns;
    def->type_params = type_params;
    def->name_pos = name_pos;
    FinishCompound(def);
    return def;
  };
  if (async_tok != nullptr) return fill(Make<AsyncFunctionDef>(first));
  return fill(Make<FunctionDef>(first));
}

Stmt* Parser::ParseClassDef(std::span<Expr*> decorators, const Token& first) {
  const Token& class_tok = Advance();
  ClassDef* def = Make<ClassDef>(first);
  def->decorator_list = decorators;
  if (At(TK::kName)) {
    const Token& t = Advance();
    def->name = Ident(t);
    def->name_pos = {t.line, t.col, t.end_line, t.end_col};
  } else {
    InvalidSyntaxHere();
  }
  if (At(TK::kLeftBracket)) def->type_params = ParseTypeParams();
  if (At(TK::kLeftParen)) {
    Expr* call = ParseCall(Placeholder(), Cur());
    if (auto* c = DynCast<Call>(call)) {
      def->bases = c->args;
      def->keywords = c->keywords;
    }
  }
  def->body = ParseBlock("class definition", class_tok);
  FinishCompound(def);
  return def;
}

}  // namespace dsaudit::python::internal
