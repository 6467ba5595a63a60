#include "lexicon/engine.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "lexicon/catalog.h"
#include "lexicon/embedded.h"

namespace jobmatch {
namespace {

namespace fs = std::filesystem;

std::string hash_files(const std::vector<SourceFile>& a, const std::vector<const SourceFile*>& b) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  auto mix = [&](std::string_view s) {
    for (const char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  const auto mix_file = [&](const SourceFile& f) {
    mix(fs::path(f.name).filename().string());
    mix(f.text);
  };
  for (const SourceFile& f : a) mix_file(f);
  for (const SourceFile* f : b) mix_file(*f);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string(buf, 12);
}

bool ends_with(const std::string& s, std::string_view suffix) { return s.ends_with(suffix); }

// An error about a file or the data as a whole: one diagnostic at line 0.
Error file_error(const std::string& file, std::string message) {
  return Error(std::vector<Diagnostic>{Diagnostic{file, 0, 0, std::move(message), ""}});
}

}  // namespace

Expected<DataFiles> load_data_files(const std::string& path) {
  DataFiles out;
  if (path.empty()) {
    for (const EmbeddedFile& f : embedded_lexicon_files()) {
      SourceFile sf{"<embedded>/" + std::string(f.name), std::string(f.data)};
      (ends_with(sf.name, ".profile") ? out.profiles : out.lexicons).push_back(std::move(sf));
    }
    return out;
  }
  std::error_code ec;
  std::vector<std::string> files;
  if (fs::is_directory(path, ec)) {
    for (const auto& e : fs::directory_iterator(path, ec)) {
      const std::string p = e.path().string();
      if (ends_with(p, ".lex") || ends_with(p, ".profile")) files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) return file_error(path, "no *.lex or *.profile files in this folder");
  } else {
    files.push_back(path);
  }
  for (const std::string& p : files) {
    Expected<std::string> text = read_data_file(p);  // a FIFO or device named *.lex is refused too
    if (!text.ok()) return file_error(p, text.error().message);
    (ends_with(p, ".profile") ? out.profiles : out.lexicons).push_back(SourceFile{p, std::move(*text)});
  }
  return out;
}

Expected<DataFiles> load_layered_files(const std::vector<std::string>& paths, bool builtin) {
  DataFiles out;
  if (builtin) {
    out = *load_data_files("");  // the embedded files always load
    out.builtin_lexicons = out.lexicons.size();
    out.builtin_profiles = out.profiles.size();
  }
  for (const std::string& p : paths) {
    Expected<DataFiles> files = load_data_files(p);
    if (!files.ok()) return files.error();
    out.lexicons.insert(out.lexicons.end(), files->lexicons.begin(), files->lexicons.end());
    out.profiles.insert(out.profiles.end(), files->profiles.begin(), files->profiles.end());
  }
  return out;
}

Status parse_layered_lexicon(const DataFiles& files, Lexicon* lexicon, std::vector<ConceptOverride>* overrides) {
  const auto split = files.lexicons.begin() + static_cast<std::ptrdiff_t>(files.builtin_lexicons);
  if (Status parsed = parse_lexicon({files.lexicons.begin(), split}, lexicon); !parsed.ok()) return parsed;
  std::vector<ConceptOverride> replaced;
  return parse_lexicon({split, files.lexicons.end()}, lexicon, overrides ? overrides : &replaced);
}

Expected<std::unique_ptr<Engine>> Engine::load(const EngineOptions& options) {
  std::unique_ptr<Engine> e(new Engine());
  const bool layered = options.add_to_embedded && !options.lexicon_path.empty();
  Expected<DataFiles> files = layered ? load_layered_files({options.lexicon_path}, true)
                                      : load_data_files(options.lexicon_path);
  if (!files.ok()) return files.error();
  const std::vector<SourceFile>& lex_files = files->lexicons;
  e->m_source = options.lexicon_path.empty() ? "embedded"
                : layered                    ? "embedded + " + options.lexicon_path
                                             : options.lexicon_path;
  if (lex_files.empty()) return file_error(e->m_source, "no lexicon (*.lex) files");
  if (Status parsed = parse_layered_lexicon(*files, &e->m_lexicon); !parsed.ok()) return parsed.error();

  ProfileCatalog catalog(files->profiles, files->builtin_profiles, e->m_lexicon);
  if (std::vector<Diagnostic> dups = catalog.duplicates(); !dups.empty()) return Error(std::move(dups));
  // The profile: a file if the name looks like a path, else one of the loaded ones by name.
  const std::string wanted = options.profile.empty() ? "ml-engineer" : options.profile;
  SourceFile from_disk;
  const SourceFile* chosen = nullptr;
  Expected<Profile> profile = Error("");
  if (ends_with(wanted, ".profile") || wanted.find('/') != std::string::npos) {
    Expected<std::string> text = read_data_file(wanted);
    if (!text.ok()) return file_error(wanted, text.error().message);
    from_disk = SourceFile{wanted, std::move(*text)};
    chosen = &from_disk;
    profile = catalog.parse_outside(from_disk);
  } else if (const ProfileFile* named = catalog.find(wanted)) {
    chosen = &named->file;
    profile = catalog.parse(*named);
  } else {
    // No file to blame: the command line's (datafile.h prints it as a usage error).
    return Error(std::vector<Diagnostic>{Diagnostic{"", 0, 0, catalog.unknown(wanted), ""}});
  }
  if (!profile.ok()) return profile.error();
  e->m_profile = std::move(*profile);
  if (Status roles = catalog.check_roles(e->m_profile); !roles.ok()) return roles.error();

  std::vector<const SourceFile*> used_profiles = catalog.sources(*chosen);
  e->m_scorer = std::make_unique<Scorer>(e->m_profile, e->m_lexicon.concepts.size());
  std::vector<size_t> concepts = e->m_scorer->concepts();
  // The roles: loaded profiles by name (a role's own roles are not loaded).
  e->m_roles.reserve(e->m_profile.roles.size());
  for (const RoleRef& ref : e->m_profile.roles) {
    const ProfileFile* file = catalog.find(ref.name);  // there is one: check_roles said so
    Expected<Profile> parsed = catalog.parse(*file);
    if (!parsed.ok()) return parsed.error();
    // A Scorer refers to its profile: the profile is in place (m_roles never reallocates) first.
    Role& role = e->m_roles.emplace_back();
    role.contrast = ref.contrast;
    role.profile = std::move(*parsed);
    role.profile.roles.clear();
    role.scorer = std::make_unique<Scorer>(role.profile, e->m_lexicon.concepts.size());
    for (const size_t c : role.scorer->concepts())
      if (std::find(concepts.begin(), concepts.end(), c) == concepts.end()) concepts.push_back(c);
    const std::vector<const SourceFile*> role_files = catalog.sources(file->file);
    used_profiles.insert(used_profiles.end(), role_files.begin(), role_files.end());
    if (ref.name == e->m_profile.floor_role.name) e->m_floor_role = static_cast<int>(e->m_roles.size() - 1);
  }
  e->m_titles_count = e->m_profile.title.weight > 0;
  e->m_role_concept.assign(e->m_lexicon.concepts.size(), false);
  for (const auto& [c, value] : e->m_profile.title.concepts) e->m_role_concept[c] = true;
  for (const Role& role : e->m_roles) {
    e->m_titles_count |= role.profile.title.weight > 0;
    for (const auto& [c, value] : role.profile.title.concepts) e->m_role_concept[c] = true;
  }
  e->m_hash = hash_files(lex_files, used_profiles);
  Expected<std::unique_ptr<Matcher>> matcher = Matcher::build(e->m_lexicon, concepts);
  if (!matcher.ok()) return file_error(e->m_source, matcher.error().message);
  e->m_matcher = std::move(*matcher);
  return e;
}

bool Engine::names_role(const std::vector<size_t>& concepts) const {
  for (const size_t c : concepts)
    if (c < m_role_concept.size() && m_role_concept[c]) return true;
  return false;
}

}  // namespace jobmatch
