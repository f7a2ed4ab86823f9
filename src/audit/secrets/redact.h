// The only form in which a secret may reach a message: its first characters
// and a mask. Every report format prints the message as is, so redacting here
// is what keeps secrets out of text, JSON, SARIF, GitLab and HTML alike.
#pragma once

#include <string>
#include <string_view>

namespace dsaudit::audit::secrets {

// At most 4 leading characters and never more than a quarter of the secret
// (a short weak password keeps one character at most), then one `*` per hidden
// character, capped at 32: `AKIAZZZZFAKEKEY23456` -> `AKIA****************`.
std::string Redact(std::string_view secret);

}  // namespace dsaudit::audit::secrets
