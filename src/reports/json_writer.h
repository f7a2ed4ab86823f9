// The one JSON emitter behind the json, sarif and gitlab reports: two-space
// indented, keys in the order written, strings always valid UTF-8.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dsaudit::reports {

// Invalid UTF-8 becomes U+FFFD, one per maximal invalid subpart (as CPython's
// errors="replace" and the Unicode standard recommend), so paths and messages
// from undecodable files never produce a report a consumer rejects.
std::string ReplaceInvalidUtf8(std::string_view text);

// Appends `text` as a quoted JSON string (RFC 8259 escaping).
void AppendJsonString(std::string& out, std::string_view text);

class JsonWriter {
 public:
  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);
  void String(std::string_view value);
  void Number(uint64_t value);
  // The shortest text that reads back as `value` (0.1, 27.92, 3); null when
  // not finite, which JSON cannot spell.
  void Double(double value);
  void Bool(bool value);
  void Null();
  // The finished document, with a trailing newline.
  std::string Finish();

 private:
  void BeforeValue();
  void Open(char bracket);
  void Close(char bracket);
  void NewLine();

  std::string out_;
  std::vector<bool> container_has_items_;
  bool after_key_ = false;
};

}  // namespace dsaudit::reports
