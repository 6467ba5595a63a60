#include "cli.h"

#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "engine.h"
#include "eval.h"
#include "export.h"
#include "exit_status.h"
#include "explain.h"
#include "read.h"
#include "report/html_report.h"
#include "report/writer.h"
#include "run.h"

namespace jobmatch {
namespace {

namespace po = boost::program_options;

struct UsageError {
  std::string message;
};

void print_error(const std::string& message) { std::fprintf(stderr, "jobmatch: error: %s\n", message.c_str()); }

void print_diagnostics(const std::vector<Diagnostic>& diags) {
  for (const Diagnostic& d : diags) std::fputs(format_diagnostic(d).c_str(), stderr);
}

// --color=auto|always|never together with NO_COLOR and whether stdout is a terminal.
bool use_color(const std::string& mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (mode != "auto") throw UsageError{"--color must be auto, always or never"};
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return ::isatty(fd) != 0;
}

size_t terminal_width() {
  winsize ws{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (const char* cols = std::getenv("COLUMNS")) {
    const long n = std::strtol(cols, nullptr, 10);
    if (n > 20) return static_cast<size_t>(n);
  }
  return 120;
}

std::unique_ptr<Engine> load_engine(const po::variables_map& vm) {
  EngineOptions eo;
  if (vm.count("lexicon")) eo.lexicon_path = vm["lexicon"].as<std::string>();
  if (vm.count("profile")) eo.profile = vm["profile"].as<std::string>();
  std::vector<Diagnostic> diags;
  auto engine = Engine::load(eo, &diags);
  if (!engine) {
    print_diagnostics(diags);
    if (diags.empty()) print_error("the lexicon or profile does not load");
  }
  return engine;
}

po::options_description engine_options() {
  po::options_description o("Lexicon and profile");
  o.add_options()
      ("profile,p", po::value<std::string>()->value_name("NAME|FILE"),
       "profile to score against (default: ml-engineer, embedded)")
      ("lexicon", po::value<std::string>()->value_name("FILE|DIR"),
       "use this lexicon (and its profiles) instead of the embedded one");
  return o;
}

po::options_description input_options() {
  po::options_description o("Input");
  o.add_options()
      ("input-format", po::value<std::string>()->default_value("auto")->value_name("FMT"),
       "auto, text, html, jsonl (one posting per line)")
      ("max-bytes", po::value<size_t>()->default_value(16u << 20)->value_name("N"),
       "largest posting read; larger ones become error records")
      ("ext", po::value<std::string>()->default_value("txt,text,html,htm")->value_name("LIST"),
       "file extensions taken when walking a folder (files named explicitly are always read)")
      ("id-field", po::value<std::string>()->default_value("id"), "JSONL field holding the id")
      ("title-field", po::value<std::string>()->default_value("title"), "JSONL field holding the title")
      ("text-field", po::value<std::string>()->default_value("text"), "JSONL field holding the text");
  return o;
}

ReadOptions read_options(const po::variables_map& vm) {
  ReadOptions r;
  const std::string f = vm["input-format"].as<std::string>();
  if (f == "auto") r.format = InputFormat::kAuto;
  else if (f == "text") r.format = InputFormat::kText;
  else if (f == "html") r.format = InputFormat::kHtml;
  else if (f == "jsonl") r.format = InputFormat::kJsonl;
  else throw UsageError{"--input-format must be auto, text, html or jsonl, not '" + f + "'"};
  r.max_bytes = vm["max-bytes"].as<size_t>();
  if (r.max_bytes == 0) throw UsageError{"--max-bytes must be at least 1"};
  r.extensions.clear();
  std::string list = vm["ext"].as<std::string>();
  for (size_t start = 0; start <= list.size();) {
    size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    std::string ext = list.substr(start, comma - start);
    if (!ext.empty() && ext[0] == '.') ext.erase(0, 1);
    if (!ext.empty()) r.extensions.push_back(ext);
    start = comma + 1;
  }
  r.id_field = vm["id-field"].as<std::string>();
  r.title_field = vm["title-field"].as<std::string>();
  r.text_field = vm["text-field"].as<std::string>();
  return r;
}

// Parses args for a command; returns false if --help was printed.
bool parse(const std::vector<std::string>& args, const po::options_description& visible,
           const po::positional_options_description& positional, po::variables_map* vm,
           const std::string& usage) {
  po::options_description all;
  all.add(visible);
  all.add_options()("help,h", "show this help");
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), *vm);
    if (vm->count("help")) {
      std::cout << usage << "\n" << all << "\n";
      return false;
    }
    po::notify(*vm);
  } catch (const po::error& e) {
    throw UsageError{e.what()};
  }
  return true;
}

std::vector<std::string> paths_of(const po::variables_map& vm) {
  std::vector<std::string> paths;
  if (vm.count("path")) paths = vm["path"].as<std::vector<std::string>>();
  if (paths.empty()) {
    if (::isatty(STDIN_FILENO)) throw UsageError{"no input: give files or folders, or - for standard input"};
    paths.push_back("-");
  }
  return paths;
}

int cmd_score(const std::vector<std::string>& args) {
  po::options_description out("Output");
  out.add_options()
      ("format,f", po::value<std::string>()->value_name("FMT"),
       "table (default on a terminal), tsv (default otherwise), csv, jsonl, json")
      ("fail-under", po::value<double>()->value_name("SCORE"),
       "exit 1 if any posting scores below SCORE (a CI gate)")
      ("ignore-title", po::bool_switch(), "score the body only: the title neither counts as the role nor as text")
      ("threads,j", po::value<int>()->value_name("N"), "worker threads (default: all cores)")
      ("color", po::value<std::string>()->default_value("auto")->value_name("WHEN"),
       "auto, always, never (NO_COLOR is honoured)");
  po::options_description visible;
  visible.add(out).add(input_options()).add(engine_options());
  visible.add_options()("path", po::value<std::vector<std::string>>(), "");
  po::positional_options_description pos;
  pos.add("path", -1);
  po::variables_map vm;
  if (!parse(args, visible, pos, &vm,
             "Usage: jobmatch score [OPTIONS] [PATH...]\n\n"
             "Scores every posting under PATH (file, folder, or - for standard input) against\n"
             "the profile. Exit codes: 0 all scored, 1 below --fail-under, 2 usage or lexicon\n"
             "error, 3 some inputs could not be read (they are reported as error records)."))
    return kExitOk;

  Format format = ::isatty(STDOUT_FILENO) ? Format::kTable : Format::kTsv;
  if (vm.count("format") && !parse_format(vm["format"].as<std::string>(), &format))
    throw UsageError{"--format must be table, tsv, csv, jsonl or json"};
  ReportOptions ro;
  ro.color = use_color(vm["color"].as<std::string>(), STDOUT_FILENO) && format == Format::kTable;
  ro.width = terminal_width();
  const ReadOptions read = read_options(vm);
  RunOptions run;
  run.threads = vm.count("threads") ? vm["threads"].as<int>()
                                    : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (run.threads < 1 || run.threads > 256) throw UsageError{"--threads must be from 1 to 256"};
  std::optional<double> floor;
  if (vm.count("fail-under")) floor = vm["fail-under"].as<double>();
  const std::vector<std::string> paths = paths_of(vm);

  auto engine = load_engine(vm);
  if (!engine) return kExitUsage;

  Output output;
  auto writer = make_writer(format, output, *engine, ro);
  InputSource source(paths, read);
  bool any_error = false, any_below = false;
  run.analyze.ignore_title = vm["ignore-title"].as<bool>();
  run.in_worker = [&](Result& r) { r.rendered = writer->render(r); };
  const bool complete = run_pipeline(*engine, source, run, [&](Result&& r) {
    if (r.error) any_error = true;
    else if (floor && r.score < *floor) any_below = true;
    writer->write(r, std::move(r.rendered));
    return !output.broken();
  });
  if (complete) writer->finish();
  if (!complete || output.broken()) std::_Exit(kExitOk);  // the reader of our output went away
  if (any_error) return kExitInputError;
  return any_below ? kExitBelowFloor : kExitOk;
}

// `jobmatch report`: the whole batch as one self-contained HTML page (report/html_report.h).
int cmd_report(const std::vector<std::string>& args) {
  po::options_description out("Output");
  out.add_options()
      ("output,o", po::value<std::string>()->value_name("FILE"), "the HTML file to write (- for standard output)")
      ("threads,j", po::value<int>()->value_name("N"), "worker threads (default: all cores)");
  po::options_description visible;
  visible.add(out).add(input_options()).add(engine_options());
  visible.add_options()("path", po::value<std::vector<std::string>>(), "");
  po::positional_options_description pos;
  pos.add("path", -1);
  po::variables_map vm;
  if (!parse(args, visible, pos, &vm,
             "Usage: jobmatch report [OPTIONS] PATH... -o FILE\n\n"
             "Writes one self-contained HTML page (no network, no external files) for the postings\n"
             "under PATH: the ranking as a sortable, filterable table, each posting's explanation\n"
             "with its evidence highlighted, a score histogram, a section heatmap and the concepts\n"
             "the batch covers least. Exit codes as for score: 2 usage or lexicon error, or FILE\n"
             "cannot be written; 3 some inputs could not be read (they are error rows in the page)."))
    return kExitOk;
  if (!vm.count("output")) throw UsageError{"report needs -o FILE (or -o - for standard output)"};
  const ReadOptions read = read_options(vm);
  RunOptions run;
  run.threads = vm.count("threads") ? vm["threads"].as<int>()
                                    : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (run.threads < 1 || run.threads > 256) throw UsageError{"--threads must be from 1 to 256"};
  run.analyze.keep_text = true;
  const std::vector<std::string> paths = paths_of(vm);
  auto engine = load_engine(vm);
  if (!engine) return kExitUsage;
  const std::string file = vm["output"].as<std::string>();
  std::FILE* f = file == "-" ? nullptr : std::fopen(file.c_str(), "wb");
  if (file != "-" && !f) {
    print_error("cannot write " + file + ": " + std::strerror(errno));
    return kExitUsage;
  }
  bool any_error = false, broken = false;
  {
    Output output(f ? ::fileno(f) : STDOUT_FILENO);
    auto writer = make_html_report_writer(output, *engine);
    run.in_worker = [&](Result& r) {
      r.rendered = writer->render(r);
      std::string().swap(r.text);  // packed into rendered; not kept while waiting for its turn
    };
    InputSource source(paths, read);
    run_pipeline(*engine, source, run, [&](Result&& r) {
      any_error |= r.error.has_value();
      writer->write(r, std::move(r.rendered));
      return true;
    });
    writer->finish();
    broken = output.broken();
  }
  if (f && std::fclose(f) != 0) broken = true;
  if (broken && !f) std::_Exit(kExitOk);  // the reader of our output went away
  if (broken) {
    print_error("cannot write " + file);
    return kExitUsage;
  }
  return any_error ? kExitInputError : kExitOk;
}

int cmd_explain(const std::vector<std::string>& args) {
  po::options_description visible("Options");
  visible.add_options()
      ("color", po::value<std::string>()->default_value("auto")->value_name("WHEN"),
       "auto, always, never (NO_COLOR is honoured)");
  visible.add(input_options()).add(engine_options());
  visible.add_options()("path", po::value<std::vector<std::string>>(), "");
  po::positional_options_description pos;
  pos.add("path", -1);
  po::variables_map vm;
  if (!parse(args, visible, pos, &vm,
             "Usage: jobmatch explain [OPTIONS] FILE...\n\n"
             "Shows the score of each posting broken down: section coverage, every matched\n"
             "concept with its evidence highlighted in its line, and what is missing."))
    return kExitOk;
  const bool color = use_color(vm["color"].as<std::string>(), STDOUT_FILENO);
  const ReadOptions read = read_options(vm);
  const std::vector<std::string> paths = paths_of(vm);
  auto engine = load_engine(vm);
  if (!engine) return kExitUsage;
  Output output;
  InputSource source(paths, read);
  RunOptions run;
  run.analyze.keep_text = true;
  bool any_error = false, first = true;
  const bool complete = run_pipeline(*engine, source, run, [&](Result&& r) {
    any_error |= r.error.has_value();
    output.write((first ? "" : "\n") + render_explain(r, *engine, color));
    first = false;
    return !output.broken();
  });
  output.flush();
  if (!complete || output.broken()) std::_Exit(kExitOk);
  return any_error ? kExitInputError : kExitOk;
}

// jobmatch lexicon export: the profile's strong and weak patterns for other tools (export.h).
int cmd_lexicon_export(const std::vector<std::string>& args) {
  po::options_description visible("Options");
  visible.add_options()
      ("format,f", po::value<std::string>()->default_value("rg")->value_name("FMT"),
       "rg: one ripgrep (Rust regex) pattern per line, for rg -i -f; list: concept, pattern as "
       "written and its rg translation, tab-separated");
  visible.add(engine_options());
  po::variables_map vm;
  if (!parse(args, visible, po::positional_options_description(), &vm,
             "Usage: jobmatch lexicon export [--format rg|list] [--lexicon FILE|DIR] [-p PROFILE]\n\n"
             "Prints every strong and weak pattern of the profile's concepts translated to ripgrep's\n"
             "regex syntax over raw text (word boundaries, umlaut spellings), for example\n"
             "  rg -i --count-matches -f <(jobmatch lexicon export --format rg) ads/\n"
             "The translation approximates: weak patterns lose their near context, not patterns\n"
             "and gender forms are not modelled."))
    return kExitOk;
  const std::string format = vm["format"].as<std::string>();
  if (format != "rg" && format != "list") throw UsageError{"--format must be rg or list, not '" + format + "'"};
  auto engine = load_engine(vm);
  if (!engine) return kExitUsage;
  const Lexicon& lexicon = engine->lexicon();
  std::string out;
  std::unordered_set<std::string> seen;
  for (const ExportedPattern& e : export_patterns(lexicon, engine->scorer().concepts())) {
    const std::string& id = lexicon.concepts[e.concept_index].id;
    if (e.rg.empty()) {
      std::fprintf(stderr, "jobmatch: warning: %s: pattern '%s' has no ripgrep form (%s); left out\n",
                   id.c_str(), e.source.c_str(), e.error.c_str());
      continue;
    }
    if (format == "list") out += id + '\t' + (e.weak ? "weak " : "") + e.source + '\t' + e.rg + '\n';
    else if (seen.insert(e.rg).second) out += e.rg + '\n';
  }
  Output output;
  output.write(out);
  output.flush();
  return kExitOk;
}

int cmd_lexicon(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << "Usage: jobmatch lexicon check [FILE|DIR...]\n"
                 "       jobmatch lexicon export [--format rg|list] [--lexicon FILE|DIR] [-p PROFILE]\n\n"
                 "check validates lexicon (*.lex) and profile (*.profile) files; with no argument,\n"
                 "the embedded ones. A profile file given alone is checked against the embedded\n"
                 "lexicon. Errors are reported as file:line:col with the line and a caret; the\n"
                 "exit code is 2 if there is any.\n"
                 "export prints the profile's patterns for ripgrep (see jobmatch lexicon export --help).\n";
    if (args.empty()) throw UsageError{"lexicon needs a command (check or export)"};
    return kExitOk;
  }
  if (args[0] == "export") return cmd_lexicon_export(std::vector<std::string>(args.begin() + 1, args.end()));
  if (args[0] != "check")
    throw UsageError{"unknown lexicon command '" + args[0] + "' (expected: check or export)"};
  std::vector<std::string> paths(args.begin() + 1, args.end());
  if (paths.empty()) paths.push_back("");  // the embedded files
  std::vector<SourceFile> lex, profiles;
  std::vector<Diagnostic> diags;
  for (const std::string& p : paths)
    if (!load_data_files(p, &lex, &profiles, &diags)) {
      print_diagnostics(diags);
      return kExitUsage;
    }
  if (lex.empty()) {
    std::vector<SourceFile> unused;
    load_data_files("", &lex, &unused, &diags);
  }
  Lexicon lexicon;
  diags = parse_lexicon(lex, &lexicon);
  std::string summary;
  if (diags.empty()) {
    for (const SourceFile& f : profiles) {
      Profile profile;
      auto d = parse_profile(f, lexicon, &profile);
      diags.insert(diags.end(), d.begin(), d.end());
      size_t n = 0;
      for (const auto& sec : profile.sections) n += sec.concepts.size();
      if (d.empty())
        summary += "  profile " + profile.name + ": " + std::to_string(profile.sections.size()) +
                   " sections, " + std::to_string(n) + " concepts\n";
    }
    std::string error;
    if (diags.empty() && !Matcher::build(lexicon, {}, &error))
      diags.push_back(Diagnostic{lex.front().name, 0, 0, error, ""});
  }
  if (!diags.empty()) {
    print_diagnostics(diags);
    std::fprintf(stderr, "jobmatch: %zu error%s\n", diags.size(), diags.size() == 1 ? "" : "s");
    return kExitUsage;
  }
  size_t extensions = 0;
  for (const Concept& c : lexicon.concepts) extensions += c.extension;
  std::cout << "ok: " << lexicon.concepts.size() << " concepts (" << lexicon.concepts.size() - extensions
            << " from the article, " << extensions << " extensions) in " << lex.size() << " file"
            << (lex.size() == 1 ? "" : "s") << "\n"
            << summary;
  return kExitOk;
}

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args);
};

const Command kCommands[] = {
    {"score", "score postings (files, folders, JSON Lines, stdin) against the profile", cmd_score},
    {"explain", "show one posting's score with its evidence and what is missing", cmd_explain},
    {"report", "write one self-contained HTML page: ranking, explanations, charts", cmd_report},
    {"lexicon", "check lexicon and profile files", cmd_lexicon},
    {"eval", "measure how well scores rank postings you labelled (ROC AUC, AP, P@k) against baselines", run_eval_command},
};

std::string version_line() {
  std::string line = std::string("jobmatch ") + JOBMATCH_VERSION;
  std::vector<Diagnostic> diags;
  if (auto engine = Engine::load(EngineOptions{}, &diags))
    line += " (lexicon " + engine->hash() + ", profile " + engine->profile().name + ", " +
            std::to_string(engine->lexicon().concepts.size()) + " concepts)";
  return line;
}

void print_help() {
  std::cout << "jobmatch: scores job postings (German or English) against a role profile, and\n"
               "explains every score.\n\n"
               "Usage: jobmatch COMMAND [OPTIONS] [ARGS]\n\nCommands:\n";
  for (const Command& c : kCommands) {
    std::string name = c.name;
    name.resize(10, ' ');
    std::cout << "  " << name << c.summary << "\n";
  }
  std::cout << "\nOptions:\n  -h, --help     show this help (jobmatch COMMAND --help for a command)\n"
               "  -V, --version  show the version and the embedded lexicon's hash\n\n"
               "Examples:\n  jobmatch score ads/\n  jobmatch explain ads/berlin-mle.txt\n"
               "  jobmatch score --format jsonl --input-format jsonl - < postings.jsonl\n";
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

int run_cli(int argc, char** argv) {
  ::signal(SIGPIPE, SIG_IGN);  // a closed pipe shows up as EPIPE, handled quietly by Output
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.empty()) {
      print_help();
      return kExitUsage;
    }
    const std::string& cmd = args[0];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
      print_help();
      return kExitOk;
    }
    if (cmd == "--version" || cmd == "-V" || cmd == "version") {
      std::cout << version_line() << "\n";
      return kExitOk;
    }
    for (const Command& c : kCommands)
      if (cmd == c.name) return c.run(std::vector<std::string>(args.begin() + 1, args.end()));
    std::string hint;
    for (const Command& c : kCommands)
      if (edit_distance(cmd, c.name) <= 2) hint = std::string(" (did you mean '") + c.name + "'?)";
    throw UsageError{"unknown command '" + cmd + "'" + hint + "; see jobmatch --help"};
  } catch (const UsageError& e) {
    print_error(e.message);
    return kExitUsage;
  } catch (const std::exception& e) {
    print_error(std::string("internal error: ") + e.what());
    return kExitUsage;
  }
}

}  // namespace jobmatch
