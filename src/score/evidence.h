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

enum class Strength : uint8_t { kPlain, kMust, kNice, kNegated };
std::string_view strength_name(Strength s);
double strength_factor(Strength s);

// The requirement strength of evidence at normalized-text range [begin, end), from cue words in
// its clause (negation) and sentence (must / nice to have).
Strength strength_at(std::string_view normalized, size_t begin, size_t end);

}  // namespace jobmatch
