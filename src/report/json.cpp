// JSON Lines (one record per input, input order) and JSON (the same records in one array).
// The record is the contract of DESIGN.md; README.md documents every field.
#include <cmath>
#include <nlohmann/json.hpp>

#include "report/writer.h"

namespace jobmatch {
namespace {

using nlohmann::ordered_json;

double round_to(double v, double scale) { return std::round(v * scale) / scale; }

// nlohmann escapes C0 controls but writes DEL and the C1 controls (U+0080..U+009F, among them
// the CSI introducer U+009B) as they are. In UTF-8 those are 0x7F and 0xC2 0x80..0x9F, which
// stand for nothing else, so they are escaped here byte-wise.
std::string escape_c1(std::string s) {
  static const char* hex = "0123456789abcdef";
  if (s.find('\x7f') == std::string::npos && s.find('\xc2') == std::string::npos) return s;
  std::string out;
  out.reserve(s.size() + 16);
  for (size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b == 0x7F) {
      out += "\\u007f";
    } else if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      const auto c = static_cast<unsigned char>(s[++i]);
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += s[i];
    }
  }
  return out;
}

ordered_json record(const Result& r, const Engine& engine) {
  const auto& lex = engine.lexicon();
  const auto& sections = engine.profile().sections;
  ordered_json j;
  j["id"] = display_id(r.id);
  if (r.error) {
    j["error"] = {{"kind", r.error->kind}, {"message", r.error->message}};
    return j;
  }
  j["score"] = r.score;
  j["lang"] = r.lang;
  j["title"] = r.title;
  j["encoding"] = r.encoding;
  if (!r.warnings.empty()) j["warnings"] = r.warnings;
  ordered_json cov = ordered_json::object();
  for (size_t s = 0; s < sections.size(); ++s) cov[sections[s].name] = round_to(r.coverage[s], 1000);
  j["sections"] = std::move(cov);
  if (r.title_score >= 0) {
    ordered_json tc = ordered_json::array();
    for (const size_t c : r.title_concepts) tc.push_back(lex.concepts[c].id);
    j["title_match"] = {{"value", r.title_score}, {"concepts", std::move(tc)}};
  }
  ordered_json matched = ordered_json::array();
  for (const MatchedConcept& m : r.matched) {
    ordered_json spans = ordered_json::array();
    for (const Evidence& e : m.spans)
      spans.push_back({{"start", e.start}, {"end", e.end}, {"line", e.line}, {"text", e.text},
                       {"zone", zone_name(e.zone)}, {"cue", strength_name(e.cue)},
                       {"factor", round_to(e.factor, 1000)}});
    ordered_json mj = {{"concept", lex.concepts[m.concept_index].id},
                       {"section", sections[m.section].name},
                       {"weight", m.weight},
                       {"strength", m.strength}};
    if (m.must) mj["must"] = true;
    if (m.span_count > m.spans.size()) mj["span_count"] = m.span_count;
    mj["spans"] = std::move(spans);
    matched.push_back(std::move(mj));
  }
  j["matched"] = std::move(matched);
  ordered_json missing = ordered_json::array(), must = ordered_json::array();
  for (const size_t c : r.missing) missing.push_back(lex.concepts[c].id);
  for (const size_t c : r.missing_must) must.push_back(lex.concepts[c].id);
  j["missing"] = std::move(missing);
  j["missing_must"] = std::move(must);
  return j;
}

class JsonWriter : public Writer {
 public:
  JsonWriter(Output& out, const Engine& engine, bool lines)
      : m_out(out), m_engine(engine), m_lines(lines) {
    if (!m_lines) m_out.write("[");
  }

  std::string render(const Result& r) const override {
    // Strings are valid UTF-8 by construction; replace guards against any slip.
    return escape_c1(
        record(r, m_engine).dump(-1, ' ', false, ordered_json::error_handler_t::replace));
  }

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
  const Engine& m_engine;
  bool m_lines;
  bool m_first = true;
};

}  // namespace

std::unique_ptr<Writer> make_json_writer(Output& out, const Engine& engine, bool lines) {
  return std::make_unique<JsonWriter>(out, engine, lines);
}

}  // namespace jobmatch
