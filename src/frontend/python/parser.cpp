// Parser entry point, token helpers, error reporting and identifiers.
//
// The parser is hand-written (see DEVELOPERS.md: the parser is the product's
// core) so that it never gives up on broken code and allocates only from the
// file's arena.
#include "frontend/python/parser.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <utility>

#include "frontend/python/lexer.h"
#include "frontend/python/parser_internal.h"

namespace dsaudit::python {
namespace internal {
namespace {

// CPython reports columns in characters; ours are UTF-8 byte offsets.
uint32_t CharColumn(std::string_view line, uint32_t byte_col) {
  uint32_t chars = 0;
  size_t n = std::min<size_t>(byte_col, line.size());
  for (size_t i = 0; i < n; ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++chars;
  }
  return chars + static_cast<uint32_t>(byte_col > line.size() ? byte_col - line.size() : 0);
}

}  // namespace

Parser::Parser(ParsedModule& module, const ParseOptions& options)
    : module_(module),
      arena_(module.arena),
      src_(module.source.text()),
      toks_(module.tokens),
      options_(options),
      cur_(toks_.data()),
      last_(toks_.data() + toks_.size() - 1) {
  scratch_.reserve(256);
}

Module* Parser::ParseModule() {
  Module* mod = NewNode<Module>();
  size_t mark = Mark();
  while (!At(TokenKind::kEndMarker)) {
    size_t before = pos();
    in_error_ = false;
    ParseStatementInto();
    if (pos() == before) {
      // A token no statement can start with (a stray DEDENT or ')'): report
      // it and move on so the loop always makes progress.
      InvalidSyntaxHere();
      Advance();
    }
  }
  mod->body = PopList<Stmt>(mark);
  mod->node_count = node_count_;
  return mod;
}

bool Parser::Expect(TokenKind kind, std::string_view message) {
  if (Accept(kind)) return true;
  if (message.empty()) {
    InvalidSyntaxHere();
  } else {
    ErrorAtToken(Cur(), message);
  }
  return false;
}

void Parser::ErrorAt(uint32_t line, uint32_t col, std::string_view message, std::string_view type,
                     uint32_t end_line, uint32_t end_col) {
  if (in_error_) return;
  in_error_ = true;
  SyntaxError error;
  error.type = std::string(type);
  error.message = std::string(message);
  const SourceText& text = module_.source;
  auto column = [&](uint32_t l, uint32_t c) -> uint32_t {
    if (l == 0 || l > text.line_count()) return c + 1;
    return CharColumn(text.line(l), c) + 1;
  };
  error.line = line;
  error.column = column(line, col);
  if (end_line != 0) {
    error.end_line = end_line;
    error.end_column = column(end_line, end_col);
  }
  errors_.push_back(std::move(error));
}

void Parser::ErrorAtToken(const Token& t, std::string_view message) {
  ErrorAt(t.line, t.col, message, "SyntaxError", t.end_line, t.end_col);
}

void Parser::ErrorAtNode(const Node* n, std::string_view message) {
  ErrorAt(n->pos.line, n->pos.col, message, "SyntaxError", n->pos.end_line, n->pos.end_col);
}

void Parser::InvalidSyntaxHere() {
  const Token& t = Cur();
  if (t.kind == TokenKind::kIndent) {
    ErrorAt(t.line, t.col, "unexpected indent", "IndentationError");
    return;
  }
  if (t.kind == TokenKind::kDedent && pos() > 0 && Prev().kind != TokenKind::kNewline) {
    ErrorAt(t.line, t.col, "unexpected unindent", "IndentationError");
    return;
  }
  // CPython points at the end of a line for errors on its NEWLINE token.
  ErrorAtToken(t, "invalid syntax");
}

std::span<Identifier> Parser::PopIdents(size_t mark) {
  size_t n = ident_scratch_.size() - mark;
  if (n == 0) return {};
  auto result =
      arena_.CopySpan<Identifier>(std::span<const Identifier>(ident_scratch_.data() + mark, n));
  ident_scratch_.resize(mark);
  return result;
}

// CPython NFKC-normalises non-ASCII identifiers (PEP 3131).
Identifier Parser::NormalizedIdent(const Token& t) {
  std::string_view text = Text(t);
  std::string copy(text);
  utf8proc_uint8_t* normalized =
      utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(copy.c_str()));
  if (normalized == nullptr) return text;
  Identifier result = arena_.CopyString(reinterpret_cast<const char*>(normalized));
  std::free(normalized);
  return result;
}

Expr* Parser::Placeholder() {
  // An empty Name stands in for a missing expression; it is positioned at
  // the current token with zero width so checks can still point at it.
  const Token& t = Cur();
  Name* name = Make<Name>(t);
  name->pos.end_line = t.line;
  name->pos.end_col = t.col;
  return name;
}

bool Parser::NestingTooDeep() {
  --depth_;
  ErrorAtToken(Cur(), "too many nested expressions");
  SyncToLineEnd();
  return false;
}

bool Parser::ChainTooLong() {
  ErrorAtToken(Cur(), "too many nested expressions");
  SyncToLineEnd();
  return false;
}

void Parser::SyncToLineEnd() {
  while (!At(TokenKind::kNewline) && !At(TokenKind::kEndMarker)) Advance();
}

}  // namespace internal

namespace {

bool LexerErrorOverridesParser(const SyntaxError& e) {
  // CPython re-tokenizes the whole file after a parser error; only errors
  // the tokenizer raises itself replace the parser's message. Indentation
  // errors are reported through the parser and do not.
  return e.message != "unindent does not match any outer indentation level" &&
         e.message != "too many levels of indentation" &&
         e.message.find("was never closed") == std::string::npos && e.type != "TabError";
}

bool Before(const SyntaxError& a, const SyntaxError& b) {
  if (a.line != b.line) return a.line < b.line;
  return a.column < b.column;
}

// Puts the error CPython would raise first, the others after in source order.
std::vector<SyntaxError> MergeErrors(std::vector<SyntaxError> lexer,
                                     std::vector<SyntaxError> parser) {
  std::vector<SyntaxError> all;
  all.reserve(lexer.size() + parser.size());
  if (parser.empty() || lexer.empty()) {
    all = lexer.empty() ? std::move(parser) : std::move(lexer);
    return all;
  }
  const SyntaxError& first_parser = parser.front();
  size_t chosen = lexer.size();
  for (size_t i = 0; i < lexer.size(); ++i) {
    const SyntaxError& e = lexer[i];
    bool unclosed = e.message.find("was never closed") != std::string::npos;
    // An unclosed bracket explains a parser error on a later line, or one
    // where the parser ran on into the bracket's missing end.
    bool explains = unclosed && Before(e, first_parser) &&
                    (e.line < first_parser.line ||
                     first_parser.message == "invalid syntax. Perhaps you forgot a comma?");
    if ((!unclosed && !Before(first_parser, e)) || explains ||
        (!unclosed && LexerErrorOverridesParser(e))) {
      chosen = i;
      break;
    }
  }
  std::vector<SyntaxError> rest;
  for (size_t i = 0; i < lexer.size(); ++i) {
    if (i != chosen) rest.push_back(std::move(lexer[i]));
  }
  size_t parser_start = 0;
  if (chosen == lexer.size()) {
    all.push_back(std::move(parser.front()));
    parser_start = 1;
  } else {
    all.push_back(std::move(lexer[chosen]));
  }
  for (size_t i = parser_start; i < parser.size(); ++i) rest.push_back(std::move(parser[i]));
  std::stable_sort(rest.begin(), rest.end(), Before);
  for (auto& e : rest) all.push_back(std::move(e));
  return all;
}

}  // namespace

std::unique_ptr<ParsedModule> Parse(SourceText source, const ParseOptions& options) {
  auto parsed = std::make_unique<ParsedModule>();
  parsed->source = std::move(source);
  TokenizedSource tokenized = Tokenize(parsed->source);
  parsed->tokens = std::move(tokenized.tokens);
  parsed->comments = std::move(tokenized.comments);
  if (parsed->tokens.empty() || parsed->tokens.back().kind != TokenKind::kEndMarker) {
    Token end;
    end.kind = TokenKind::kEndMarker;
    end.start = end.end = static_cast<uint32_t>(parsed->source.text().size());
    end.line = end.end_line = parsed->source.line_count() + 1;
    parsed->tokens.push_back(end);
  }
  internal::Parser parser(*parsed, options);
  parsed->module = parser.ParseModule();
  std::vector<SyntaxError> lexer_errors = std::move(tokenized.errors);
  if (parsed->source.error()) lexer_errors.insert(lexer_errors.begin(), *parsed->source.error());
  parsed->errors = MergeErrors(std::move(lexer_errors), std::move(parser.errors()));
  return parsed;
}

}  // namespace dsaudit::python
