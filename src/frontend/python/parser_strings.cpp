// String literals: implicit concatenation and f-strings.
//
// The lexer gives PEP 701 tokens for f-strings; we build Python 3.11's tree
// shape from them: every Constant and FormattedValue part of a JoinedStr (and
// of a format spec) carries the position of the whole concatenated string,
// while expressions inside replacement fields keep their real positions,
// which is what 3.11's re-parsing of "(expr)" produces.
#include <string>

#include "frontend/python/literals.h"
#include "frontend/python/parser_internal.h"

namespace dsaudit::python::internal {
namespace {

using TK = TokenKind;

std::string_view StringBody(std::string_view text, const StringPrefix& prefix) {
  size_t open = prefix.prefix_length + prefix.quote_length;
  if (text.size() < open + prefix.quote_length) return {};
  return text.substr(open, text.size() - open - prefix.quote_length);
}

}  // namespace

Expr* Parser::ParseStrings() {
  const Token& first = Cur();
  // Find the extent of the concatenation first: every part gets its span.
  size_t end = pos();
  bool any_fstring = false;
  bool any_bytes = false;
  bool any_str = false;
  for (;;) {
    TokenKind kind = toks_[end].kind;
    if (kind == TK::kString) {
      StringPrefix prefix = ParseStringPrefix(toks_[end].Text(src_));
      (prefix.bytes ? any_bytes : any_str) = true;
      ++end;
      continue;
    }
    if (kind != TK::kFStringStart) break;
    any_fstring = true;
    any_str = true;
    int nesting = 0;
    for (; end < toks_.size(); ++end) {
      TokenKind k = toks_[end].kind;
      if (k == TK::kFStringStart) ++nesting;
      if (k == TK::kFStringEnd && --nesting == 0) break;
      if (k == TK::kNewline || k == TK::kEndMarker) break;
    }
    if (end >= toks_.size() || toks_[end].kind != TK::kFStringEnd) break;
    ++end;
  }
  if (end == pos()) end = pos() + 1;
  const Token& last = toks_[end - 1];
  Position whole{first.line, first.col, last.end_line, last.end_col};
  bool unicode_kind = ParseStringPrefix(Text(first)).unicode;
  uint32_t saved_end_line = string_end_line_;
  uint32_t saved_end_col = string_end_col_;
  string_end_line_ = last.end_line;
  string_end_col_ = last.end_col;
  if (any_bytes && any_str) StringError("cannot mix bytes and nonbytes literals");
  Expr* result = BuildStrings(whole, unicode_kind, any_fstring, any_bytes);
  string_end_line_ = saved_end_line;
  string_end_col_ = saved_end_col;
  return result;
}

Expr* Parser::BuildStrings(const Position& whole, bool unicode_kind, bool any_fstring,
                           bool any_bytes) {
  if (!any_fstring) {
    // Most literals are one token with nothing to decode: their value is a
    // view of the source, copied nowhere.
    std::string_view value;
    size_t parts = 0;
    while (At(TK::kString)) {
      // A second part: the first may live in piece_buf_, which decoding reuses.
      if (parts == 1) decode_buf_.assign(value);
      const Token& t = Advance();
      std::string_view text = Text(t);
      StringPrefix prefix = ParseStringPrefix(text);
      LiteralError error;
      std::string_view part;
      if (!DecodeStringValue(StringBody(text, prefix), prefix.raw, prefix.bytes,
                             LiteralContext::kString, piece_buf_, part, &error)) {
        if (prefix.bytes && error.message.starts_with("bytes can only")) {
          ErrorAt(t.line, t.col, error.message);
        } else {
          StringError(error.message);
        }
      }
      if (parts == 0) {
        value = part;
      } else {
        decode_buf_ += part;
      }
      ++parts;
    }
    if (parts > 1) value = decode_buf_;
    bool in_source = value.data() >= src_.data() && value.data() < src_.data() + src_.size();
    Constant* c = MakeAt<Constant>(whole);
    c->value.kind = any_bytes ? ConstantKind::kBytes : ConstantKind::kStr;
    c->value.text = in_source ? value : arena_.CopyString(value);
    if (unicode_kind) c->string_kind = "u";
    return c;
  }

  JoinedStr* joined = MakeAt<JoinedStr>(whole);
  size_t mark = Mark();
  literal_.clear();
  std::string piece;
  while (At(TK::kString) || At(TK::kFStringStart)) {
    if (At(TK::kString)) {
      const Token& t = Advance();
      std::string_view text = Text(t);
      StringPrefix prefix = ParseStringPrefix(text);
      piece.clear();
      LiteralError error;
      if (!DecodeStringBody(StringBody(text, prefix), prefix.raw, prefix.bytes,
                            LiteralContext::kString, piece, &error)) {
        StringError(error.message);
      }
      literal_ += piece;
      continue;
    }
    ParseFStringParts(whole, unicode_kind);
  }
  FlushLiteral(whole, unicode_kind);
  joined->values = PopList<Expr>(mark);
  return joined;
}

void Parser::FlushLiteral(const Position& whole, bool unicode_kind) {
  if (literal_.empty()) return;
  Constant* c = MakeAt<Constant>(whole);
  c->value.kind = ConstantKind::kStr;
  c->value.text = arena_.CopyString(literal_);
  if (unicode_kind) c->string_kind = "u";
  literal_.clear();
  Push(c);
}

// Consumes one FStringStart ... FStringEnd group, appending its literal text
// to literal_ and its replacement fields to the scratch stack.
void Parser::ParseFStringParts(const Position& whole, bool unicode_kind) {
  const Token& start = Advance();
  StringPrefix prefix = ParseStringPrefix(Text(start));
  bool saved_raw = fstring_raw_;
  fstring_raw_ = prefix.raw;
  // 3.11 gives a format spec (and the literal that ends it) the span of the
  // single f-string token containing it rather than of the whole string.
  Position token_pos{start.line, start.col, start.end_line, start.end_col};
  int nesting = 1;
  for (size_t i = pos(); i < toks_.size(); ++i) {
    TokenKind k = toks_[i].kind;
    if (k == TK::kFStringStart) ++nesting;
    if (k == TK::kNewline || k == TK::kEndMarker) break;
    if (k == TK::kFStringEnd && --nesting == 0) {
      token_pos.end_line = toks_[i].end_line;
      token_pos.end_col = toks_[i].end_col;
      break;
    }
  }
  std::string piece;
  for (;;) {
    switch (Kind()) {
      case TK::kFStringMiddle: {
        const Token& t = Advance();
        piece.clear();
        LiteralError error;
        if (!DecodeStringBody(Text(t), prefix.raw, false, LiteralContext::kFStringMiddle, piece,
                              &error)) {
          StringError(error.message);
        }
        literal_ += piece;
        break;
      }
      case TK::kLeftBrace: {
        Expr* value = ParseFStringReplacement(whole, token_pos);
        FlushLiteral(whole, unicode_kind);
        Push(value);
        break;
      }
      case TK::kFStringEnd:
        Advance();
        fstring_raw_ = saved_raw;
        return;
      default:
        // A broken f-string (the lexer reported why): skip to its end.
        if (At(TK::kNewline) || At(TK::kEndMarker)) {
          StringError("f-string: expecting '}'");
          fstring_raw_ = saved_raw;
          return;
        }
        StringError("f-string: expecting '}'");
        Advance();
        break;
    }
  }
}

Expr* Parser::ParseFStringReplacement(const Position& whole, const Position& token_pos) {
  const Token& lbrace = Advance();
  std::string saved = std::move(literal_);
  literal_.clear();
  FormattedValue* fv = MakeAt<FormattedValue>(whole);
  fv->conversion = -1;
  if (At(TK::kRightBrace) || At(TK::kExclamation) || At(TK::kColon) || At(TK::kEqual)) {
    StringError("f-string: empty expression not allowed");
    fv->value = Placeholder();
  } else {
    size_t first_index = pos();
    Expr* e = At(TK::kYield) ? ParseYield() : ParseStarExpressions();
    if ((At(TK::kFor) || At(TK::kAsync)) && !Isa<Tuple>(e)) {
      GeneratorExp* gen = Make<GeneratorExp>(toks_[first_index]);
      gen->elt = e;
      gen->generators = ParseComprehensions();
      Finish(gen);
      e = gen;
    }
    // 3.11 parses "(expr)" with the parentheses over the braces: a bare
    // tuple or generator takes their span, up to the terminating character.
    if ((Isa<Tuple>(e) || Isa<GeneratorExp>(e)) && !WrappedInParens(first_index, pos() - 1)) {
      e->pos.line = lbrace.line;
      e->pos.col = lbrace.col;
      e->pos.end_line = Cur().line;
      e->pos.end_col = Cur().col + 1;
    }
    fv->value = e;
  }
  bool debug = false;
  uint32_t debug_start = lbrace.end;
  if (At(TK::kEqual)) {
    Advance();
    debug = true;
  }
  uint32_t debug_end = Cur().start;
  if (Accept(TK::kExclamation)) {
    if (At(TK::kName) && Cur().start == Prev().end) {
      std::string_view conv = Text(Advance());
      if (conv == "s" || conv == "r" || conv == "a") {
        fv->conversion = conv[0];
      } else {
        StringError("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
    } else {
      StringError("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
  }
  if (Accept(TK::kColon)) fv->format_spec = ParseFormatSpec(whole, token_pos);
  if (debug && fv->conversion == -1 && fv->format_spec == nullptr) fv->conversion = 'r';
  if (!Accept(TK::kRightBrace)) {
    StringError("f-string: expecting '}'");
    // Skip the rest of the replacement field so the f-string can continue.
    int depth = 0;
    while (!At(TK::kFStringEnd) && !At(TK::kNewline) && !At(TK::kEndMarker)) {
      if (At(TK::kLeftBrace)) ++depth;
      if (At(TK::kRightBrace) && depth-- == 0) {
        Advance();
        break;
      }
      Advance();
    }
  }
  literal_ = std::move(saved);
  if (debug) literal_.append(src_.substr(debug_start, debug_end - debug_start));
  return fv;
}

JoinedStr* Parser::ParseFormatSpec(const Position& whole, const Position& token_pos) {
  JoinedStr* spec = MakeAt<JoinedStr>(token_pos);
  size_t mark = Mark();
  std::string piece;
  for (;;) {
    if (At(TK::kFStringMiddle)) {
      const Token& t = Advance();
      piece.clear();
      LiteralError error;
      if (!DecodeStringBody(Text(t), fstring_raw_, false, LiteralContext::kFStringMiddle, piece, &error)) {
        StringError(error.message);
      }
      literal_ += piece;
      continue;
    }
    if (At(TK::kLeftBrace)) {
      Expr* value = ParseFStringReplacement(whole, token_pos);
      FlushLiteral(whole, false);
      Push(value);
      continue;
    }
    break;
  }
  FlushLiteral(token_pos, false);
  spec->values = PopList<Expr>(mark);
  return spec;
}

}  // namespace dsaudit::python::internal
