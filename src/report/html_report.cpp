#include "report/html_report.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "report/escape.h"
#include "report/html_charts.h"
#include "report/html_util.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

using nlohmann::ordered_json;

constexpr size_t kTopConcepts = 4;    // strongest matched concepts shown in a row
constexpr size_t kLeastCovered = 12;  // concepts listed before "all concepts"
// Rows laid out at first; the rest wait behind "Show all" (laying out 2,000 table rows takes a
// browser about a second, 200 rows a tenth of that). Sorting and filtering see every row.
constexpr size_t kShownRows = 200;

std::string dump(const ordered_json& j) {
  // Strings are valid UTF-8 by construction; replace guards against any slip.
  // Bidi controls and invisible characters as \u escapes (the same values for the script).
  return json_escape_display(j.dump(-1, ' ', false, ordered_json::error_handler_t::replace));
}

ordered_json spans_json(const std::vector<Evidence>& spans, const Utf16Text& text, size_t kept) {
  ordered_json out = ordered_json::array();
  for (const Evidence& e : spans) {
    // [begin, end) in UTF-16 units of the shown text, or -1 when cut off; line in the input;
    // zone; cue; factor; the matched text.
    const bool shown = e.text_end <= kept && e.text_begin <= e.text_end;
    out.push_back(ordered_json::array({shown ? static_cast<int64_t>(text.utf16[e.text_begin]) : -1,
                                       shown ? static_cast<int64_t>(text.utf16[e.text_end]) : -1,
                                       e.line, zone_name(e.zone), strength_name(e.cue),
                                       std::round(e.factor * 1000) / 1000, e.text}));
  }
  return out;
}

ordered_json concepts_json(const std::vector<MatchedConcept>& list, const Utf16Text& text,
                           size_t kept) {
  ordered_json out = ordered_json::array();
  for (const MatchedConcept& m : list) {
    ordered_json j = {{"c", m.concept_index},
                      {"section", m.section},
                      {"weight", m.weight},
                      {"strength", m.strength}};
    if (m.must) j["must"] = true;
    j["spans"] = spans_json(m.spans, text, kept);
    out.push_back(std::move(j));
  }
  return out;
}

// The explanation's data of one posting.
std::string detail_json(const Result& r, const HtmlReportOptions& o) {
  ordered_json j;
  j["id"] = display_id(r.id);
  if (r.error) {
    j["error"] = {{"kind", r.error->kind}, {"message", sanitize_utf8(r.error->message)}};
    return dump(j);
  }
  const size_t kept = utf8_prefix(r.text, o.max_text_bytes).size();
  const Utf16Text text = to_utf16_offsets(std::string_view(r.text).substr(0, kept));
  j["title"] = r.title;
  j["score"] = r.score;
  j["lang"] = r.lang;
  j["encoding"] = r.encoding;
  if (!r.warnings.empty()) j["warnings"] = r.warnings;
  j["coverage"] = r.coverage;
  j["title_value"] = r.title_score;
  j["title_concepts"] = r.title_concepts;
  if (!r.stated_role.empty()) j["stated_role"] = r.stated_role;
  j["matched"] = concepts_json(r.matched, text, kept);
  j["ignored"] = concepts_json(r.ignored, text, kept);
  j["missing"] = r.missing;
  j["missing_must"] = r.missing_must;
  if (kept < r.text.size()) j["cut"] = r.text.size();
  j["text"] = text.text;
  return dump(j);
}

// What the table, the charts and the statistics keep of one posting.
struct Row {
  size_t index = 0;  // input order, 0-based; the anchor is "p" + (index + 1)
  std::string id, title, lang, error;
  bool failed = false;
  double score = 0;
  std::vector<double> coverage;
  std::vector<size_t> top;           // strongest matched concepts
  size_t more = 0;                   // matched concepts beyond top
  std::vector<size_t> missing_must;  // concept indexes
};

std::string anchor(size_t index) { return "p" + std::to_string(index + 1); }

class HtmlReportWriter : public Writer {
 public:
  HtmlReportWriter(Output& out, const Engine& engine, const HtmlReportOptions& options)
      : m_out(out),
        m_engine(engine),
        m_options(options),
        m_mentions(engine.lexicon().concepts.size(), 0) {}

  std::string render(const Result& r) const override { return detail_json(r, m_options); }

  void write(const Result& r, std::string&& rendered) override {
    Row row;
    row.index = m_rows.size();
    row.id = display_id(r.id);
    if (r.error) {
      row.failed = true;
      row.error = r.error->kind + ": " + sanitize_utf8(r.error->message);
    } else {
      row.title = r.title;
      row.lang = r.lang;
      row.score = r.score;
      row.coverage = r.coverage;
      std::vector<const MatchedConcept*> by_weight;
      for (const MatchedConcept& m : r.matched) {
        by_weight.push_back(&m);
        ++m_mentions[m.concept_index];
      }
      std::stable_sort(by_weight.begin(), by_weight.end(),
                       [](const MatchedConcept* a, const MatchedConcept* b) {
                         return a->weight * a->strength > b->weight * b->strength;
                       });
      for (size_t k = 0; k < by_weight.size() && k < kTopConcepts; ++k)
        row.top.push_back(by_weight[k]->concept_index);
      row.more = by_weight.size() - row.top.size();
      row.missing_must = r.missing_must;
      ++m_scored;
    }
    m_rows.push_back(std::move(row));
    if (m_chunk_count == 0) m_chunk_starts.push_back(m_rows.size() - 1);
    m_chunk += m_chunk_count == 0 ? "[" : ",";
    m_chunk += rendered.empty() ? render(r) : rendered;
    if (++m_chunk_count >= m_options.chunk_postings || m_chunk.size() >= m_options.chunk_bytes)
      pack_chunk();
  }

  void finish() override {
    pack_chunk();
    m_id_prefix = id_prefix();
    m_out.write(page());
    m_out.flush();
  }

 private:
  void pack_chunk() {
    if (m_chunk_count == 0) return;
    m_chunk += "]";
    m_chunks.push_back(base64_encode(zlib_compress(m_chunk)));
    m_chunk.clear();
    m_chunk_count = 0;
  }

  const std::string& label(size_t concept_index) const {
    return m_engine.lexicon().concepts[concept_index].label;
  }
  const std::string& concept_id(size_t concept_index) const {
    return m_engine.lexicon().concepts[concept_index].id;
  }

  // Scored rows by score, best first (ties in input order), then the errors in input order.
  std::vector<const Row*> ranked() const {
    std::vector<const Row*> out;
    for (const Row& r : m_rows) out.push_back(&r);
    std::stable_sort(out.begin(), out.end(), [](const Row* a, const Row* b) {
      if (a->failed != b->failed) return !a->failed;
      return !a->failed && a->score > b->score;
    });
    return out;
  }

  std::string chip(size_t concept_index, const char* cls) const {
    return std::string("<span class=\"") + cls + "\" title=\"" +
           html_escape(concept_id(concept_index)) + "\">" + html_escape(label(concept_index)) +
           "</span>";
  }

  std::string table_row(const Row& r, size_t rank) const {
    const std::string a = anchor(r.index);
    std::string s = "<tr id=\"" + a + "\" data-i=\"" + std::to_string(r.index + 1) +
                    "\" data-rank=\"" + std::to_string(rank) + "\" data-score=\"" +
                    (r.failed ? "-1" : format_score(r.score)) + "\" data-lang=\"" +
                    (r.failed ? "error" : html_escape(r.lang)) + "\"";
    const bool beyond = rank > kShownRows;
    if (r.failed || beyond)
      s += std::string(" class=\"") + (r.failed ? "failed" : "") + (r.failed && beyond ? " " : "") +
           (beyond ? "beyond" : "") + "\"";
    s += ">";
    s += "<td class=\"rank\">" + std::to_string(rank) + "</td>";
    if (r.failed) {
      s += "<td class=\"score\">—</td><td class=\"title\"><a href=\"#" + a +
           "\">error: " + html_escape(r.error) +
           "</a></td><td class=\"lang\"></td><td class=\"concepts\"></td><td class=\"must\"></td>";
    } else {
      const std::string score = format_score(r.score);
      s += "<td class=\"score\"><span class=\"sbar\" style=\"--s:" + score + "\"></span><b>" +
           score + "</b></td>";
      s += "<td class=\"title\"><a href=\"#" + a + "\">" +
           (r.title.empty() ? std::string("(no title)") : html_escape(r.title)) + "</a></td>";
      s += "<td class=\"lang\">" + html_escape(r.lang) + "</td><td class=\"concepts\">";
      for (const size_t c : r.top) s += chip(c, "chip");
      if (r.more > 0) s += "<span class=\"more\">+" + std::to_string(r.more) + "</span>";
      s += "</td><td class=\"must\">";
      for (const size_t c : r.missing_must) s += chip(c, "chip miss");
      s += "</td>";
    }
    s += "<td class=\"id\" title=\"" + html_escape(r.id) + "\">" +
         html_escape(std::string_view(r.id).substr(m_id_prefix)) + "</td></tr>\n";
    return s;
  }

  std::string summary(const std::vector<const Row*>& order) const {
    std::vector<double> scores;
    for (const Row* r : order)
      if (!r->failed) scores.push_back(r->score);
    auto card = [](const std::string& value, const std::string& what) {
      return "<div class=\"card\"><b>" + value + "</b><span>" + what + "</span></div>";
    };
    std::string s = "<section class=\"cards\" aria-label=\"Summary\">";
    s += card(std::to_string(m_rows.size()), m_rows.size() == 1 ? "posting" : "postings");
    s += card(std::to_string(m_scored), "scored");
    s += card(std::to_string(m_rows.size() - m_scored),
              m_rows.size() - m_scored == 1 ? "error" : "errors");
    if (!scores.empty()) {
      // scores are in descending order
      const size_t n = scores.size();
      const double median = n % 2 ? scores[n / 2] : (scores[n / 2 - 1] + scores[n / 2]) / 2;
      s += card(format_score(median), "median score");
      s += card(format_score(scores.front()), "best score");
      size_t good = 0;
      for (const double v : scores) good += v >= 50;
      s += card(std::to_string(good), "at 50 or above");
    }
    return s + "</section>\n";
  }

  std::string least_covered() const {
    const Profile& p = m_engine.profile();
    struct Item {
      size_t concept_index, section;
      double weight;
      bool must;
      size_t count;
    };
    std::vector<Item> items;
    for (size_t s = 0; s < p.sections.size(); ++s)
      for (const ProfileConcept& pc : p.sections[s].concepts)
        items.push_back({pc.concept_index, s, pc.weight, pc.must, m_mentions[pc.concept_index]});
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      if (a.count != b.count) return a.count < b.count;
      return a.weight > b.weight;
    });
    auto li = [&](const Item& it) {
      const double share =
          m_scored ? static_cast<double>(it.count) / static_cast<double>(m_scored) : 0;
      char pct[32];
      std::snprintf(pct, sizeof pct, share > 0 && share < 0.1 ? "%.1f%%" : "%.0f%%", 100 * share);
      return "<li data-concept=\"" + html_escape(concept_id(it.concept_index)) +
             "\"><span class=\"name\" title=\"" + html_escape(concept_id(it.concept_index)) +
             "\">" + html_escape(label(it.concept_index)) +
             (it.must ? " <em class=\"mustflag\">must</em>" : "") + "</span><span class=\"sec\">" +
             html_escape(p.sections[it.section].label) + " · weight " +
             format_number(it.weight, 2) +
             "</span><span class=\"cbar\" style=\"--s:" + format_number(100 * share, 1) +
             "\"></span><span class=\"pct\">" + pct + " <small>(" + std::to_string(it.count) +
             " of " + std::to_string(m_scored) + ")</small></span></li>";
    };
    std::string s =
        "<section class=\"least\" aria-labelledby=\"least-h\"><h2 id=\"least-h\">Covered "
        "least</h2>";
    if (m_scored == 0) return s + "<p class=\"note\">No posting was scored.</p></section>\n";
    s += "<p class=\"note\">Share of the " + std::to_string(m_scored) +
         " scored postings that ask for each concept of the profile (with counted "
         "evidence).</p><ol class=\"cover\">";
    for (size_t k = 0; k < items.size() && k < kLeastCovered; ++k) s += li(items[k]);
    s += "</ol>";
    if (items.size() > kLeastCovered) {
      s += "<details><summary>All " + std::to_string(items.size()) +
           " concepts</summary><ol class=\"cover\">";
      for (const Item& it : items) s += li(it);
      s += "</ol></details>";
    }
    return s + "</section>\n";
  }

  std::string charts(const std::vector<const Row*>& order) const {
    std::vector<double> scores;
    std::vector<HeatmapRow> rows;
    for (const Row* r : order) {
      if (r->failed) continue;
      scores.push_back(r->score);
      rows.push_back(
          {anchor(r->index),
           std::to_string(rows.size() + 1) + ". " + r->title + " (" + format_score(r->score) + ")",
           r->coverage});
    }
    std::vector<std::string> columns;
    for (const Section& sec : m_engine.profile().sections) columns.push_back(sec.label);
    std::string s = "<section class=\"overview\" aria-label=\"Batch overview\"><div class=\"col\">";
    s += "<figure><figcaption>Scores <small>(click a bar to filter)</small></figcaption>" +
         histogram_svg(score_bins(scores)) + "</figure>";
    s += least_covered();
    s += "</div><figure class=\"hm\"><figcaption>Section coverage by posting <small>(rows in rank "
         "order; click "
         "to open)</small></figcaption>" +
         heatmap_svg(columns, rows) + "</figure></section>\n";
    return s;
  }

  // The folder all ids share ("/data/ads/"), left out of the id column; 0 if none.
  size_t id_prefix() const {
    if (m_rows.empty()) return 0;
    std::string_view common = m_rows.front().id;
    for (const Row& r : m_rows) {
      size_t n = 0;
      while (n < common.size() && n < r.id.size() && common[n] == r.id[n]) ++n;
      common = common.substr(0, n);
    }
    const size_t slash = common.rfind('/');
    return slash == std::string_view::npos ? 0 : slash + 1;
  }

  std::string table(const std::vector<const Row*>& order) const {
    std::map<std::string, size_t> langs;
    for (const Row& r : m_rows) ++langs[r.failed ? "error" : r.lang];
    std::string s =
        "<section class=\"postings\" aria-labelledby=\"postings-h\"><h2 "
        "id=\"postings-h\">Postings</h2>";
    s += "<div class=\"controls\"><input id=\"filter\" type=\"search\" placeholder=\"Filter: "
         "title, concept, id…\" "
         "aria-label=\"Filter postings\" autocomplete=\"off\"><select id=\"lang\" "
         "aria-label=\"Language\">"
         "<option value=\"\">all languages</option>";
    for (const auto& [lang, n] : langs)
      s += "<option value=\"" + html_escape(lang) + "\">" +
           (lang == "error" ? std::string("errors") : html_escape(lang)) + " (" +
           std::to_string(n) + ")</option>";
    s += "</select><button id=\"binchip\" type=\"button\" hidden></button>";
    if (m_id_prefix > 0)
      s += "<span class=\"note\">ids under " +
           html_escape(std::string_view(m_rows.front().id).substr(0, m_id_prefix)) + "</span>";
    s += "<span id=\"count\" aria-live=\"polite\">" + std::to_string(m_rows.size()) +
         " postings</span></div>";
    s +=
        std::string("<table id=\"postings\"") +
        (m_rows.size() > kShownRows ? " class=\"limited\"" : "") +
        "><thead><tr>"
        "<th class=\"rank\" data-key=\"rank\" aria-sort=\"ascending\"><button "
        "type=\"button\">#</button></th>"
        "<th class=\"score\" data-key=\"score\"><button type=\"button\">Score</button></th>"
        "<th class=\"title\" data-key=\"title\"><button type=\"button\">Title</button></th>"
        "<th class=\"lang\" data-key=\"lang\"><button type=\"button\">Lang</button></th>"
        "<th class=\"concepts\">Top matched concepts</th><th class=\"must\">Missing must-haves</th>"
        "<th class=\"id\" data-key=\"id\"><button "
        "type=\"button\">Id</button></th></tr></thead>\n<tbody>\n";
    size_t rank = 0;
    for (const Row* r : order) s += table_row(*r, ++rank);
    s += "</tbody></table>";
    if (m_rows.size() > kShownRows)
      s += "<noscript><style>#postings tr.beyond { display: table-row; }</style></noscript>"
           "<p class=\"showall\"><button id=\"showall\" type=\"button\">Show all " +
           std::to_string(m_rows.size()) + " postings</button></p>";
    if (m_rows.empty()) s += "<p class=\"note\">No input.</p>";
    return s + "</section>\n";
  }

  std::string meta(const std::vector<const Row*>& order) const {
    const Lexicon& lex = m_engine.lexicon();
    const Profile& p = m_engine.profile();
    ordered_json j;
    j["version"] = m_options.version;
    j["lexicon"] = m_engine.hash();
    j["source"] = sanitize_utf8(m_engine.source());
    j["profile"] = {{"name", p.name},
                    {"label", p.label},
                    {"penalty", p.penalty},
                    {"title_weight", p.title.weight}};
    ordered_json sections = ordered_json::array();
    for (const Section& s : p.sections) {
      ordered_json cs = ordered_json::array();
      for (const ProfileConcept& pc : s.concepts)
        cs.push_back({pc.concept_index, pc.weight, pc.must});
      sections.push_back({{"name", s.name},
                          {"label", s.label},
                          {"weight", s.weight},
                          {"need", s.need},
                          {"concepts", std::move(cs)}});
    }
    j["sections"] = std::move(sections);
    ordered_json concepts = ordered_json::array();
    for (const Concept& c : lex.concepts) concepts.push_back({c.id, c.label});
    j["concepts"] = std::move(concepts);
    j["count"] = m_rows.size();
    j["chunks"] = m_chunk_starts;
    ordered_json rank = ordered_json::array();
    for (const Row* r : order)
      if (!r->failed) rank.push_back(r->index + 1);
    j["ranked"] = std::move(rank);
    j["max_text"] = m_options.max_text_bytes;
    j["shown_rows"] = kShownRows;
    return json_for_script(dump(j));
  }

  std::string page() const {
    const Profile& p = m_engine.profile();
    const std::vector<const Row*> order = ranked();
    const std::string data = "profile " + p.name + " (" + p.label + ") · lexicon " +
                             m_engine.hash() + " (" + m_engine.source() + ") · jobmatch " +
                             m_options.version;
    const std::string postings =
        std::to_string(m_rows.size()) + (m_rows.size() == 1 ? " posting" : " postings");
    std::string s;
    s.reserve(4096 + 700 * m_rows.size() + m_chunks.size() * m_options.chunk_bytes / 3);
    s += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
         "'unsafe-inline'; "
         "script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"jobmatch " +
         html_escape(m_options.version) +
         "\">\n"
         "<title>jobmatch report: " +
         postings + " against " + html_escape(p.label) + "</title>\n<style>\n";
    s += kHtmlReportCss;
    s += "</style>\n</head>\n<body>\n<header class=\"top\"><h1>jobmatch report</h1><p>" + postings +
         " scored against the <b>" + html_escape(p.label) + "</b> profile</p></header>\n<main>\n";
    s += summary(order);
    s += table(order);
    s += charts(order);
    s += "</main>\n<aside id=\"panel\" hidden aria-label=\"Explanation\"></aside>\n";
    s += "<footer><span>" + html_escape(data) + "</span><span>" + postings +
         " · generated offline, no network</span></footer>\n";
    s += "<script type=\"application/json\" id=\"jm-meta\">" + meta(order) + "</script>\n";
    for (size_t k = 0; k < m_chunks.size(); ++k)
      s += "<script type=\"application/x-jobmatch-chunk\" id=\"jm-c" + std::to_string(k) + "\">" +
           m_chunks[k] + "</script>\n";
    s += "<script>\n";
    s += kHtmlReportJs;
    s += "</script>\n</body>\n</html>\n";
    return s;
  }

  Output& m_out;
  const Engine& m_engine;
  HtmlReportOptions m_options;
  std::vector<Row> m_rows;
  std::vector<size_t> m_mentions;  // per lexicon concept: scored postings that matched it
  size_t m_scored = 0;
  size_t m_id_prefix = 0;  // of every id, the folder they share (id_prefix())
  std::string m_chunk;     // JSON array of the current chunk's explanations, being filled
  size_t m_chunk_count = 0;
  std::vector<size_t> m_chunk_starts;  // first posting (0-based) of each chunk
  std::vector<std::string> m_chunks;   // packed: base64 of zlib
};

}  // namespace

std::unique_ptr<Writer> make_html_report_writer(Output& out, const Engine& engine,
                                                const HtmlReportOptions& options) {
  return std::make_unique<HtmlReportWriter>(out, engine, options);
}

}  // namespace jobmatch
