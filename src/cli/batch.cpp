#include "cli/batch.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <thread>

#include "cli/cli_doc.h"
#include "cli/cli_options.h"
#include "cli/config.h"
#include "cli/exit_status.h"
#include "cli/progress.h"
#include "input/sniff.h"
#include "input/walk.h"
#include "lexicon/catalog.h"
#include "lexicon/datafile.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

namespace po = boost::program_options;

template <typename T>
T value_or_usage_error(Expected<T> v) {
  if (!v.ok()) throw UsageError{v.error().message};
  return std::move(v).value();
}

// The paths: the command line's, or those of a --files0-from list (-0: standard input's), never
// both (GNU du and wc refuse that too). A list may be empty: no posting, reported at the end.
std::vector<std::string> paths_of(const po::variables_map& vm, const char* no_paths) {
  std::vector<std::string> paths;
  if (vm.count("path")) paths = vm["path"].as<std::vector<std::string>>();
  const bool null = vm.count("null") && vm["null"].as<bool>();
  if (null || vm.count("files0-from")) {
    const std::string option = null ? "-0" : "--files0-from";
    if (null && vm.count("files0-from")) throw UsageError{"-0 is --files0-from -: give one of them"};
    if (!paths.empty())
      throw UsageError{"paths on the command line ('" + escape_for_terminal(escape_invalid_utf8(paths.front())) +
                       "') cannot be combined with " + option + ", which gives them"};
    const std::string from = null ? "-" : vm["files0-from"].as<std::string>();
    if (from == "-" && ::isatty(STDIN_FILENO))
      throw UsageError{option + " reads the paths from standard input, which is a terminal (find ... -print0 | jobmatch ...)"};
    return value_or_usage_error(read_files0(from));
  }
  if (paths.empty()) {
    if (no_paths) throw UsageError{no_paths};
    if (::isatty(STDIN_FILENO)) throw UsageError{"no input: give files or folders, or - for standard input"};
    paths.push_back("-");
  }
  return paths;
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

}  // namespace

int exit_code(const Outcome& o) {
  if (o.internal_fault) return kExitInternal;
  if (o.output_failed) return kExitOutput;
  if (o.pipe_closed) return kExitOk;
  if (o.usage_error) return kExitUsage;
  if (o.input_errors) return kExitInputError;
  if (o.below_floor) return kExitBelowFloor;
  return kExitOk;
}

void print_error(const std::string& message) {
  std::fprintf(stderr, "jobmatch: error: %s\n", escape_for_terminal(message).c_str());
}

void print_input_error(const std::string& id, const InputError& error) {
  std::fprintf(stderr, "jobmatch: %s: %s\n", escape_for_terminal(escape_invalid_utf8(id)).c_str(),
               escape_for_terminal(error.message).c_str());
}

void finish_output(Output& output, Outcome& outcome, const std::string& target) {
  output.flush();
  if (output.complete()) return;
  if (output.broken() && output.error() == EPIPE) {
    outcome.pipe_closed = true;
  } else {
    print_error("cannot write " + target + ": " + std::strerror(output.error()));
    outcome.output_failed = true;
  }
  std::_Exit(exit_code(outcome));
}

Expected<std::unique_ptr<Engine>> load_engine(const EngineOptions& options) {
  return Engine::load(options);
}

std::unique_ptr<Engine> engine_for(const po::variables_map& vm, Outcome& outcome) {
  EngineOptions eo;
  if (vm.count("lexicon")) eo.lexicon_path = vm["lexicon"].as<std::string>();
  if (vm.count("profile")) eo.profile = vm["profile"].as<std::string>();
  const bool replace = vm.count("no-builtin-lexicon") && vm["no-builtin-lexicon"].as<bool>();
  if (replace && eo.lexicon_path.empty()) throw UsageError{"--no-builtin-lexicon needs --lexicon FILE|DIR"};
  eo.add_to_embedded = !replace;
  auto engine = load_engine(eo);
  if (engine.ok()) return std::move(*engine);
  if (engine.error().diagnostics.empty()) {
    print_error("internal error: the lexicon or profile does not load: " + engine.error().message);
    outcome.internal_fault = true;
  } else {
    print_diagnostics(engine.error().diagnostics);
    outcome.usage_error = true;
  }
  return nullptr;
}

void print_diagnostics(const std::vector<Diagnostic>& diags) {
  for (const Diagnostic& d : diags) {
    const std::string text = format_diagnostic(d);
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
}

Expected<std::string> read_data(const std::string& path) {
  return read_data_file(path);
}

po::options_description engine_options() {
  std::string embedded;
  for (const std::string& name : embedded_profile_names()) embedded += (embedded.empty() ? "" : ", ") + name;
  po::options_description o("Lexicon and profile");
  o.add_options()
      ("profile,p", po::value<std::string>()->value_name("NAME|FILE"),
       ("profile to score against, by the name it declares or its file name (default: ml-engineer; embedded: " +
        embedded + ")").c_str())
      ("lexicon", po::value<std::string>()->value_name("FILE|DIR"),
       "add these lexicon and profile files to the embedded ones (a concept or profile of the same name "
       "replaces the embedded one)")
      ("no-builtin-lexicon", po::bool_switch(), "with --lexicon: use only its files, not the embedded ones");
  return o;
}

void add_quiet_option(po::options_description& o) {
  o.add_options()("quiet,q", po::bool_switch(), "no messages on standard error but errors (no progress line)");
}

void add_threads_option(po::options_description& o) {
  o.add_options()("threads,j", po::value<std::string>()->value_name("N"), "worker threads (default: all cores)");
}

void add_color_option(po::options_description& o) {
  o.add_options()("color", po::value<std::string>()->default_value("auto")->value_name("WHEN"),
                  "auto, always, never (auto honours NO_COLOR and TERM=dumb)");
}

bool use_color(const po::variables_map& vm, int fd) {
  const std::string& mode = vm["color"].as<std::string>();
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (mode != "auto") throw UsageError{"--color must be auto, always or never"};
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");  // a terminal that cannot show colour says so
  if (term && std::string_view(term) == "dumb") return false;
  return ::isatty(fd) != 0;
}

uint64_t count_of(const po::variables_map& vm, const char* name, uint64_t min, uint64_t max) {
  return value_or_usage_error(parse_count_option(std::string("--") + name, vm[name].as<std::string>(), min, max));
}

double number_of(const po::variables_map& vm, const char* name, double min, double max) {
  return value_or_usage_error(parse_number_option(std::string("--") + name, vm[name].as<std::string>(), min, max));
}

namespace {
// Where the config file set each option of the command line parsed last (a process parses one).
ConfigOrigins g_config_origins;
}  // namespace

std::string locate_config_value(const std::string& message) {
  if (!message.starts_with("--")) return message;
  const size_t end = message.find_first_of(" :", 2);
  const auto origin = g_config_origins.find(message.substr(2, end == std::string::npos ? end : end - 2));
  return origin == g_config_origins.end() ? message : origin->second + ": " + message;
}

bool parse_command_line(const std::vector<std::string>& args, const po::options_description& visible, bool paths,
                        po::variables_map* vm, const std::string& usage, std::string_view command) {
  // A command with options may have them set in the config file (config.h); schema has none
  // (and no empty heading).
  const bool configurable = !visible.options().empty();
  po::options_description shown;
  shown.add(visible);
  if (configurable) shown.add(config_options());
  po::options_description all;
  all.add(shown);
  all.add_options()("help,h", "show this help");
  po::positional_options_description positional;
  if (paths) {
    all.add_options()("path", po::value<std::vector<std::string>>(), "");
    positional.add("path", -1);
  }
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), *vm);
    if (vm->count("help")) {
      std::cout << usage << "\n\n"
                << format_options(shown, help_width(), {{"help", "h", "", "", "show this help"}});
      return false;
    }
    // The config file's settings for what the command line left unset.
    if (configurable) {
      auto merged = merge_config(command, all, *vm);
      if (!merged.ok()) throw UsageError{merged.error().message};
      g_config_origins = std::move(*merged);
    }
    po::notify(*vm);
  } catch (const po::error& e) {
    throw UsageError{e.what()};
  }
  return true;
}

Outcome run_batch(const std::vector<std::string>& args, const po::options_description& visible,
                  const std::string& usage, BatchJob& job, std::string_view command) {
  po::variables_map vm;
  if (!parse_command_line(args, visible, true, &vm, usage, command)) return Outcome{};
  job.read_options(vm);
  ReadOptions read = value_or_usage_error(parse_read_options(vm));
  read.parse_in_worker = true;  // the reader thread only cuts JSON records apart
  RunOptions run;
  run.analyze.max_seconds = value_or_usage_error(parse_max_seconds(vm));
  run.threads = vm.count("threads") ? static_cast<int>(count_of(vm, "threads", 1, 256))
                                    : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const bool quiet = vm.count("quiet") && vm["quiet"].as<bool>();
  const std::vector<std::string> paths = paths_of(vm, job.no_paths_message());
  job.prepare(paths);

  Outcome outcome;
  const std::unique_ptr<Engine> engine = engine_for(vm, outcome);
  if (!engine) return outcome;
  job.start(*engine, paths, run, read);
  if (run.in_worker) {
    // A job's worker step may free what its consume does not read (score keeps the rendered
    // record): an error record's id is kept for the line on standard error.
    run.in_worker = [step = std::move(run.in_worker)](Result& r) {
      std::string id = r.error ? r.id : std::string();
      step(r);
      if (r.error && r.id.empty()) r.id = std::move(id);
    };
  }

  std::atomic<uint64_t> bytes_read{0};
  run.bytes_read = &bytes_read;
  Progress progress(!quiet && job.progress() && progress_allowed(), known_input_count(paths, read), &bytes_read);
  InputSource source(paths, read);
  size_t records = 0;
  const bool complete = run_pipeline(*engine, source, run, [&](Result&& r) {
    ++records;
    if (r.error) {
      outcome.input_errors = true;
      // Like grep and rg: a line per input that could not be read, while its error record goes
      // to the output with the rest (the progress line is cleared first, then redrawn).
      if (!quiet) {
        progress.finish();
        print_input_error(r.id, *r.error);
      }
    }
    const bool go_on = job.consume(std::move(r));
    progress.tick();
    return go_on;
  });
  progress.finish();
  job.finish(BatchEnd{source, records, complete, quiet}, outcome);
  return outcome;
}

void report_input(const BatchEnd& end, Outcome& outcome) {
  const InputSource& source = end.source;
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
            " held no posting: " + names(source.empty_count(), source.empty_examples());
  if (end.records == 0) {
    std::string why;
    for (const std::string* part : {&output, &skipped, &empty})
      if (!part->empty()) why += "; " + *part;
    print_error("no posting found in the paths given" + why);
    outcome.input_errors = true;
    return;
  }
  if (!end.quiet)
    for (const std::string* part : {&output, &skipped, &empty})
      if (!part->empty()) std::fprintf(stderr, "jobmatch: %s\n", part->c_str());
}

}  // namespace jobmatch
