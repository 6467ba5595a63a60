#include "report/html_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/html_util.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

std::string num(double v) { return format_number(v, 2); }

// At most max_chars code points of s, with "…" when cut.
std::string shorten(std::string_view s, size_t max_chars) {
  if (utf8_width(s) <= max_chars) return std::string(s);
  size_t i = 0, n = 0;
  while (i < s.size() && n + 1 < max_chars) {
    size_t len;
    decode_utf8(s, i, &len);
    i += len;
    ++n;
  }
  return std::string(trim(s.substr(0, i))) + "…";
}

}  // namespace

std::vector<size_t> score_bins(const std::vector<double>& scores) {
  std::vector<size_t> bins(10, 0);
  for (const double s : scores) {
    const double b = std::floor(std::clamp(s, 0.0, 100.0) / 10.0);
    ++bins[std::min<size_t>(9, static_cast<size_t>(b))];
  }
  return bins;
}

int coverage_level(double coverage) {
  if (!(coverage > 0)) return 0;
  return std::clamp(static_cast<int>(std::ceil(coverage * 5.0 - 1e-9)), 1, 5);
}

const char* coverage_colour(int level) {
  static const char* colours[] = {"#eef0f3", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"};
  return colours[std::clamp(level, 0, 5)];
}

std::string histogram_svg(const std::vector<size_t>& bins) {
  constexpr double left = 40, top = 22, slot = 40, plot_h = 160, width = left + 10 * slot + 12;
  constexpr double height = top + plot_h + 44;
  size_t max = 1;
  for (const size_t b : bins) max = std::max(max, b);
  // A round top for the axis: 1, 2, 5, 10, 20, 50, ... at or above the highest bar.
  size_t axis = 0;
  for (size_t step = 1; axis == 0; step *= 10)
    for (const size_t m : {size_t{1}, size_t{2}, size_t{5}})
      if (axis == 0 && m * step >= max) axis = m * step;
  size_t total = 0;
  for (const size_t b : bins) total += b;
  std::string s;
  s += "<svg class=\"chart\" id=\"histogram\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
       num(width) + " " + num(height) + "\" width=\"" + num(width) + "\" height=\"" + num(height) +
       "\" role=\"img\" aria-label=\"Histogram of scores in 10-point bins, " +
       std::to_string(total) + " postings\">";
  s += "<title>Scores in 10-point bins</title>";
  // Horizontal grid lines with counts.
  for (int k = 0; k <= 2; ++k) {
    const double y = top + plot_h - plot_h * k / 2.0;
    const size_t value = axis * static_cast<size_t>(k) / 2;
    if (k == 1 && axis % 2) continue;
    s += "<line x1=\"" + num(left) + "\" x2=\"" + num(left + 10 * slot) + "\" y1=\"" + num(y) +
         "\" y2=\"" + num(y) + "\" class=\"grid\"/>";
    s += "<text x=\"" + num(left - 6) + "\" y=\"" + num(y + 4) +
         "\" class=\"tick\" text-anchor=\"end\">" + std::to_string(value) + "</text>";
  }
  static const char* fills[] = {"#d9534f", "#e0694b", "#e58a4a", "#e9a94c", "#d8be4e",
                                "#b5c252", "#8fbf5a", "#63b365", "#3e9e6a", "#21866a"};
  for (size_t k = 0; k < 10; ++k) {
    const double h = plot_h * static_cast<double>(bins[k]) / static_cast<double>(axis);
    const double x = left + static_cast<double>(k) * slot;
    const std::string range =
        std::to_string(k * 10) + "–" + std::to_string(k == 9 ? 100 : k * 10 + 10);
    s += "<g class=\"bin\" data-bin=\"" + std::to_string(k) + "\"><title>" + range + ": " +
         std::to_string(bins[k]) + (bins[k] == 1 ? " posting" : " postings") + "</title>";
    // An invisible full-height target, so a small bar is easy to click.
    s += "<rect x=\"" + num(x) + "\" y=\"" + num(top) + "\" width=\"" + num(slot) + "\" height=\"" +
         num(plot_h) + "\" fill=\"transparent\"/>";
    if (bins[k] > 0) {
      s += "<rect x=\"" + num(x + 3) + "\" y=\"" + num(top + plot_h - h) + "\" width=\"" +
           num(slot - 6) + "\" height=\"" + num(h) + "\" fill=\"" + fills[k] + "\" rx=\"2\"/>";
      s += "<text x=\"" + num(x + slot / 2) + "\" y=\"" + num(top + plot_h - h - 4) +
           "\" class=\"count\" text-anchor=\"middle\">" + std::to_string(bins[k]) + "</text>";
    }
    s += "</g>";
  }
  s += "<line x1=\"" + num(left) + "\" x2=\"" + num(left + 10 * slot) + "\" y1=\"" +
       num(top + plot_h) + "\" y2=\"" + num(top + plot_h) + "\" class=\"axis\"/>";
  for (size_t k = 0; k <= 10; ++k)
    s += "<text x=\"" + num(left + static_cast<double>(k) * slot) + "\" y=\"" +
         num(top + plot_h + 16) + "\" class=\"tick\" text-anchor=\"middle\">" +
         std::to_string(k * 10) + "</text>";
  s += "<text x=\"" + num(left + 5 * slot) + "\" y=\"" + num(top + plot_h + 36) +
       "\" class=\"label\" text-anchor=\"middle\">score</text>";
  s += "</svg>";
  return s;
}

std::string heatmap_svg(const std::vector<std::string>& columns,
                        const std::vector<HeatmapRow>& rows) {
  const bool detailed = rows.size() <= kHeatmapDetailRows;
  const size_t n = rows.size();
  const double label_w = detailed ? 230 : 56, col_w = 44, header_h = 128;
  const double row_h =
      detailed ? 16 : std::min(8.0, 600.0 / static_cast<double>(std::max<size_t>(n, 1)));
  const double plot_w = col_w * static_cast<double>(columns.size());
  const double plot_h = row_h * static_cast<double>(n);
  const double legend_h = 40;
  const double width = label_w + plot_w + 100, height = header_h + plot_h + legend_h;
  std::string s;
  s.reserve(detailed ? 64 * 1024 : 16 * n + 4096);
  s += "<svg class=\"chart\" id=\"heatmap\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
       num(width) + " " + num(height) + "\" width=\"" + num(width) + "\" height=\"" + num(height) +
       "\" role=\"img\" aria-label=\"Section coverage by posting, " + std::to_string(n) +
       " postings in rank order\" data-top=\"" + num(header_h) + "\" data-left=\"" + num(label_w) +
       "\" data-row-height=\"" + format_number(row_h, 4) + "\" data-rows=\"" + std::to_string(n) +
       "\" data-plot-width=\"" + num(plot_w) + "\">";
  s += "<title>Section coverage by posting (rows in rank order)</title>";
  for (size_t c = 0; c < columns.size(); ++c) {
    const double x = label_w + col_w * (static_cast<double>(c) + 0.5);
    s += "<text class=\"col\" transform=\"translate(" + num(x + 4) + " " + num(header_h - 8) +
         ") rotate(-50)\">" + html_escape(shorten(columns[c], 24)) + "<title>" +
         html_escape(columns[c]) + "</title></text>";
  }
  if (detailed) {
    for (size_t r = 0; r < n; ++r) {
      const HeatmapRow& row = rows[r];
      const double y = header_h + row_h * static_cast<double>(r);
      s += "<g class=\"row\" data-target=\"" + html_escape(row.target) + "\">";
      s += "<text class=\"rowlabel\" x=\"" + num(label_w - 6) + "\" y=\"" + num(y + row_h - 4) +
           "\" text-anchor=\"end\">" + html_escape(shorten(row.label, 34)) + "</text>";
      for (size_t c = 0; c < columns.size() && c < row.coverage.size(); ++c) {
        const int level = coverage_level(row.coverage[c]);
        s += "<rect x=\"" + num(label_w + col_w * static_cast<double>(c) + 1) + "\" y=\"" +
             num(y + 1) + "\" width=\"" + num(col_w - 2) + "\" height=\"" + num(row_h - 2) +
             "\" fill=\"" + coverage_colour(level) + "\"><title>" + html_escape(row.label) + " — " +
             html_escape(columns[c]) + ": " + format_number(row.coverage[c], 2) + "</title></rect>";
      }
      s += "</g>";
    }
  } else {
    // Unit cells (one column wide, one row high) in a scaled group; a run of rows of equal colour
    // in one column is one subpath, and each colour is one path.
    std::vector<std::string> paths(6);
    for (size_t c = 0; c < columns.size(); ++c) {
      size_t r = 0;
      while (r < n) {
        const int level = c < rows[r].coverage.size() ? coverage_level(rows[r].coverage[c]) : 0;
        size_t end = r + 1;
        while (end < n &&
               (c < rows[end].coverage.size() ? coverage_level(rows[end].coverage[c]) : 0) == level)
          ++end;
        if (level > 0)
          paths[static_cast<size_t>(level)] += "M" + std::to_string(c) + " " + std::to_string(r) +
                                               "h1v" + std::to_string(end - r) + "h-1z";
        r = end;
      }
    }
    s += "<rect x=\"" + num(label_w) + "\" y=\"" + num(header_h) + "\" width=\"" + num(plot_w) +
         "\" height=\"" + num(plot_h) + "\" fill=\"" + coverage_colour(0) + "\"/>";
    s += "<g class=\"cells\" shape-rendering=\"crispEdges\" transform=\"translate(" + num(label_w) +
         " " + num(header_h) + ") scale(" + num(col_w) + " " + format_number(row_h, 4) + ")\">";
    for (int level = 1; level <= 5; ++level)
      if (!paths[static_cast<size_t>(level)].empty())
        s += std::string("<path fill=\"") + coverage_colour(level) + "\" d=\"" +
             paths[static_cast<size_t>(level)] + "\"/>";
    s += "</g>";
    // Column separators and rank marks on the left.
    for (size_t c = 1; c < columns.size(); ++c) {
      const double x = label_w + col_w * static_cast<double>(c);
      s += "<line class=\"sep\" x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"" + num(header_h) +
           "\" y2=\"" + num(header_h + plot_h) + "\"/>";
    }
    for (const size_t rank : {size_t{1}, (n + 1) / 2, n}) {
      const double y = header_h + row_h * (static_cast<double>(rank) - 0.5);
      s += "<text class=\"tick\" x=\"" + num(label_w - 6) + "\" y=\"" + num(y + 4) +
           "\" text-anchor=\"end\">#" + std::to_string(rank) + "</text>";
    }
  }
  // Legend.
  const double ly = header_h + plot_h + 16;
  s += "<text class=\"tick\" x=\"" + num(label_w) + "\" y=\"" + num(ly + 11) + "\">coverage</text>";
  static const char* names[] = {"0", "≤.2", "≤.4", "≤.6", "≤.8", "≤1"};
  for (int level = 0; level <= 5; ++level) {
    const double x = label_w + 64 + 40.0 * level;
    s += "<rect x=\"" + num(x) + "\" y=\"" + num(ly) + "\" width=\"14\" height=\"14\" fill=\"" +
         coverage_colour(level) + "\" stroke=\"#b8bec6\" stroke-width=\"0.5\"/>";
    s += "<text class=\"tick\" x=\"" + num(x + 17) + "\" y=\"" + num(ly + 11) + "\">" +
         names[level] + "</text>";
  }
  s += "</svg>";
  return s;
}

}  // namespace jobmatch
