// The loaded configuration every document is scored with: lexicon, profile (and the profiles of
// its neighbouring roles), compiled matcher.
// Built once at start-up; immutable and shared by all worker threads afterwards.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/expected.h"
#include "lexicon/datafile.h"
#include "lexicon/lexicon.h"
#include "match/match.h"
#include "lexicon/profile.h"
#include "score/score.h"

namespace jobmatch {

struct EngineOptions {
  std::string lexicon_path;  // file or folder; empty: the embedded lexicon
  std::string profile;       // name of a loaded profile, or a *.profile file; empty: ml-engineer
  // With a lexicon_path: its files are added to the embedded ones (the command line's default; a
  // concept or profile of the same name replaces the embedded one) instead of replacing them.
  bool add_to_embedded = false;
};

class Engine {
 public:
  // Loads and compiles. An error holds every file:line:col diagnostic in Error::diagnostics; one
  // about a file or the data as a whole has line 0.
  static Expected<std::unique_ptr<Engine>> load(const EngineOptions& options);

  const Lexicon& lexicon() const { return m_lexicon; }
  const Profile& profile() const { return m_profile; }
  const Matcher& matcher() const { return *m_matcher; }
  const Scorer& scorer() const { return *m_scorer; }
  // The profile's neighbouring roles (Profile::roles, in that order), each scored too.
  struct Role {
    Profile profile;
    std::unique_ptr<Scorer> scorer;
    bool contrast = false;
  };
  const std::vector<Role>& roles() const { return m_roles; }
  // The role of the profile's `floor` (index into roles()), or -1 if it has none.
  int floor_role() const { return m_floor_role; }
  // True if the profile or one of its roles gives titles a weight.
  bool titles_count() const { return m_titles_count; }
  // True if one of the concepts (indexes) is in the title block of the profile or of a role: a
  // title that names one of them names the role.
  bool names_role(const std::vector<size_t>& concepts) const;
  // A short hash of every lexicon and profile file loaded ("3f9a1c2b7d0e"), for --version and
  // the output: two runs with the same hash used the same data.
  const std::string& hash() const { return m_hash; }
  // Where the data came from: "embedded", the path given, or "embedded + PATH".
  const std::string& source() const { return m_source; }

 private:
  Lexicon m_lexicon;
  Profile m_profile;
  std::unique_ptr<Matcher> m_matcher;
  std::unique_ptr<Scorer> m_scorer;
  std::vector<Role> m_roles;
  int m_floor_role = -1;
  bool m_titles_count = false;
  std::vector<bool> m_role_concept;  // by concept index: in a title block
  std::string m_hash, m_source;
};

// Lexicon and profile files from a file or folder (or the embedded ones for an empty path).
struct DataFiles {
  std::vector<SourceFile> lexicons, profiles;
  size_t builtin_lexicons = 0, builtin_profiles = 0;  // the first ones of each are the embedded files
};
// An error with one diagnostic (line 0) if the path cannot be read.
Expected<DataFiles> load_data_files(const std::string& path);
// The embedded files (if builtin), then those of each path, counted as the user's.
Expected<DataFiles> load_layered_files(const std::vector<std::string>& paths, bool builtin);

// A lexicon from files: the embedded ones (files.builtin_lexicons) first, then the user's, whose
// concepts replace embedded ones of the same id (listed in *overrides, if given).
Status parse_layered_lexicon(const DataFiles& files, Lexicon* lexicon, std::vector<ConceptOverride>* overrides = nullptr);

}  // namespace jobmatch
