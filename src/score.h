// Stage 5: scoring. A pure function of one document's matches and the profile: nothing about
// the rest of the batch enters, so any split of the input gives the same scores.
//
//   coverage(section) = min(1, sum of the weights of its matched concepts / section need)
//   score = 100 * sum(section weight * coverage) / sum(section weight)
//           * penalty ^ (number of missing must-have concepts)
#pragma once

#include <vector>

#include "match.h"
#include "profile.h"

namespace jobmatch {

struct ScoredConcept {
  size_t concept_index = 0;   // index into Lexicon::concepts
  size_t section = 0;   // index into Profile::sections
  double weight = 0;
  bool must = false;
  std::vector<TextSpan> spans;
};

struct ScoreCard {
  double score = 0;                    // 0..100, rounded to one decimal
  std::vector<double> coverage;        // per section, 0..1
  std::vector<ScoredConcept> matched;  // in profile order
  std::vector<size_t> missing;         // concepts of the profile not found, in profile order
  std::vector<size_t> missing_must;    // the must-haves among them
};

class Scorer {
 public:
  Scorer(const Profile& profile, size_t concept_count);

  ScoreCard score(const std::vector<ConceptMatch>& matches) const;

  // The profile's concepts, in profile order (what the matcher needs to look for).
  std::vector<size_t> concepts() const;

 private:
  struct Slot {
    size_t section;
    size_t index;  // within the section
  };
  const Profile& m_profile;
  std::vector<int> m_slot_of;  // concept index -> slot index, or -1
  std::vector<Slot> m_slots;   // profile order
};

}  // namespace jobmatch
