// The profiles a run can name: the embedded ones and the user's (from --lexicon). A profile is
// found by the name it declares (`profile NAME`), failing that by its file name (without
// .profile); the user's files are searched before the embedded ones, so a user's profile with
// the name of an embedded one hides it. parse() reads a profile together with the one it
// `extends`, refusing unknown parents and cycles (file:line:col at the `extends` line).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/expected.h"
#include "lexicon/datafile.h"
#include "lexicon/lexicon.h"
#include "lexicon/profile.h"

namespace jobmatch {

struct ProfileFile {
  SourceFile file;
  std::string name;  // declared (`profile NAME`); "" if the file does not start so
  std::string stem;  // the file name without ".profile"
  bool builtin = false;
};

class ProfileCatalog {
 public:
  // files[0, builtin_count) are the embedded ones. The lexicon must outlive the catalog.
  ProfileCatalog(const std::vector<SourceFile>& files, size_t builtin_count, const Lexicon& lexicon);

  const std::vector<ProfileFile>& files() const { return m_files; }
  // A profile by declared name, else by file name, the user's first; never except (a profile
  // that extends its own name extends the one it hides). Null if there is none.
  const ProfileFile* find(std::string_view name, const ProfileFile* except = nullptr) const;
  // Every name find() knows (declared names, and file names that differ from them), sorted.
  std::vector<std::string> names() const;
  // "no profile named 'NAME'WHAT (did you mean 'x'? available: a, b, c)"
  std::string unknown(std::string_view name, std::string_view what = "") const;

  // Two of the user's profiles that declare the same name: one diagnostic at the second.
  std::vector<Diagnostic> duplicates() const;
  // The user's profiles that hide an embedded one: (user's, embedded).
  std::vector<std::pair<const ProfileFile*, const ProfileFile*>> overrides() const;

  // A profile with its parents. Results are kept: a profile is read once however often named.
  Expected<Profile> parse(const ProfileFile& profile);
  // A profile file from outside the catalog (--profile PATH); its parent is one of the catalog's.
  Expected<Profile> parse_outside(const SourceFile& file);
  // The files a parsed profile was read from: its own, then its parent's, and so on.
  std::vector<const SourceFile*> sources(const SourceFile& file) const;
  // An error with a diagnostic at every role of the profile that names no profile here.
  Status check_roles(const Profile& profile) const;

 private:
  Expected<Profile> parse_file(const SourceFile& file, const ProfileFile* self);

  std::vector<ProfileFile> m_files;
  const Lexicon& m_lexicon;
  std::vector<const ProfileFile*> m_loading;  // the profiles being read, each extending the next
  std::map<const ProfileFile*, Expected<Profile>> m_parsed;
  std::map<const SourceFile*, const SourceFile*> m_parent;  // a parsed file -> its parent's
};

// The names of the embedded profiles, sorted (for --help and the completion of -p).
std::vector<std::string> embedded_profile_names();

}  // namespace jobmatch
