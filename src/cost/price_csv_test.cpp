#include "cost/price_csv.h"

#include <gtest/gtest.h>

#include <cmath>

namespace dsaudit::cost {
namespace {

constexpr std::string_view kHeader =
    "provider,region,kind,item,vcpus,memory_gib,gpus,gpu_model,price,currency,unit,included,source,"
    "date\n";

std::string ParseError(std::string_view text) {
  std::vector<PriceRow> rows;
  std::string error;
  EXPECT_FALSE(ParsePriceCsv(text, "mine.csv", &rows, &error));
  EXPECT_TRUE(rows.empty());
  return error;
}

TEST(PriceCsvTest, ReadsEveryColumnSkippingCommentsAndBlankLines) {
  std::string text =
      "# my negotiated prices\n\n" + std::string(kHeader) +
      "acme,eu-1,compute,big,8,32,1,L4,1.5,EUR,hour,20,\"https://acme.example/p,q\",2026-01-15\n"
      "acme,eu-1,egress,internet-egress,0,0,0,,0.01,EUR,gb,unlimited,https://"
      "acme.example,2026-01\n";
  std::vector<PriceRow> rows;
  std::string error;
  ASSERT_TRUE(ParsePriceCsv(text, "mine.csv", &rows, &error)) << error;
  ASSERT_EQ(rows.size(), 2u);
  const PriceRow& big = rows[0];
  EXPECT_EQ(big.file, "mine.csv");
  EXPECT_EQ(big.line, 4u);
  EXPECT_EQ(big.kind, PriceKind::kCompute);
  EXPECT_EQ(big.item, "big");
  EXPECT_EQ(big.vcpus, 8u);
  EXPECT_EQ(big.memory_gib, 32);
  EXPECT_EQ(big.gpus, 1u);
  EXPECT_EQ(big.gpu_model, "L4");
  EXPECT_EQ(big.price, 1.5);
  EXPECT_EQ(big.included, 20);
  EXPECT_EQ(big.source, "https://acme.example/p,q");
  EXPECT_EQ(big.date, "2026-01-15");
  EXPECT_TRUE(std::isinf(rows[1].included));
}

TEST(PriceCsvTest, ColumnsInAnyOrderAndOptionalOnesLeftOut) {
  std::vector<PriceRow> rows;
  std::string error;
  ASSERT_TRUE(
      ParsePriceCsv("item,provider,kind,price,currency,unit,source,date\n"
                    "blob,acme,storage,4,USD,tb-month,https://acme.example,2026-02\n",
                    "mine.csv", &rows, &error))
      << error;
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].provider, "acme");
  EXPECT_EQ(rows[0].kind, PriceKind::kStorage);
  EXPECT_EQ(rows[0].region, "");
  EXPECT_EQ(rows[0].included, 0);
}

TEST(PriceCsvTest, MalformedRowsNameFileAndLine) {
  std::string h(kHeader);
  EXPECT_EQ(ParseError(h + "acme,eu,compute,x,2,4,0,,0.1,EUR,hour,0,s\n"),
            "mine.csv:2: 13 fields where the header has 14");
  EXPECT_EQ(ParseError(h + "acme,eu,compute,x,2,4,0,,cheap,EUR,hour,0,s,2026-01\n"),
            "mine.csv:2: price 'cheap' is not a number >= 0");
  EXPECT_EQ(ParseError(h + "acme,eu,compute,x,2,4,0,,-1,EUR,hour,0,s,2026-01\n"),
            "mine.csv:2: price '-1' is not a number >= 0");
  EXPECT_EQ(ParseError(h + "acme,eu,compute,x,2,4,0,,0.1,euro,hour,0,s,2026-01\n"),
            "mine.csv:2: currency 'euro' is not a three-letter code such as USD or EUR");
  EXPECT_EQ(ParseError(h + "acme,eu,storage,x,0,0,0,,0.1,EUR,hour,0,s,2026-01\n"),
            "mine.csv:2: unit 'hour' does not fit kind 'storage' (expected gb-month or tb-month)");
  EXPECT_EQ(ParseError(h + "acme,eu,vm,x,2,4,0,,0.1,EUR,hour,0,s,2026-01\n"),
            "mine.csv:2: kind 'vm' is not compute, burstable, database, egress, storage or fx");
  EXPECT_EQ(ParseError(h + "acme,eu,compute,x,0,4,0,,0.1,EUR,hour,0,s,2026-01\n"),
            "mine.csv:2: a machine needs vcpus and memory_gib");
  EXPECT_EQ(ParseError(h + "acme,eu,compute,x,2,4,1,,0.1,EUR,hour,0,s,2026-01\n"),
            "mine.csv:2: gpus and gpu_model go together");
  EXPECT_EQ(ParseError(h + "acme,eu,compute,x,2,4,0,,0.1,EUR,hour,0,s,2026-13\n"),
            "mine.csv:2: date '2026-13' is not YYYY-MM or YYYY-MM-DD");
  EXPECT_EQ(ParseError(h + "acme,eu,compute,x,2,4,0,,0.1,EUR,hour,0,,2026-01\n"),
            "mine.csv:2: empty source: say where the price comes from");
  EXPECT_EQ(
      ParseError(h + "ecb,,fx,EUR,0,0,0,,1.1,EUR,rate,0,s,2026-01\n"),
      "mine.csv:2: an fx row gives the USD value of one unit of its item: currency USD, price > 0");
  EXPECT_EQ(ParseError(h + "acme,\"eu,compute\n"), "mine.csv:2: unterminated quoted field");
}

TEST(PriceCsvTest, HeaderProblems) {
  EXPECT_EQ(ParseError("provider,kind,item,price,currency,unit,source\n"),
            "mine.csv:1: missing column 'date'");
  EXPECT_EQ(ParseError("provider,kind,item,price,currency,unit,source,date,colour\n"),
            "mine.csv:1: unknown column 'colour' (expected "
            "provider,region,kind,item,vcpus,memory_gib,gpus,"
            "gpu_model,price,currency,unit,included,source,date)");
  EXPECT_EQ(
      ParseError("# only a comment\n"),
      "mine.csv: no header line (provider,region,kind,item,vcpus,memory_gib,gpus,gpu_model,price,"
      "currency,unit,included,source,date)");
}

}  // namespace
}  // namespace dsaudit::cost
