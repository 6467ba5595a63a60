// `jobmatch lexicon check` (validates lexicon and profile files), `jobmatch lexicon dump` (writes
// the embedded files out, lexicon/dump.h) and `jobmatch lexicon export` (the profile's patterns
// for ripgrep, lexicon/export.h).
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <unordered_set>

#include "cli/cli_doc.h"
#include "cli/commands.h"
#include "lexicon/catalog.h"
#include "lexicon/dump.h"
#include "lexicon/embedded.h"
#include "lexicon/export.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

namespace po = boost::program_options;

const char* const kExportUsage =
    "Usage: jobmatch lexicon export [--format rg|list] [--lexicon FILE|DIR] [-p PROFILE]\n\n"
    "Prints every strong and weak pattern of the profile's concepts translated to ripgrep's\n"
    "regex syntax over raw text (word boundaries, umlaut spellings), for example\n"
    "  rg -i --count-matches -f <(jobmatch lexicon export --format rg) ads/\n"
    "The translation approximates: weak patterns lose their near context, not patterns\n"
    "and gender forms are not modelled.";

po::options_description export_options() {
  po::options_description visible("Options");
  visible.add_options()
      ("format,f", po::value<std::string>()->default_value("rg")->value_name("FMT"),
       "rg: one ripgrep (Rust regex) pattern per line, for rg -i -f; list: concept, pattern as "
       "written (weak ones marked 'weak '), its rg form, tab-separated");
  visible.add(engine_options());
  return visible;
}

Outcome run_export(const std::vector<std::string>& args) {
  po::variables_map vm;
  Outcome outcome;
  if (!parse_command_line(args, export_options(), false, &vm, kExportUsage, "lexicon")) return outcome;
  const std::string format = vm["format"].as<std::string>();
  if (format != "rg" && format != "list") {
    const std::string hint = did_you_mean(format, {"rg", "list"});
    throw UsageError{"--format must be rg or list, not '" + format + "'" + (hint.empty() ? "" : " (" + hint + ")")};
  }
  const std::unique_ptr<Engine> engine = engine_for(vm, outcome);
  if (!engine) return outcome;
  const Lexicon& lexicon = engine->lexicon();
  std::string out;
  std::unordered_set<std::string> seen;
  for (const ExportedPattern& e : export_patterns(lexicon, engine->scorer().concepts())) {
    const std::string& id = lexicon.concepts[e.concept_index].id;
    if (e.rg.empty()) {
      std::fprintf(stderr, "jobmatch: warning: %s: pattern '%s' has no ripgrep form (%s); left out\n",
                   id.c_str(), escape_for_terminal(e.source).c_str(), escape_for_terminal(e.error).c_str());
      continue;
    }
    if (format == "list") out += id + '\t' + (e.weak ? "weak " : "") + e.source + '\t' + e.rg + '\n';
    else if (seen.insert(e.rg).second) out += e.rg + '\n';
  }
  Output output;
  output.write(out);
  finish_output(output, outcome);
  return outcome;
}

const char* const kDumpUsage =
    "Usage: jobmatch lexicon dump [--force] [DIR]\n\n"
    "Writes the embedded lexicon and profile files (article.lex, extensions.lex, roles.lex and\n"
    "the *.profile files) into DIR, created if missing, and prints the path of each. A file\n"
    "that exists already is an error (nothing is written) unless --force replaces it. Without\n"
    "DIR, lists the embedded files (name, bytes).";

Outcome run_dump(const std::vector<std::string>& args) {
  po::options_description visible("Options");
  visible.add_options()("force", po::bool_switch(), "replace files that exist in DIR");
  po::options_description all;
  all.add(visible).add_options()("help,h", "")("dir", po::value<std::vector<std::string>>(), "");
  po::positional_options_description positional;
  positional.add("dir", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  } catch (const po::error& e) {
    throw UsageError{e.what()};
  }
  if (std::find(args.begin(), args.end(), "--help") != args.end() || std::find(args.begin(), args.end(), "-h") != args.end()) {
    std::cout << kDumpUsage << "\n\n" << format_options(visible, help_width(), {{"help", "h", "", "", "show this help"}});
    return Outcome{};
  }
  const std::vector<std::string> dirs = vm.count("dir") ? vm["dir"].as<std::vector<std::string>>() : std::vector<std::string>{};
  if (dirs.size() > 1) throw UsageError{"lexicon dump takes one folder"};
  Outcome outcome;
  Output output;
  if (dirs.empty()) {
    for (const EmbeddedFile& f : embedded_lexicon_files())
      output.write(std::string(f.name) + "\t" + std::to_string(f.data.size()) + "\n");
  } else {
    Expected<std::vector<std::string>> written = dump_embedded_files(dirs[0], vm["force"].as<bool>());
    if (!written.ok()) throw UsageError{written.error().message};
    for (const std::string& path : *written) output.write(path + "\n");
  }
  finish_output(output, outcome);
  return outcome;
}

const char* const kUsage =
    "Usage: jobmatch lexicon check [--no-builtin-lexicon] [FILE|DIR...]\n"
    "       jobmatch lexicon dump [--force] [DIR]\n"
    "       jobmatch lexicon export [--format rg|list] [--lexicon FILE|DIR] [-p PROFILE]\n\n"
    "check validates lexicon (*.lex) and profile (*.profile) files as --lexicon loads them:\n"
    "added to the embedded ones (with --no-builtin-lexicon, alone; a profile file given\n"
    "alone is then checked against the embedded lexicon). A concept or profile that\n"
    "replaces an embedded one is named with a note at file:line:col. With no argument, the\n"
    "embedded files are checked. Errors are reported as file:line:col with the line and a\n"
    "caret; the exit code is 2 if there is any.\n"
    "dump writes the embedded files into DIR (created if missing; an existing file is an\n"
    "error unless --force), to start a lexicon of your own; without DIR it lists them.\n"
    "export prints the profile's patterns for ripgrep (see jobmatch lexicon export --help).";

// A note about a place in a file: "file:line:col: note: message" and the line, like a diagnostic.
void print_note(const Diagnostic& at, const std::string& message) {
  Diagnostic note = at;
  note.message = message;
  std::string text = format_diagnostic(note);
  if (const size_t e = text.find(": error: "); e != std::string::npos) text.replace(e, 9, ": note: ");
  std::cout << text;
}

// Every diagnostic of the files under paths, parsed together as --lexicon loads them, then their
// matcher compiled.
Outcome run_check(const std::vector<std::string>& args) {
  bool builtin = true;
  std::vector<std::string> paths;
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h") {
      std::cout << kUsage << "\n";
      return Outcome{};
    }
    if (a == "--no-builtin-lexicon") builtin = false;
    else if (a.starts_with("-") && a != "-") throw UsageError{"unknown option '" + a + "' for lexicon check"};
    else paths.push_back(a);
  }
  Expected<DataFiles> loaded = load_layered_files(paths.empty() ? std::vector<std::string>{""} : paths,
                                                  builtin && !paths.empty());
  if (!loaded.ok()) {
    print_diagnostics(loaded.error().diagnostics);
    return Outcome{.usage_error = true};
  }
  DataFiles& files = *loaded;
  if (files.lexicons.empty()) {  // profiles alone: checked against the embedded lexicon
    files.lexicons = load_data_files("")->lexicons;
    files.builtin_lexicons = files.lexicons.size();
  }
  Lexicon lexicon;
  std::vector<ConceptOverride> overrides;
  std::vector<Diagnostic> diags;
  if (Status parsed = parse_layered_lexicon(files, &lexicon, &overrides); !parsed.ok()) diags = parsed.error().diagnostics;
  const auto add = [&](const Error& error) {  // a parent's diagnostics come again with each child
    for (const Diagnostic& d : error.diagnostics)
      if (std::none_of(diags.begin(), diags.end(), [&](const Diagnostic& x) {
            return x.file == d.file && x.line == d.line && x.col == d.col && x.message == d.message;
          }))
        diags.push_back(d);
  };
  std::string summary;
  ProfileCatalog catalog(files.profiles, files.builtin_profiles, lexicon);
  if (diags.empty()) {
    diags = catalog.duplicates();
    for (const ProfileFile& f : catalog.files()) {
      if (f.builtin && !paths.empty()) continue;  // the user's files are checked, not the embedded ones again
      Expected<Profile> profile = catalog.parse(f);
      if (profile.ok())
        if (Status roles = catalog.check_roles(*profile); !roles.ok()) profile = roles.error();
      if (!profile.ok()) {
        add(profile.error());
        continue;
      }
      size_t n = 0;
      for (const auto& sec : profile->sections) n += sec.concepts.size();
      const std::string parent = profile_header(f.file).parent;
      summary += "  profile " + profile->name + ": " + std::to_string(profile->sections.size()) + " sections, " +
                 std::to_string(n) + " concepts" + (parent.empty() ? "" : " (extends " + parent + ")") + "\n";
    }
    if (diags.empty())
      if (const auto built = Matcher::build(lexicon, {}); !built.ok())
        diags.push_back(Diagnostic{files.lexicons.front().name, 0, 0, built.error().message, ""});
  }
  if (!diags.empty()) {
    print_diagnostics(diags);
    std::fprintf(stderr, "jobmatch: %zu error%s\n", diags.size(), diags.size() == 1 ? "" : "s");
    return Outcome{.usage_error = true};
  }
  for (const ConceptOverride& o : overrides)
    print_note(o.at, "concept '" + o.id + "' replaces the embedded one (" + o.replaced_file + ":" +
                         std::to_string(o.replaced_line) + ")");
  for (const auto& [user, embedded] : catalog.overrides()) {
    const DataLine first = split_data_lines(user->file).front();
    print_note(diagnostic_at(user->file, first, first.value_col, ""),
               "profile '" + user->name + "' replaces the embedded one (" + embedded->file.name + ")");
  }
  size_t extensions = 0;
  for (const Concept& c : lexicon.concepts) extensions += c.extension;
  const size_t n_files = files.lexicons.size();
  std::cout << "ok: " << lexicon.concepts.size() << " concepts (" << lexicon.concepts.size() - extensions
            << " from the article, " << extensions << " extensions) in " << n_files << " file"
            << (n_files == 1 ? "" : "s") << "\n"
            << summary;
  return Outcome{};
}

Outcome run(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage << "\n";
    if (args.empty()) throw UsageError{"lexicon needs a command (check, dump or export)"};
    return Outcome{};
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "export") return run_export(rest);
  if (args[0] == "dump") return run_dump(rest);
  if (args[0] == "check") return run_check(rest);
  const std::string hint = did_you_mean(args[0], {"check", "dump", "export"});
  throw UsageError{"unknown lexicon command '" + args[0] + "' (" + (hint.empty() ? "" : hint + " ") +
                   "expected: check, dump or export)"};
}

}  // namespace

const Command kLexiconCommand = {
    .name = "lexicon",
    .summary = "check, dump or export (for ripgrep) lexicon and profile files",
    .usage = kUsage,
    .options = export_options,
    .choices = "format=rg list",
    .run = run,
    .subcommands = "check dump export"};

}  // namespace jobmatch
