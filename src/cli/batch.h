// The one skeleton every batch command (score, report, explain, check, stats, eval) runs on, and
// the one place where how a command ended becomes the process exit code (exit_status.h).
//
// run_batch reads the options every batch command shares (input options, --max-seconds,
// --threads, --quiet, the paths or their --files0-from list, --profile and --lexicon), loads the
// engine, runs the inputs through run_pipeline (pipeline/run.h) with a progress line, says on
// standard error which inputs could not be read, and hands each result, in input order, to the
// command's BatchJob; the job says what it adds before, during and after the run.
// Every command returns an Outcome, and exit_code(Outcome) alone decides the exit status.
#pragma once

#include <boost/program_options.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/expected.h"
#include "input/read.h"
#include "lexicon/engine.h"
#include "pipeline/run.h"
#include "report/output.h"

namespace jobmatch {

// A bad command line, or a value or file the command refuses before it scores anything: the
// message is printed as "jobmatch: error: ..." and the outcome is a usage error.
struct UsageError {
  std::string message;
};

// How a command ended. Several may hold at once; exit_code says which wins.
struct Outcome {
  bool usage_error = false;     // bad command line, or a lexicon/profile/labels file that does not
                                // load, or report's FILE that cannot be written: nothing scored
  bool input_errors = false;    // some inputs are error records, or the paths held no posting
  bool below_floor = false;     // a posting below --fail-under (check: an ad that fails)
  bool output_failed = false;   // the output could not be written (a full disk, EIO)
  bool pipe_closed = false;     // the reader of the output went away (`| head`): not an error
  bool internal_fault = false;  // a fault outside any one posting (a bug, out of memory)
};

// The exit code of an outcome: 5 internal fault, else 4 output failed, else 0 for a closed pipe,
// else 2 usage error, else 3 input errors, else 1 below the floor, else 0.
int exit_code(const Outcome& outcome);

// "jobmatch: error: MESSAGE" on standard error (messages quote paths, ids and labels: shown
// through the display policy).
void print_error(const std::string& message);

// "jobmatch: ID: MESSAGE" on standard error, for an input that could not be read or scored
// ("jobmatch: missing.txt: No such file or directory", as grep says it); run_batch prints one for
// every error record unless --quiet.
void print_input_error(const std::string& id, const InputError& error);

// The end of an output: a closed pipe ends the process quietly, any other write error with a
// message naming the target; either way at once (std::_Exit with exit_code: destructors of a
// batch that was cut short are not run, nor does anything print after the output failed).
void finish_output(Output& output, Outcome& outcome, const std::string& target = "standard output");

// The engine for --profile and --lexicon; the only place that loads one. Its diagnostics are in
// the error.
Expected<std::unique_ptr<Engine>> load_engine(const EngineOptions& options);

// The engine for a command line's --profile, --lexicon and --no-builtin-lexicon (without it,
// --lexicon adds to the embedded files; alone, it is a usage error). Null if it does not load: with its
// file:line:col diagnostics printed, a usage error in outcome; an error without diagnostics is
// no fault of the files (the matcher refused for want of memory), an internal fault.
std::unique_ptr<Engine> engine_for(const boost::program_options::variables_map& vm, Outcome& outcome);

// file:line:col diagnostics with the line and a caret, on standard error.
void print_diagnostics(const std::vector<Diagnostic>& diags);

// A data file the command reads besides the lexicon (eval's labels): the only place that reads
// one.
Expected<std::string> read_data(const std::string& path);

// Options several commands share, added to a command's group so --help lists them together.
boost::program_options::options_description engine_options();
void add_quiet_option(boost::program_options::options_description& o);
void add_threads_option(boost::program_options::options_description& o);
void add_color_option(boost::program_options::options_description& o);

// Whether to colour: --color=auto|always|never together with NO_COLOR and whether fd is a
// terminal.
bool use_color(const boost::program_options::variables_map& vm, int fd);

// A whole-number or decimal option, checked (cli_options.h); a usage error if out of range.
uint64_t count_of(const boost::program_options::variables_map& vm, const char* name, uint64_t min, uint64_t max);
double number_of(const boost::program_options::variables_map& vm, const char* name, double min, double max);

struct BatchEnd;

// What a batch command adds to the skeleton. run_batch calls, in this order: read_options (the
// command's own options, before the shared ones are read), prepare (before the engine loads),
// start (after), consume (each result in input order), finish. Any of them may throw UsageError.
class BatchJob {
 public:
  virtual ~BatchJob() = default;
  // The command's own options.
  virtual void read_options(const boost::program_options::variables_map& vm) = 0;
  // The usage error when no PATH is given; null: standard input is read (unless a terminal).
  virtual const char* no_paths_message() const { return nullptr; }
  // What the command reads before the engine loads (eval: its labels file).
  virtual void prepare(const std::vector<std::string>& /*paths*/) {}
  // After the engine loads, before the first input is read: what needs the engine or the paths,
  // the output opened, the run's hooks set (run.in_worker, run.on_idle, run.analyze).
  virtual void start(const Engine& engine, const std::vector<std::string>& paths, RunOptions& run,
                     ReadOptions& read) = 0;
  // Whether the progress line may be shown (the skeleton adds --quiet and the terminal test).
  virtual bool progress() const { return false; }
  // One result, in input order; false stops the run (the output was closed).
  virtual bool consume(Result&& r) = 0;
  // After the run: writes what is left and records in outcome how the command ended.
  virtual void finish(const BatchEnd& end, Outcome& outcome) = 0;
};

// How the run of a batch ended, for BatchJob::finish.
struct BatchEnd {
  const InputSource& source;
  size_t records = 0;     // results consumed
  bool complete = false;  // the run was not stopped by the job
  bool quiet = false;     // --quiet
};

// Parses args against the command's option table (with --help and, if positional, PATH...),
// prints usage and the table for --help and returns false then. A command with options also
// has --config and --no-config, and the config file's settings for command (config.h) fill in
// what the command line leaves unset. A parse or config error is a UsageError.
bool parse_command_line(const std::vector<std::string>& args, const boost::program_options::options_description& visible,
                        bool paths, boost::program_options::variables_map* vm, const std::string& usage,
                        std::string_view command);

// A usage error about a value the config file gave (the message starts with the option:
// "--fail-under must be ...") with the place that gave it: "FILE:LINE: --fail-under must be
// ..."; any other message as it is.
std::string locate_config_value(const std::string& message);

// The shared skeleton: parses args (--help printed: an empty outcome), reads the options, loads
// the engine, runs the pipeline through job, and says how the run ended. Input error records set
// outcome.input_errors.
Outcome run_batch(const std::vector<std::string>& args, const boost::program_options::options_description& visible,
                  const std::string& usage, BatchJob& job, std::string_view command);

// What a batch command says about its input at the end: the files a folder walk left out
// because they are the output (report -o) or for their type, and the JSON inputs that held no
// record (unless quiet); a run that found no posting at all in its paths is an error (input
// errors, exit 3), never an empty success.
void report_input(const BatchEnd& end, Outcome& outcome);

}  // namespace jobmatch
