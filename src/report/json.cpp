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

// The record, written field by field in the order README.md lists them. Every value is written as
// nlohmann-json writes it (report/json_text.h: its escaping, its number format); the keys are
// constant ASCII. Building an ordered_json per record and dumping it cost ~20 allocations per
// piece of evidence and a fifth of a run's CPU; here a piece of evidence costs none of its own.
class RecordWriter {
 public:
  RecordWriter(const Engine& engine) : m_engine(engine) {
    for (const auto& c : engine.lexicon().concepts) m_concepts.push_back(value(ordered_json(c.id)));
    for (const auto& s : engine.profile().sections) m_sections.push_back(value(ordered_json(s.name)));
    for (int z = 0; z <= static_cast<int>(Zone::kBoilerplate); ++z)
      m_zones.push_back(value(ordered_json(zone_name(static_cast<Zone>(z)))));
    for (int c = 0; c <= static_cast<int>(Strength::kNegated); ++c)
      m_cues.push_back(value(ordered_json(strength_name(static_cast<Strength>(c)))));
  }

  std::string render(const Result& r) const {
    const auto& sections = m_engine.profile().sections;
    std::string o;
    o.reserve(512 + 160 * r.matched.size());
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
    field("{\"id\":", display_id(r.id));
    if (r.error) {
      field(",\"error\":{\"kind\":", r.error->kind);
      field(",\"message\":", r.error->message);
      o += "}}";
      return o;
    }
    field(",\"score\":", r.score);
    field(",\"lang\":", r.lang);
    field(",\"title\":", r.title);
    field(",\"encoding\":", r.encoding);
    if (!r.warnings.empty()) field(",\"warnings\":", r.warnings);
    o += ",\"sections\":{";
    for (size_t s = 0; s < sections.size(); ++s) {
      if (s) o += ',';
      o += m_sections[s];
      field(":", round_to(r.coverage[s], 1000));
    }
    o += '}';
    if (r.title_score >= 0) {
      field(",\"title_match\":{\"value\":", r.title_score);
      o += ",\"concepts\":";
      ids(o, r.title_concepts);
      o += '}';
    }
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
    o += "],\"missing\":";
    ids(o, r.missing);
    o += ",\"missing_must\":";
    ids(o, r.missing_must);
    const auto& roles = m_engine.roles();
    if (!roles.empty()) {
      field(",\"role\":", r.role == kNoRole ? std::string("none")
                           : r.role < 0     ? m_engine.profile().name
                                            : roles[static_cast<size_t>(r.role)].profile.name);
      field(",\"role_margin\":", r.role_margin);
      field(",\"role_scores\":{", m_engine.profile().name);
      field(":", r.profile_score);
      for (size_t k = 0; k < roles.size() && k < r.role_scores.size(); ++k) {
        field(",", roles[k].profile.name);
        field(":", r.role_scores[k]);
      }
      o += '}';
    }
    o += '}';
    return o;
  }

 private:
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
};

class JsonWriter : public Writer {
 public:
  JsonWriter(Output& out, const Engine& engine, bool lines)
      : m_out(out), m_record(engine), m_lines(lines) {
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

std::unique_ptr<Writer> make_json_writer(Output& out, const Engine& engine, bool lines) {
  return std::make_unique<JsonWriter>(out, engine, lines);
}

}  // namespace jobmatch
