// JSON Lines (one record per input, input order) and JSON (the same records in one array).
// The record is part of the CLI contract: README.md documents every field, record.schema.json its shape.
#include <cmath>
#include <concepts>
#include <nlohmann/json.hpp>

#include "report/json_text.h"
#include "report/writer.h"

namespace jobmatch {
namespace {

using nlohmann::ordered_json;

double round_to(double v, double scale) { return std::round(v * scale) / scale; }

// A field's place in kRecordFieldNames, found at compile time (a misspelt name does not compile).
struct FieldIndex {
  size_t i;
  consteval FieldIndex(const char* name) : i(kRecordFieldNames.size()) {
    for (size_t k = 0; k < kRecordFieldNames.size(); ++k)
      if (kRecordFieldNames[k] == name) i = k;
    if (i == kRecordFieldNames.size()) throw "not a record field";
  }
};

// The record, written field by field in the order README.md lists them (those --fields names). Every value is written as
// nlohmann-json writes it (report/json_text.h: its escaping, its number format); the keys are
// constant ASCII. Building an ordered_json per record and dumping it cost ~20 allocations per
// piece of evidence and a fifth of a run's CPU; here a piece of evidence costs none of its own.
class RecordWriter {
 public:
  RecordWriter(const Engine& engine, const ReportOptions& o) : m_engine(engine) {
    for (const auto& c : engine.lexicon().concepts) m_concepts.push_back(value(ordered_json(c.id)));
    for (const auto& s : engine.profile().sections) m_sections.push_back(value(ordered_json(s.name)));
    for (int z = 0; z <= static_cast<int>(Zone::kBoilerplate); ++z)
      m_zones.push_back(value(ordered_json(zone_name(static_cast<Zone>(z)))));
    for (int c = 0; c <= static_cast<int>(Strength::kNegated); ++c)
      m_cues.push_back(value(ordered_json(strength_name(static_cast<Strength>(c)))));
    // The fields written: every one by default, else those named (a kept field's name keeps it
    // under "fields"). Names are checked by the caller.
    m_want.fill(o.fields.empty());
    for (const std::string& f : o.fields)
      for (size_t i = 0; i < kRecordFieldNames.size(); ++i)
        if (kRecordFieldNames[i] == f) m_want[i] = true;
    for (size_t k = 0; k < o.keep_fields.size(); ++k) {
      bool keep = o.fields.empty() || want("fields");
      for (const std::string& f : o.fields) keep = keep || f == o.keep_fields[k];
      if (keep) m_kept.push_back({k, value(ordered_json(o.keep_fields[k]))});
    }
  }

  std::string render(const Result& r) const {
    const auto& sections = m_engine.profile().sections;
    std::string o;
    // (A matched concept takes some 160 bytes, a concept id in a list some 30.)
    o.reserve(512 + 160 * r.matched.size() + 32 * (r.missing.size() + r.missing_must.size() + r.title_concepts.size()));
    // text (constant JSON: punctuation and a key), then a value
    const auto field = [&](std::string_view text, const auto& value) {
      o += text;
      using T = std::decay_t<decltype(value)>;
      if constexpr (std::same_as<T, double>)
        append_json(o, value);
      else if constexpr (std::unsigned_integral<T>)
        append_json(o, static_cast<uint64_t>(value));
      else if constexpr (std::same_as<T, std::vector<std::string>>)
        append_json(o, value);
      else
        append_json(o, std::string_view(value));
    };
    // Every field is written with a comma in front; the first one's is taken out at the end.
    o += '{';
    if (want("id")) field(",\"id\":", display_id(r.id));
    if (r.error) {  // an error record keeps its error whatever --fields names
      field(",\"error\":{\"kind\":", r.error->kind);
      field(",\"message\":", r.error->message);
      o += '}';
      kept(o, r);
      return close(o);
    }
    if (want("score")) field(",\"score\":", r.score);
    if (want("lang")) field(",\"lang\":", r.lang);
    if (want("title")) field(",\"title\":", r.title);
    if (want("encoding")) field(",\"encoding\":", r.encoding);
    if (want("warnings") && !r.warnings.empty()) field(",\"warnings\":", r.warnings);
    if (want("sections")) {
      o += ",\"sections\":{";
      for (size_t s = 0; s < sections.size(); ++s) {
        if (s) o += ',';
        o += m_sections[s];
        field(":", round_to(r.coverage[s], 1000));
      }
      o += '}';
    }
    if (want("title_match") && r.title_score >= 0) {
      field(",\"title_match\":{\"value\":", r.title_score);
      o += ",\"concepts\":";
      ids(o, r.title_concepts);
      o += '}';
    }
    if (want("matched")) matched(o, r, field);
    if (want("missing")) {
      o += ",\"missing\":";
      ids(o, r.missing);
    }
    if (want("missing_must")) {
      o += ",\"missing_must\":";
      ids(o, r.missing_must);
    }
    const auto& roles = m_engine.roles();
    if (!roles.empty()) {
      if (want("role"))
        field(",\"role\":", r.role == kNoRole ? std::string("none")
                             : r.role < 0     ? m_engine.profile().name
                                              : roles[static_cast<size_t>(r.role)].profile.name);
      if (want("role_margin")) field(",\"role_margin\":", r.role_margin);
      if (want("role_scores")) {
        field(",\"role_scores\":{", m_engine.profile().name);
        field(":", r.profile_score);
        for (size_t k = 0; k < roles.size() && k < r.role_scores.size(); ++k) {
          field(",", roles[k].profile.name);
          field(":", r.role_scores[k]);
        }
        o += '}';
      }
    }
    kept(o, r);
    return close(o);
  }

 private:
  bool want(FieldIndex f) const { return m_want[f.i]; }

  static std::string close(std::string& o) {
    if (o.size() > 1) o.erase(1, 1);  // the first field's comma
    o += '}';
    return std::move(o);
  }

  template <typename Field>
  void matched(std::string& o, const Result& r, const Field& field) const {
    o += ",\"matched\":[";
    for (size_t k = 0; k < r.matched.size(); ++k) {
      const MatchedConcept& m = r.matched[k];
      o += k ? ",{\"concept\":" : "{\"concept\":";
      o += m_concepts[m.concept_index];
      o += ",\"section\":";
      o += m_sections[m.section];
      field(",\"weight\":", m.weight);
      field(",\"strength\":", m.strength);
      if (m.must) o += ",\"must\":true";
      if (m.span_count > m.spans.size()) field(",\"span_count\":", m.span_count);
      o += ",\"spans\":[";
      for (size_t i = 0; i < m.spans.size(); ++i) {
        const Evidence& e = m.spans[i];
        if (r.extracted) {  // a PDF or DOCX: offsets into its extracted text, not into the file
          field(i ? ",{\"text_start\":" : "{\"text_start\":", e.start);
          field(",\"text_end\":", e.end);
          if (e.page) field(",\"page\":", e.page);
        } else {
          field(i ? ",{\"start\":" : "{\"start\":", e.start);
          field(",\"end\":", e.end);
        }
        field(",\"line\":", e.line);
        field(",\"text\":", e.text);
        o += ",\"zone\":";
        o += m_zones[static_cast<size_t>(e.zone)];
        o += ",\"cue\":";
        o += m_cues[static_cast<size_t>(e.cue)];
        field(",\"factor\":", round_to(e.factor, 1000));
        o += '}';
      }
      o += "]}";
    }
    o += ']';
  }

  // "fields": the kept fields by name; a string as a string, any other JSON value as it was, a
  // field the input did not have (or an input that is no JSON record) null.
  void kept(std::string& o, const Result& r) const {
    if (m_kept.empty()) return;
    o += ",\"fields\":{";
    for (size_t i = 0; i < m_kept.size(); ++i) {
      if (i) o += ',';
      o += m_kept[i].second;
      o += ':';
      const size_t k = m_kept[i].first;
      if (k >= r.kept.size() || !r.kept[k].present) o += "null";
      else if (r.kept[k].string) append_json(o, std::string_view(r.kept[k].value));
      else o += r.kept[k].value;
    }
    o += '}';
  }

  // A value as nlohmann-json writes it; strings are valid UTF-8 by construction, and replace
  // guards against any slip.
  static std::string value(const ordered_json& j) {
    return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
  }
  void ids(std::string& o, const std::vector<size_t>& concepts) const {
    o += '[';
    for (size_t i = 0; i < concepts.size(); ++i) {
      if (i) o += ',';
      o += m_concepts[concepts[i]];
    }
    o += ']';
  }

  const Engine& m_engine;
  std::vector<std::string> m_concepts, m_sections, m_zones, m_cues;  // written once, up front
  std::array<bool, kRecordFieldNames.size()> m_want{};  // by kRecordFieldNames
  std::vector<std::pair<size_t, std::string>> m_kept;  // kept fields written: index, name as JSON
};

class JsonWriter : public Writer {
 public:
  JsonWriter(Output& out, const Engine& engine, bool lines, const ReportOptions& o)
      : m_out(out), m_record(engine, o), m_lines(lines) {
    if (!m_lines) m_out.write("[");
  }

  std::string render(const Result& r) const override {
    return json_escape_display(m_record.render(r));
  }

  bool writes_rendered_only() const override { return true; }

  void write(const Result&, std::string&& rendered) override {
    if (m_lines) {
      rendered += '\n';
    } else {
      m_out.write(m_first ? "\n" : ",\n");
    }
    m_first = false;
    m_out.write(rendered);
  }

  void finish() override {
    if (!m_lines) m_out.write(m_first ? "]\n" : "\n]\n");
    m_out.flush();
  }

 private:
  Output& m_out;
  RecordWriter m_record;
  bool m_lines;
  bool m_first = true;
};

}  // namespace

std::unique_ptr<Writer> make_json_writer(Output& out, const Engine& engine, bool lines, const ReportOptions& o) {
  return std::make_unique<JsonWriter>(out, engine, lines, o);
}

}  // namespace jobmatch
