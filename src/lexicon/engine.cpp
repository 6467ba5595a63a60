#include "lexicon/engine.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "lexicon/embedded.h"

namespace jobmatch {
namespace {

namespace fs = std::filesystem;

// A loaded profile by name (its file name without .profile), or null.
const SourceFile* profile_named(const std::vector<SourceFile>& files, const std::string& name) {
  for (const SourceFile& f : files)
    if (fs::path(f.name).stem().string() == name) return &f;
  return nullptr;
}

// The loaded profiles' names, for "available: ..." ("none" if there is none).
std::string profile_names(const std::vector<SourceFile>& files) {
  std::string known;
  for (const SourceFile& f : files) known += (known.empty() ? "" : ", ") + fs::path(f.name).stem().string();
  return known.empty() ? "none" : known;
}

std::string hash_files(const std::vector<SourceFile>& a, const std::vector<SourceFile>& b) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  auto mix = [&](std::string_view s) {
    for (const char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  for (const auto* files : {&a, &b})
    for (const SourceFile& f : *files) {
      mix(fs::path(f.name).filename().string());
      mix(f.text);
    }
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

Expected<std::unique_ptr<Engine>> Engine::load(const EngineOptions& options) {
  std::unique_ptr<Engine> e(new Engine());
  Expected<DataFiles> files = load_data_files(options.lexicon_path);
  if (!files.ok()) return files.error();
  const std::vector<SourceFile>& lex_files = files->lexicons;
  const std::vector<SourceFile>& profile_files = files->profiles;
  e->m_source = options.lexicon_path.empty() ? "embedded" : options.lexicon_path;
  if (lex_files.empty()) return file_error(e->m_source, "no lexicon (*.lex) files");
  if (Status parsed = parse_lexicon(lex_files, &e->m_lexicon); !parsed.ok()) return parsed.error();

  // The profile: a file if the name looks like a path, else one of the loaded ones by name.
  const std::string wanted = options.profile.empty() ? "ml-engineer" : options.profile;
  const SourceFile* chosen = nullptr;
  SourceFile from_disk;
  if (ends_with(wanted, ".profile") || wanted.find('/') != std::string::npos) {
    Expected<std::string> text = read_data_file(wanted);
    if (!text.ok()) return file_error(wanted, text.error().message);
    from_disk = SourceFile{wanted, std::move(*text)};
    chosen = &from_disk;
  } else if (!(chosen = profile_named(profile_files, wanted))) {
    return file_error(e->m_source,
                      "no profile named '" + wanted + "' (available: " + profile_names(profile_files) + ")");
  }
  if (Status parsed = parse_profile(*chosen, e->m_lexicon, &e->m_profile); !parsed.ok()) return parsed.error();

  std::vector<SourceFile> used_profiles{*chosen};
  e->m_scorer = std::make_unique<Scorer>(e->m_profile, e->m_lexicon.concepts.size());
  std::vector<size_t> concepts = e->m_scorer->concepts();
  // The roles: loaded profiles by name (a role's own roles are not loaded).
  e->m_roles.reserve(e->m_profile.roles.size());
  for (const RoleRef& ref : e->m_profile.roles) {
    const SourceFile* file = profile_named(profile_files, ref.name);
    if (!file) {
      const std::vector<DataLine> lines = split_data_lines(*chosen);
      const auto at = std::find_if(lines.begin(), lines.end(), [&](const DataLine& l) { return l.line == ref.line; });
      const std::string message =
          "no profile named '" + ref.name + "' for this role (available: " + profile_names(profile_files) + ")";
      return Error(std::vector<Diagnostic>{at != lines.end() ? diagnostic_at(*chosen, *at, ref.col, message)
                                                             : Diagnostic{chosen->name, ref.line, ref.col + 1, message, ""}});
    }
    // A Scorer refers to its profile: the profile is in place (m_roles never reallocates) first.
    Role& role = e->m_roles.emplace_back();
    role.contrast = ref.contrast;
    if (Status parsed = parse_profile(*file, e->m_lexicon, &role.profile); !parsed.ok()) return parsed.error();
    role.profile.roles.clear();
    role.scorer = std::make_unique<Scorer>(role.profile, e->m_lexicon.concepts.size());
    for (const size_t c : role.scorer->concepts())
      if (std::find(concepts.begin(), concepts.end(), c) == concepts.end()) concepts.push_back(c);
    used_profiles.push_back(*file);
  }
  e->m_titles_count = e->m_profile.title.weight > 0;
  for (const Role& role : e->m_roles) e->m_titles_count |= role.profile.title.weight > 0;
  e->m_hash = hash_files(lex_files, used_profiles);
  Expected<std::unique_ptr<Matcher>> matcher = Matcher::build(e->m_lexicon, concepts);
  if (!matcher.ok()) return file_error(e->m_source, matcher.error().message);
  e->m_matcher = std::move(*matcher);
  return e;
}

}  // namespace jobmatch
