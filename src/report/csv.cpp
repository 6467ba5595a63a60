// TSV and CSV: one header line (unless ReportOptions::header is off), then one row per record.
// Default columns: id, score, lang, title, one coverage column per profile section, matched
// concept ids (space-separated), missing must-haves, error, then one column per --keep-field.
// ReportOptions::fields chooses the columns instead, in its order (README, Output). CSV quoting
// follows RFC 4180. Text cells are neutralised against spreadsheet formula injection
// (safe_cell); an id cell is written as it is unless it would be a formula (safe_id_cell), so
// that it joins back to the input.
#include <cstdio>

#include "report/writer.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

// What one column holds.
enum class Column {
  kId, kScore, kLang, kTitle, kEncoding, kWarnings, kSection, kTitleMatch, kMatched, kMissing,
  kMissingMust, kRole, kRoleMargin, kRoleScores, kError, kKept
};

struct ColumnSpec {
  Column what;
  size_t index = 0;  // the section (kSection) or the kept field (kKept)
  std::string name;  // the header
};

std::string fixed(double v, const char* format) {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

class DelimitedWriter : public Writer {
 public:
  DelimitedWriter(Output& out, const Engine& engine, char sep, const ReportOptions& o)
      : m_out(out), m_engine(engine), m_sep(sep) {
    std::vector<std::string> fields = o.fields;
    if (fields.empty()) {
      fields = {"id", "score", "lang", "title", "sections", "matched", "missing_must", "error"};
      if (!o.keep_fields.empty()) fields.emplace_back("fields");
    }
    for (const std::string& f : fields) add_columns(f, o.keep_fields);
    if (o.header) {
      std::vector<std::string> header;
      for (const ColumnSpec& c : m_columns) header.push_back(c.name);
      m_out.write(row(header, false));
    }
  }

  void write(const Result&, std::string&& rendered) override { m_out.write(rendered); }
  bool writes_rendered_only() const override { return true; }

  std::string render(const Result& r) const override {
    std::vector<std::string> cells;
    cells.reserve(m_columns.size());
    for (const ColumnSpec& c : m_columns) cells.push_back(cell(r, c));
    return row(cells, true);
  }

  void finish() override { m_out.flush(); }

 private:
  // The columns of one --fields name: a record field, "sections" (one per section), "fields"
  // (one per kept field) or a kept field's name. The names are checked by the caller.
  void add_columns(const std::string& f, const std::vector<std::string>& keep) {
    static const std::pair<const char*, Column> simple[] = {
        {"id", Column::kId},           {"score", Column::kScore},       {"lang", Column::kLang},
        {"title", Column::kTitle},     {"encoding", Column::kEncoding}, {"warnings", Column::kWarnings},
        {"title_match", Column::kTitleMatch}, {"matched", Column::kMatched}, {"missing", Column::kMissing},
        {"missing_must", Column::kMissingMust}, {"role", Column::kRole}, {"role_margin", Column::kRoleMargin},
        {"role_scores", Column::kRoleScores},   {"error", Column::kError}};
    for (const auto& [name, what] : simple)
      if (f == name) {
        m_columns.push_back({what, 0, f});
        return;
      }
    if (f == "sections") {
      const auto& sections = m_engine.profile().sections;
      for (size_t s = 0; s < sections.size(); ++s) m_columns.push_back({Column::kSection, s, sections[s].name});
      return;
    }
    for (size_t k = 0; k < keep.size(); ++k)
      if (f == "fields" || f == keep[k]) m_columns.push_back({Column::kKept, k, keep[k]});
  }

  std::string ids(const std::vector<size_t>& concepts) const {
    std::string out;
    for (const size_t c : concepts) out += (out.empty() ? "" : " ") + m_engine.lexicon().concepts[c].id;
    return out;
  }

  // A cell's text; an error record has its id, its error and its kept fields, nothing else.
  std::string cell(const Result& r, const ColumnSpec& c) const {
    switch (c.what) {
      case Column::kId: return r.id;
      case Column::kError: return r.error ? r.error->kind + ": " + r.error->message : "";
      case Column::kKept: return c.index < r.kept.size() ? r.kept[c.index].value : "";
      default: break;
    }
    if (r.error) return "";
    switch (c.what) {
      case Column::kScore: return format_score(r.score);
      case Column::kLang: return r.lang;
      case Column::kTitle: return r.title;
      case Column::kEncoding: return r.encoding;
      case Column::kWarnings: {
        std::string out;
        for (const std::string& w : r.warnings) out += (out.empty() ? "" : "; ") + w;
        return out;
      }
      case Column::kSection: return c.index < r.coverage.size() ? fixed(r.coverage[c.index], "%.2f") : "";
      case Column::kTitleMatch: return r.title_score >= 0 ? fixed(r.title_score, "%.3f") : "";
      case Column::kMatched: {
        std::string out;
        for (const auto& m : r.matched) out += (out.empty() ? "" : " ") + m_engine.lexicon().concepts[m.concept_index].id;
        return out;
      }
      case Column::kMissing: return ids(r.missing);
      case Column::kMissingMust: return ids(r.missing_must);
      case Column::kRole: return role_name(r.role);
      case Column::kRoleMargin: return m_engine.roles().empty() ? "" : format_score(r.role_margin);
      case Column::kRoleScores: {
        // profile=score role=score ..., as the record's role_scores
        const auto& roles = m_engine.roles();
        if (roles.empty()) return "";
        std::string out = m_engine.profile().name + "=" + format_score(r.profile_score);
        for (size_t k = 0; k < roles.size() && k < r.role_scores.size(); ++k)
          out += " " + roles[k].profile.name + "=" + format_score(r.role_scores[k]);
        return out;
      }
      default: return "";
    }
  }

  std::string role_name(int role) const {
    const auto& roles = m_engine.roles();
    if (roles.empty()) return "";
    if (role == kNoRole) return "none";
    return role < 0 ? m_engine.profile().name : roles[static_cast<size_t>(role)].profile.name;
  }

  // One line; with `record`, the first column's kind decides the guard of each cell (an id cell
  // verbatim unless a formula, every other cell a text cell).
  std::string row(const std::vector<std::string>& cells, bool record) const {
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) line += m_sep;
      const std::string cell =
          record && m_columns[i].what == Column::kId ? safe_id_cell(cells[i]) : safe_cell(cells[i]);
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
  std::vector<ColumnSpec> m_columns;
};

}  // namespace

std::unique_ptr<Writer> make_delimited_writer(Output& out, const Engine& engine, char sep, const ReportOptions& o) {
  return std::make_unique<DelimitedWriter>(out, engine, sep, o);
}

}  // namespace jobmatch
