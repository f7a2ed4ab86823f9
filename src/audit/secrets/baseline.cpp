#include "audit/secrets/baseline.h"

#include <simdjson.h>

#include "base/file_io.h"

namespace dsaudit::audit::secrets {

bool LoadBaseline(const std::string& path, std::unordered_set<std::string>* fingerprints,
                  std::string* error) {
  std::string bytes, read_error;
  if (!ReadFileBytes(path, &bytes, &read_error)) {
    *error = "cannot read baseline " + path + ": " + read_error;
    return false;
  }
  simdjson::dom::parser parser;
  simdjson::dom::element document;
  if (parser.parse(bytes).get(document) != simdjson::SUCCESS) {
    *error = "baseline " + path + " is not valid JSON";
    return false;
  }
  simdjson::dom::array findings;
  if (document.get_array().get(findings) != simdjson::SUCCESS &&
      document["findings"].get_array().get(findings) != simdjson::SUCCESS) {
    *error = "baseline " + path + " holds no \"findings\" list (write it with --format json)";
    return false;
  }
  for (simdjson::dom::element finding : findings) {
    std::string_view fingerprint;
    if (finding["fingerprint"].get_string().get(fingerprint) == simdjson::SUCCESS) {
      fingerprints->emplace(fingerprint);
    }
  }
  return true;
}

size_t ApplyBaseline(std::vector<Finding>& findings,
                     const std::unordered_set<std::string>& fingerprints) {
  if (fingerprints.empty()) return 0;
  return std::erase_if(findings, [&](const Finding& finding) {
    return fingerprints.contains(finding.fingerprint);
  });
}

}  // namespace dsaudit::audit::secrets
