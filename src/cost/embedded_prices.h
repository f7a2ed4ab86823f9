// The files of data/prices/, compiled into the binary so that dsaudit never
// depends on where it is installed: the build generates the definition
// (cmake/embed_prices.cmake) from the CSV files themselves.
#pragma once

#include <span>
#include <string_view>

namespace dsaudit::cost {

struct EmbeddedFile {
  std::string_view name;  // "data/prices/aws.csv"
  std::string_view text;
};

// In file-name order.
std::span<const EmbeddedFile> EmbeddedPriceFiles();

}  // namespace dsaudit::cost
