// Charts as inline SVG for the HTML reports: a line chart over a numeric or
// time axis (with shaded bands, spans and markers), a column chart and a
// horizontal bar chart. Plain SVG, so a page needs no script and no network;
// every name and label is HTML-escaped here.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace dsaudit::reports {

// One line. Value i is drawn at the middle of step `first + i`.
struct ChartSeries {
  std::string name;
  std::string color;
  std::vector<double> values;
  size_t first = 0;
};

// A shaded area between two lines, e.g. a prediction interval.
struct ChartBand {
  std::string name;  // in the legend; empty: not listed
  std::string color;
  std::vector<double> lower, upper;
  size_t first = 0;
};

// A shaded stretch of the x axis, e.g. a burst; `title` shows on hover.
struct ChartSpan {
  double from = 0, to = 0;
  std::string title;
};

// A labelled position on the x axis: a tick, or a vertical marker line.
struct ChartMark {
  double x = 0;
  std::string label;
};

struct LineChartSpec {
  std::string title;
  std::string unit;  // of the y axis, shown after the title
  // The x axis runs from x_start over as many steps of x_step as the longest
  // series has (at least one).
  double x_start = 0;
  double x_step = 1;
  std::string x_unit;             // suffix of the default tick labels
  std::vector<ChartMark> x_ticks;  // empty: six evenly spaced, "{:.3g}" + x_unit
  std::vector<ChartSeries> series;
  std::vector<ChartBand> bands;
  std::vector<ChartSpan> spans;
  std::string span_color = "#f8d7da";
  std::vector<ChartMark> markers;
  // Gridlines at a round step (1, 2, 2.5 or 5 x 10^k), up to four above zero,
  // labelled compactly (12.5k); otherwise four, the top 10% above the largest
  // value, labelled "{:.3g}".
  bool nice_y = false;
  int width = 720, height = 260;
};
std::string LineChart(const LineChartSpec& spec);

struct Column {
  std::string label;    // under the column; empty: none
  double value = 0;
  std::string tooltip;  // on hover; empty: label and value
};

struct ColumnChartSpec {
  std::string title;
  std::string unit;
  std::vector<Column> columns;
  std::string color = "#4e79a7";
  std::string highlight_color;  // for the tallest column; empty: no highlight
  int width = 480, height = 220;
};
std::string ColumnChart(const ColumnChartSpec& spec);

// Horizontal bars: a label, then one bar per column, each column scaled to
// its own maximum, with a text after each bar.
struct BarCell {
  double value = 0;
  std::string text;
  std::string color;
};
struct BarRow {
  std::string label;
  std::vector<BarCell> cells;
};
struct BarChartSpec {
  std::string aria_label;
  std::vector<double> column_max;  // one per column; a bar of this value is bar_width long
  std::vector<BarRow> rows;
  int label_width = 120, bar_width = 300, row_height = 22;
  int column_gap = 0;   // between one column's bar area and the next
  int value_room = 60;  // right of the last column, for its texts
};
std::string HorizontalBarChart(const BarChartSpec& spec);

// A grid of cells shaded from white (zero) to `color` (the largest value),
// e.g. requests by hour of the week: rows top to bottom, columns left to right.
struct HeatmapSpec {
  std::string title;
  std::string unit;
  std::vector<std::string> row_labels;
  std::vector<std::string> column_labels;  // an empty label is not drawn
  std::vector<std::vector<double>> values;          // [row][column]; NaN: no data, an outline
  std::vector<std::vector<std::string>> tooltips;   // same shape; missing: labels and value
  std::string color = "#4e79a7";
  int cell_width = 22, cell_height = 18;
};
std::string Heatmap(const HeatmapSpec& spec);

// 1234 as "1234", 12345 as "12.3k", 2.5e6 as "2.5M": short axis labels.
std::string CompactNumber(double value);

}  // namespace dsaudit::reports
