// Reading a price CSV (data/prices/*.csv, or a user's `--prices` file).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cost/price_table.h"

namespace dsaudit::cost {

// Appends the rows of `text` to `rows`. Lines starting with '#' and blank
// lines are skipped; the first other line is the header, whose columns may
// come in any order. Fields may be double-quoted ("" for a quote). On the
// first malformed line returns false with `error` as "FILE:LINE: message"
// and appends nothing.
bool ParsePriceCsv(std::string_view text, std::string_view file, std::vector<PriceRow>* rows,
                   std::string* error);

// YYYY-MM or YYYY-MM-DD, month 01-12, day 01-31.
bool IsPriceDate(std::string_view text);

}  // namespace dsaudit::cost
