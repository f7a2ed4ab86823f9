#include "checks/security/security_util.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace dsaudit::checks::security {
namespace {

uint32_t CharacterCount(std::string_view text) {
  return static_cast<uint32_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Byte length of the first `count` UTF-8 characters.
size_t PrefixBytes(std::string_view text, uint32_t count) {
  size_t at = 0;
  for (uint32_t seen = 0; at < text.size(); ++at) {
    if ((text[at] & 0xC0) != 0x80 && seen++ == count) break;
  }
  return at;
}

Truthiness Negate(Truthiness value) {
  switch (value) {
    case Truthiness::kTrue: return Truthiness::kFalse;
    case Truthiness::kFalse: return Truthiness::kTrue;
    case Truthiness::kTruthy: return Truthiness::kFalsey;
    case Truthiness::kFalsey:
    case Truthiness::kNone: return Truthiness::kTruthy;
    case Truthiness::kUnknown: return Truthiness::kUnknown;
  }
  return Truthiness::kUnknown;
}

Truthiness ConstantTruthiness(const python::ConstantValue& value) {
  using python::ConstantKind;
  switch (value.kind) {
    case ConstantKind::kNone: return Truthiness::kNone;
    case ConstantKind::kTrue: return Truthiness::kTrue;
    case ConstantKind::kFalse: return Truthiness::kFalse;
    case ConstantKind::kEllipsis: return Truthiness::kTruthy;
    case ConstantKind::kStr:
    case ConstantKind::kBytes: return value.text.empty() ? Truthiness::kFalsey : Truthiness::kTruthy;
    case ConstantKind::kFloat:
    case ConstantKind::kComplex: return value.number == 0 ? Truthiness::kFalsey : Truthiness::kTruthy;
    case ConstantKind::kInt: {
      // "0", "00", "0x0", "0b0", "0o0": every digit after the prefix is 0.
      std::string_view digits = value.text;
      if (digits.size() > 2 && digits[0] == '0' && std::isalpha(static_cast<unsigned char>(digits[1]))) {
        digits.remove_prefix(2);
      }
      bool zero = std::all_of(digits.begin(), digits.end(), [](char c) { return c == '0'; });
      return zero ? Truthiness::kFalsey : Truthiness::kTruthy;
    }
  }
  return Truthiness::kUnknown;
}

// A list, tuple or set display: empty is falsey, one plain element truthy.
Truthiness SequenceTruthiness(std::span<python::Expr*> elements) {
  if (elements.empty()) return Truthiness::kFalsey;
  bool plain = std::any_of(elements.begin(), elements.end(),
                           [](const python::Expr* e) { return !python::Isa<python::Starred>(e); });
  return plain ? Truthiness::kTruthy : Truthiness::kUnknown;
}

}  // namespace

const python::Keyword* FindKeyword(const python::Call& call, std::string_view name) {
  for (const python::Keyword* keyword : call.keywords) {
    if (!keyword->arg.empty() && keyword->arg == name) return keyword;
  }
  return nullptr;
}

bool HasDoubleStarKeywords(const python::Call& call) {
  return std::any_of(call.keywords.begin(), call.keywords.end(),
                     [](const python::Keyword* keyword) { return keyword->arg.empty(); });
}

const python::Expr* FindArgument(const python::Call& call, std::string_view name,
                                 size_t position) {
  if (const python::Keyword* keyword = FindKeyword(call, name)) return keyword->value;
  for (size_t i = 0; i < call.args.size(); ++i) {
    if (python::Isa<python::Starred>(call.args[i])) return nullptr;
    if (i == position) return call.args[i];
  }
  return nullptr;
}

std::optional<std::string_view> StringLiteral(const python::Node* expr) {
  const auto* constant = python::DynCast<python::Constant>(expr);
  if (constant == nullptr || constant->value.kind != python::ConstantKind::kStr) return std::nullopt;
  return constant->value.text;
}

bool IsConstTrue(const python::Node* expr) {
  const auto* constant = python::DynCast<python::Constant>(expr);
  return constant != nullptr && constant->value.kind == python::ConstantKind::kTrue;
}

bool IsConstFalse(const python::Node* expr) {
  const auto* constant = python::DynCast<python::Constant>(expr);
  return constant != nullptr && constant->value.kind == python::ConstantKind::kFalse;
}

bool IsConstNone(const python::Node* expr) {
  const auto* constant = python::DynCast<python::Constant>(expr);
  return constant != nullptr && constant->value.kind == python::ConstantKind::kNone;
}

Truthiness TruthinessOf(const python::Expr* expr, const semantic::SemanticModel& model) {
  switch (expr->kind) {
    case python::NodeKind::kConstant:
      return ConstantTruthiness(static_cast<const python::Constant*>(expr)->value);
    case python::NodeKind::kJoinedStr: {
      const auto* joined = static_cast<const python::JoinedStr*>(expr);
      if (joined->values.empty()) return Truthiness::kFalsey;
      for (const python::Expr* part : joined->values) {
        std::optional<std::string_view> text = StringLiteral(part);
        if (text && !text->empty()) return Truthiness::kTruthy;
      }
      return Truthiness::kUnknown;
    }
    case python::NodeKind::kList:
      return SequenceTruthiness(static_cast<const python::List*>(expr)->elts);
    case python::NodeKind::kTuple:
      return SequenceTruthiness(static_cast<const python::Tuple*>(expr)->elts);
    case python::NodeKind::kSet:
      return SequenceTruthiness(static_cast<const python::Set*>(expr)->elts);
    case python::NodeKind::kDict: {
      const auto* dict = static_cast<const python::Dict*>(expr);
      if (dict->keys.empty()) return Truthiness::kFalsey;
      bool plain = std::any_of(dict->keys.begin(), dict->keys.end(),
                               [](const python::Expr* key) { return key != nullptr; });
      return plain ? Truthiness::kTruthy : Truthiness::kUnknown;
    }
    case python::NodeKind::kUnaryOp: {
      const auto* unary = static_cast<const python::UnaryOp*>(expr);
      if (unary->op != python::UnaryOperator::kNot) return Truthiness::kUnknown;
      return Negate(TruthinessOf(unary->operand, model));
    }
    case python::NodeKind::kCall: {
      // list(), dict(), ... of builtins are empty.
      const auto* call = static_cast<const python::Call*>(expr);
      if (!call->args.empty() || !call->keywords.empty()) return Truthiness::kUnknown;
      for (std::string_view empty : {"builtins.list", "builtins.dict", "builtins.set",
                                     "builtins.tuple", "builtins.frozenset", "builtins.str",
                                     "builtins.bytes", "builtins.int", "builtins.float",
                                     "builtins.bool", "builtins.complex"}) {
        if (model.Matches(call->func, empty)) return Truthiness::kFalsey;
      }
      return Truthiness::kUnknown;
    }
    default:
      return Truthiness::kUnknown;
  }
}

bool MatchesPasswordName(std::string_view name) {
  static const RE2 kPassword(R"((^|_)(?i)(pas+wo?r?d|pass(phrase)?|pwd|token|secrete?)($|_))");
  return RE2::PartialMatch(name, kPassword);
}

std::optional<std::string_view> PasswordTarget(const python::Expr* target) {
  std::string_view name;
  if (const auto* plain = python::DynCast<python::Name>(target)) {
    name = plain->id;
  } else if (const auto* attribute = python::DynCast<python::Attribute>(target)) {
    name = attribute->attr;
  } else if (const auto* subscript = python::DynCast<python::Subscript>(target)) {
    std::optional<std::string_view> key = StringLiteral(subscript->slice);
    if (!key) return std::nullopt;
    name = *key;
  } else {
    return std::nullopt;
  }
  if (!MatchesPasswordName(name)) return std::nullopt;
  return name;
}

bool IsWeakPassword(std::string_view value) {
  // The top of the published most-common-password lists (SplashData,
  // NordPass, NCSC's 100k list), plus vendor defaults.
  static constexpr std::array<std::string_view, 40> kWeak = {
      "123456",    "12345678",  "123456789", "1234567890", "12345",    "1234",     "111111",
      "1234567",   "123123",    "000000",    "654321",     "password", "password1", "passw0rd",
      "p@ssw0rd",  "qwerty",    "qwerty123", "1q2w3e4r",   "abc123",   "admin",    "admin123",
      "administrator", "root",  "toor",      "letmein",    "changeme", "welcome",  "welcome1",
      "monkey",    "dragon",    "iloveyou",  "trustno1",   "master",   "secret",   "default",
      "guest",     "test",      "test123",   "hunter2",    "pass"};
  std::string lower(value);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(kWeak.begin(), kWeak.end(), lower) != kWeak.end();
}

std::string Redact(std::string_view secret) {
  std::string_view shown = secret.substr(0, PrefixBytes(secret, 2));
  uint32_t length = CharacterCount(secret);
  return fmt::format("\"{}…\" ({} character{})", shown, length, length == 1 ? "" : "s");
}

const python::Expr* AssignedValue(const python::Node* name, const semantic::SemanticModel& model) {
  if (!python::Isa<python::Name>(name)) return nullptr;
  semantic::BindingId id = model.ResolveName(name);
  if (id == semantic::kNoId) return nullptr;
  const semantic::Binding& binding = model.binding(id);
  if (binding.Is(semantic::binding_flags::kUnpacked)) return nullptr;
  if (const auto* assign = python::DynCast<python::Assign>(binding.statement)) return assign->value;
  if (const auto* annotated = python::DynCast<python::AnnAssign>(binding.statement)) {
    return annotated->value;
  }
  return nullptr;
}

const python::If* FindMainGuard(const python::Module& module) {
  for (const python::Stmt* statement : module.body) {
    const auto* branch = python::DynCast<python::If>(statement);
    if (branch == nullptr) continue;
    const auto* compare = python::DynCast<python::Compare>(branch->test);
    if (compare == nullptr || compare->comparators.size() != 1) continue;
    const python::Node* left = compare->left;
    const python::Node* right = compare->comparators[0];
    if (python::Isa<python::Constant>(left)) std::swap(left, right);
    const auto* name = python::DynCast<python::Name>(left);
    std::optional<std::string_view> text = StringLiteral(right);
    if (name != nullptr && name->id == "__name__" && text && *text == "__main__") return branch;
  }
  return nullptr;
}

}  // namespace dsaudit::checks::security
