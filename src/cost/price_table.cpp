#include "cost/price_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "cost/embedded_prices.h"
#include "cost/price_csv.h"

namespace dsaudit::cost {
namespace {

// Egress and storage rows normalised to TB (decimal, as providers bill).
double PerTb(const PriceRow& row) {
  return row.unit == "gb" || row.unit == "gb-month" ? row.price * 1000 : row.price;
}

double IncludedTb(const PriceRow& row) {
  return row.unit == "gb" || row.unit == "gb-month" ? row.included / 1000 : row.included;
}

InstancePrice ToInstance(const PriceRow& row, double usd_rate) {
  double hours = row.unit == "month" ? kHoursPerMonth : 1;
  return InstancePrice{.provider = row.provider,
                       .region = row.region,
                       .type = row.item,
                       .vcpus = row.vcpus,
                       .memory_gib = row.memory_gib,
                       .gpus = row.gpus,
                       .gpu_model = row.gpu_model,
                       .database = row.kind == PriceKind::kDatabase,
                       .burstable = row.kind == PriceKind::kBurstable,
                       .usd_per_hour = row.price * usd_rate / hours,
                       .included_egress_tb = row.included,
                       .list_price = row.price,
                       .currency = row.currency,
                       .unit = row.unit,
                       .source = row.source,
                       .date = row.date};
}

UsagePrice ToUsage(const PriceRow& row, double usd_rate) {
  return UsagePrice{.provider = row.provider,
                    .region = row.region,
                    .item = row.item,
                    .usd_per_tb = PerTb(row) * usd_rate,
                    .included_tb = IncludedTb(row),
                    .list_price = row.price,
                    .currency = row.currency,
                    .unit = row.unit,
                    .source = row.source,
                    .date = row.date};
}

// Replaces the first element `same` as `value`, or appends `value`.
template <class T, class Same>
void ReplaceOrAppend(std::vector<T>& values, const T& value, Same same) {
  auto at = std::find_if(values.begin(), values.end(), [&](const T& v) { return same(v, value); });
  if (at == values.end()) {
    values.push_back(value);
  } else {
    *at = value;
  }
}

std::vector<PriceRow> ParseShippedRows() {
  std::vector<PriceRow> rows;
  for (const EmbeddedFile& file : EmbeddedPriceFiles()) {
    std::string error;
    // The shipped files are tested (price_table_test.cpp), so this is a
    // broken build, not a user's mistake.
    if (!ParsePriceCsv(file.text, file.name, &rows, &error)) throw std::logic_error(error);
  }
  return rows;
}

}  // namespace

bool BuildPriceTable(const std::vector<PriceRow>& rows, PriceTable* table, std::string* error) {
  PriceTable built;
  built.rates.push_back({.currency = "USD", .usd = 1, .source = "", .date = ""});
  for (const PriceRow& row : rows) {
    if (row.kind != PriceKind::kCurrency) continue;
    ReplaceOrAppend(
        built.rates,
        CurrencyRate{
            .currency = row.item, .usd = row.price, .source = row.source, .date = row.date},
        [](const CurrencyRate& a, const CurrencyRate& b) { return a.currency == b.currency; });
  }
  for (const PriceRow& row : rows) {
    if (row.kind == PriceKind::kCurrency) continue;
    auto rate = std::find_if(built.rates.begin(), built.rates.end(),
                             [&](const CurrencyRate& r) { return r.currency == row.currency; });
    if (rate == built.rates.end()) {
      *error = fmt::format(
          "{}:{}: no conversion rate from {} to USD (add a row: kind fx, item {}, "
          "price in USD, currency USD, unit rate)",
          row.file, row.line, row.currency, row.currency);
      return false;
    }
    switch (row.kind) {
      case PriceKind::kCompute:
      case PriceKind::kBurstable:
      case PriceKind::kDatabase:
        built.instances.push_back(ToInstance(row, rate->usd));
        break;
      case PriceKind::kEgress:
        built.egress.push_back(ToUsage(row, rate->usd));
        break;
      case PriceKind::kStorage:
        built.storage.push_back(ToUsage(row, rate->usd));
        break;
      case PriceKind::kCurrency:
        break;
    }
  }
  *table = std::move(built);
  return true;
}

void OverlayPriceRows(std::vector<PriceRow>& base, const std::vector<PriceRow>& overlay) {
  for (const PriceRow& row : overlay) {
    ReplaceOrAppend(base, row, [](const PriceRow& a, const PriceRow& b) {
      return a.provider == b.provider && a.region == b.region && a.kind == b.kind &&
             a.item == b.item;
    });
  }
}

const std::vector<PriceRow>& ShippedPriceRows() {
  static const std::vector<PriceRow> rows = ParseShippedRows();
  return rows;
}

const PriceTable& ShippedPrices() {
  static const PriceTable table = [] {
    PriceTable built;
    std::string error;
    if (!BuildPriceTable(ShippedPriceRows(), &built, &error)) throw std::logic_error(error);
    return built;
  }();
  return table;
}

}  // namespace dsaudit::cost
