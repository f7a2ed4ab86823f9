#include "reports/svg_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "reports/html_page.h"

namespace dsaudit::reports {
namespace {

constexpr int kYTicks = 4;
constexpr double kLegendEntry = 90;
// A burst of ten minutes in a month of traffic is a fraction of a pixel wide:
// spans get at least this many pixels so that every one stays visible.
constexpr double kMinSpanWidth = 3;

// The smallest of 1, 2, 2.5, 5 x 10^k that is at least `value`.
double NiceStep(double value) {
  if (!(value > 0)) return 0.25;
  double magnitude = std::pow(10.0, std::floor(std::log10(value)));
  for (double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (factor * magnitude >= value * (1 - 1e-12)) return factor * magnitude;
  }
  return 10 * magnitude;
}

// A y axis from 0 to `ticks` x `step`: four gridlines above zero, or fewer
// where the data stops well below the fourth.
struct YAxis {
  double top;
  int ticks;
};
YAxis NiceAxis(double largest) {
  double step = NiceStep(largest / kYTicks);
  int ticks = std::clamp(static_cast<int>(std::ceil(largest / step - 1e-9)), 1, kYTicks);
  return {step * ticks, ticks};
}

double LegendWidth(const std::string& name) {
  return std::max(kLegendEntry, 20 + 6.0 * static_cast<double>(name.size()));
}

// The opening of a titled chart: the svg element, its accessible title, and
// the title with `subtitle` (the unit) in brackets above the plot.
std::string ChartHeader(int width, int height, std::string_view title, double left, std::string_view subtitle) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" font-size=\"11\">\n"
      "<title>{2}</title>\n<text x=\"{3}\" y=\"16\" font-size=\"13\">{2} ({4})</text>\n",
      width, height, HtmlEscape(title), left, HtmlEscape(subtitle));
}

// Maps data to pixels inside the plot area.
struct Frame {
  double left, top, plot_width, plot_height;
  double x_start, span, y_top;
  double X(double x) const { return left + plot_width * (x - x_start) / span; }
  double XOfStep(size_t step, double x_step) const {
    return left + plot_width * ((static_cast<double>(step) + 0.5) * x_step) / span;
  }
  double Y(double value) const { return top + plot_height * (1 - value / y_top); }
};

std::string Points(const Frame& frame, double x_step, size_t first, const std::vector<double>& values) {
  std::string path;
  for (size_t i = 0; i < values.size(); ++i) {
    path += fmt::format("{}{:.1f},{:.1f}", path.empty() ? "" : " ", frame.XOfStep(first + i, x_step),
                        frame.Y(values[i]));
  }
  return path;
}

std::string BandPolygon(const Frame& frame, double x_step, const ChartBand& band) {
  std::string points = Points(frame, x_step, band.first, band.upper);
  for (size_t i = band.lower.size(); i-- > 0;) {
    points += fmt::format(" {:.1f},{:.1f}", frame.XOfStep(band.first + i, x_step), frame.Y(band.lower[i]));
  }
  return fmt::format("<polygon class=\"band\" data-name=\"{}\" fill=\"{}\" fill-opacity=\"0.25\" "
                     "stroke=\"none\" points=\"{}\"/>\n",
                     HtmlEscape(band.name), band.color, points);
}

std::string Spans(const Frame& frame, const LineChartSpec& spec) {
  std::string svg;
  const double right = frame.left + frame.plot_width;
  for (const ChartSpan& span : spec.spans) {
    double from = std::clamp(frame.X(span.from), frame.left, right);
    double to = std::clamp(frame.X(span.to), frame.left, right);
    if (to - from < kMinSpanWidth) {
      double middle = std::clamp((from + to) / 2, frame.left + kMinSpanWidth / 2, right - kMinSpanWidth / 2);
      from = middle - kMinSpanWidth / 2;
      to = middle + kMinSpanWidth / 2;
    }
    svg += fmt::format("<rect class=\"span\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
                       "fill=\"{}\"><title>{}</title></rect>\n",
                       from, frame.top, to - from, frame.plot_height, spec.span_color,
                       HtmlEscape(span.title));
  }
  return svg;
}

std::string Markers(const Frame& frame, const LineChartSpec& spec) {
  std::string svg;
  for (const ChartMark& marker : spec.markers) {
    double x = frame.X(marker.x);
    if (x < frame.left || x > frame.left + frame.plot_width) continue;
    svg += fmt::format("<line class=\"marker\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1:.1f}\" y2=\"{2:.1f}\" "
                       "stroke=\"#555\" stroke-dasharray=\"4 3\"/>"
                       "<text x=\"{3:.1f}\" y=\"{4:.1f}\" fill=\"#555\">{5}</text>\n",
                       x, frame.top, frame.top + frame.plot_height, x + 4, frame.top + 12,
                       HtmlEscape(marker.label));
  }
  return svg;
}

std::string YLabel(double value, bool nice) { return nice ? CompactNumber(value) : fmt::format("{:.3g}", value); }

}  // namespace

std::string CompactNumber(double value) {
  double magnitude = std::abs(value);
  if (magnitude >= 1e9) return fmt::format("{:.3g}G", value / 1e9);
  if (magnitude >= 1e6) return fmt::format("{:.3g}M", value / 1e6);
  if (magnitude >= 1e4) return fmt::format("{:.3g}k", value / 1e3);
  if (value == std::round(value)) return fmt::format("{:.0f}", value);
  return fmt::format("{:.3g}", value);
}

std::string LineChart(const LineChartSpec& spec) {
  constexpr double kLeft = 64, kRight = 16, kTop = 28, kBottom = 36;
  size_t points = 0;
  double largest = 0;
  for (const ChartSeries& line : spec.series) {
    points = std::max(points, line.first + line.values.size());
    for (double value : line.values) largest = std::max(largest, value);
  }
  for (const ChartBand& band : spec.bands) {
    points = std::max(points, band.first + band.upper.size());
    for (double value : band.upper) largest = std::max(largest, value);
  }
  const YAxis axis = spec.nice_y ? NiceAxis(largest) : YAxis{largest > 0 ? largest * 1.1 : 1, kYTicks};
  const double y_top = axis.top;
  Frame frame{kLeft, kTop, spec.width - kLeft - kRight, spec.height - kTop - kBottom, spec.x_start,
              std::max<double>(1, static_cast<double>(points)) * spec.x_step, y_top};
  std::string svg = ChartHeader(spec.width, spec.height, spec.title, kLeft, spec.unit);
  svg += Spans(frame, spec);
  for (int tick = 0; tick <= axis.ticks; ++tick) {
    double y = kTop + frame.plot_height * (1 - tick / static_cast<double>(axis.ticks));
    svg += fmt::format(
        "<line x1=\"{0}\" x2=\"{1}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" stroke=\"#ddd\"/>"
        "<text x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\">{5}</text>\n",
        kLeft, kLeft + frame.plot_width, y, kLeft - 6, y + 4,
        YLabel(y_top * tick / static_cast<double>(axis.ticks), spec.nice_y));
  }
  const double label_y = kTop + frame.plot_height + 16;
  if (spec.x_ticks.empty()) {
    for (int tick = 0; tick <= 5; ++tick) {
      double x = kLeft + frame.plot_width * tick / 5.0;
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{:.3g}{}</text>\n", x,
                         label_y, frame.span * tick / 5.0, HtmlEscape(spec.x_unit));
    }
  }
  for (const ChartMark& tick : spec.x_ticks) {
    double x = frame.X(tick.x);
    if (x < kLeft - 0.5 || x > kLeft + frame.plot_width + 0.5) continue;
    svg += fmt::format("<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1:.1f}\" y2=\"{2:.1f}\" stroke=\"#999\"/>"
                       "<text x=\"{0:.1f}\" y=\"{3:.1f}\" text-anchor=\"middle\">{4}</text>\n",
                       x, kTop + frame.plot_height, kTop + frame.plot_height + 4, label_y,
                       HtmlEscape(tick.label));
  }
  for (const ChartBand& band : spec.bands) svg += BandPolygon(frame, spec.x_step, band);
  double legend_width = 0;
  for (const ChartSeries& line : spec.series) legend_width += LegendWidth(line.name);
  for (const ChartBand& band : spec.bands) {
    if (!band.name.empty()) legend_width += LegendWidth(band.name);
  }
  double legend_x = kLeft + frame.plot_width - legend_width;
  for (const ChartSeries& line : spec.series) {
    svg += fmt::format(
        "<polyline class=\"series\" data-name=\"{0}\" fill=\"none\" stroke=\"{1}\" "
        "stroke-width=\"2\" points=\"{2}\"/>\n"
        "<rect x=\"{3:.1f}\" y=\"8\" width=\"10\" height=\"10\" fill=\"{1}\"/>"
        "<text x=\"{4:.1f}\" y=\"17\">{0}</text>\n",
        HtmlEscape(line.name), line.color, Points(frame, spec.x_step, line.first, line.values), legend_x,
        legend_x + 14);
    legend_x += LegendWidth(line.name);
  }
  for (const ChartBand& band : spec.bands) {
    if (band.name.empty()) continue;
    svg += fmt::format("<rect x=\"{:.1f}\" y=\"8\" width=\"10\" height=\"10\" fill=\"{}\" fill-opacity=\"0.35\"/>"
                       "<text x=\"{:.1f}\" y=\"17\">{}</text>\n",
                       legend_x, band.color, legend_x + 14, HtmlEscape(band.name));
    legend_x += LegendWidth(band.name);
  }
  svg += Markers(frame, spec);
  return svg + "</svg>\n";
}

std::string ColumnChart(const ColumnChartSpec& spec) {
  constexpr double kLeft = 48, kRight = 8, kTop = 28, kBottom = 24;
  const double plot_width = spec.width - kLeft - kRight, plot_height = spec.height - kTop - kBottom;
  double largest = 0;
  size_t tallest = 0;
  for (size_t i = 0; i < spec.columns.size(); ++i) {
    if (spec.columns[i].value > largest) {
      largest = spec.columns[i].value;
      tallest = i;
    }
  }
  const YAxis axis = NiceAxis(largest);
  const double y_top = axis.top;
  std::string svg = ChartHeader(spec.width, spec.height, spec.title, kLeft, spec.unit);
  for (int tick = 0; tick <= axis.ticks; ++tick) {
    double y = kTop + plot_height * (1 - tick / static_cast<double>(axis.ticks));
    svg += fmt::format("<line x1=\"{0}\" x2=\"{1}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" stroke=\"#ddd\"/>"
                       "<text x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\">{5}</text>\n",
                       kLeft, kLeft + plot_width, y, kLeft - 6, y + 4,
                       CompactNumber(y_top * tick / static_cast<double>(axis.ticks)));
  }
  if (spec.columns.empty()) return svg + "</svg>\n";
  const double slot = plot_width / static_cast<double>(spec.columns.size());
  // Labels need about 16 pixels each; on narrow columns every other one.
  const size_t label_every = slot >= 16 ? 1 : slot >= 8 ? 2 : 4;
  for (size_t i = 0; i < spec.columns.size(); ++i) {
    const Column& column = spec.columns[i];
    double height = plot_height * std::max(0.0, column.value) / y_top;
    double x = kLeft + slot * static_cast<double>(i);
    bool highlighted = !spec.highlight_color.empty() && i == tallest && largest > 0;
    std::string tooltip = column.tooltip.empty() ? fmt::format("{}: {}", column.label, CompactNumber(column.value))
                                                 : column.tooltip;
    svg += fmt::format("<rect class=\"column\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
                       "fill=\"{}\"><title>{}</title></rect>",
                       x + slot * 0.1, kTop + plot_height - height, slot * 0.8, height,
                       highlighted ? spec.highlight_color : spec.color, HtmlEscape(tooltip));
    if (!column.label.empty() && i % label_every == 0) {
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>", x + slot / 2,
                         kTop + plot_height + 14, HtmlEscape(column.label));
    }
    svg += '\n';
  }
  return svg + "</svg>\n";
}

std::string Heatmap(const HeatmapSpec& spec) {
  constexpr int kLeft = 40, kTop = 28, kBottom = 20;
  size_t columns = spec.column_labels.size();
  for (const std::vector<double>& row : spec.values) columns = std::max(columns, row.size());
  const int width = kLeft + static_cast<int>(columns) * spec.cell_width + 8;
  const int height = kTop + static_cast<int>(spec.values.size()) * spec.cell_height + kBottom;
  double largest = 0;
  for (const std::vector<double>& row : spec.values) {
    for (double value : row) largest = std::max(largest, value);
  }
  std::string svg =
      ChartHeader(width, height, spec.title, kLeft, fmt::format("{}; darkest {}", spec.unit, CompactNumber(largest)));
  for (size_t r = 0; r < spec.values.size(); ++r) {
    const int y = kTop + static_cast<int>(r) * spec.cell_height;
    if (r < spec.row_labels.size()) {
      svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", kLeft - 6,
                         y + spec.cell_height - 5, HtmlEscape(spec.row_labels[r]));
    }
    for (size_t c = 0; c < spec.values[r].size(); ++c) {
      const double value = spec.values[r][c];
      const std::string* tooltip = r < spec.tooltips.size() && c < spec.tooltips[r].size() ? &spec.tooltips[r][c] : nullptr;
      std::string text = tooltip != nullptr && !tooltip->empty()
                             ? *tooltip
                             : fmt::format("{} {}: {}", r < spec.row_labels.size() ? spec.row_labels[r] : "",
                                           c < spec.column_labels.size() ? spec.column_labels[c] : "",
                                           std::isnan(value) ? "no data" : CompactNumber(value));
      const int x = kLeft + static_cast<int>(c) * spec.cell_width;
      if (std::isnan(value)) {
        svg += fmt::format("<rect class=\"cell empty\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" "
                           "stroke=\"#ccc\" stroke-dasharray=\"2 2\"><title>{}</title></rect>",
                           x + 0.5, y + 0.5, spec.cell_width - 2, spec.cell_height - 2, HtmlEscape(text));
        continue;
      }
      // A faint floor, so that a zero cell still shows as part of the grid.
      double opacity = largest > 0 ? 0.04 + 0.96 * std::max(0.0, value) / largest : 0.04;
      svg += fmt::format("<rect class=\"cell\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
                         "fill-opacity=\"{:.3f}\"><title>{}</title></rect>",
                         x, y, spec.cell_width - 1, spec.cell_height - 1, spec.color, opacity, HtmlEscape(text));
    }
    svg += '\n';
  }
  const int label_y = kTop + static_cast<int>(spec.values.size()) * spec.cell_height + 13;
  for (size_t c = 0; c < spec.column_labels.size(); ++c) {
    if (spec.column_labels[c].empty()) continue;
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                       kLeft + static_cast<int>(c) * spec.cell_width + spec.cell_width / 2, label_y,
                       HtmlEscape(spec.column_labels[c]));
  }
  return svg + "\n</svg>\n";
}

std::string HorizontalBarChart(const BarChartSpec& spec) {
  const int columns = static_cast<int>(spec.column_max.size());
  const int width = spec.label_width + columns * spec.bar_width + std::max(0, columns - 1) * spec.column_gap +
                    spec.value_room;
  std::string svg = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" "
                                "role=\"img\" aria-label=\"{}\">\n",
                                width, static_cast<int>(spec.rows.size()) * spec.row_height + 10,
                                HtmlEscape(spec.aria_label));
  int y = 5;
  for (const BarRow& row : spec.rows) {
    svg += fmt::format("<text x=\"0\" y=\"{}\" font-size=\"12\">{}</text>", y + 13, HtmlEscape(row.label));
    for (size_t c = 0; c < row.cells.size() && c < spec.column_max.size(); ++c) {
      const BarCell& cell = row.cells[c];
      int x = spec.label_width + static_cast<int>(c) * (spec.bar_width + spec.column_gap);
      int bar = spec.column_max[c] > 0
                    ? static_cast<int>(std::max(0.0, cell.value) * spec.bar_width / spec.column_max[c])
                    : 0;
      svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"{}\"/>"
                         "<text x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>",
                         x, y, bar, cell.color, x + bar + 4, y + 13, HtmlEscape(cell.text));
    }
    svg += '\n';
    y += spec.row_height;
  }
  return svg + "</svg>\n";
}

}  // namespace dsaudit::reports
