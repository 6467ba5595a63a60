#include "lexicon/catalog.h"

#include <algorithm>
#include <filesystem>

#include "lexicon/embedded.h"
#include "lexicon/hint.h"

namespace jobmatch {

ProfileCatalog::ProfileCatalog(const std::vector<SourceFile>& files, size_t builtin_count, const Lexicon& lexicon)
    : m_lexicon(lexicon) {
  m_files.reserve(files.size());  // never reallocated afterwards: find() hands out pointers
  for (size_t i = 0; i < files.size(); ++i)
    m_files.push_back(ProfileFile{files[i], profile_header(files[i]).name,
                                  std::filesystem::path(files[i].name).stem().string(), i < builtin_count});
}

const ProfileFile* ProfileCatalog::find(std::string_view name, const ProfileFile* except) const {
  if (name.empty()) return nullptr;  // a file that declares no name is not named ""
  // Declared names, then file names; in each, the user's files before the embedded ones.
  for (const bool by_stem : {false, true})
    for (const bool builtin : {false, true})
      for (const ProfileFile& f : m_files)
        if (&f != except && f.builtin == builtin && (by_stem ? f.stem : f.name) == name) return &f;
  return nullptr;
}

std::vector<std::string> ProfileCatalog::names() const {
  std::vector<std::string> out;
  for (const ProfileFile& f : m_files) {
    if (!f.name.empty()) out.push_back(f.name);
    if (f.stem != f.name) out.push_back(f.stem);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string ProfileCatalog::unknown(std::string_view name, std::string_view what) const {
  const std::vector<std::string> known = names();
  std::string list;
  for (const std::string& n : known) list += (list.empty() ? "" : ", ") + n;
  const std::string hint = did_you_mean(name, std::vector<std::string_view>(known.begin(), known.end()));
  return "no profile named '" + std::string(name) + "'" + std::string(what) + " (" + (hint.empty() ? "" : hint + " ") +
         "available: " + (list.empty() ? "none" : list) + ")";
}

std::vector<Diagnostic> ProfileCatalog::duplicates() const {
  std::vector<Diagnostic> out;
  for (size_t i = 0; i < m_files.size(); ++i)
    for (size_t j = 0; j < i; ++j) {
      const ProfileFile& a = m_files[j];
      const ProfileFile& b = m_files[i];
      if (b.builtin || a.builtin != b.builtin || b.name.empty() || a.name != b.name) continue;
      const std::vector<DataLine> lines = split_data_lines(b.file);  // its first line declares the name
      out.push_back(diagnostic_at(b.file, lines.front(), lines.front().value_col,
                                  "duplicate profile name '" + b.name + "' (first declared in " + a.file.name + ")"));
      break;
    }
  return out;
}

std::vector<std::pair<const ProfileFile*, const ProfileFile*>> ProfileCatalog::overrides() const {
  std::vector<std::pair<const ProfileFile*, const ProfileFile*>> out;
  for (const ProfileFile& user : m_files) {
    if (user.builtin || user.name.empty()) continue;
    for (const ProfileFile& embedded : m_files)
      if (embedded.builtin && embedded.name == user.name) {
        out.emplace_back(&user, &embedded);
        break;
      }
  }
  return out;
}

Expected<Profile> ProfileCatalog::parse(const ProfileFile& profile) {
  if (const auto done = m_parsed.find(&profile); done != m_parsed.end()) return done->second;
  m_loading.push_back(&profile);
  Expected<Profile> parsed = parse_file(profile.file, &profile);
  m_loading.pop_back();
  m_parsed.emplace(&profile, parsed);
  return parsed;
}

Expected<Profile> ProfileCatalog::parse_outside(const SourceFile& file) { return parse_file(file, nullptr); }

Expected<Profile> ProfileCatalog::parse_file(const SourceFile& file, const ProfileFile* self) {
  const ParentLookup lookup = [&](std::string_view name) -> Expected<Profile> {
    const ProfileFile* parent = find(name, self);
    if (!parent) return Error(unknown(name, " to extend"));
    if (const auto at = std::find(m_loading.begin(), m_loading.end(), parent); at != m_loading.end()) {
      std::string chain;
      for (auto p = at; p != m_loading.end(); ++p) chain += (*p)->name + " extends ";
      return Error("'extends " + std::string(name) + "' makes a cycle: " + chain + std::string(name));
    }
    m_parent[&file] = &parent->file;
    return parse(*parent);
  };
  Profile profile;
  if (Status parsed = parse_profile(file, m_lexicon, &profile, lookup); !parsed.ok()) return parsed.error();
  return profile;
}

std::vector<const SourceFile*> ProfileCatalog::sources(const SourceFile& file) const {
  std::vector<const SourceFile*> out{&file};
  for (auto it = m_parent.find(&file); it != m_parent.end() && out.size() <= m_files.size(); it = m_parent.find(it->second))
    out.push_back(it->second);
  return out;
}

Status ProfileCatalog::check_roles(const Profile& profile) const {
  std::vector<Diagnostic> diags;
  for (const RoleRef& ref : profile.roles)
    if (!find(ref.name))
      diags.push_back(Diagnostic{ref.file, ref.line, ref.col + 1, unknown(ref.name, " for this role"), ref.line_text});
  if (!diags.empty()) return Error(std::move(diags));
  return {};
}

std::vector<std::string> embedded_profile_names() {
  std::vector<std::string> out;
  for (const EmbeddedFile& f : embedded_lexicon_files()) {
    if (!f.name.ends_with(".profile")) continue;
    const std::string name = profile_header(SourceFile{std::string(f.name), std::string(f.data)}).name;
    out.push_back(name.empty() ? std::string(f.name.substr(0, f.name.size() - 8)) : name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace jobmatch
