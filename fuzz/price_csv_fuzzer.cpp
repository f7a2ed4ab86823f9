// Any bytes, read as a user's `--prices` CSV and as a load report for
// `dsaudit plan`, must never crash or read out of bounds; an accepted table
// must convert to USD or say which row cannot.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "cost/price_csv.h"
#include "plan/load_figures.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace cost = dsaudit::cost;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<cost::PriceRow> rows;
  std::string error;
  if (cost::ParsePriceCsv(bytes, "fuzz.csv", &rows, &error)) {
    cost::PriceTable table;
    if (!cost::BuildPriceTable(rows, &table, &error) && error.rfind("fuzz.csv:", 0) != 0) std::abort();
  } else if (error.rfind("fuzz.csv", 0) != 0 || !rows.empty()) {
    std::abort();
  }
  dsaudit::plan::LoadFigures figures;
  if (dsaudit::plan::ReadLoadFigures(bytes, &figures, &error) && !(figures.peak_rps >= 0)) std::abort();
  return 0;
}
