// The fully qualified name of an expression, resolved through imports.
//
// A value type that allocates nothing: the head is the dotted name an import
// binding stands for (stored in the model), the members are the attribute
// names of the expression (views into the AST). Checks compare it with dotted
// strings many times per file, so comparison works segment by segment instead
// of building the joined string.
//
// Conventions: builtins resolve under "builtins" (`print` -> "builtins.print";
// ruff spells this ["", "print"]); relative imports keep their leading dots
// (`from .utils import f; f` -> ".utils.f").
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace dsaudit::semantic {

class QualifiedName {
 public:
  static constexpr size_t kMaxMembers = 15;

  explicit QualifiedName(std::string_view head) : head_(head) {}

  // Appends an attribute name; false (and unchanged) when already full.
  bool AddMember(std::string_view member);

  std::string_view head() const { return head_; }
  std::span<const std::string_view> members() const { return {members_.data(), size_}; }

  // Whether the joined name equals `dotted` ("pandas.read_csv").
  bool operator==(std::string_view dotted) const;
  // Whether `dotted` is a whole-segment prefix: "os.path" is a prefix of
  // "os.path.join" but "os.pa" is not.
  bool StartsWith(std::string_view dotted) const;
  // The last segment ("read_csv" of "pandas.read_csv").
  std::string_view LastSegment() const;
  std::string ToString() const;

 private:
  std::string_view head_;
  std::array<std::string_view, kMaxMembers> members_{};
  size_t size_ = 0;
};

}  // namespace dsaudit::semantic
