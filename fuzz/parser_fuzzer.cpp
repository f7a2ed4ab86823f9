// Parsing arbitrary bytes must never crash or hang, must always produce a
// module, and every node of the (possibly partial) tree must be reachable
// and positioned inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "frontend/python/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using dsaudit::python::Node;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto parsed = dsaudit::python::Parse(dsaudit::python::SourceText::FromBytes(bytes));
  if (parsed->module == nullptr) std::abort();
  // An explicit stack: the tree may be as deep as the parser's limits allow.
  std::vector<Node*> pending = {parsed->module};
  uint32_t last_line = parsed->source.line_count() + 1;
  while (!pending.empty()) {
    Node* node = pending.back();
    pending.pop_back();
    if (node->pos.line > last_line || node->pos.end_line > last_line) std::abort();
    dsaudit::python::ForEachChild(node, [&](Node* child) { pending.push_back(child); });
  }
  return 0;
}
