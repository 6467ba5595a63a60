#include "report/explain.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "report/escape.h"
#include "report/writer.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

constexpr size_t kContext = 70;        // bytes of context shown either side of a span
constexpr size_t kSpansPerConcept = 3;  // evidence lines shown per concept

std::string bar(double fraction, size_t width) {
  const auto full = static_cast<size_t>(fraction * static_cast<double>(width) + 0.5);
  std::string s;
  for (size_t i = 0; i < width; ++i) s += i < full ? "█" : "░";
  return s;
}

// The evidence's line, cut to a window around it, with the span highlighted.
std::string evidence_line(std::string_view text, const Evidence& e, bool color) {
  size_t line_begin = text.rfind('\n', e.text_begin == 0 ? 0 : e.text_begin - 1);
  line_begin = (line_begin == std::string_view::npos || e.text_begin == 0) ? 0 : line_begin + 1;
  size_t line_end = text.find('\n', e.text_end);
  if (line_end == std::string_view::npos) line_end = text.size();
  size_t from = e.text_begin > line_begin + kContext ? e.text_begin - kContext : line_begin;
  size_t to = std::min(line_end, e.text_end + kContext);
  while (from > line_begin && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
  while (to < line_end && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
  const std::string open = color ? "\x1b[1;33m" : "»", close = color ? "\x1b[0m" : "«";
  std::string_view before = text.substr(from, e.text_begin - from);
  if (from == line_begin) before.remove_prefix(std::min(before.size(), before.find_first_not_of(" \t")));
  std::string out = from > line_begin ? "…" : "";
  out += escape_for_terminal(before);
  out += open + escape_for_terminal(text.substr(e.text_begin, e.text_end - e.text_begin)) + close;
  out += escape_for_terminal(text.substr(e.text_end, to - e.text_end));
  while (!out.empty() && (out.back() == ' ' || out.back() == '\r')) out.pop_back();
  if (to < line_end) out += "…";
  return out;
}

}  // namespace

std::string render_explain(const Result& r, const Engine& engine, bool color) {
  const auto& lex = engine.lexicon();
  const auto& profile = engine.profile();
  auto bold = [&](const std::string& s) { return color ? "\x1b[1m" + s + "\x1b[0m" : s; };
  std::string out;
  out += bold(escape_for_terminal(display_id(r.id))) + "\n";
  if (r.error) {
    out += "  error: " + escape_for_terminal(r.error->kind + ": " + r.error->message) + "\n";
    return out;
  }
  out += "  title    " + escape_for_terminal(r.title) + "\n";
  if (r.title_score >= 0) {
    std::string names;
    for (const size_t c : r.title_concepts) names += (names.empty() ? "" : ", ") + lex.concepts[c].id;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.2f (weight %g)", r.title_score, profile.title.weight);
    out += std::string("  role     title value ") + buf + (names.empty() ? "" : ": " + names) + "\n";
    if (!r.stated_role.empty())
      out += "           as the text states it: \"" + escape_for_terminal(r.stated_role) + "\"\n";
  } else {
    out += "  role     title not counted\n";
  }
  out += "  score    " + bold(format_score(r.score)) + " / 100   lang " + r.lang + "   encoding " +
         escape_for_terminal(r.encoding) + "\n";
  const auto& roles = engine.roles();
  if (!roles.empty() && r.role_scores.size() == roles.size()) {
    // Which role the ad reads as, and what the contrast took off the score.
    auto label_of = [&](int k) { return escape_for_terminal(k < 0 ? profile.label : roles[static_cast<size_t>(k)].profile.label); };
    int best_other = 0;
    for (size_t k = 1; k < roles.size(); ++k)
      if (r.role_scores[k] > r.role_scores[static_cast<size_t>(best_other)]) best_other = static_cast<int>(k);
    const double other = r.role_scores[static_cast<size_t>(best_other)];
    if (r.role == kNoRole) {
      out += "  reads as none of the roles (best: " + label_of(best_other) + " " + format_score(other) + ", " +
             label_of(-1) + " " + format_score(r.profile_score) + ")\n";
    } else if (r.role < 0) {
      out += "  reads as " + label_of(-1) + " (" + format_score(r.profile_score) + "; next: " + label_of(best_other) +
             " " + format_score(other) + ")\n";
    } else {
      std::string what;
      for (const size_t c : r.role_concepts) what += (what.empty() ? "" : ", ") + escape_for_terminal(lex.concepts[c].label);
      out += "  reads as " + label_of(r.role) + " (" + format_score(r.role_scores[static_cast<size_t>(r.role)]) + "; " +
             label_of(-1) + " " + format_score(r.profile_score) + ")" + (what.empty() ? "" : ": " + what) +
             (r.profile_score < 0.5 * r.role_scores[static_cast<size_t>(r.role)] && r.profile_score > 0
                  ? "; the " + label_of(-1) + "'s work only as support" : "") + "\n";
    }
    const double contrasted = r.before_floor >= 0 ? r.before_floor : r.score;
    if (contrasted != r.profile_score && r.contrast_role >= 0) {
      char weight[32];
      std::snprintf(weight, sizeof weight, "%g", profile.contrast_weight);
      const double lead = r.role_scores[static_cast<size_t>(r.contrast_role)] - r.profile_score;
      out += "  contrast " + format_score(r.profile_score) + " x (1 - " + weight + " x " + format_score(lead) +
             "/100): " + label_of(r.contrast_role) + " leads by " + format_score(lead) + " points\n";
    }
    if (r.before_floor >= 0 && engine.floor_role() >= 0) {
      char factor[32];
      std::snprintf(factor, sizeof factor, "%g", profile.floor);
      out += "  floor    " + std::string(factor) + " x " + label_of(engine.floor_role()) + " " +
             format_score(r.role_scores[static_cast<size_t>(engine.floor_role())]) + " = " + format_score(r.score) +
             ", above the " + format_score(r.before_floor) + " it would score\n";
    }
  }
  out += "  profile  " + escape_for_terminal(profile.name) + " (" + escape_for_terminal(profile.label) + "), lexicon " + engine.hash() + "\n";
  for (const auto& w : r.warnings) out += "  warning  " + escape_for_terminal(w) + "\n";
  if (!r.missing_must.empty()) {
    std::string must;
    for (const size_t c : r.missing_must) {
      must += (must.empty() ? "" : ", ") + lex.concepts[c].id;
      // A must-have of alternatives is named by its first concept; the others would meet it too.
      for (const std::vector<size_t>& group : profile.musts)
        if (group.size() > 1 && group.front() == c) {
          must += " (or ";
          for (size_t k = 1; k < group.size(); ++k) must += (k > 1 ? ", " : "") + lex.concepts[group[k]].id;
          must += ")";
        }
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "x%.2f each", profile.penalty);
    out += "  penalty  missing must-have: " + must + " (" + buf + ")\n";
  }

  out += "\n" + bold("Sections") + "\n";
  size_t label_w = 0;
  for (const Section& s : profile.sections) label_w = std::max(label_w, utf8_width(escape_for_terminal(s.label)));
  for (size_t i = 0; i < profile.sections.size(); ++i) {
    const Section& s = profile.sections[i];
    const std::string label = escape_for_terminal(s.label);
    char buf[96];
    std::snprintf(buf, sizeof buf, " %4.2f  weight %g, full at %g", r.coverage[i], s.weight, s.need);
    out += "  " + label + std::string(label_w - utf8_width(label) + 2, ' ') +
           bar(r.coverage[i], 10) + buf + "\n";
  }

  auto evidence = [&](const MatchedConcept& m) {
    for (size_t k = 0; k < m.spans.size() && k < kSpansPerConcept; ++k) {
      const Evidence& e = m.spans[k];
      char ln[96];
      std::snprintf(ln, sizeof ln, "%6u │ ×%.2f %-20s", e.line, e.factor,
                    (std::string(zone_name(e.zone)) +
                     (e.cue == Strength::kPlain ? "" : "," + std::string(strength_name(e.cue))))
                        .c_str());
      out += std::string("    ") + ln + " │ " + evidence_line(r.text, e, color) + "\n";
    }
    if (m.spans.size() > kSpansPerConcept)
      out += "           + " + std::to_string(m.spans.size() - kSpansPerConcept) + " more\n";
  };
  out += "\n" + bold("Matched") + "  (strength = how strongly the posting asks for it; each line: factor, zone, cue)\n";
  if (r.matched.empty()) out += "  nothing\n";
  for (const MatchedConcept& m : r.matched) {
    const Concept& c = lex.concepts[m.concept_index];
    char buf[96];
    std::snprintf(buf, sizeof buf, "weight %g, strength %.2f", m.weight, m.strength);
    out += "  " + bold(c.id) + "  " + escape_for_terminal(c.label) + "  (" +
           escape_for_terminal(profile.sections[m.section].label) + ", " +
           buf + (m.must ? ", must" : "") + (c.extension ? ", extension" : "") + ")\n";
    evidence(m);
  }
  if (!r.ignored.empty()) {
    out += "\n" + bold("Found but not counted") + "  (negated, or only in an ignored title)\n";
    for (const MatchedConcept& m : r.ignored) {
      out += "  " + bold(lex.concepts[m.concept_index].id) + "  " + escape_for_terminal(lex.concepts[m.concept_index].label) + "\n";
      evidence(m);
    }
  }

  out += "\n" + bold("Missing") + "\n";
  if (r.missing.empty()) out += "  nothing\n";
  for (size_t s = 0; s < profile.sections.size(); ++s) {
    std::string line;
    for (const size_t c : r.missing) {
      bool in_section = false;
      for (const auto& pc : profile.sections[s].concepts) in_section |= pc.concept_index == c;
      if (in_section) line += (line.empty() ? "" : ", ") + lex.concepts[c].label;
    }
    if (!line.empty()) out += "  " + escape_for_terminal(profile.sections[s].label + ": " + line) + "\n";
  }
  return out;
}

namespace {

using nlohmann::ordered_json;

double rounded(double v) { return std::round(v * 1000.0) / 1000.0; }

ordered_json concept_json(const MatchedConcept& m, const Result& r, const Engine& engine) {
  const Concept& c = engine.lexicon().concepts[m.concept_index];
  ordered_json j;
  j["concept"] = c.id;
  j["label"] = c.label;
  j["section"] = engine.profile().sections[m.section].name;
  j["weight"] = m.weight;
  j["strength"] = m.strength;
  j["must"] = m.must;
  j["extension"] = c.extension;
  j["span_count"] = m.span_count;
  ordered_json spans = ordered_json::array();
  for (const Evidence& e : m.spans) {
    ordered_json s;
    if (r.extracted) {  // a PDF or DOCX: offsets into its extracted text, as in the record
      s["text_start"] = e.start;
      s["text_end"] = e.end;
      if (e.page) s["page"] = e.page;
    } else {
      s["start"] = e.start;
      s["end"] = e.end;
    }
    s["line"] = e.line;
    s["col"] = e.col;
    s["text"] = e.text;
    s["zone"] = zone_name(e.zone);
    s["cue"] = strength_name(e.cue);
    s["factor"] = rounded(e.factor);
    spans.push_back(std::move(s));
  }
  j["spans"] = std::move(spans);
  return j;
}

}  // namespace

std::string render_explain_json(const Result& r, const Engine& engine) {
  const auto& lex = engine.lexicon();
  const auto& profile = engine.profile();
  ordered_json j;
  j["id"] = display_id(r.id);
  if (r.error) {
    j["error"] = {{"kind", r.error->kind}, {"message", r.error->message}};
    return json_escape_display(j.dump(-1, ' ', false, ordered_json::error_handler_t::replace));
  }
  j["score"] = r.score;
  j["lang"] = r.lang;
  j["title"] = r.title;
  j["encoding"] = r.encoding;
  j["warnings"] = r.warnings;
  j["profile"] = {{"name", profile.name}, {"label", profile.label}, {"lexicon", engine.hash()}};
  if (r.title_score >= 0) {
    ordered_json names = ordered_json::array();
    for (const size_t c : r.title_concepts) names.push_back(lex.concepts[c].id);
    j["title_match"] = {{"value", r.title_score}, {"weight", profile.title.weight}, {"concepts", std::move(names)}};
    // The role the text states, when that stood in for the title (else null).
    j["title_match"]["stated"] = r.stated_role.empty() ? ordered_json(nullptr) : ordered_json(r.stated_role);
  } else {
    j["title_match"] = nullptr;  // the title is not counted (--ignore-title, or no title concept)
  }
  const auto& roles = engine.roles();
  if (!roles.empty() && r.role_scores.size() == roles.size()) {
    const auto name_of = [&](int k) { return k < 0 ? profile.name : roles[static_cast<size_t>(k)].profile.name; };
    ordered_json role;
    role["reads_as"] = r.role == kNoRole ? std::string("none") : name_of(r.role);
    role["margin"] = r.role_margin;
    ordered_json scores;
    scores[profile.name] = r.profile_score;
    for (size_t k = 0; k < roles.size(); ++k) scores[roles[k].profile.name] = r.role_scores[k];
    role["scores"] = std::move(scores);
    ordered_json what = ordered_json::array();
    for (const size_t c : r.role_concepts) what.push_back(lex.concepts[c].id);
    role["concepts"] = std::move(what);
    j["role"] = std::move(role);
    const double contrasted = r.before_floor >= 0 ? r.before_floor : r.score;
    if (contrasted != r.profile_score && r.contrast_role >= 0)
      j["contrast"] = {{"role", name_of(r.contrast_role)},
                       {"lead", rounded(r.role_scores[static_cast<size_t>(r.contrast_role)] - r.profile_score)},
                       {"weight", profile.contrast_weight},
                       {"profile_score", r.profile_score}};
    if (r.before_floor >= 0 && engine.floor_role() >= 0)
      j["floor"] = {{"role", name_of(engine.floor_role())},
                    {"factor", profile.floor},
                    {"role_score", r.role_scores[static_cast<size_t>(engine.floor_role())]},
                    {"before", r.before_floor}};
  }
  ordered_json musts = ordered_json::array();
  for (const size_t c : r.missing_must) {
    ordered_json alternatives = ordered_json::array({lex.concepts[c].id});
    for (const std::vector<size_t>& group : profile.musts)
      if (group.size() > 1 && group.front() == c)
        for (size_t k = 1; k < group.size(); ++k) alternatives.push_back(lex.concepts[group[k]].id);
    musts.push_back(std::move(alternatives));
  }
  j["penalty"] = {{"factor_each", profile.penalty}, {"missing_must", std::move(musts)}};
  ordered_json sections = ordered_json::array();
  for (size_t i = 0; i < profile.sections.size(); ++i) {
    const Section& s = profile.sections[i];
    sections.push_back({{"name", s.name}, {"label", s.label}, {"coverage", rounded(r.coverage[i])},
                        {"weight", s.weight}, {"full_at", s.need}});
  }
  j["sections"] = std::move(sections);
  ordered_json matched = ordered_json::array(), ignored = ordered_json::array(), missing = ordered_json::array();
  for (const MatchedConcept& m : r.matched) matched.push_back(concept_json(m, r, engine));
  for (const MatchedConcept& m : r.ignored) ignored.push_back(concept_json(m, r, engine));
  for (const size_t c : r.missing) {
    ordered_json one = {{"concept", lex.concepts[c].id}, {"label", lex.concepts[c].label}};
    for (const Section& s : profile.sections)
      for (const auto& pc : s.concepts)
        if (pc.concept_index == c) one["section"] = s.name;
    missing.push_back(std::move(one));
  }
  j["matched"] = std::move(matched);
  j["ignored"] = std::move(ignored);
  j["missing"] = std::move(missing);
  return json_escape_display(j.dump(-1, ' ', false, ordered_json::error_handler_t::replace));
}

}  // namespace jobmatch
