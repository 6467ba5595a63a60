// Reading a posting the way a recruiter does: how much one piece of evidence counts.
//
//   - zones: the heading a line stands under. Tasks and requirements count fully; text before
//     any heading counts less; benefits, company boilerplate ("Über uns", "About us") and
//     equal-opportunity statements count little;
//   - requirement strength: "must", "zwingend", "setzen voraus" versus "nice to have",
//     "von Vorteil", "wünschenswert", "a plus";
//   - negation: "keine Python-Kenntnisse erforderlich", "no prior ML experience needed",
//     "Machine learning is not required" cancel the evidence.
// All of it is a function of the document alone.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/normalize.h"

namespace jobmatch {

enum class Zone : uint8_t { kTitle, kIntro, kTasks, kRequirements, kNiceToHave, kBenefits, kAbout, kBoilerplate };

std::string_view zone_name(Zone z);
// How much evidence in a zone counts (0..1).
double zone_factor(Zone z);

// The zone of every line of a text, from its headings. Works on the normalized text (lower
// case, umlauts folded), so offsets are normalized-text offsets.
class ZoneMap {
 public:
  // normalized: the normalized text. title_end: offset where the title line ends (0: no title
  // line in the text).
  void build(std::string_view normalized, size_t title_end);
  Zone zone_at(uint32_t offset) const;
  // The headings recognised, for explain: (offset, zone).
  const std::vector<std::pair<uint32_t, Zone>>& changes() const { return m_changes; }

 private:
  std::vector<std::pair<uint32_t, Zone>> m_changes;  // ascending offsets; zone from there on
  std::vector<std::pair<uint32_t, uint32_t>> m_boilerplate_lines;  // [begin, end) single lines
};

// Classifies a heading line (normalized text); false if it names no known zone. marked: the line
// is marked as a heading (markdown #, bold, a trailing colon), so broader words count too.
// *by_broad_word (if given): only such a broader word named the zone.
bool classify_heading(std::string_view normalized_line, bool marked, Zone* zone, bool* by_broad_word = nullptr);

// The role a posting states in its own words: the phrase after "we are looking for", "hiring",
// "join us as", "wir suchen", "suchen wir", "auf der Suche nach", "Rolle als" ..., up to the end of
// its clause (a comma, a sentence end, a line end, a relative clause: "with", "who", "to",
// "mit", "der", "die" ...) and at most kStatedRolePhraseMax bytes. A reader with no title, or
// one that names no role, takes the role from there. The phrases of the first
// kStatedRoleWindow bytes from `from` on, in order, at most kMaxStatedRoles: [begin, end)
// offsets in normalized (the normalized text).
inline constexpr size_t kStatedRoleWindow = 3000;
inline constexpr size_t kStatedRolePhraseMax = 80;
inline constexpr size_t kMaxStatedRoles = 8;
std::vector<std::pair<size_t, size_t>> stated_role_phrases(std::string_view normalized, size_t from);

enum class Strength : uint8_t { kPlain, kMust, kNice, kNegated };
std::string_view strength_name(Strength s);
double strength_factor(Strength s);

// The requirement strength of evidence at normalized-text range [begin, end), from cue words in
// its clause (negation) and sentence (must / nice to have).
Strength strength_at(std::string_view normalized, size_t begin, size_t end);

}  // namespace jobmatch
