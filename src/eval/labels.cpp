// The labels file of `jobmatch eval` (eval.h): TSV rows of id, label and lang, and the key a
// posting is looked up by.
#include <algorithm>

#include "eval/eval.h"

namespace jobmatch {

namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> cells;
  for (size_t start = 0;;) {
    const size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      cells.push_back(line.substr(start));
      return cells;
    }
    cells.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

std::string_view trim_cell(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

Expected<Labels> parse_labels(std::string_view text) {
  Labels out;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  constexpr size_t kNone = static_cast<size_t>(-1);
  size_t id_col = kNone, label_col = kNone, lang_col = kNone;
  bool header = false;
  size_t line_no = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim_cell(line).empty()) continue;
    const std::vector<std::string_view> cells = split_tabs(line);
    if (!header) {
      for (size_t i = 0; i < cells.size(); ++i) {
        const std::string_view name = trim_cell(cells[i]);
        if (name == "id" && id_col == kNone) id_col = i;
        else if (name == "label" && label_col == kNone) label_col = i;
        else if (name == "lang" && lang_col == kNone) lang_col = i;
      }
      if (id_col == kNone || label_col == kNone)
        return Error("line " + std::to_string(line_no) +
                     ": the header row must name the columns 'id' and 'label' (tab-separated)");
      header = true;
      out.has_lang = lang_col != kNone;
      continue;
    }
    const size_t need = std::max(id_col, label_col) + 1;
    if (cells.size() < need)
      return Error("line " + std::to_string(line_no) + ": " + std::to_string(cells.size()) + " column" +
                   (cells.size() == 1 ? "" : "s") + ", expected at least " + std::to_string(need));
    LabelRow row;
    row.id = std::string(trim_cell(cells[id_col]));
    row.label = std::string(trim_cell(cells[label_col]));
    if (lang_col != kNone && lang_col < cells.size()) row.lang = std::string(trim_cell(cells[lang_col]));
    row.line = line_no;
    if (row.id.empty() || row.label.empty())
      return Error("line " + std::to_string(line_no) + ": empty " + (row.id.empty() ? "id" : "label"));
    if (auto [it, fresh] = out.by_id.emplace(row.id, out.rows.size()); !fresh)
      return Error("line " + std::to_string(line_no) + ": id '" + row.id + "' is already labelled on line " +
                   std::to_string(out.rows[it->second].line));
    out.rows.push_back(std::move(row));
  }
  if (!header) return Error("the file is empty (expected a header row naming 'id' and 'label')");
  return out;
}

std::string posting_key(std::string_view id) {
  const size_t slash = id.find_last_of("/\\");
  std::string_view base = slash == std::string_view::npos ? id : id.substr(slash + 1);
  const size_t dot = base.rfind('.');
  if (dot != std::string_view::npos && dot > 0) base = base.substr(0, dot);
  return std::string(base);
}

}  // namespace jobmatch
