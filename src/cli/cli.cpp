#include "cli/cli.h"

#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <boost/program_options.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "report/check.h"
#include "cli/cli_doc.h"
#include "cli/cli_options.h"
#include "lexicon/engine.h"
#include "eval/eval.h"
#include "lexicon/export.h"
#include "cli/exit_status.h"
#include "input/sniff.h"
#include "report/output_file.h"
#include "report/explain.h"
#include "input/read.h"
#include "cli/progress.h"
#include "report/html_report.h"
#include "report/schema.h"
#include "report/writer.h"
#include "pipeline/run.h"
#include "text/text_util.h"
#include "report/stats.h"

namespace jobmatch {
namespace {

namespace po = boost::program_options;

struct UsageError {
  std::string message;
};

// Messages quote paths, ids and labels: shown through the display policy.
void print_error(const std::string& message) {
  std::fprintf(stderr, "jobmatch: error: %s\n", escape_for_terminal(message).c_str());
}

// The end of a command's output: a closed pipe ends the run quietly with exit 0 (the reader went
// away, as with `| head`); any other write error (a full disk, EIO) ends it with a message
// naming the target and exit 4, so output that was never written does not look like success.
void finish_output(Output& output, const std::string& target = "standard output") {
  output.flush();
  if (output.complete()) return;
  if (output.broken() && output.error() == EPIPE) std::_Exit(kExitOk);
  print_error("cannot write " + target + ": " + std::strerror(output.error()));
  std::_Exit(kExitOutput);
}

// What a batch command says about its input at the end: the files a folder walk left out because
// they are the output (report -o) or for their type, and the JSON inputs that held no record
// (unless quiet), and a run that found no posting at all in its paths, which is an error (exit
// 3), never an empty success. Returns true if there was no posting.
bool report_input(const InputSource& source, size_t records, bool quiet) {
  const auto names = [](size_t count, const std::vector<std::string>& examples) {
    std::string list;
    for (const std::string& path : examples)
      list += (list.empty() ? "" : ", ") + escape_for_terminal(escape_invalid_utf8(path));
    if (count > examples.size()) list += ", ...";
    return list;
  };
  const auto files = [](size_t n) { return std::to_string(n) + (n == 1 ? " file" : " files"); };
  std::string skipped, empty, output;
  for (const std::string& path : source.output_skipped())
    output += std::string(output.empty() ? "" : "; ") + "skipped " +
              escape_for_terminal(escape_invalid_utf8(path)) + ": it is the output file";
  if (source.skipped_count() > 0)
    skipped = "skipped " + files(source.skipped_count()) + " of other types: " +
              names(source.skipped_count(), source.skipped_examples()) + " (--ext to include them)";
  if (source.empty_count() > 0)
    empty = std::to_string(source.empty_count()) + (source.empty_count() == 1 ? " JSON file" : " JSON files") +
            " held no posting: " +
            names(source.empty_count(), source.empty_examples());
  if (records == 0) {
    std::string why;
    for (const std::string* part : {&output, &skipped, &empty})
      if (!part->empty()) why += "; " + *part;
    print_error("no posting found in the paths given" + why);
    return true;
  }
  if (!quiet)
    for (const std::string* part : {&output, &skipped, &empty})
      if (!part->empty()) std::fprintf(stderr, "jobmatch: %s\n", part->c_str());
  return false;
}

void print_diagnostics(const std::vector<Diagnostic>& diags) {
  for (const Diagnostic& d : diags) {
    const std::string text = format_diagnostic(d);
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
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
  auto engine = Engine::load(eo);
  if (!engine.ok()) {
    print_diagnostics(engine.error().diagnostics);
    if (engine.error().diagnostics.empty()) print_error("the lexicon or profile does not load");
    return nullptr;
  }
  return std::move(*engine);
}

po::options_description engine_options() {
  po::options_description o("Lexicon and profile");
  o.add_options()
      ("profile,p", po::value<std::string>()->value_name("NAME|FILE"),
       "profile to score against (default: ml-engineer; embedded also: data-scientist, data-engineer, software-engineer, the roles ml-engineer is compared with)")
      ("lexicon", po::value<std::string>()->value_name("FILE|DIR"),
       "use this lexicon (and its profiles) instead of the embedded one");
  return o;
}

ReadOptions read_options(const po::variables_map& vm) {
  std::string error;
  const auto r = parse_read_options(vm, &error);
  if (!r) throw UsageError{error};
  return *r;
}

// Parses args for a command; returns false if --help was printed.
bool parse(const std::vector<std::string>& args, const po::options_description& visible,
           const po::positional_options_description& positional, po::variables_map* vm,
           const std::string& usage) {
  po::options_description shown;
  shown.add(visible);
  shown.add_options()("help,h", "show this help");
  po::options_description all;
  all.add(shown);
  if (positional.max_total_count() > 0) all.add_options()("path", po::value<std::vector<std::string>>(), "");
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), *vm);
    if (vm->count("help")) {
      std::cout << usage << "\n" << shown << "\n";
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

// Numeric options are read as text and checked here (cli_options.h), so a negative number, NaN,
// inf, an overflow or trailing junk is a usage error that names the option and its range.
uint64_t count_of(const po::variables_map& vm, const char* name, uint64_t min, uint64_t max) {
  std::string error;
  const auto v = parse_count_option(std::string("--") + name, vm[name].as<std::string>(), min, max, &error);
  if (!v) throw UsageError{error};
  return *v;
}

// --fail-under: a score from 0 to 100 (NaN would pass every posting).
double fail_under_of(const po::variables_map& vm) {
  std::string error;
  const auto floor = parse_number_option("--fail-under", vm["fail-under"].as<std::string>(), 0, 100, &error);
  if (!floor) throw UsageError{error};
  return *floor;
}

// --max-seconds, as AnalyzeOptions::max_seconds takes it.
double max_seconds_of(const po::variables_map& vm) {
  std::string error;
  const double seconds = parse_max_seconds(vm, &error);
  if (!error.empty()) throw UsageError{error};
  return seconds;
}

int threads_of(const po::variables_map& vm) {
  if (!vm.count("threads")) return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return static_cast<int>(count_of(vm, "threads", 1, 256));
}

// How many inputs the paths hold, if that is known without walking or reading: only files named
// one by one (not folders, standard input or JSON). 0: unknown.
size_t known_input_count(const std::vector<std::string>& paths, const ReadOptions& read) {
  if (read.format == InputFormat::kJsonl || read.format == InputFormat::kJson) return 0;
  size_t n = 0;
  for (const std::string& p : paths) {
    struct stat st {};
    const std::string ext = extension_of(p, true);
    if (p == "-" || ext == "jsonl" || ext == "ndjson" || ext == "json") return 0;
    if (::stat(p.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) return 0;
    ++n;  // a file, or an error record
  }
  return n;
}

// Options several commands share, added to a command's group so --help lists them together.
void add_quiet_option(po::options_description& o) {
  o.add_options()("quiet,q", po::bool_switch(), "no messages on standard error but errors (no progress line)");
}

void add_threads_option(po::options_description& o) {
  o.add_options()("threads,j", po::value<std::string>()->value_name("N"), "worker threads (default: all cores)");
}

void add_color_option(po::options_description& o) {
  o.add_options()("color", po::value<std::string>()->default_value("auto")->value_name("WHEN"),
                  "auto, always, never (NO_COLOR is honoured by auto)");
}

po::positional_options_description paths_positional() {
  po::positional_options_description pos;
  pos.add("path", -1);
  return pos;
}

const char* const kScoreUsage =
    "Usage: jobmatch score [OPTIONS] [PATH...]\n\n"
    "Scores every posting under PATH (file, folder, or - for standard input) against\n"
    "the profile, one record per input in input order, written as each is done. Exit codes:\n"
    "0 all scored, 1 below --fail-under, 2 usage or lexicon error, 3 some inputs could not\n"
    "be read (they are reported as error records).";

po::options_description score_options() {
  po::options_description out("Output");
  out.add_options()
      ("format,f", po::value<std::string>()->value_name("FMT"),
       "table (default on a terminal), tsv (default otherwise), csv, jsonl, json")
      ("fail-under", po::value<std::string>()->value_name("SCORE"),
       "exit 1 if any posting scores below SCORE, 0 to 100 (a CI gate)")
      ("ignore-title", po::bool_switch(), "score the body only: the title neither counts as the role nor as text");
  add_threads_option(out);
  add_color_option(out);
  add_quiet_option(out);
  po::options_description visible;
  visible.add(out).add(input_options()).add(engine_options());
  return visible;
}

int cmd_score(const std::vector<std::string>& args) {
  po::variables_map vm;
  if (!parse(args, score_options(), paths_positional(), &vm, kScoreUsage)) return kExitOk;

  Format format = ::isatty(STDOUT_FILENO) ? Format::kTable : Format::kTsv;
  if (vm.count("format") && !parse_format(vm["format"].as<std::string>(), &format))
    throw UsageError{"--format must be table, tsv, csv, jsonl or json"};
  ReportOptions ro;
  ro.color = use_color(vm["color"].as<std::string>(), STDOUT_FILENO) && format == Format::kTable;
  ro.width = terminal_width();
  const ReadOptions read = read_options(vm);
  RunOptions run;
  run.analyze.max_seconds = max_seconds_of(vm);
  run.threads = threads_of(vm);
  std::optional<double> floor;
  if (vm.count("fail-under")) floor = fail_under_of(vm);
  const std::vector<std::string> paths = paths_of(vm);

  auto engine = load_engine(vm);
  if (!engine) return kExitUsage;

  Output output;
  auto writer = make_writer(format, output, *engine, ro);
  InputSource source(paths, read);
  bool any_error = false, any_below = false;
  size_t records = 0;
  run.analyze.ignore_title = vm["ignore-title"].as<bool>();
  run.in_worker = [&](Result& r) {
    r.rendered = writer->render(r);
    // What the loop below still reads (error, score) and the record; the rest is freed here,
    // by the thread that allocated it (a free from another thread costs that thread's malloc
    // arena a lock and its cache lines).
    if (writer->writes_rendered_only()) {
      Result slim;
      slim.error = std::move(r.error);
      slim.score = r.score;
      slim.rendered = std::move(r.rendered);
      r = std::move(slim);
    }
  };
  // Records reach a pipe as soon as they are done: flush whenever the next one is not ready.
  if (format != Format::kTable) run.on_idle = [&] { output.flush(); };
  std::atomic<uint64_t> bytes_read{0};
  run.bytes_read = &bytes_read;
  // No progress line while records stream to the same terminal.
  const bool show_progress = !vm["quiet"].as<bool>() && progress_allowed() &&
                             !(format != Format::kTable && ::isatty(STDOUT_FILENO));
  Progress progress(show_progress, known_input_count(paths, read), &bytes_read);
  const bool complete = run_pipeline(*engine, source, run, [&](Result&& r) {
    ++records;
    if (r.error) any_error = true;
    else if (floor && r.score < *floor) any_below = true;
    writer->write(r, std::move(r.rendered));
    progress.tick();
    return !output.broken();
  });
  progress.finish();
  if (complete) writer->finish();
  finish_output(output);
  if (report_input(source, records, vm["quiet"].as<bool>()) || any_error) return kExitInputError;
  return any_below ? kExitBelowFloor : kExitOk;
}

const char* const kReportUsage =
    "Usage: jobmatch report [OPTIONS] PATH... -o FILE\n\n"
    "Writes one self-contained HTML page (no network, no external files) for the postings\n"
    "under PATH: the ranking as a sortable, filterable table, each posting's explanation\n"
    "with its evidence highlighted, a score histogram, a section heatmap and the concepts\n"
    "the batch covers least. Exit codes as for score: 2 usage or lexicon error, or FILE\n"
    "cannot be written; 3 some inputs could not be read (they are error rows in the page).";

po::options_description report_options() {
  po::options_description out("Output");
  out.add_options()("output,o", po::value<std::string>()->value_name("FILE"),
                    "the HTML file to write (- for standard output)");
  add_threads_option(out);
  add_quiet_option(out);
  po::options_description visible;
  visible.add(out).add(input_options()).add(engine_options());
  return visible;
}

// `jobmatch report`: the whole batch as one self-contained HTML page (report/html_report.h),
// written to a temporary file that replaces FILE only when it is complete (output_file.h).
int cmd_report(const std::vector<std::string>& args) {
  po::variables_map vm;
  if (!parse(args, report_options(), paths_positional(), &vm, kReportUsage)) return kExitOk;
  if (!vm.count("output")) throw UsageError{"report needs -o FILE (or -o - for standard output)"};
  ReadOptions read = read_options(vm);
  RunOptions run;
  run.analyze.max_seconds = max_seconds_of(vm);
  run.threads = threads_of(vm);
  run.analyze.keep_text = true;
  const std::vector<std::string> paths = paths_of(vm);
  const std::string file = vm["output"].as<std::string>();
  const auto shown = [](const std::string& p) { return escape_for_terminal(escape_invalid_utf8(p)); };
  if (file != "-")
    for (const std::string& p : paths)
      if (p != "-" && same_file(p, file))
        throw UsageError{"input " + shown(p) + " is the output file (-o " + shown(file) +
                         "): the report would read itself; write it elsewhere"};
  auto engine = load_engine(vm);
  if (!engine) return kExitUsage;
  OutputFile out_file;  // removed again, unless committed, on every way out of here
  if (file != "-") {
    if (const Status opened = out_file.open(file); !opened.ok()) {
      print_error("cannot write " + shown(file) + ": " + opened.error().message);
      return kExitUsage;
    }
    read.output_files = out_file.ids();  // a folder walk skips FILE and its temporary file
  }
  bool any_error = false, broken = false;
  size_t records = 0;
  int write_errno = 0;
  {
    Output output(file != "-" ? out_file.fd() : STDOUT_FILENO);
    auto writer = make_html_report_writer(output, *engine);
    run.in_worker = [&](Result& r) {
      r.rendered = writer->render(r);
      std::string().swap(r.text);  // packed into rendered; not kept while waiting for its turn
    };
    std::atomic<uint64_t> bytes_read{0};
    run.bytes_read = &bytes_read;
    Progress progress(!vm["quiet"].as<bool>() && progress_allowed(), known_input_count(paths, read), &bytes_read);
    InputSource source(paths, read);
    run_pipeline(*engine, source, run, [&](Result&& r) {
      ++records;
      any_error |= r.error.has_value();
      writer->write(r, std::move(r.rendered));
      progress.tick();
      return true;
    });
    progress.finish();
    writer->finish();
    if (file == "-") finish_output(output);
    output.flush();
    broken = output.broken();
    write_errno = output.error();
    if (report_input(source, records, vm["quiet"].as<bool>())) any_error = true;
  }
  Status committed;
  if (file != "-" && !broken) committed = out_file.commit();
  if (broken || !committed.ok()) {
    out_file.discard();  // FILE keeps its old content
    print_error("cannot write " + shown(file) + ": " +
                (committed.ok() ? std::string(std::strerror(write_errno)) : committed.error().message));
    return kExitOutput;
  }
  return any_error ? kExitInputError : kExitOk;
}

const char* const kExplainUsage =
    "Usage: jobmatch explain [OPTIONS] FILE...\n\n"
    "Shows the score of each posting broken down: section coverage, every matched\n"
    "concept with its evidence highlighted in its line, and what is missing.";

po::options_description explain_options() {
  po::options_description visible("Options");
  add_color_option(visible);
  add_quiet_option(visible);
  visible.add(input_options()).add(engine_options());
  return visible;
}

int cmd_explain(const std::vector<std::string>& args) {
  po::variables_map vm;
  if (!parse(args, explain_options(), paths_positional(), &vm, kExplainUsage)) return kExitOk;
  const bool color = use_color(vm["color"].as<std::string>(), STDOUT_FILENO);
  const ReadOptions read = read_options(vm);
  const std::vector<std::string> paths = paths_of(vm);
  auto engine = load_engine(vm);
  if (!engine) return kExitUsage;
  Output output;
  InputSource source(paths, read);
  RunOptions run;
  run.analyze.max_seconds = max_seconds_of(vm);
  run.analyze.keep_text = true;
  run.on_idle = [&] { output.flush(); };
  bool any_error = false, first = true;
  size_t records = 0;
  run_pipeline(*engine, source, run, [&](Result&& r) {
    ++records;
    any_error |= r.error.has_value();
    output.write((first ? "" : "\n") + render_explain(r, *engine, color));
    first = false;
    return !output.broken();
  });
  finish_output(output);
  if (report_input(source, records, vm["quiet"].as<bool>())) return kExitInputError;
  return any_error ? kExitInputError : kExitOk;
}

const char* const kCheckUsage =
    "Usage: jobmatch check [OPTIONS] AD... [--fail-under SCORE] [--require CONCEPT...]\n\n"
    "A gate for one or a few job ads before they are published (a CI step): each AD must\n"
    "score at least --fail-under and name every --require concept (a concept mentioned only\n"
    "negated does not count). Prints a verdict per ad and what is missing; --format github\n"
    "prints GitHub Actions annotations that point at the ad's line, --format markdown a\n"
    "summary for $GITHUB_STEP_SUMMARY. Concept ids as in `jobmatch score --format jsonl`\n"
    "(skill.python, core.machine_learning). Exit codes: 0 every ad passes, 1 some ad fails,\n"
    "2 usage or lexicon error, 3 some ad could not be read.";

po::options_description check_options() {
  po::options_description gate("Gate");
  gate.add_options()
      ("fail-under", po::value<std::string>()->value_name("SCORE"), "fail an ad that scores below SCORE, 0 to 100")
      ("require,r", po::value<std::vector<std::string>>()->value_name("CONCEPT"),
       "fail an ad that does not name CONCEPT (repeat, or a comma-separated list)")
      ("format,f", po::value<std::string>()->default_value("text")->value_name("FMT"), "text, github, markdown")
      ("ignore-title", po::bool_switch(), "score the body only");
  add_color_option(gate);
  po::options_description visible;
  visible.add(gate).add(input_options()).add(engine_options());
  return visible;
}

std::string closest_concept(const Lexicon& lexicon, const std::string& id);

int cmd_check(const std::vector<std::string>& args) {
  po::variables_map vm;
  if (!parse(args, check_options(), paths_positional(), &vm, kCheckUsage)) return kExitOk;
  const std::string fmt = vm["format"].as<std::string>();
  CheckFormat format;
  if (fmt == "text") format = CheckFormat::kText;
  else if (fmt == "github") format = CheckFormat::kGithub;
  else if (fmt == "markdown") format = CheckFormat::kMarkdown;
  else throw UsageError{"--format must be text, github or markdown, not '" + fmt + "'"};
  const bool color = format == CheckFormat::kText && use_color(vm["color"].as<std::string>(), STDOUT_FILENO);
  CheckSpec spec;
  if (vm.count("fail-under")) spec.floor = fail_under_of(vm);
  std::vector<std::string> required;
  if (vm.count("require"))
    for (const std::string& list : vm["require"].as<std::vector<std::string>>()) {
      std::istringstream in(list);
      for (std::string id; std::getline(in, id, ',');)
        if (!id.empty()) required.push_back(id);
    }
  if (!spec.floor && required.empty()) throw UsageError{"check needs --fail-under SCORE or --require CONCEPT (or both)"};
  const ReadOptions read = read_options(vm);
  if (!vm.count("path")) throw UsageError{"check needs the ads to check (files, or - for standard input)"};
  const std::vector<std::string> paths = paths_of(vm);
  auto engine = load_engine(vm);
  if (!engine) return kExitUsage;
  const std::vector<size_t> profile_concepts = engine->scorer().concepts();
  for (const std::string& id : required) {
    const Concept* c = engine->lexicon().find(id);
    if (!c) throw UsageError{"--require: unknown concept '" + id + "'" + closest_concept(engine->lexicon(), id)};
    const size_t index = static_cast<size_t>(c - engine->lexicon().concepts.data());
    if (std::find(profile_concepts.begin(), profile_concepts.end(), index) == profile_concepts.end())
      throw UsageError{"--require: concept '" + id + "' is not in profile " + engine->profile().name};
    spec.required.push_back(index);
  }
  RunOptions run;
  run.analyze.max_seconds = max_seconds_of(vm);
  run.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  run.analyze.keep_text = true;
  run.analyze.ignore_title = vm["ignore-title"].as<bool>();
  std::vector<CheckVerdict> verdicts;
  InputSource source(paths, read);
  run_pipeline(*engine, source, run, [&](Result&& r) {
    std::error_code ec;
    const bool is_file = !r.error && std::filesystem::is_regular_file(r.id, ec);
    verdicts.push_back(check_posting(r, *engine, spec, is_file));
    return true;
  });
  if (report_input(source, verdicts.size(), vm.count("quiet") && vm["quiet"].as<bool>())) return kExitInputError;
  Output output;
  output.write(render_check(verdicts, *engine, spec, format, color));
  finish_output(output);
  bool unreadable = false, failed = false;
  for (const CheckVerdict& v : verdicts) {
    unreadable |= !v.readable;
    failed |= !v.pass;
  }
  if (unreadable) return kExitInputError;
  return failed ? kExitBelowFloor : kExitOk;
}

const char* const kStatsUsage =
    "Usage: jobmatch stats [OPTIONS] PATH...\n\n"
    "Summarises a batch: the score distribution (quantiles and a histogram), how many\n"
    "postings name each profile concept, and the capitalised terms the lexicon does not know,\n"
    "most frequent first (candidates for new lexicon entries). Exit codes: 0, 2 usage or\n"
    "lexicon error, 3 some inputs could not be read (counted as errors).";

po::options_description stats_options() {
  po::options_description out("Output");
  out.add_options()
      ("top", po::value<std::string>()->default_value("20")->value_name("N"), "how many unknown terms to list")
      ("format,f", po::value<std::string>()->default_value("text")->value_name("FMT"), "text or json")
      ("ignore-title", po::bool_switch(), "score the body only");
  add_threads_option(out);
  add_quiet_option(out);
  po::options_description visible;
  visible.add(out).add(input_options()).add(engine_options());
  return visible;
}

int cmd_stats(const std::vector<std::string>& args) {
  po::variables_map vm;
  if (!parse(args, stats_options(), paths_positional(), &vm, kStatsUsage)) return kExitOk;
  const std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "json") throw UsageError{"--format must be text or json, not '" + format + "'"};
  const size_t top = count_of(vm, "top", 0, 100000);
  const ReadOptions read = read_options(vm);
  RunOptions run;
  run.analyze.max_seconds = max_seconds_of(vm);
  run.threads = threads_of(vm);
  run.analyze.keep_text = true;
  run.analyze.ignore_title = vm["ignore-title"].as<bool>();
  const std::vector<std::string> paths = paths_of(vm);
  auto engine = load_engine(vm);
  if (!engine) return kExitUsage;
  BatchStats stats(*engine);
  run.in_worker = [&](Result& r) {
    if (!r.error)
      for (const std::string& t : capitalised_terms(r.text, r.lang, &stats.full_matcher())) r.rendered += t + '\n';
    std::string().swap(r.text);
  };
  std::atomic<uint64_t> bytes_read{0};
  run.bytes_read = &bytes_read;
  Progress progress(!vm["quiet"].as<bool>() && progress_allowed(), known_input_count(paths, read), &bytes_read);
  InputSource source(paths, read);
  bool any_error = false;
  size_t records = 0;
  std::vector<std::string> terms;
  run_pipeline(*engine, source, run, [&](Result&& r) {
    ++records;
    any_error |= r.error.has_value();
    terms.clear();
    std::istringstream in(r.rendered);
    for (std::string t; std::getline(in, t);) terms.push_back(t);
    stats.add(r, terms);
    progress.tick();
    return true;
  });
  progress.finish();
  Output output;
  output.write(format == "json" ? stats.render_json(top) : stats.render_text(top));
  finish_output(output);
  if (report_input(source, records, vm["quiet"].as<bool>())) return kExitInputError;
  return any_error ? kExitInputError : kExitOk;
}

const char* const kSchemaUsage =
    "Usage: jobmatch schema\n\n"
    "Prints the JSON Schema (draft-07) of the records that score --format jsonl and json\n"
    "write: record schema version 1 (see README.md, Output).";

po::options_description schema_options() { return po::options_description("Options"); }

int cmd_schema(const std::vector<std::string>& args) {
  po::variables_map vm;
  if (!parse(args, schema_options(), po::positional_options_description(), &vm, kSchemaUsage)) return kExitOk;
  Output output;
  output.write(record_schema());
  finish_output(output);
  return kExitOk;
}

// jobmatch lexicon export: the profile's strong and weak patterns for other tools (export.h).
const char* const kLexiconExportUsage =
    "Usage: jobmatch lexicon export [--format rg|list] [--lexicon FILE|DIR] [-p PROFILE]\n\n"
    "Prints every strong and weak pattern of the profile's concepts translated to ripgrep's\n"
    "regex syntax over raw text (word boundaries, umlaut spellings), for example\n"
    "  rg -i --count-matches -f <(jobmatch lexicon export --format rg) ads/\n"
    "The translation approximates: weak patterns lose their near context, not patterns\n"
    "and gender forms are not modelled.";

po::options_description lexicon_export_options() {
  po::options_description visible("Options");
  visible.add_options()
      ("format,f", po::value<std::string>()->default_value("rg")->value_name("FMT"),
       "rg: one ripgrep (Rust regex) pattern per line, for rg -i -f; list: concept, pattern as "
       "written (weak ones marked 'weak '), its rg form, tab-separated");
  visible.add(engine_options());
  return visible;
}

int cmd_lexicon_export(const std::vector<std::string>& args) {
  po::variables_map vm;
  if (!parse(args, lexicon_export_options(), po::positional_options_description(), &vm, kLexiconExportUsage))
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
                   id.c_str(), escape_for_terminal(e.source).c_str(), escape_for_terminal(e.error).c_str());
      continue;
    }
    if (format == "list") out += id + '\t' + (e.weak ? "weak " : "") + e.source + '\t' + e.rg + '\n';
    else if (seen.insert(e.rg).second) out += e.rg + '\n';
  }
  Output output;
  output.write(out);
  finish_output(output);
  return kExitOk;
}

const char* const kLexiconUsage =
    "Usage: jobmatch lexicon check [FILE|DIR...]\n"
    "       jobmatch lexicon export [--format rg|list] [--lexicon FILE|DIR] [-p PROFILE]\n\n"
    "check validates lexicon (*.lex) and profile (*.profile) files; with no argument,\n"
    "the embedded ones. A profile file given alone is checked against the embedded\n"
    "lexicon. Errors are reported as file:line:col with the line and a caret; the\n"
    "exit code is 2 if there is any.\n"
    "export prints the profile's patterns for ripgrep (see jobmatch lexicon export --help).";

int cmd_lexicon(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kLexiconUsage << "\n";
    if (args.empty()) throw UsageError{"lexicon needs a command (check or export)"};
    return kExitOk;
  }
  if (args[0] == "export") return cmd_lexicon_export(std::vector<std::string>(args.begin() + 1, args.end()));
  if (args[0] != "check")
    throw UsageError{"unknown lexicon command '" + args[0] + "' (expected: check or export)"};
  std::vector<std::string> paths(args.begin() + 1, args.end());
  if (paths.empty()) paths.push_back("");  // the embedded files
  std::vector<SourceFile> lex, profiles;
  for (const std::string& p : paths) {
    Expected<DataFiles> files = load_data_files(p);
    if (!files.ok()) {
      print_diagnostics(files.error().diagnostics);
      return kExitUsage;
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

// A command: what --help, the man page and the completions say about it come from this row.
struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args);
  const char* usage;                      // the --help text above the options
  po::options_description (*options)();   // the options --help lists; null: the command documents itself
  const char* choices;                    // options with a fixed set of values: "format=a b;color=c d"
  const char* subcommands = "";
  bool takes_paths = true;
};

const char* const kInputChoices = "input-format=auto text html markdown jsonl json pdf docx";

const Command kCommands[] = {
    {"score", "score postings (files, folders, JSON Lines, stdin) against the profile", cmd_score, kScoreUsage,
     score_options, "format=table tsv csv jsonl json;color=auto always never;input-format=auto text html markdown jsonl json pdf docx"},
    {"explain", "show one posting's score with its evidence and what is missing", cmd_explain, kExplainUsage,
     explain_options, "color=auto always never;input-format=auto text html markdown jsonl json pdf docx"},
    {"report", "write one self-contained HTML page: ranking, explanations, charts", cmd_report, kReportUsage,
     report_options, kInputChoices},
    {"check", "gate one or a few ads in CI: a score floor and required concepts, with what is missing", cmd_check,
     kCheckUsage, check_options,
     "format=text github markdown;color=auto always never;input-format=auto text html markdown jsonl json pdf docx;require=@concepts"},
    {"stats", "summarise a batch: score distribution, concept frequency, terms the lexicon does not know",
     cmd_stats, kStatsUsage, stats_options, "format=text json;input-format=auto text html markdown jsonl json pdf docx"},
    {"lexicon", "check lexicon and profile files, export patterns for ripgrep", cmd_lexicon, kLexiconUsage,
     lexicon_export_options, "format=rg list", "check export"},
    {"eval", "measure how well scores rank postings you labelled (ROC AUC, AP, P@k) against baselines",
     run_eval_command, "", nullptr, "format=text json;input-format=auto text html markdown jsonl json pdf docx"},
    {"schema", "print the JSON Schema of the output records", cmd_schema, kSchemaUsage, schema_options, "", "",
     false},
};

// The descriptions the man page and completions are made from; the options objects live as
// long as the returned holder.
struct CommandDocs {
  std::vector<std::unique_ptr<po::options_description>> options;
  std::vector<CommandDoc> docs;
};

CommandDocs command_docs() {
  CommandDocs out;
  for (const Command& c : kCommands) {
    CommandDoc d;
    d.name = c.name;
    d.summary = c.summary;
    d.usage = c.usage;
    d.takes_paths = c.takes_paths;
    if (c.options) {
      out.options.push_back(std::make_unique<po::options_description>(c.options()));
      d.options = out.options.back().get();
    } else {  // the command's own --help
      std::ostringstream captured;
      std::streambuf* old = std::cout.rdbuf(captured.rdbuf());
      try {
        c.run({"--help"});
      } catch (...) {
      }
      std::cout.rdbuf(old);
      d.help_text = captured.str();
    }
    std::istringstream choices(c.choices);
    for (std::string item; std::getline(choices, item, ';');) {
      const size_t eq = item.find('=');
      if (eq == std::string::npos) continue;
      std::istringstream values(item.substr(eq + 1));
      for (std::string v; values >> v;) d.choices[item.substr(0, eq)].push_back(v);
    }
    std::istringstream subs(c.subcommands);
    for (std::string sub; subs >> sub;) d.subcommands.push_back(sub);
    out.docs.push_back(std::move(d));
  }
  return out;
}

std::string version_line() {
  std::string line = std::string("jobmatch ") + JOBMATCH_VERSION;
  if (const auto engine = Engine::load(EngineOptions{}); engine.ok())
    line += " (lexicon " + (*engine)->hash() + ", profile " + (*engine)->profile().name + ", " +
            std::to_string((*engine)->lexicon().concepts.size()) + " concepts)";
  return line + "\nrecord schema " + std::to_string(kRecordSchemaVersion);
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
               "  -V, --version  show the version, the embedded lexicon's hash and the record schema version\n"
               "  --man          print the manual page (roff; the build installs it as jobmatch(1))\n"
               "  --completions bash|zsh\n"
               "                 print the shell completion script\n\n"
               "Examples:\n  jobmatch score ads/\n  jobmatch explain ads/berlin-mle.txt\n"
               "  jobmatch score --format jsonl --input-format jsonl - < postings.jsonl\n"
               "  jobmatch check ad.txt --fail-under 60 --require skill.python --format github\n"
               "  jobmatch stats ads/\n";
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

// " (did you mean 'skill.python'?)" for a concept id with a typo, else "".
std::string closest_concept(const Lexicon& lexicon, const std::string& id) {
  size_t best = 3;
  std::string hint;
  for (const Concept& c : lexicon.concepts) {
    const size_t d = edit_distance(id, c.id);
    if (d < best) {
      best = d;
      hint = " (did you mean '" + c.id + "'?)";
    }
  }
  return hint;
}

int run_command(const std::vector<std::string>& args) {
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
    if (cmd == "--man") {
      std::cout << render_man_page(command_docs().docs, JOBMATCH_VERSION);
      return kExitOk;
    }
    if (cmd == "--completions" || cmd.starts_with("--completions=")) {
      std::string shell = cmd.size() > 14 ? cmd.substr(14) : args.size() > 1 ? args[1] : "";
      if (shell == "bash") std::cout << render_bash_completion(command_docs().docs);
      else if (shell == "zsh") std::cout << render_zsh_completion(command_docs().docs);
      else throw UsageError{"--completions needs bash or zsh"};
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
    // Threads of the batch may still hold references into the frames just unwound: end here.
    std::fflush(nullptr);
    std::_Exit(kExitInternal);
  }
}

}  // namespace

int run_cli(int argc, char** argv) {
  ::signal(SIGPIPE, SIG_IGN);  // a closed pipe shows up as EPIPE, handled quietly by Output
  const int code = run_command(std::vector<std::string>(argv + 1, argv + argc));
  // What went through std::cout (help, version, man page, lexicon check) is checked like the
  // rest: a closed pipe is quiet, another write error is exit 4.
  errno = 0;
  std::cout.flush();
  if (!std::cout && errno != EPIPE) {
    print_error(std::string("cannot write standard output: ") + std::strerror(errno ? errno : EIO));
    return kExitOutput;
  }
  return code;
}

}  // namespace jobmatch
