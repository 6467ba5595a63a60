// Stage 5: scoring. A pure function of one document's evidence and the profile: nothing about
// the rest of the batch enters, so any split of the input gives the same scores.
//
//   strength(concept) in 0..1: how strongly the posting asks for it (evidence.h, analyze.cpp)
//   coverage(section) = min(1, Σ weight × strength of its concepts / section need)
//   title             = the highest value among the profile's title concepts named in the title,
//                       0 if one of them has the value 0 (it names another kind of job)
//   score = 100 × (Σ section weight × coverage + title weight × title)
//                / (Σ section weight + title weight)
//               × Π over must-haves of penalty^(1 − the strength of its strongest concept)
// Without a title (ignored, or a profile without a title block) the title terms drop out.
//
// A profile with contrast roles (profile.h) is then compared with them: each is scored the same
// way, and when the best of them scores above the profile, the score shrinks by its lead in
// percent, times contrast_weight (contrasted_score): an ad that reads more as a data engineer's
// than an ML engineer's ranks lower than its ML vocabulary alone would put it, and a near miss
// is lowered in proportion to its score rather than pushed to 0. A profile with a floor (`floor
// ROLE FACTOR`) keeps at least FACTOR × that role's score (floor_score): the ML engineer profile
// contrasts data scientists, yet ranks their ads above near misses.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "lexicon/profile.h"

namespace jobmatch {

struct ConceptEvidence {
  size_t concept_index = 0;  // index into Lexicon::concepts
  double strength = 0;       // 0..1
};

struct ScoredConcept {
  size_t concept_index = 0;
  size_t section = 0;   // index into Profile::sections
  double weight = 0;
  bool must = false;
  double strength = 0;
};

struct ScoreCard {
  double score = 0;                    // 0..100, rounded to one decimal
  std::vector<double> coverage;        // per section, 0..1
  double title = -1;                   // the title's value, -1 if titles did not count
  std::vector<size_t> title_concepts;  // title concepts named in the title
  std::vector<ScoredConcept> matched;  // strength > 0, in profile order
  std::vector<size_t> missing;         // profile concepts without evidence, in profile order
  std::vector<size_t> missing_must;    // the must-haves none of whose concepts is found, by first concept
};

// score × (1 − weight × lead / 100), where lead is how far best_contrast lies above score (none
// if below); at least 0, rounded to one decimal.
inline double contrasted_score(double score, double best_contrast, double weight) {
  const double lead = std::max(0.0, best_contrast - score);
  return std::round(std::max(0.0, score * (1.0 - weight * lead / 100.0)) * 10.0) / 10.0;
}

// factor × the floor role's score, rounded to one decimal: the least a posting scores under a
// profile with `floor ROLE FACTOR` (lexicons/README.md).
inline double floor_score(double factor, double role_score) {
  return std::round(factor * role_score * 10.0) / 10.0;
}

class Scorer {
 public:
  Scorer(const Profile& profile, size_t concept_count);

  // body: evidence per concept (any order; concepts outside the profile are ignored).
  // title_found: concepts found in the title; use_title false leaves the title out.
  ScoreCard score(const std::vector<ConceptEvidence>& body, const std::vector<size_t>& title_found,
                  bool use_title) const;
  // score(...).score, without the card's lists.
  double score_value(const std::vector<ConceptEvidence>& body, const std::vector<size_t>& title_found,
                     bool use_title) const;

  // The concepts the matcher must look for: the sections' and the title's, in profile order.
  std::vector<size_t> concepts() const;
  // True if concept c stands in one of the profile's sections.
  bool in_sections(size_t c) const { return c < m_slot_of.size() && m_slot_of[c] >= 0; }

 private:
  struct Slot {
    size_t section;
    size_t index;  // within the section
  };
  // The score; the card too, if one is given.
  double compute(const std::vector<ConceptEvidence>& body, const std::vector<size_t>& title_found, bool use_title,
                 ScoreCard* card) const;
  const Profile& m_profile;
  std::vector<int> m_slot_of;  // concept index -> slot index, or -1
  std::vector<Slot> m_slots;   // profile order
};

}  // namespace jobmatch
