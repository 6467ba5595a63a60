// Loading and validating profiles (*.profile): which concepts count, in which section, how much.
// The file format is specified in lexicons/README.md; the score in score.h.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/datafile.h"
#include "lexicon/lexicon.h"

namespace jobmatch {

struct ProfileConcept {
  size_t concept_index = 0;  // index into Lexicon::concepts
  double weight = 1;
  bool must = false;  // named in one of the profile's must-haves
};

struct Section {
  std::string name;   // "programming"
  std::string label;  // "Programming"
  double weight = 1;  // share of the score
  double need = 1;    // concept weight points for full coverage
  std::vector<ProfileConcept> concepts;
  size_t line = 0;  // where the section starts, for diagnostics
};

// Concepts that, named in a posting's title, say what the role is ("Machine Learning Engineer",
// "Data Scientist"), each with a value 0..1; the title's value is the highest among them. A
// concept of value 0 names another kind of job ("Product Owner", "Marketing Manager"): a title
// that names it is worth 0, whatever else it names ("Product Owner AI Platform").
struct TitleRule {
  double weight = 0;  // share of the score, like a section's weight; 0: titles do not count
  std::vector<std::pair<size_t, double>> concepts;  // (concept index, value)
};

// A neighbouring role a profile is compared with (`roles` and `contrast` lines): another
// profile, found by name when the engine loads.
struct RoleRef {
  std::string name;       // "data-engineer"
  bool contrast = false;  // its lead over this profile lowers the score (score.h)
  size_t line = 0, col = 0;  // where it is named, for diagnostics: 1-based line, 0-based byte
  std::string file, line_text;  // the file and line it is named in (a parent's, if inherited)
};

struct Profile {
  std::string name;   // "ml-engineer"
  std::string label;  // "Machine Learning Engineer"
  double penalty = 0.6;  // score factor per missing must-have
  std::vector<RoleRef> roles;   // scored too; the record says which one the posting reads as
  double contrast_weight = 1;  // how much a contrast role's lead lowers the score (score.h)
  // `floor ROLE FACTOR`: the score is at least FACTOR (0 to 1) times that role's score (one of
  // `roles`), the role named where the floor line names it; none if floor_role.name is empty.
  RoleRef floor_role;
  double floor = 0;
  // Each must-have is met by any of its concepts (concept indexes; the first names it): from a
  // `must A | B` line, or a concept line's `must` flag (a must-have of that concept alone).
  std::vector<std::vector<size_t>> musts;
  std::vector<Section> sections;
  TitleRule title;
};

// The profile an `extends NAME` line names, parsed with its own parent: found by the caller
// (catalog.h), which refuses unknown names and cycles. An error with diagnostics is the parent's
// (they are passed on); one without is reported at the `extends` line.
using ParentLookup = std::function<Expected<Profile>(std::string_view name)>;

// Parses one profile file against a loaded lexicon into *profile. An error with every diagnostic
// if the file has any; *profile is usable only if there is none. A profile that `extends` another
// starts as a copy of it (parent given by lookup; without one, `extends` is an error) and changes
// it: lexicons/README.md.
Status parse_profile(const SourceFile& file, const Lexicon& lexicon, Profile* profile,
                     const ParentLookup& lookup = {});

// The name a profile file declares on its first line (`profile NAME`), "" if it does not start so;
// and the parent its second line names (`extends NAME`), "" if none.
struct ProfileHeader {
  std::string name, parent;
};
ProfileHeader profile_header(const SourceFile& file);

}  // namespace jobmatch
