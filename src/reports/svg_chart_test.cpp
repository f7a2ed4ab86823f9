#include "reports/svg_chart.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "reports/report_test_util.h"

namespace dsaudit::reports {
namespace {

using reports::testing::CountOf;

TEST(SvgChartTest, LineChartPlacesValuesMidStepWithAxesAndLegend) {
  LineChartSpec spec{.title = "latency", .unit = "ms", .x_step = 1, .x_unit = "s"};
  spec.series = {{"p50", "#111", {0, 10}}};
  std::string svg = LineChart(spec);
  EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"720\" "
                              "height=\"260\""));
  EXPECT_NE(svg.find("<title>latency</title>"), std::string::npos);
  EXPECT_NE(svg.find(">latency (ms)</text>"), std::string::npos);
  // Plot 640 px wide from x=64 over two steps; the top is 10% above 10.
  EXPECT_NE(svg.find("points=\"224.0,224.0 544.0,45.8\""), std::string::npos) << svg;
  EXPECT_NE(svg.find(">11</text>"), std::string::npos);  // y axis top, "{:.3g}"
  EXPECT_NE(svg.find(">2s</text>"), std::string::npos);   // x axis end
  EXPECT_EQ(CountOf(svg, "<line "), 5u);
  EXPECT_TRUE(svg.ends_with("</svg>\n"));
}

TEST(SvgChartTest, BandsSpansMarkersAndCustomTicks) {
  LineChartSpec spec{.title = "forecast", .unit = "req/s", .x_start = 1000, .x_step = 100};
  spec.series = {{"history", "#00f", {1, 2}}, {"forecast", "#f80", {3, 4}, 2}};
  spec.bands = {{"95% interval", "#f80", {2, 3}, {4, 6}, 2}};
  spec.spans = {{1100, 1101, "burst <1>"}};
  spec.markers = {{1200, "now"}};
  spec.x_ticks = {{1000, "start"}, {5000, "outside"}};
  spec.nice_y = true;
  std::string svg = LineChart(spec);
  EXPECT_EQ(CountOf(svg, "class=\"series\""), 2u);
  EXPECT_EQ(CountOf(svg, "class=\"band\""), 1u);
  EXPECT_NE(svg.find("<title>burst &lt;1&gt;</title>"), std::string::npos);
  EXPECT_NE(svg.find("width=\"3.0\""), std::string::npos) << "a one-second span still shows";
  EXPECT_NE(svg.find(">now</text>"), std::string::npos);
  EXPECT_NE(svg.find(">start</text>"), std::string::npos);
  EXPECT_EQ(svg.find("outside"), std::string::npos);
  EXPECT_NE(svg.find(">6</text>"), std::string::npos) << "nice axis: 0, 2, 4, 6";
  EXPECT_EQ(CountOf(svg, "stroke=\"#ddd\""), 4u);
  EXPECT_NE(svg.find(">95% interval</text>"), std::string::npos);
}

TEST(SvgChartTest, ColumnChartHighlightsTheTallestAndEscapes) {
  ColumnChartSpec spec{.title = "hours", .unit = "req/s"};
  spec.columns = {{"0", 1, ""}, {"1", 3, "<b>busy</b>"}, {"2", 2, ""}};
  spec.highlight_color = "#f00";
  std::string svg = ColumnChart(spec);
  EXPECT_EQ(CountOf(svg, "class=\"column\""), 3u);
  EXPECT_EQ(CountOf(svg, "fill=\"#f00\""), 1u);
  EXPECT_NE(svg.find("<title>&lt;b&gt;busy&lt;/b&gt;</title>"), std::string::npos);
  EXPECT_NE(svg.find("<title>0: 1</title>"), std::string::npos);
}

TEST(SvgChartTest, HorizontalBarsScaleEachColumnToItsMaximum) {
  BarChartSpec spec{.aria_label = "a & b", .column_max = {10, 2}};
  spec.column_gap = 120;
  spec.rows = {{"one", {{5, "5", "#111"}, {2, "2 h", "#222"}}}};
  std::string svg = HorizontalBarChart(spec);
  EXPECT_NE(svg.find("width=\"900\" height=\"32\" role=\"img\" aria-label=\"a &amp; b\""), std::string::npos)
      << svg;
  EXPECT_NE(svg.find("<rect x=\"120\" y=\"5\" width=\"150\" height=\"16\" fill=\"#111\"/>"), std::string::npos);
  EXPECT_NE(svg.find("<rect x=\"540\" y=\"5\" width=\"300\" height=\"16\" fill=\"#222\"/>"), std::string::npos);
  EXPECT_NE(svg.find("<text x=\"844\" y=\"18\" font-size=\"12\">2 h</text>"), std::string::npos);
}

TEST(SvgChartTest, HeatmapShadesByValueAndEscapes) {
  HeatmapSpec spec{.title = "week <hours>", .unit = "req/s"};
  spec.row_labels = {"Mon", "Tue"};
  spec.column_labels = {"0", ""};
  spec.values = {{0, 5}, {10, 2.5}};
  spec.tooltips = {{"", "a & b"}};
  std::string svg = Heatmap(spec);
  EXPECT_EQ(CountOf(svg, "class=\"cell\""), 4u);
  EXPECT_NE(svg.find("week &lt;hours&gt; (req/s; darkest 10)"), std::string::npos);
  // Zero keeps a faint floor, the largest is solid, the others in proportion.
  EXPECT_NE(svg.find("fill-opacity=\"0.040\"><title>Mon 0: 0</title>"), std::string::npos);
  EXPECT_NE(svg.find("fill-opacity=\"1.000\"><title>Tue 0: 10</title>"), std::string::npos);
  EXPECT_NE(svg.find("fill-opacity=\"0.520\"><title>a &amp; b</title>"), std::string::npos);
  EXPECT_NE(svg.find("fill-opacity=\"0.280\"><title>Tue : 2.5</title>"), std::string::npos);
  EXPECT_EQ(CountOf(svg, "text-anchor=\"middle\""), 1u) << "empty column labels are not drawn";
}

TEST(SvgChartTest, HeatmapDrawsNoDataAsAnOutline) {
  HeatmapSpec spec{.title = "week", .unit = "req/s"};
  spec.values = {{std::nan(""), 4}};
  std::string svg = Heatmap(spec);
  EXPECT_EQ(CountOf(svg, "class=\"cell\""), 1u);
  EXPECT_EQ(CountOf(svg, "class=\"cell empty\""), 1u);
  EXPECT_NE(svg.find("fill=\"none\" stroke=\"#ccc\""), std::string::npos);
  EXPECT_NE(svg.find("(req/s; darkest 4)"), std::string::npos);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
}

TEST(SvgChartTest, CompactNumbers) {
  EXPECT_EQ(CompactNumber(0), "0");
  EXPECT_EQ(CompactNumber(2.5), "2.5");
  EXPECT_EQ(CompactNumber(1234), "1234");
  EXPECT_EQ(CompactNumber(12500), "12.5k");
  EXPECT_EQ(CompactNumber(2.5e6), "2.5M");
}

}  // namespace
}  // namespace dsaudit::reports
