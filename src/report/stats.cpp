#include "report/stats.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_set>

#include "text/normalize.h"
#include "report/writer.h"
#include "text/text_util.h"
#include "text/tokenize.h"

namespace jobmatch {
namespace {

using nlohmann::ordered_json;

// Capitalised words that are not terms: function words, pronouns, calendar and language names,
// company forms.
const std::unordered_set<std::string_view>& stop_words() {
  static const std::unordered_set<std::string_view> words = {
      "I", "A", "An", "The", "We", "You", "Your", "Yours", "Our", "Ours", "Us", "It", "Its", "This", "That",
      "These", "Those", "They", "Their", "He", "She", "His", "Her", "If", "In", "On", "At", "For", "With",
      "And", "Or", "But", "To", "Of", "As", "By", "From", "Is", "Are", "Be", "Will", "Can", "Do", "Not",
      "No", "All", "Any", "Each", "Every", "What", "Who", "How", "Why", "When", "Where", "Which", "Yes",
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
      "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
      "English", "German", "Germany", "Europe", "European", "EU", "Deutsch", "Englisch", "Deutschland",
      "GmbH", "AG", "KG", "SE", "Inc", "Ltd", "LLC", "Co", "Mr", "Mrs", "Ms", "Dr", "OK", "CV", "HR", "FAQ",
      "Mio", "EUR", "USD", "CET", "CEST", "UTC", "PhD", "BSc", "MSc", "A1", "A2", "B1", "B2", "C1", "C2",
  };
  return words;
}

bool is_letter(char32_t cp) { return u_isalpha(static_cast<UChar32>(cp)) != 0; }
bool is_digit(char32_t cp) { return u_isdigit(static_cast<UChar32>(cp)) != 0; }
bool is_upper(char32_t cp) {
  return u_isupper(static_cast<UChar32>(cp)) != 0 || u_istitle(static_cast<UChar32>(cp)) != 0;
}
bool is_alnum(char32_t cp) { return is_letter(cp) || is_digit(cp); }

// Linear interpolation between closest ranks (the usual "type 7" quantile).
double quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return std::nan("");
  const double pos = q * static_cast<double>(sorted.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(pos));
  const size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - static_cast<double>(lo));
}

std::string percent(size_t n, size_t of) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%3.0f%%", of ? 100.0 * static_cast<double>(n) / static_cast<double>(of) : 0.0);
  return buf;
}

std::string pad(std::string s, size_t width) {
  const size_t w = utf8_width(s);
  if (w < width) s.append(width - w, ' ');
  return s;
}

std::string rpad(const std::string& s, size_t width) {
  const size_t w = utf8_width(s);
  return w < width ? std::string(width - w, ' ') + s : s;
}

constexpr const double kQuantiles[] = {0.1, 0.25, 0.5, 0.75, 0.9};
constexpr const char* kQuantileNames[] = {"p10", "p25", "median", "p75", "p90"};

}  // namespace

std::vector<std::string> capitalised_terms(std::string_view text, std::string_view lang, const Matcher* matcher) {
  // Byte ranges of text that some lexicon concept matches.
  std::vector<std::pair<uint32_t, uint32_t>> covered;
  if (matcher) {
    Normalized norm;
    TokenStream ts;
    std::vector<ConceptMatch> matches;
    normalize(text, &norm);
    tokenize(norm, &ts);
    matcher->match(ts, &matches);
    for (const ConceptMatch& m : matches)
      for (const TextSpan& s : m.spans) covered.emplace_back(ts.input_begin(norm, s.begin), ts.input_end(norm, s.begin, s.end));
    std::sort(covered.begin(), covered.end());
  }
  const auto is_covered = [&](size_t b, size_t e) {
    auto it = std::upper_bound(covered.begin(), covered.end(), std::make_pair(static_cast<uint32_t>(e), 0u));
    while (it != covered.begin()) {
      --it;
      if (it->second > b) return true;  // starts before e, ends after b
      if (it->first + (8u << 10) < b) break;  // spans are short; stop looking far back
    }
    return false;
  };

  std::vector<std::pair<std::string, bool>> found;  // (term, plain capitalised word)
  std::unordered_set<std::string> seen;
  std::unordered_set<std::string_view> lower_words;  // words that start lower case
  const bool english = lang == "en";
  bool sentence_start = true;
  size_t i = 0;
  while (i < text.size()) {
    size_t len = 0;
    const char32_t cp = decode_utf8(text, i, &len);
    if (!is_letter(cp)) {
      if (cp == '\n' || cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == 0x2022) sentence_start = true;
      else if (cp == ',' || cp == ';') sentence_start = false;
      i += len;
      continue;
    }
    // A word: letters and digits, joined by - . / & when a letter or digit follows, then + or #.
    const size_t begin = i;
    size_t end = i;
    bool inner_cap_or_digit = false, first = true;
    size_t letters = 0;
    const bool starts_upper = is_upper(cp);
    while (end < text.size()) {
      size_t l = 0;
      const char32_t c = decode_utf8(text, end, &l);
      if (is_alnum(c)) {
        if (!first && (is_upper(c) || is_digit(c))) inner_cap_or_digit = true;
        first = false;
        ++letters;
        end += l;
      } else if ((c == '-' || c == '.' || c == '/' || c == '&') && end + l < text.size()) {
        size_t l2 = 0;
        if (!is_alnum(decode_utf8(text, end + l, &l2))) break;
        end += l;
      } else {
        break;
      }
    }
    while (end < text.size() && (text[end] == '+' || text[end] == '#') && end - begin < 64) ++end;
    i = end;
    const bool at_start = sentence_start;
    sentence_start = false;
    const std::string_view word = text.substr(begin, end - begin);
    if (!starts_upper && u_islower(static_cast<UChar32>(cp))) lower_words.insert(word);
    if (!starts_upper || letters < 2 || end - begin > 64) continue;
    if (stop_words().count(word)) continue;
    if (!inner_cap_or_digit && (!english || at_start)) continue;  // a plain capitalised word
    if (is_covered(begin, end)) continue;
    std::string w(word);
    if (seen.insert(w).second) found.emplace_back(std::move(w), !inner_cap_or_digit);
  }
  // A plain capitalised word that the same text also writes in lower case is a common word in
  // a title or heading ("Data Engineer"), not a name.
  std::vector<std::string> out;
  for (auto& [term, plain] : found) {
    if (plain) {
      size_t len = 0;
      const char32_t first = decode_utf8(term, 0, &len);
      std::string lower;
      append_utf8(lower, static_cast<char32_t>(u_tolower(static_cast<UChar32>(first))));
      lower += term.substr(len);
      if (lower_words.count(lower)) continue;
    }
    out.push_back(std::move(term));
  }
  return out;
}

Expected<std::unique_ptr<BatchStats>> BatchStats::make(const Engine& engine) {
  auto full = Matcher::build(engine.lexicon(), {});
  if (!full.ok()) return Error("the matcher over the whole lexicon does not build: " + full.error().message);
  return std::unique_ptr<BatchStats>(new BatchStats(engine, std::move(*full)));
}

BatchStats::BatchStats(const Engine& engine, std::unique_ptr<Matcher> full) : m_engine(engine), m_full(std::move(full)) {
  for (const Concept& c : engine.lexicon().concepts)
    for (const auto* patterns : {&c.strong, &c.weak})
      for (const Pattern& p : *patterns) {
        if (p.source.starts_with("re:")) continue;
        std::string word;
        std::istringstream words(p.source);
        while (words >> word) {
          if (word == "|") continue;
          const bool prefix = word.ends_with('*');
          const std::string tokens = token_text(word);
          std::istringstream ts(tokens);
          std::string t, last;
          while (ts >> t) {
            m_vocabulary.insert(t);
            last = t;
          }
          if (prefix && last.size() >= 4) m_vocabulary_prefixes.push_back(last);
        }
      }
  m_concept_postings.assign(engine.lexicon().concepts.size(), 0);
  m_concept_negated.assign(engine.lexicon().concepts.size(), 0);
}

BatchStats::~BatchStats() = default;

void BatchStats::add(const Result& r, const std::vector<std::string>& terms) {
  ++m_inputs;
  if (r.error) {
    ++m_errors;
    ++m_error_kinds[r.error->kind];
    return;
  }
  ++m_langs[r.lang];
  m_scores.push_back(r.score);
  for (const MatchedConcept& m : r.matched) ++m_concept_postings[m.concept_index];
  for (const MatchedConcept& m : r.ignored) ++m_concept_negated[m.concept_index];
  for (const std::string& t : terms) {
    TermCount& tc = m_terms[t];
    if (tc.postings++ == 0) tc.example = display_id(r.id);
  }
}

bool BatchStats::in_lexicon_vocabulary(const std::string& term) const {
  std::istringstream ts(token_text(term));
  std::string t, extra;
  if (!(ts >> t) || (ts >> extra)) return false;  // not a single token
  if (m_vocabulary.count(t)) return true;
  for (const std::string& p : m_vocabulary_prefixes)
    if (t.starts_with(p)) return true;
  return false;
}

std::vector<std::pair<std::string, const BatchStats::TermCount*>> BatchStats::unknown_terms(size_t top) const {
  std::vector<std::pair<std::string, const TermCount*>> all;
  all.reserve(m_terms.size());
  for (const auto& [term, count] : m_terms) all.emplace_back(term, &count);
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    if (a.second->postings != b.second->postings) return a.second->postings > b.second->postings;
    return a.first < b.first;
  });
  std::vector<std::pair<std::string, const TermCount*>> out;
  Normalized norm;
  TokenStream ts;
  std::vector<ConceptMatch> matches;
  for (auto& t : all) {
    if (out.size() >= top) break;
    if (in_lexicon_vocabulary(t.first)) continue;
    if (m_full) {  // the term alone, as the matcher reads it
      normalize(t.first, &norm);
      tokenize(norm, &ts);
      m_full->match(ts, &matches);
      if (!matches.empty()) continue;
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::string BatchStats::render_text(size_t top) const {
  const Lexicon& lex = m_engine.lexicon();
  const Profile& profile = m_engine.profile();
  const size_t scored = m_scores.size();
  std::string out;
  out += "postings  " + std::to_string(m_inputs) + " (" + std::to_string(scored) + " scored, " +
         std::to_string(m_errors) + " errors";
  for (const auto& [kind, n] : m_error_kinds) out += ", " + std::to_string(n) + " " + kind;
  out += ")\n";
  if (!m_langs.empty()) {
    out += "language ";
    for (const auto& [lang, n] : m_langs) out += " " + lang + " " + std::to_string(n);
    out += "\n";
  }
  out += "profile   " + escape_for_terminal(profile.name) + ", lexicon " + m_engine.hash() + "\n";

  std::vector<double> sorted = m_scores;
  std::sort(sorted.begin(), sorted.end());
  out += "\nScores\n";
  if (sorted.empty()) {
    out += "  (no posting scored)\n";
  } else {
    double sum = 0;
    for (const double s : sorted) sum += s;
    out += "  min " + format_score(sorted.front());
    for (size_t q = 0; q < std::size(kQuantiles); ++q)
      out += "  " + std::string(kQuantileNames[q]) + " " + format_score(quantile(sorted, kQuantiles[q]));
    out += "  max " + format_score(sorted.back()) + "  mean " + format_score(sum / static_cast<double>(sorted.size())) + "\n";
    size_t bins[10] = {};
    for (const double s : sorted) ++bins[std::min<size_t>(9, static_cast<size_t>(std::max(0.0, s) / 10))];
    const size_t most = *std::max_element(std::begin(bins), std::end(bins));
    for (size_t b = 10; b-- > 0;) {
      char label[32];
      std::snprintf(label, sizeof label, "  %3zu-%-3zu %6zu  ", b * 10, b == 9 ? 100 : b * 10 + 10, bins[b]);
      const size_t bar = most ? (bins[b] * 40 + most - 1) / most : 0;
      out += label + std::string(bar, '#') + "\n";
    }
  }

  out += "\nConcepts (postings with counted evidence; profile concepts, most frequent first)\n";
  std::vector<std::pair<size_t, size_t>> rows;  // (concept, section)
  for (size_t s = 0; s < profile.sections.size(); ++s)
    for (const ProfileConcept& pc : profile.sections[s].concepts) rows.emplace_back(pc.concept_index, s);
  std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
    return m_concept_postings[a.first] > m_concept_postings[b.first];
  });
  size_t id_w = 0;
  for (const auto& [c, s] : rows) id_w = std::max(id_w, lex.concepts[c].id.size());
  for (const auto& [c, s] : rows) {
    const size_t n = m_concept_postings[c];
    std::string line = "  " + percent(n, scored) + " " + rpad(std::to_string(n), 6) + "  " +
                       pad(lex.concepts[c].id, id_w) + "  " +
                       escape_for_terminal(lex.concepts[c].label + " (" + profile.sections[s].name + ")");
    if (m_concept_negated[c]) line += ", negated only in " + std::to_string(m_concept_negated[c]);
    out += line + "\n";
  }

  out += "\nCapitalised terms the lexicon does not know (postings; candidates for new entries)\n";
  const auto terms = unknown_terms(top);
  if (terms.empty()) out += "  (none)\n";
  size_t term_w = 0;
  for (const auto& [t, c] : terms) term_w = std::max(term_w, utf8_width(escape_for_terminal(t)));
  term_w = std::min<size_t>(term_w, 40);
  for (const auto& [t, c] : terms)
    out += "  " + rpad(std::to_string(c->postings), 6) + "  " + pad(escape_for_terminal(t), term_w) + "  e.g. " +
           escape_for_terminal(c->example) + "\n";
  return out;
}

std::string BatchStats::render_json(size_t top) const {
  const Lexicon& lex = m_engine.lexicon();
  const Profile& profile = m_engine.profile();
  std::vector<double> sorted = m_scores;
  std::sort(sorted.begin(), sorted.end());
  const auto round1 = [](double v) { return std::round(v * 10) / 10; };
  ordered_json j;
  j["postings"] = m_inputs;
  j["scored"] = sorted.size();
  j["errors"] = m_errors;
  j["error_kinds"] = m_error_kinds;
  j["languages"] = m_langs;
  j["profile"] = profile.name;
  j["lexicon"] = m_engine.hash();
  ordered_json scores = ordered_json::object();
  if (!sorted.empty()) {
    double sum = 0;
    for (const double s : sorted) sum += s;
    scores["min"] = round1(sorted.front());
    for (size_t q = 0; q < std::size(kQuantiles); ++q) scores[kQuantileNames[q]] = round1(quantile(sorted, kQuantiles[q]));
    scores["max"] = round1(sorted.back());
    scores["mean"] = round1(sum / static_cast<double>(sorted.size()));
  }
  std::vector<size_t> bins(10, 0);
  for (const double s : sorted) ++bins[std::min<size_t>(9, static_cast<size_t>(std::max(0.0, s) / 10))];
  scores["histogram"] = bins;
  j["scores"] = std::move(scores);
  ordered_json concepts = ordered_json::array();
  for (const Section& s : profile.sections)
    for (const ProfileConcept& pc : s.concepts)
      concepts.push_back({{"concept", lex.concepts[pc.concept_index].id},
                          {"section", s.name},
                          {"postings", m_concept_postings[pc.concept_index]},
                          {"negated_only", m_concept_negated[pc.concept_index]}});
  j["concepts"] = std::move(concepts);
  ordered_json terms = ordered_json::array();
  for (const auto& [t, c] : unknown_terms(top))
    terms.push_back({{"term", t}, {"postings", c->postings}, {"example", c->example}});
  j["unknown_terms"] = std::move(terms);
  return json_escape_display(j.dump(2, ' ', false, ordered_json::error_handler_t::replace)) + "\n";
}

}  // namespace jobmatch
