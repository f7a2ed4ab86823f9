// The one price table behind the audit's cost findings and `dsaudit plan`:
// the CSV files under data/prices/, embedded in the binary at build time and
// parsed once, optionally overlaid with a user's own CSV (`--prices`). Every
// price keeps its provider, region, currency, billing unit, source and date,
// so a report can say where a figure comes from and how old it is.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dsaudit::cost {

// The billing convention every figure uses: a month is 730 hours (8760 / 12),
// so a monthly price and an hourly price convert without calendar effects and
// a year is exactly twelve months.
inline constexpr double kHoursPerMonth = 730;
inline constexpr double kHoursPerYear = kHoursPerMonth * 12;

// kBurstable: a machine that earns CPU credits (AWS t3) and pays extra, or
// slows down, under sustained load; priced for the audit, not sized by plan.
enum class PriceKind { kCompute, kBurstable, kDatabase, kEgress, kStorage, kCurrency };

// One row of a price CSV as written (see data/prices/README.md).
struct PriceRow {
  std::string file;
  uint32_t line = 0;
  std::string provider;
  std::string region;
  PriceKind kind = PriceKind::kCompute;
  std::string item;
  uint32_t vcpus = 0;
  double memory_gib = 0;
  uint32_t gpus = 0;
  std::string gpu_model;
  double price = 0;
  std::string currency;  // ISO 4217: USD, EUR
  std::string unit;      // hour, month, gb, tb, gb-month, tb-month, rate
  double included = 0;   // infinity for "unlimited"
  std::string source;
  std::string date;  // YYYY-MM or YYYY-MM-DD
};

// A virtual machine, dedicated server or managed-database class.
struct InstancePrice {
  std::string provider;
  std::string region;
  std::string type;  // as the provider names it: p3.2xlarge, a2-highgpu-1g, ccx23, PRO2-S
  uint32_t vcpus = 0;
  double memory_gib = 0;
  uint32_t gpus = 0;
  std::string gpu_model;  // "" without GPU
  bool database = false;
  bool burstable = false;
  double usd_per_hour = 0;  // converted; a monthly price spread over kHoursPerMonth
  // Internet egress that comes with each server, TB a month (infinity: unmetered).
  double included_egress_tb = 0;
  double list_price = 0;  // as the provider lists it, in `currency` per `unit`
  std::string currency;
  std::string unit;
  std::string source;
  std::string date;

  double UsdPerMonth() const { return usd_per_hour * kHoursPerMonth; }
  double UsdPerYear() const { return usd_per_hour * kHoursPerYear; }
};

// Internet egress (per TB transferred) or object storage (per TB-month).
struct UsagePrice {
  std::string provider;
  std::string region;
  std::string item;
  double usd_per_tb = 0;
  double included_tb = 0;  // free each month, per account
  double list_price = 0;
  std::string currency;
  std::string unit;
  std::string source;
  std::string date;
};

struct CurrencyRate {
  std::string currency;
  double usd = 0;  // one unit of `currency` in USD
  std::string source;
  std::string date;
};

struct PriceTable {
  std::vector<InstancePrice> instances;
  std::vector<UsagePrice> egress;
  std::vector<UsagePrice> storage;
  std::vector<CurrencyRate> rates;
};

// Converts every price to USD with the table's own rates and normalises units
// to hours and TB. On a row that cannot be converted, returns false with
// `error` as "FILE:LINE: message".
bool BuildPriceTable(const std::vector<PriceRow>& rows, PriceTable* table, std::string* error);

// Adds `overlay` to `base`; an overlay row replaces the base row with the same
// provider, region, kind and item, so a user's table can correct one price.
void OverlayPriceRows(std::vector<PriceRow>& base, const std::vector<PriceRow>& overlay);

// The rows and the table shipped in data/prices/, parsed on first use.
const std::vector<PriceRow>& ShippedPriceRows();
const PriceTable& ShippedPrices();

}  // namespace dsaudit::cost
