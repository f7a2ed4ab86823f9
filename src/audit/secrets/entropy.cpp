#include "audit/secrets/entropy.h"

#include <array>
#include <cmath>

namespace dsaudit::audit::secrets {

double ShannonEntropy(std::string_view text) {
  if (text.empty()) return 0;
  std::array<uint32_t, 256> counts{};
  for (unsigned char c : text) ++counts[c];
  double entropy = 0;
  const double size = static_cast<double>(text.size());
  for (uint32_t count : counts) {
    if (count == 0) continue;
    double p = count / size;
    entropy -= p * std::log2(p);
  }
  return entropy;
}

int CharacterClasses(std::string_view text) {
  bool lower = false, upper = false, digit = false, other = false;
  for (unsigned char c : text) {
    if (c >= 'a' && c <= 'z') {
      lower = true;
    } else if (c >= 'A' && c <= 'Z') {
      upper = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else {
      other = true;
    }
  }
  return lower + upper + digit + other;
}

}  // namespace dsaudit::audit::secrets
