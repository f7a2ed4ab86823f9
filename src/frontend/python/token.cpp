#include "frontend/python/token.h"

namespace dsaudit::python {

std::string_view TokenKindName(TokenKind kind) {
  switch (kind) {
#define DSAUDIT_TOKEN_NAME(name, spelling) \
  case TokenKind::k##name:                 \
    return #name;
    DSAUDIT_PYTHON_TOKENS(DSAUDIT_TOKEN_NAME)
#undef DSAUDIT_TOKEN_NAME
  }
  return "?";
}

std::string_view TokenSpelling(TokenKind kind) {
  switch (kind) {
#define DSAUDIT_TOKEN_SPELLING(name, spelling) \
  case TokenKind::k##name:                     \
    return spelling;
    DSAUDIT_PYTHON_TOKENS(DSAUDIT_TOKEN_SPELLING)
#undef DSAUDIT_TOKEN_SPELLING
  }
  return "";
}

}  // namespace dsaudit::python
