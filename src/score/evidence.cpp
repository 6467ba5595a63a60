#include "score/evidence.h"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "text/phrase_lists.h"
#include "text/simd.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// The last (up to) four words of s (normalized text), in order; returns how many.
size_t last_four_words(std::string_view s, std::array<std::string_view, 4>* out) {
  std::array<std::string_view, 4> backwards;
  size_t count = 0;
  for (size_t i = s.size(); count < 4;) {
    while (i > 0 && !is_alnum(s[i - 1])) --i;
    if (i == 0) break;
    const size_t e = i;
    while (i > 0 && is_alnum(s[i - 1])) --i;
    backwards[count++] = s.substr(i, e - i);
  }
  for (size_t k = 0; k < count; ++k) (*out)[k] = backwards[count - 1 - k];
  return count;
}

constexpr size_t kWindow = 90;  // bytes looked at either side of the evidence

// Cue phrases: 0 negation after the evidence, 1 nice to have, 2 must.
const PhraseLists& cue_phrases() {
  static const PhraseLists set({
      {"not required", "not necessary", "not needed", "not a requirement", "not expected",
       "nicht erforderlich", "nicht notwendig", "nicht noetig", "nicht vorausgesetzt",
       "nicht gefordert", "is not a must", "no need"},
      {"nice to have", "nice-to-have", "a plus", "ein plus", "bonus", "preferred", "ideally",
       "idealerweise", "von vorteil", "wuenschenswert", "optional", "waere schoen", "pluspunkt",
       "gerne auch", "nicht zwingend", "is an advantage", "advantageous", "desirable",
       "wuenschen wir uns"},
      {"must", "required", "requirement", "zwingend", "voraussetzung", "setzen voraus",
       "setzen wir voraus", "erforderlich", "mandatory", "essential", "unbedingt", "unabdingbar",
       "necessary"},
  });
  return set;
}

}  // namespace

std::string_view zone_name(Zone z) {
  switch (z) {
    case Zone::kTitle:
      return "title";
    case Zone::kIntro:
      return "intro";
    case Zone::kTasks:
      return "tasks";
    case Zone::kRequirements:
      return "requirements";
    case Zone::kNiceToHave:
      return "nice_to_have";
    case Zone::kBenefits:
      return "benefits";
    case Zone::kAbout:
      return "about";
    case Zone::kBoilerplate:
      return "boilerplate";
  }
  return "intro";
}

double zone_factor(Zone z) {
  switch (z) {
    case Zone::kTitle:
      return 1.0;
    case Zone::kTasks:
      return 1.0;
    case Zone::kRequirements:
      return 1.0;
    case Zone::kIntro:
      return 0.7;
    case Zone::kNiceToHave:
      return 0.6;
    case Zone::kAbout:
      return 0.3;
    case Zone::kBenefits:
      return 0.15;
    case Zone::kBoilerplate:
      return 0.1;
  }
  return 0.7;
}

namespace {

// Heading words per zone, in priority order ("nice to have skills" is nice-to-have, "about the
// role" is tasks, "about you" requirements, any other "about ..." the company). Each zone has
// words that always name it and broader words that count only on lines marked as headings
// (#, **, a trailing colon): a short plain line such as "Experience with our team" is not one.
constexpr Zone kHeadingZones[] = {Zone::kNiceToHave, Zone::kBoilerplate,  Zone::kBenefits,
                                  Zone::kTasks,      Zone::kRequirements, Zone::kAbout};

const PhraseLists& heading_phrases() {
  static const PhraseLists set({
      {"nice to have", "nice-to-have", "bonus point", "preferred qualification", "von vorteil",
       "wuenschenswert", "pluspunkt", "a plus", "ein plus"},
      {"bonus", "preferred", "optional", "wuensche"},
      {"equal opportunit", "diversity", "chancengleich", "eeo", "datenschutz", "privacy",
       "how to apply", "so bewirbst du dich", "inclusion"},
      {"bewerbung", "bewirb", "kontakt", "contact", "apply", "interessiert", "interested",
       "vielfalt"},
      {"wir bieten", "bieten wir", "unser angebot", "benefit", "perks", "what we offer", "we offer",
       "why join", "why you'll love", "deine vorteile", "ihre vorteile", "compensation",
       "in it for you", "what you get", "was dich bei uns erwartet", "das erwartet dich bei uns",
       "goodies"},
      {"vorteile", "salary", "gehalt"},
      {"aufgabe",
       "taetigkeit",
       "was dich erwartet",
       "was sie erwartet",
       "deine rolle",
       "ihre rolle",
       "your role",
       "the role",
       "role overview",
       "responsibilit",
       "what you'll do",
       "what you will do",
       "what you'll be",
       "what you will be",
       "your mission",
       "deine mission",
       "in this role",
       "day to day",
       "day-to-day",
       "job description",
       "stellenbeschreibung",
       "your impact",
       "the job",
       "the position",
       "duties",
       "dein job",
       "ihr job",
       "deine herausforderung"},
      {"position", "verantwortung", "projekt", "what you'll", "you will", "du wirst", "work on"},
      {"profil",         "anforderung",   "qualifikation",   "mitbringst",      "mitbringen",
       "bringst du",     "bringen sie",   "du bringst",      "requirement",     "qualification",
       "what you bring", "looking for",   "who you are",     "about you",       "you bring",
       "must have",      "must-have",     "your background", "ideal candidate", "voraussetzung",
       "what we need",   "what you need", "wen wir suchen",  "was wir erwarten"},
      {"you have", "skills", "kenntnisse", "experience", "du hast", "sie haben", "erfahrung"},
      {"ueber uns", "about us", "about the company", "who we are", "wer wir sind", "das sind wir",
       "our story", "our mission", "unsere mission"},
      {"unternehmen", "company", "ueber ", "about ", "team", "wir sind"},
  });
  return set;
}

// A line of equal-opportunity boilerplate, under any heading: searched through the whole text
// once (the search finds where, so no line is searched twice).
const PhraseLists& boilerplate_phrases() {
  static const PhraseLists set({{"equal opportunit", "regardless of", "without regard to", "chancengleichheit",
                                 "unabhaengig von geschlecht", "unabhaengig von alter", "do not discriminate",
                                 "diskriminierung", "all qualified applicants"}});
  return set;
}

// What introduces the role an ad states (normalized: lower case, umlauts folded).
constexpr std::array<std::string_view, 20> kStatedRoleCues = {
    "looking for", "looking to hire", "hiring",      "seeking",    "searching for",    "in search of",
    "join us as",  "join our team as", "join the team as", "role as", "position as", "wir suchen",
    "suchen wir",  "sucht",           "auf der suche nach", "rolle als", "position als", "stelle als",
    "einstieg als", "verstaerkung als"};

const PhraseLists& stated_role_cues() {
  static const PhraseLists set({std::vector<std::string_view>(kStatedRoleCues.begin(), kStatedRoleCues.end())});
  return set;
}

// Words that end a role phrase: a relative clause or what the role is for, not its name.
constexpr std::array<std::string_view, 14> kStatedRoleStops = {
    " with ", " who ", " to ", " that ", " which ", " where ", " mit ", " der ", " die ", " das ",
    " welche", " dem ", " den ", " zur "};

}  // namespace

std::vector<std::pair<size_t, size_t>> stated_role_phrases(std::string_view n, size_t from) {
  std::vector<std::pair<size_t, size_t>> out;
  const std::string_view window = n.substr(0, std::min(n.size(), from + kStatedRoleWindow));
  for (size_t at = from; out.size() < kMaxStatedRoles &&
                         (at = stated_role_cues().find(window, at)) != std::string_view::npos;) {
    size_t cue = 0;  // the longest cue at `at`
    for (const std::string_view c : kStatedRoleCues)
      if (window.substr(at).starts_with(c)) cue = std::max(cue, c.size());
    const bool word_start = at == 0 || !is_alnum(window[at - 1]);
    const size_t after = at + cue;
    at += std::max<size_t>(cue, 1);
    if (!word_start || (after < window.size() && is_alnum(window[after]))) continue;
    size_t begin = after;
    while (begin < n.size() && (n[begin] == ' ' || n[begin] == ':' || n[begin] == '-')) ++begin;
    size_t end = begin;
    const size_t limit = std::min(n.size(), begin + kStatedRolePhraseMax);
    while (end < limit && std::string_view(".!?;,\n(").find(n[end]) == std::string_view::npos) ++end;
    while (end > begin && end < n.size() && (static_cast<unsigned char>(n[end]) & 0xC0) == 0x80) --end;
    const std::string_view phrase = n.substr(begin, end - begin);
    for (const std::string_view stop : kStatedRoleStops)
      if (const size_t s = phrase.find(stop); s != std::string_view::npos) end = std::min(end, begin + s);
    while (end > begin && n[end - 1] == ' ') --end;
    if (end > begin) out.push_back({begin, end});
  }
  return out;
}

bool classify_heading(std::string_view h, bool marked, Zone* zone, bool* by_broad_word) {
  const uint32_t found = heading_phrases().match(h);
  for (int k = 0; k < 6; ++k)
    if ((found & (1u << (2 * k))) || (marked && (found & (1u << (2 * k + 1))))) {
      *zone = kHeadingZones[k];
      if (by_broad_word) *by_broad_word = !(found & (1u << (2 * k)));
      return true;
    }
  return false;
}

void ZoneMap::build(std::string_view n, size_t title_end) {
  m_changes.clear();
  m_boilerplate_lines.clear();
  m_changes.push_back({0, title_end > 0 ? Zone::kTitle : Zone::kIntro});
  if (title_end > 0) m_changes.push_back({static_cast<uint32_t>(title_end), Zone::kIntro});
  // Each line [start, end), the newlines found sixteen bytes at a time.
  size_t start = title_end;
  const auto line_at = [&](size_t end) {
    const std::string_view line = trim(n.substr(start, end - start));
    const size_t line_start = start;
    start = end + 1;
    if (!line.empty() && line.size() <= 120) {
      // A heading: short, and marked as one (markdown #, bold, a trailing colon) or just short
      // without sentence punctuation. Bullets are not headings.
      const bool marked = line.front() == '#' || line.starts_with("**") || line.back() == ':';
      const bool bullet = !marked && (line.front() == '-' || line.front() == '*' ||
                                      line.starts_with("\xE2\x80\xA2"));
      const bool plain = line.size() <= 60 && line.back() != '.' && line.back() != ',';
      Zone z;
      bool broad;
      if (!bullet && (marked || plain) && classify_heading(line, marked, &z, &broad)) {
        // How to apply comes at the end of an ad. In its first half, a heading that says so only
        // with a broad word ("What you're applying for:", "# Apply to join our group!") opens
        // the ad, not its boilerplate; "How to apply" or "Equal opportunity" still do.
        if (z != Zone::kBoilerplate || !broad || line_start >= n.size() / 2)
          m_changes.push_back({static_cast<uint32_t>(line_start), z});
      }
    }
  };
  if (title_end < n.size()) {
    simd::for_each_of<'\n'>(n, title_end, line_at);
    if (start < n.size()) line_at(n.size());
  }
  // A single equal-opportunity line (over 40 bytes) anywhere is boilerplate, whatever its
  // heading. The phrases never span lines, so each match names its line.
  for (size_t pos = title_end, at; pos < n.size() && (at = boilerplate_phrases().find(n, pos)) != std::string_view::npos;) {
    const size_t newline = at == 0 ? std::string_view::npos : n.rfind('\n', at - 1);
    const size_t line_start = std::max(title_end, newline == std::string_view::npos ? 0 : newline + 1);
    size_t line_end = n.find('\n', at);
    if (line_end == std::string_view::npos) line_end = n.size();
    if (trim(n.substr(line_start, line_end - line_start)).size() > 40)
      m_boilerplate_lines.push_back({static_cast<uint32_t>(line_start), static_cast<uint32_t>(line_end)});
    pos = line_end + 1;
  }
}

Zone ZoneMap::zone_at(uint32_t offset) const {
  for (const auto& [b, e] : m_boilerplate_lines)
    if (offset >= b && offset < e) return Zone::kBoilerplate;
  auto it =
      std::upper_bound(m_changes.begin(), m_changes.end(), offset,
                       [](uint32_t o, const std::pair<uint32_t, Zone>& c) { return o < c.first; });
  return it == m_changes.begin() ? Zone::kIntro : std::prev(it)->second;
}

std::string_view strength_name(Strength s) {
  switch (s) {
    case Strength::kPlain:
      return "plain";
    case Strength::kMust:
      return "must";
    case Strength::kNice:
      return "nice";
    case Strength::kNegated:
      return "negated";
  }
  return "plain";
}

double strength_factor(Strength s) {
  switch (s) {
    case Strength::kPlain:
      return 0.9;
    case Strength::kMust:
      return 1.0;
    case Strength::kNice:
      return 0.6;
    case Strength::kNegated:
      return 0.0;
  }
  return 0.9;
}

Strength strength_at(std::string_view n, size_t begin, size_t end) {
  // The clause before the evidence (up to a comma or sentence end: a newline . ! ? or ;) and the
  // sentence after it, each at most kWindow bytes.
  const size_t lo = begin - std::min(begin, kWindow);
  const size_t cb = simd::after_last_of<'\n', '.', '!', '?', ';', ','>(n, lo, begin);
  const size_t se = simd::find_of<'\n', '.', '!', '?', ';'>(n, end, std::min(n.size(), end + kWindow));
  // Every sentence end is a clause end, so the sentence starts at or before the clause.
  const size_t sb = simd::after_last_of<'\n', '.', '!', '?', ';'>(n, lo, cb);
  std::array<std::string_view, 4> before;
  const size_t count = last_four_words(n.substr(cb, begin - cb), &before);

  // Negation: a negating word among the last four words before the evidence in its clause
  // ("keine Python-Kenntnisse", "no prior ML experience"), or a "not required" after it.
  static constexpr std::array<std::string_view, 11> kNegators = {
      "kein", "keine", "keinen",  "keiner", "keinerlei", "ohne",
      "no",   "not",   "without", "nicht",  "never"};
  for (size_t k = 0; k < count; ++k) {
    if (std::find(kNegators.begin(), kNegators.end(), before[k]) == kNegators.end()) continue;
    const std::string_view next = k + 1 < count ? before[k + 1] : std::string_view();
    if (next == "only" || next == "nur" || next == "matter" || next == "angst" || next == "fear" ||
        next == "problem" || next == "doubt" || next == "zweifel" || next == "scheu" ||
        next == "scheust" || next == "beruehrungsaengste" || next == "vor" || next == "limited" ||
        next == "just" || next == "less")
      continue;  // "not only", "nicht nur", "no matter", "keine Angst/Scheu vor", "nicht vor"
    return Strength::kNegated;
  }
  // One search of the sentence: "not required" counts only after the evidence.
  uint32_t after = 0;
  const uint32_t cues = cue_phrases().match(n.substr(sb, se - sb), end - sb, &after);
  if (after & 1u) return Strength::kNegated;

  if (cues & 2u) return Strength::kNice;
  if (cues & 4u) return Strength::kMust;
  return Strength::kPlain;
}

}  // namespace jobmatch
