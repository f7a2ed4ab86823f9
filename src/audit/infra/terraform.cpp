#include "audit/infra/terraform.h"

#include <fmt/format.h>

#include <cctype>

namespace dsaudit::audit {
namespace {

// Nesting deeper than this is not Terraform anyone writes; refusing it keeps
// the recursion bounded on hostile input.
constexpr int kMaxDepth = 64;

class TfParser {
 public:
  explicit TfParser(std::string_view text) : text_(text) {}

  std::vector<TfBlock> ParseFile() {
    TfBlock root;
    ParseBody(root, 0);
    if (!AtEnd()) Fail("unexpected '}'");
    return std::move(root.blocks);
  }
  const std::string& error() const { return error_; }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek(size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }

  void Fail(const std::string& message) {
    if (!error_.empty()) return;
    uint32_t line = 1;
    for (size_t i = 0; i < pos_ && i < text_.size(); ++i) line += text_[i] == '\n';
    error_ = fmt::format("line {}: {}", line, message);
    pos_ = text_.size();
  }

  // Spaces and comments; newlines too when `newlines`.
  void SkipSpace(bool newlines) {
    while (!AtEnd()) {
      char c = Peek();
      if (c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n')) {
        ++pos_;
      } else if (c == '#' || (c == '/' && Peek(1) == '/')) {
        while (!AtEnd() && Peek() != '\n') ++pos_;
      } else if (c == '/' && Peek(1) == '*') {
        size_t close = text_.find("*/", pos_ + 2);
        pos_ = close == std::string_view::npos ? text_.size() : close + 2;
      } else {
        return;
      }
    }
  }

  static bool IsIdentifierChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  }

  std::string_view Identifier() {
    size_t begin = pos_;
    while (!AtEnd() && IsIdentifierChar(Peek())) ++pos_;
    return text_.substr(begin, pos_ - begin);
  }

  // A quoted string starting at pos_ ('"'); returns its decoded content.
  // Interpolations `${...}` may hold strings of their own.
  std::string QuotedString(bool* interpolated, int depth) {
    std::string out;
    ++pos_;
    while (!AtEnd()) {
      char c = Peek();
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (c == '\n') break;
      if (c == '\\' && pos_ + 1 < text_.size()) {
        char next = text_[pos_ + 1];
        out += next == 'n' ? '\n' : next == 't' ? '\t' : next;
        pos_ += 2;
        continue;
      }
      if ((c == '$' || c == '%') && Peek(1) == '{') {
        *interpolated = true;
        pos_ += 2;
        SkipExpression('}', depth + 1);
        if (Peek() == '}') ++pos_;
        continue;
      }
      out += c;
      ++pos_;
    }
    Fail("unterminated string");
    return out;
  }

  // <<EOF ... EOF (or <<-EOF, indented closing marker).
  void Heredoc() {
    pos_ += 2;
    if (Peek() == '-') ++pos_;
    std::string_view marker = Identifier();
    if (marker.empty()) return Fail("heredoc without a marker");
    while (!AtEnd()) {
      size_t line_end = text_.find('\n', pos_);
      if (line_end == std::string_view::npos) break;
      pos_ = line_end + 1;
      size_t next_end = text_.find('\n', pos_);
      std::string_view line = text_.substr(pos_, (next_end == std::string_view::npos ? text_.size() : next_end) - pos_);
      size_t first = line.find_first_not_of(" \t");
      if (first != std::string_view::npos) {
        std::string_view word = line.substr(first);
        while (!word.empty() && (word.back() == '\r' || word.back() == ' ')) word.remove_suffix(1);
        if (word == marker) {
          pos_ += line.size();
          return;
        }
      }
    }
    Fail("unterminated heredoc");
  }

  // Skips an expression up to `stop` at bracket depth 0 (not consumed); at
  // depth 0 a newline ends it too when `stop` is '\n'.
  void SkipExpression(char stop, int depth) {
    if (depth > kMaxDepth) return Fail("expression nested too deeply");
    int brackets = 0;
    while (!AtEnd()) {
      char c = Peek();
      if (brackets == 0 && (c == stop || (stop == '\n' && c == '}'))) return;
      if (c == '\n' && brackets == 0 && stop != '}') return;
      if (c == '"') {
        bool ignored = false;
        QuotedString(&ignored, depth);
        continue;
      }
      if (c == '<' && Peek(1) == '<' && (std::isalpha(static_cast<unsigned char>(Peek(2))) || Peek(2) == '-')) {
        Heredoc();
        continue;
      }
      if (c == '#' || (c == '/' && (Peek(1) == '/' || Peek(1) == '*'))) {
        SkipSpace(false);
        continue;
      }
      if (c == '(' || c == '[' || c == '{') ++brackets;
      if (c == ')' || c == ']' || c == '}') {
        if (brackets == 0) return;
        --brackets;
      }
      ++pos_;
    }
  }

  TfValue Value(int depth) {
    TfValue value;
    value.begin = pos_;
    if (Peek() == '"') {
      bool interpolated = false;
      std::string text = QuotedString(&interpolated, depth);
      size_t after = pos_;
      SkipSpace(false);
      if (AtEnd() || Peek() == '\n' || Peek() == '}' || Peek() == ',') {
        value.literal = !interpolated;
        value.text = std::move(text);
        pos_ = after;
      } else {
        SkipExpression('\n', depth);  // "a" == b ? ... : ...
      }
    } else {
      SkipExpression('\n', depth);
    }
    value.end = pos_;
    while (value.end > value.begin && std::isspace(static_cast<unsigned char>(text_[value.end - 1]))) {
      --value.end;
    }
    value.raw = std::string(text_.substr(value.begin, value.end - value.begin));
    if (!value.literal && !value.raw.empty() && value.raw.front() != '"') {
      bool number = value.raw.find_first_not_of("0123456789.-") == std::string::npos;
      if (number || value.raw == "true" || value.raw == "false") {
        value.literal = true;
        value.text = value.raw;
      }
    }
    return value;
  }

  void ParseBody(TfBlock& parent, int depth) {
    if (depth > kMaxDepth) return Fail("blocks nested too deeply");
    while (true) {
      SkipSpace(true);
      if (AtEnd() || Peek() == '}') return;
      size_t begin = pos_;
      std::string_view name = Identifier();
      if (name.empty()) return Fail(fmt::format("unexpected '{}'", Peek()));
      SkipSpace(false);
      if (Peek() == '=' && Peek(1) != '=') {
        ++pos_;
        SkipSpace(false);
        parent.attributes.emplace_back(std::string(name), Value(depth));
        continue;
      }
      TfBlock block;
      block.type = std::string(name);
      block.begin = begin;
      while (!AtEnd() && Peek() != '{') {
        if (Peek() == '"') {
          bool interpolated = false;
          block.labels.push_back(QuotedString(&interpolated, depth));
        } else {
          std::string_view label = Identifier();
          if (label.empty()) return Fail(fmt::format("expected '=' or '{{' after '{}'", name));
          block.labels.emplace_back(label);
        }
        SkipSpace(false);
      }
      if (AtEnd()) return Fail("unterminated block");
      block.header_end = ++pos_;
      ParseBody(block, depth + 1);
      if (Peek() != '}') return Fail(fmt::format("block '{}' is not closed", name));
      ++pos_;
      parent.blocks.push_back(std::move(block));
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::string error_;
};

}  // namespace

const TfValue* TfBlock::Attribute(std::string_view name) const {
  for (const auto& [key, value] : attributes) {
    if (key == name) return &value;
  }
  return nullptr;
}

std::vector<const TfBlock*> TfBlock::Blocks(std::string_view block_type) const {
  std::vector<const TfBlock*> out;
  for (const TfBlock& block : blocks) {
    if (block.type == block_type) out.push_back(&block);
  }
  return out;
}

std::vector<const TfBlock*> TfBlock::BlocksAt(std::initializer_list<std::string_view> path) const {
  std::vector<const TfBlock*> level = {this};
  for (std::string_view type : path) {
    std::vector<const TfBlock*> next;
    for (const TfBlock* block : level) {
      for (const TfBlock* child : block->Blocks(type)) next.push_back(child);
    }
    level = std::move(next);
  }
  return level;
}

std::string_view TfBlock::Label(size_t i) const { return i < labels.size() ? labels[i] : std::string_view(); }

TerraformFile ParseTerraformText(std::string_view text) {
  TfParser parser(text);
  TerraformFile out;
  out.blocks = parser.ParseFile();
  out.error = parser.error();
  return out;
}

TerraformFile ParseTerraform(const InventoryFile& file) {
  TerraformFile out = ParseTerraformText(file.text);
  out.file = &file;
  return out;
}

}  // namespace dsaudit::audit
