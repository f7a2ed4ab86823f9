// A baseline: findings already known and accepted, so that CI fails only on
// new ones. The file is the JSON report of an earlier run (`dsaudit audit
// --format json`, or `dsaudit check --format json`); its findings'
// fingerprints are what is accepted, so nothing else in it matters and no
// secret needs to be stored in it.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "findings/finding.h"

namespace dsaudit::audit::secrets {

// The fingerprints of the report at `path`: an object with a "findings" list
// or a bare list of findings. False, with a message, when the file cannot be
// read or holds neither.
bool LoadBaseline(const std::string& path, std::unordered_set<std::string>* fingerprints,
                  std::string* error);

// Drops the findings whose fingerprint the baseline holds; returns how many.
size_t ApplyBaseline(std::vector<Finding>& findings,
                     const std::unordered_set<std::string>& fingerprints);

}  // namespace dsaudit::audit::secrets
