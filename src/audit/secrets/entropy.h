// Shannon entropy of a candidate secret: how a generic `api_key = "..."`
// value is told from a word or a placeholder, as gitleaks does.
#pragma once

#include <string_view>

namespace dsaudit::audit::secrets {

// Bits per byte, 0 for an empty string; a random base64 string of 40 bytes
// scores about 5, an English word about 2.5 to 3.
double ShannonEntropy(std::string_view text);

// How many of lower case, upper case, digits and other printable characters
// the text uses (0 to 4).
int CharacterClasses(std::string_view text);

}  // namespace dsaudit::audit::secrets
