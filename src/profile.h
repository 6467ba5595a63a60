// Loading and validating profiles (*.profile): which concepts count, in which section, how much.
// The file format is specified in lexicons/README.md; the score in score.h.
#pragma once

#include <string>
#include <vector>

#include "datafile.h"
#include "lexicon.h"

namespace jobmatch {

struct ProfileConcept {
  size_t concept_index = 0;  // index into Lexicon::concepts
  double weight = 1;
  bool must = false;
};

struct Section {
  std::string name;   // "programming"
  std::string label;  // "Programming"
  double weight = 1;  // share of the score
  double need = 1;    // concept weight points for full coverage
  std::vector<ProfileConcept> concepts;
};

struct Profile {
  std::string name;   // "ml-engineer"
  std::string label;  // "Machine Learning Engineer"
  double penalty = 0.6;  // score factor per missing must-have
  std::vector<Section> sections;
};

// Parses one profile file against a loaded lexicon. Returns the diagnostics; *profile is usable
// only if there are none.
std::vector<Diagnostic> parse_profile(const SourceFile& file, const Lexicon& lexicon,
                                      Profile* profile);

}  // namespace jobmatch
