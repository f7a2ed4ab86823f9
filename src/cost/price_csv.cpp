#include "cost/price_csv.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <array>
#include <charconv>
#include <limits>
#include <optional>

#include "base/lines.h"

namespace dsaudit::cost {
namespace {

enum Column {
  kProvider,
  kRegion,
  kKind,
  kItem,
  kVcpus,
  kMemoryGib,
  kGpus,
  kGpuModel,
  kPrice,
  kCurrency,
  kUnit,
  kIncluded,
  kSource,
  kDate,
  kColumnCount
};

constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "provider",  "region", "kind",     "item", "vcpus",    "memory_gib", "gpus",
    "gpu_model", "price",  "currency", "unit", "included", "source",     "date"};

// Columns a user's table may leave out: they only matter for some kinds.
bool Optional(Column column) {
  return column == kRegion || column == kVcpus || column == kMemoryGib || column == kGpus ||
         column == kGpuModel || column == kIncluded;
}

// Splits one CSV line (RFC 4180 quoting, no line breaks inside fields).
bool SplitFields(std::string_view line, std::vector<std::string>* fields, std::string* error) {
  fields->clear();
  std::string field;
  size_t i = 0;
  while (true) {
    field.clear();
    if (i < line.size() && line[i] == '"') {
      ++i;
      while (true) {
        if (i >= line.size()) {
          *error = "unterminated quoted field";
          return false;
        }
        if (line[i] == '"' && i + 1 < line.size() && line[i + 1] == '"') {
          field += '"';
          i += 2;
        } else if (line[i] == '"') {
          ++i;
          break;
        } else {
          field += line[i++];
        }
      }
      if (i < line.size() && line[i] != ',') {
        *error = "text after a closing quote";
        return false;
      }
    } else {
      size_t end = line.find(',', i);
      if (end == std::string_view::npos) end = line.size();
      field.assign(line.substr(i, end - i));
      i = end;
    }
    fields->push_back(field);
    if (i >= line.size()) return true;
    ++i;  // the comma
  }
}

std::optional<double> ParseNumber(std::string_view text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !(value >= 0)) return std::nullopt;
  return value;
}

std::optional<uint32_t> ParseCount(std::string_view text) {
  uint32_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<PriceKind> ParseKind(std::string_view text) {
  if (text == "compute") return PriceKind::kCompute;
  if (text == "burstable") return PriceKind::kBurstable;
  if (text == "database") return PriceKind::kDatabase;
  if (text == "egress") return PriceKind::kEgress;
  if (text == "storage") return PriceKind::kStorage;
  if (text == "fx") return PriceKind::kCurrency;
  return std::nullopt;
}

bool UnitFits(PriceKind kind, std::string_view unit) {
  switch (kind) {
    case PriceKind::kCompute:
    case PriceKind::kBurstable:
    case PriceKind::kDatabase:
      return unit == "hour" || unit == "month";
    case PriceKind::kEgress:
      return unit == "gb" || unit == "tb";
    case PriceKind::kStorage:
      return unit == "gb-month" || unit == "tb-month";
    case PriceKind::kCurrency:
      return unit == "rate";
  }
  return false;
}

std::string_view UnitsFor(PriceKind kind) {
  switch (kind) {
    case PriceKind::kCompute:
    case PriceKind::kBurstable:
    case PriceKind::kDatabase:
      return "hour or month";
    case PriceKind::kEgress:
      return "gb or tb";
    case PriceKind::kStorage:
      return "gb-month or tb-month";
    case PriceKind::kCurrency:
      return "rate";
  }
  return "";
}

bool IsCurrencyCode(std::string_view text) {
  if (text.size() != 3) return false;
  for (char c : text) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// The header's column positions; -1 for an absent optional column.
bool ReadHeader(const std::vector<std::string>& fields, std::array<int, kColumnCount>* positions,
                std::string* error) {
  positions->fill(-1);
  for (size_t i = 0; i < fields.size(); ++i) {
    size_t column = 0;
    while (column < kColumnCount && kColumnNames[column] != fields[i]) ++column;
    if (column == kColumnCount) {
      *error =
          fmt::format("unknown column '{}' (expected {})", fields[i], fmt::join(kColumnNames, ","));
      return false;
    }
    if ((*positions)[column] != -1) {
      *error = fmt::format("column '{}' appears twice", fields[i]);
      return false;
    }
    (*positions)[column] = static_cast<int>(i);
  }
  for (size_t column = 0; column < kColumnCount; ++column) {
    if ((*positions)[column] == -1 && !Optional(static_cast<Column>(column))) {
      *error = fmt::format("missing column '{}'", kColumnNames[column]);
      return false;
    }
  }
  return true;
}

class RowReader {
 public:
  RowReader(const std::vector<std::string>& fields, const std::array<int, kColumnCount>& positions)
      : fields_(fields), positions_(positions) {}

  std::string_view Get(Column column) const {
    int at = positions_[column];
    return at < 0 ? std::string_view() : std::string_view(fields_[static_cast<size_t>(at)]);
  }

  // Fills `row`, or returns the reason it cannot.
  std::string Read(PriceRow* row) const {
    row->provider = Get(kProvider);
    row->region = Get(kRegion);
    row->item = Get(kItem);
    row->gpu_model = Get(kGpuModel);
    row->currency = Get(kCurrency);
    row->unit = Get(kUnit);
    row->source = Get(kSource);
    row->date = Get(kDate);
    if (row->provider.empty()) return "empty provider";
    if (row->item.empty()) return "empty item";
    std::optional<PriceKind> kind = ParseKind(Get(kKind));
    if (!kind)
      return fmt::format("kind '{}' is not compute, burstable, database, egress, storage or fx",
                         Get(kKind));
    row->kind = *kind;
    std::optional<double> price = ParseNumber(Get(kPrice));
    if (!price) return fmt::format("price '{}' is not a number >= 0", Get(kPrice));
    row->price = *price;
    if (!IsCurrencyCode(row->currency)) {
      return fmt::format("currency '{}' is not a three-letter code such as USD or EUR",
                         row->currency);
    }
    if (!UnitFits(row->kind, row->unit)) {
      return fmt::format("unit '{}' does not fit kind '{}' (expected {})", row->unit, Get(kKind),
                         UnitsFor(row->kind));
    }
    if (std::string error = ReadSizes(row); !error.empty()) return error;
    if (Get(kIncluded) == "unlimited") {
      row->included = std::numeric_limits<double>::infinity();
    } else if (std::optional<double> included =
                   ParseNumber(Get(kIncluded).empty() ? "0" : Get(kIncluded))) {
      row->included = *included;
    } else {
      return fmt::format("included '{}' is not a number >= 0 or 'unlimited'", Get(kIncluded));
    }
    if (row->source.empty()) return "empty source: say where the price comes from";
    if (!IsPriceDate(row->date))
      return fmt::format("date '{}' is not YYYY-MM or YYYY-MM-DD", row->date);
    if (row->kind == PriceKind::kCurrency && (row->currency != "USD" || row->price <= 0)) {
      return "an fx row gives the USD value of one unit of its item: currency USD, price > 0";
    }
    return "";
  }

 private:
  std::string ReadSizes(PriceRow* row) const {
    std::optional<uint32_t> vcpus = ParseCount(Get(kVcpus).empty() ? "0" : Get(kVcpus));
    std::optional<double> memory = ParseNumber(Get(kMemoryGib).empty() ? "0" : Get(kMemoryGib));
    std::optional<uint32_t> gpus = ParseCount(Get(kGpus).empty() ? "0" : Get(kGpus));
    if (!vcpus) return fmt::format("vcpus '{}' is not a whole number", Get(kVcpus));
    if (!memory) return fmt::format("memory_gib '{}' is not a number >= 0", Get(kMemoryGib));
    if (!gpus) return fmt::format("gpus '{}' is not a whole number", Get(kGpus));
    row->vcpus = *vcpus;
    row->memory_gib = *memory;
    row->gpus = *gpus;
    bool machine = row->kind == PriceKind::kCompute || row->kind == PriceKind::kBurstable ||
                   row->kind == PriceKind::kDatabase;
    if (machine && (row->vcpus == 0 || row->memory_gib <= 0))
      return "a machine needs vcpus and memory_gib";
    if ((row->gpus > 0) != !row->gpu_model.empty()) return "gpus and gpu_model go together";
    return "";
  }

  const std::vector<std::string>& fields_;
  const std::array<int, kColumnCount>& positions_;
};

}  // namespace

bool ParsePriceCsv(std::string_view text, std::string_view file, std::vector<PriceRow>* rows,
                   std::string* error) {
  std::vector<PriceRow> parsed;
  std::array<int, kColumnCount> positions{};
  bool have_header = false;
  size_t header_columns = 0;
  std::vector<std::string> fields;
  std::string problem;
  uint32_t failed_line = 0;
  ForEachLine(text, [&](const TextLine& line) {
    std::string_view content = line.text;
    if (content.find_first_not_of(" \t") == std::string_view::npos || content.front() == '#')
      return true;
    if (!SplitFields(content, &fields, &problem)) {
      failed_line = line.number;
      return false;
    }
    if (!have_header) {
      have_header = ReadHeader(fields, &positions, &problem);
      header_columns = fields.size();
      failed_line = have_header ? 0 : line.number;
      return have_header;
    }
    if (fields.size() != header_columns) {
      problem = fmt::format("{} fields where the header has {}", fields.size(), header_columns);
      failed_line = line.number;
      return false;
    }
    PriceRow row;
    row.file = file;
    row.line = line.number;
    problem = RowReader(fields, positions).Read(&row);
    if (!problem.empty()) {
      failed_line = line.number;
      return false;
    }
    parsed.push_back(std::move(row));
    return true;
  });
  if (failed_line != 0) {
    *error = fmt::format("{}:{}: {}", file, failed_line, problem);
    return false;
  }
  if (!have_header) {
    *error = fmt::format("{}: no header line ({})", file, fmt::join(kColumnNames, ","));
    return false;
  }
  rows->insert(rows->end(), std::make_move_iterator(parsed.begin()),
               std::make_move_iterator(parsed.end()));
  return true;
}

bool IsPriceDate(std::string_view text) {
  if (text.size() != 7 && text.size() != 10) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash != (text[i] == '-')) return false;
    if (!dash && (text[i] < '0' || text[i] > '9')) return false;
  }
  int month = (text[5] - '0') * 10 + (text[6] - '0');
  if (month < 1 || month > 12) return false;
  if (text.size() == 7) return true;
  int day = (text[8] - '0') * 10 + (text[9] - '0');
  return day >= 1 && day <= 31;
}

}  // namespace dsaudit::cost
