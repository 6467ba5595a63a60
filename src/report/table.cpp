// The table for people at a terminal: ranked by score, aligned, colour only when asked for.
// Rows are kept until the end (ranking needs them all); each holds a few short strings.
#include <algorithm>

#include "report/writer.h"
#include "text_util.h"

namespace jobmatch {
namespace {

struct Row {
  size_t order;
  bool error;
  double score;
  std::string id, lang, title, detail;
};

std::string fit(std::string_view s, size_t width) {
  if (utf8_width(s) <= width) return std::string(s) + std::string(width - utf8_width(s), ' ');
  std::string out;
  size_t w = 0;
  for (size_t i = 0; i < s.size() && w + 1 < width;) {
    size_t len = 1;
    while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
    out.append(s.substr(i, len));
    i += len;
    ++w;
  }
  out += "…";
  return out + std::string(width - w - 1, ' ');
}

class TableWriter : public Writer {
 public:
  TableWriter(Output& out, const Engine& engine, const ReportOptions& options)
      : m_out(out), m_engine(engine), m_options(options) {}

  std::string render(const Result&) const override { return ""; }

  void write(const Result& r, std::string&&) override {
    Row row{m_rows.size(), r.error.has_value(), r.score, escape_for_terminal(display_id(r.id)),
            r.lang, escape_for_terminal(r.title), ""};
    if (r.error) {
      row.detail = escape_for_terminal(r.error->kind + ": " + r.error->message);
      ++m_errors;
    } else {
      // The strongest evidence first: matched concepts by weight.
      std::vector<const MatchedConcept*> ms;
      for (const auto& m : r.matched) ms.push_back(&m);
      std::stable_sort(ms.begin(), ms.end(),
                       [](auto* a, auto* b) { return a->weight > b->weight; });
      for (const auto* m : ms)
        row.detail += (row.detail.empty() ? "" : ", ") + m_engine.lexicon().concepts[m->concept_index].label;
      if (!r.missing_must.empty()) {
        std::string must;
        for (const size_t c : r.missing_must)
          must += (must.empty() ? "" : ", ") + m_engine.lexicon().concepts[c].label;
        row.detail = "[missing " + must + "] " + row.detail;
      }
      row.detail = escape_for_terminal(row.detail);  // labels of a user lexicon
    }
    m_rows.push_back(std::move(row));
  }

  void finish() override {
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row& a, const Row& b) {
      if (a.error != b.error) return !a.error;
      return a.score > b.score;
    });
    // Column widths: fixed for rank, score, lang; the rest shares the terminal width.
    size_t id_w = 8;
    for (const Row& r : m_rows) id_w = std::max(id_w, utf8_width(r.id));
    const size_t fixed = 4 + 2 + 5 + 2 + 4 + 2;
    const size_t avail = m_options.width > fixed + 40 ? m_options.width - fixed : 40;
    id_w = std::min(id_w, avail / 3);
    const size_t title_w = std::min<size_t>(40, (avail - id_w) / 2);
    const size_t detail_w = avail > id_w + title_w + 4 ? avail - id_w - title_w - 4 : 10;

    auto paint = [&](const std::string& s, const char* code) {
      return m_options.color ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s;
    };
    std::string out;
    out += paint(fit("   #", 4) + "  " + fit("SCORE", 5) + "  " + fit("LANG", 4) + "  " +
                     fit("POSTING", id_w) + "  " + fit("TITLE", title_w) + "  " + "EVIDENCE",
                 "1");
    out += '\n';
    size_t rank = 0;
    for (const Row& r : m_rows) {
      char num[16];
      std::snprintf(num, sizeof num, "%4zu", ++rank);
      std::string score = r.error ? "error" : format_score(r.score);
      score = std::string(5 - std::min<size_t>(5, score.size()), ' ') + score;
      const char* colour = r.error ? "31" : r.score >= 60 ? "32" : r.score >= 30 ? "33" : "2";
      out += std::string(r.error ? "   -" : num) + "  " + paint(score, colour) + "  " +
             fit(r.lang, 4) + "  " + fit(r.id, id_w) + "  " + fit(r.title, title_w) + "  " +
             fit(r.detail, detail_w);
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += '\n';
    }
    const size_t scored = m_rows.size() - m_errors;
    out += paint(std::to_string(scored) + (scored == 1 ? " posting" : " postings") + " scored" +
                     (m_errors ? ", " + std::to_string(m_errors) + " could not be read" : "") +
                     "; profile " + escape_for_terminal(m_engine.profile().name) + ", lexicon " + m_engine.hash(),
                 "2");
    out += '\n';
    m_out.write(out);
    m_out.flush();
  }

 private:
  Output& m_out;
  const Engine& m_engine;
  ReportOptions m_options;
  std::vector<Row> m_rows;
  size_t m_errors = 0;
};

}  // namespace

std::unique_ptr<Writer> make_table_writer(Output& out, const Engine& engine, const ReportOptions& o) {
  return std::make_unique<TableWriter>(out, engine, o);
}

}  // namespace jobmatch
