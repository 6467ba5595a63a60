// TSV and CSV: one header line, then one row per input in input order.
// Columns: id, score, lang, title, one coverage column per profile section, matched concept ids
// (space-separated), missing must-haves, error. CSV quoting follows RFC 4180; every text cell is
// neutralised against spreadsheet formula injection (safe_cell).
#include <sstream>

#include "report/writer.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

class DelimitedWriter : public Writer {
 public:
  DelimitedWriter(Output& out, const Engine& engine, char sep)
      : m_out(out), m_engine(engine), m_sep(sep) {
    std::vector<std::string> header = {"id", "score", "lang", "title"};
    for (const Section& s : engine.profile().sections) header.push_back(s.name);
    header.insert(header.end(), {"matched", "missing_must", "error"});
    m_out.write(row(header));
  }

  void write(const Result&, std::string&& rendered) override { m_out.write(rendered); }
  bool writes_rendered_only() const override { return true; }

  std::string render(const Result& r) const override {
    std::vector<std::string> cells;
    cells.push_back(display_id(r.id));
    const auto& lex = m_engine.lexicon();
    if (r.error) {
      cells.insert(cells.end(), {"", "", ""});
      for (size_t i = 0; i < m_engine.profile().sections.size(); ++i) cells.emplace_back();
      cells.insert(cells.end(), {"", "", r.error->kind + ": " + r.error->message});
    } else {
      cells.push_back(format_score(r.score));
      cells.push_back(r.lang);
      cells.push_back(r.title);
      for (const double c : r.coverage) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%.2f", c);
        cells.emplace_back(buf);
      }
      std::string matched, must;
      for (const auto& m : r.matched) matched += (matched.empty() ? "" : " ") + lex.concepts[m.concept_index].id;
      for (const size_t c : r.missing_must) must += (must.empty() ? "" : " ") + lex.concepts[c].id;
      cells.push_back(matched);
      cells.push_back(must);
      cells.emplace_back();
    }
    return row(cells);
  }

  void finish() override { m_out.flush(); }

 private:
  std::string row(const std::vector<std::string>& cells) const {
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) line += m_sep;
      const std::string cell = safe_cell(cells[i]);
      if (m_sep == ',' && cell.find_first_of(",\"\r\n") != std::string::npos) {
        line += '"';
        for (const char c : cell) line += c == '"' ? std::string("\"\"") : std::string(1, c);
        line += '"';
      } else {
        line += cell;
      }
    }
    line += m_sep == ',' ? "\r\n" : "\n";
    return line;
  }

  Output& m_out;
  const Engine& m_engine;
  char m_sep;
};

}  // namespace

std::unique_ptr<Writer> make_delimited_writer(Output& out, const Engine& engine, char sep) {
  return std::make_unique<DelimitedWriter>(out, engine, sep);
}

}  // namespace jobmatch
