// `jobmatch lexicon check` (validates lexicon and profile files) and `jobmatch lexicon export`
// (the profile's patterns for ripgrep, lexicon/export.h).
#include <cstdio>
#include <iostream>
#include <unordered_set>

#include "cli/commands.h"
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
  if (format != "rg" && format != "list") throw UsageError{"--format must be rg or list, not '" + format + "'"};
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

const char* const kUsage =
    "Usage: jobmatch lexicon check [FILE|DIR...]\n"
    "       jobmatch lexicon export [--format rg|list] [--lexicon FILE|DIR] [-p PROFILE]\n\n"
    "check validates lexicon (*.lex) and profile (*.profile) files; with no argument,\n"
    "the embedded ones. A profile file given alone is checked against the embedded\n"
    "lexicon. Errors are reported as file:line:col with the line and a caret; the\n"
    "exit code is 2 if there is any.\n"
    "export prints the profile's patterns for ripgrep (see jobmatch lexicon export --help).";

// Every diagnostic of the files under paths, parsed together, then their matcher compiled.
Outcome run_check(std::vector<std::string> paths) {
  if (paths.empty()) paths.push_back("");  // the embedded files
  std::vector<SourceFile> lex, profiles;
  for (const std::string& p : paths) {
    Expected<DataFiles> files = load_data_files(p);
    if (!files.ok()) {
      print_diagnostics(files.error().diagnostics);
      return Outcome{.usage_error = true};
    }
    lex.insert(lex.end(), files->lexicons.begin(), files->lexicons.end());
    profiles.insert(profiles.end(), files->profiles.begin(), files->profiles.end());
  }
  if (lex.empty()) lex = load_data_files("")->lexicons;  // the embedded files always load
  Lexicon lexicon;
  std::vector<Diagnostic> diags;
  if (Status parsed = parse_lexicon(lex, &lexicon); !parsed.ok()) diags = parsed.error().diagnostics;
  std::string summary;
  if (diags.empty()) {
    for (const SourceFile& f : profiles) {
      Profile profile;
      const Status parsed = parse_profile(f, lexicon, &profile);
      if (!parsed.ok()) diags.insert(diags.end(), parsed.error().diagnostics.begin(), parsed.error().diagnostics.end());
      size_t n = 0;
      for (const auto& sec : profile.sections) n += sec.concepts.size();
      if (parsed.ok())
        summary += "  profile " + profile.name + ": " + std::to_string(profile.sections.size()) +
                   " sections, " + std::to_string(n) + " concepts\n";
    }
    if (diags.empty())
      if (const auto built = Matcher::build(lexicon, {}); !built.ok())
        diags.push_back(Diagnostic{lex.front().name, 0, 0, built.error().message, ""});
  }
  if (!diags.empty()) {
    print_diagnostics(diags);
    std::fprintf(stderr, "jobmatch: %zu error%s\n", diags.size(), diags.size() == 1 ? "" : "s");
    return Outcome{.usage_error = true};
  }
  size_t extensions = 0;
  for (const Concept& c : lexicon.concepts) extensions += c.extension;
  std::cout << "ok: " << lexicon.concepts.size() << " concepts (" << lexicon.concepts.size() - extensions
            << " from the article, " << extensions << " extensions) in " << lex.size() << " file"
            << (lex.size() == 1 ? "" : "s") << "\n"
            << summary;
  return Outcome{};
}

Outcome run(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage << "\n";
    if (args.empty()) throw UsageError{"lexicon needs a command (check or export)"};
    return Outcome{};
  }
  if (args[0] == "export") return run_export(std::vector<std::string>(args.begin() + 1, args.end()));
  if (args[0] != "check") throw UsageError{"unknown lexicon command '" + args[0] + "' (expected: check or export)"};
  return run_check(std::vector<std::string>(args.begin() + 1, args.end()));
}

}  // namespace

const Command kLexiconCommand = {
    .name = "lexicon",
    .summary = "check lexicon and profile files, export patterns for ripgrep",
    .usage = kUsage,
    .options = export_options,
    .choices = "format=rg list",
    .run = run,
    .subcommands = "check export"};

}  // namespace jobmatch
