// The charts of the HTML report, drawn as inline SVG (no script needed to see them): a histogram
// of scores and a heatmap of section coverage by posting. Everything from postings is escaped.
#pragma once

#include <string>
#include <vector>

namespace jobmatch {

// Scores (0..100) counted in ten 10-point bins; 100 falls in the last bin.
std::vector<size_t> score_bins(const std::vector<double>& scores);

// Bars of the bins, each a <g class="bin" data-bin="k"> with a <title>.
std::string histogram_svg(const std::vector<size_t>& bins);

struct HeatmapRow {
  std::string target;  // the posting's anchor, "p12"
  std::string label;   // what the row is called in tooltips, "3. Machine Learning Engineer"
  std::vector<double> coverage;  // one per column, 0..1
};

// Section columns by posting rows (in the order given). Up to kHeatmapDetailRows rows are drawn
// cell by cell with labels and tooltips, each row a <g data-target="p12">; more are drawn as
// runs of equal colour in a scaled group, which keeps 2,000 rows small, and the page maps a
// click's height to the row.
inline constexpr size_t kHeatmapDetailRows = 60;
std::string heatmap_svg(const std::vector<std::string>& columns,
                        const std::vector<HeatmapRow>& rows);

// The colour level of a coverage value: 0 for none, 1..5 for up to 0.2, 0.4, ... 1.
int coverage_level(double coverage);
// Its fill colour.
const char* coverage_colour(int level);

}  // namespace jobmatch
