#include "semantic/qualified_name.h"

namespace dsaudit::semantic {
namespace {

// Matches `piece` at the front of `rest` (after a '.' unless it is the first
// piece) and advances `rest`; false on a mismatch.
bool ConsumePiece(std::string_view piece, bool first, std::string_view& rest) {
  if (!first) {
    if (rest.empty() || rest.front() != '.') return false;
    rest.remove_prefix(1);
  }
  if (!rest.starts_with(piece)) return false;
  rest.remove_prefix(piece.size());
  return true;
}

// Whether `rest` is a whole-segment prefix of `piece`, i.e. ends inside it at
// a '.' boundary or at its end.
bool EndsInside(std::string_view piece, bool first, std::string_view rest) {
  if (!first) {
    if (rest.empty()) return true;
    if (rest.front() != '.') return false;
    rest.remove_prefix(1);
  }
  if (rest.size() > piece.size() || !piece.starts_with(rest)) return false;
  return rest.size() == piece.size() || piece[rest.size()] == '.';
}

}  // namespace

bool QualifiedName::AddMember(std::string_view member) {
  if (size_ == kMaxMembers) return false;
  members_[size_++] = member;
  return true;
}

bool QualifiedName::operator==(std::string_view dotted) const {
  if (!ConsumePiece(head_, true, dotted)) return false;
  for (size_t i = 0; i < size_; ++i) {
    if (!ConsumePiece(members_[i], false, dotted)) return false;
  }
  return dotted.empty();
}

bool QualifiedName::StartsWith(std::string_view dotted) const {
  if (dotted.empty()) return true;
  if (dotted.size() <= head_.size()) return EndsInside(head_, true, dotted);
  if (!ConsumePiece(head_, true, dotted)) return false;
  for (size_t i = 0; i < size_; ++i) {
    if (dotted.empty()) return true;
    if (dotted.size() <= members_[i].size() + 1) return EndsInside(members_[i], false, dotted);
    if (!ConsumePiece(members_[i], false, dotted)) return false;
  }
  return dotted.empty();
}

std::string_view QualifiedName::LastSegment() const {
  if (size_ > 0) return members_[size_ - 1];
  size_t dot = head_.rfind('.');
  return dot == std::string_view::npos ? head_ : head_.substr(dot + 1);
}

std::string QualifiedName::ToString() const {
  std::string result(head_);
  for (size_t i = 0; i < size_; ++i) {
    result += '.';
    result += members_[i];
  }
  return result;
}

}  // namespace dsaudit::semantic
