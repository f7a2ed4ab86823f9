#include "audit/secrets/redact.h"

#include <algorithm>

namespace dsaudit::audit::secrets {

std::string Redact(std::string_view secret) {
  size_t shown = std::min<size_t>(4, secret.size() / 4);
  // Never cut a UTF-8 sequence: back off to the start of a character.
  while (shown > 0 && shown < secret.size() &&
         (static_cast<unsigned char>(secret[shown]) & 0xC0) == 0x80) {
    --shown;
  }
  size_t hidden = 0;
  for (size_t i = shown; i < secret.size(); ++i) {
    hidden += (static_cast<unsigned char>(secret[i]) & 0xC0) != 0x80;
  }
  std::string out(secret.substr(0, shown));
  out.append(std::min<size_t>(hidden, 32), '*');
  return out;
}

}  // namespace dsaudit::audit::secrets
