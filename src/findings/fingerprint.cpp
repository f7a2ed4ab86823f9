#include "findings/fingerprint.h"

#include <fmt/format.h>

namespace dsaudit {
namespace {

constexpr uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

class Fnv1a {
 public:
  void Add(char c) {
    hash_ ^= static_cast<unsigned char>(c);
    hash_ *= kFnvPrime;
  }
  void Add(std::string_view text) {
    for (char c : text) Add(c);
  }
  uint64_t hash() const { return hash_; }

 private:
  uint64_t hash_ = kFnvOffsetBasis;
};

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void AddNormalizedLine(Fnv1a& fnv, std::string_view line) {
  bool pending_space = false;
  bool any = false;
  for (char c : line) {
    if (IsSpace(c)) {
      pending_space = any;
      continue;
    }
    if (pending_space) fnv.Add(' ');
    pending_space = false;
    any = true;
    fnv.Add(c);
  }
}

}  // namespace

std::string ComputeFingerprint(std::string_view code, std::string_view path,
                               std::string_view line_text, uint32_t occurrence) {
  Fnv1a fnv;
  fnv.Add(code);
  fnv.Add('\0');
  fnv.Add(path);
  fnv.Add('\0');
  AddNormalizedLine(fnv, line_text);
  fnv.Add('\0');
  fnv.Add(fmt::format("{}", occurrence));
  return fmt::format("{:016x}", fnv.hash());
}

}  // namespace dsaudit
