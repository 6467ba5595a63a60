// `jobmatch score`: one record per input, in input order, written as each is done.
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "report/writer.h"

namespace jobmatch {
namespace {

namespace po = boost::program_options;

const char* const kUsage =
    "Usage: jobmatch score [OPTIONS] [PATH...]\n\n"
    "Scores every posting under PATH (file, folder, or - for standard input) against\n"
    "the profile, one record per input in input order, written as each is done. Exit codes:\n"
    "0 all scored, 1 below --fail-under, 2 usage or lexicon error, 3 some inputs could not\n"
    "be read (they are reported as error records).";

po::options_description options() {
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

size_t terminal_width() {
  winsize ws{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (const char* cols = std::getenv("COLUMNS")) {
    const long n = std::strtol(cols, nullptr, 10);
    if (n > 20) return static_cast<size_t>(n);
  }
  return 120;
}

class ScoreJob : public BatchJob {
 public:
  void read_options(const po::variables_map& vm) override {
    m_format = ::isatty(STDOUT_FILENO) ? Format::kTable : Format::kTsv;
    if (vm.count("format") && !parse_format(vm["format"].as<std::string>(), &m_format))
      throw UsageError{"--format must be table, tsv, csv, jsonl or json"};
    m_report.color = use_color(vm, STDOUT_FILENO) && m_format == Format::kTable;
    m_report.width = terminal_width();
    if (vm.count("fail-under")) m_floor = number_of(vm, "fail-under", 0, 100);  // NaN would pass every posting
    m_ignore_title = vm["ignore-title"].as<bool>();
  }

  void start(const Engine& engine, const std::vector<std::string>&, RunOptions& run, ReadOptions&) override {
    m_writer = make_writer(m_format, m_output, engine, m_report);
    run.analyze.ignore_title = m_ignore_title;
    run.in_worker = [this](Result& r) {
      r.rendered = m_writer->render(r);
      // What consume still reads (error, score) and the record; the rest is freed here, by the
      // thread that allocated it (a free from another thread costs that thread's malloc arena a
      // lock and its cache lines).
      if (m_writer->writes_rendered_only()) {
        Result slim;
        slim.error = std::move(r.error);
        slim.score = r.score;
        slim.rendered = std::move(r.rendered);
        r = std::move(slim);
      }
    };
    // Records reach a pipe as soon as they are done: flush whenever the next one is not ready.
    if (m_format != Format::kTable) run.on_idle = [this] { m_output.flush(); };
  }

  // No progress line while records stream to the same terminal.
  bool progress() const override { return !(m_format != Format::kTable && ::isatty(STDOUT_FILENO)); }

  bool consume(Result&& r) override {
    if (!r.error && m_floor && r.score < *m_floor) m_below = true;
    m_writer->write(r, std::move(r.rendered));
    return !m_output.broken();
  }

  void finish(const BatchEnd& end, Outcome& outcome) override {
    if (end.complete) m_writer->finish();
    finish_output(m_output, outcome);
    report_input(end, outcome);
    outcome.below_floor = m_below;
  }

 private:
  Format m_format = Format::kTsv;
  ReportOptions m_report;
  std::optional<double> m_floor;
  bool m_ignore_title = false;
  bool m_below = false;
  Output m_output;
  std::unique_ptr<Writer> m_writer;
};

}  // namespace

const Command kScoreCommand = {
    .name = "score",
    .summary = "score postings (files, folders, JSON Lines, stdin) against the profile",
    .usage = kUsage,
    .options = options,
    .choices = "format=table tsv csv jsonl json",
    .job = make_job<ScoreJob>};

}  // namespace jobmatch
