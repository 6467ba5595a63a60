// `jobmatch score`: one record per input, streamed in input order as each is done, or a
// shortlist of them (report/shortlist.h: --sort, --top, --min-score, --lang), to standard output
// or to -o FILE (replaced only when complete, report/output_file.h).
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "report/output_file.h"
#include "report/shortlist.h"
#include "report/writer.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

namespace po = boost::program_options;

const char* const kUsage =
    "Usage: jobmatch score [OPTIONS] [PATH...]\n\n"
    "Scores every posting under PATH (file, folder, or - for standard input) against\n"
    "the profile, one record per input. The table is ranked by score; tsv, csv, jsonl and\n"
    "json stream each record in input order as soon as it is done. --sort score (the\n"
    "default with --top) ranks them too: it holds the rendered records, never the texts,\n"
    "until the last input is scored (with --top N only the best N). --top, --min-score and\n"
    "--lang leave error records out of the output; they are named on standard error and\n"
    "still exit 3. Exit codes: 0 all scored, 1 below --fail-under, 2 usage or lexicon\n"
    "error, 3 some inputs could not be read (they are reported as error records), 4 the\n"
    "output could not be written (-o FILE then keeps its old content).";

po::options_description options() {
  po::options_description out("Output");
  out.add_options()
      ("format,f", po::value<std::string>()->value_name("FMT"),
       "table (default on a terminal), tsv (default otherwise, or as -o FILE's extension says), csv, jsonl, json")
      ("output,o", po::value<std::string>()->value_name("FILE"),
       "write to FILE (- for standard output): a temporary file renamed over FILE when complete")
      ("sort", po::value<std::string>()->value_name("ORDER"),
       "score (default for table and with --top), id, input (default for tsv, csv, jsonl, json)")
      ("top", po::value<std::string>()->value_name("N"), "only the first N in --sort order (the N best by default), 1 to 4294967295")
      ("min-score", po::value<std::string>()->value_name("SCORE"), "only postings scoring at least SCORE, 0 to 100")
      ("lang", po::value<std::string>()->value_name("LIST"), "only postings in these languages: de, en, und (comma-separated)")
      ("fields", po::value<std::string>()->value_name("LIST"),
       "tsv, csv, jsonl, json: only these fields of the record (comma-separated; see jobmatch schema)")
      ("no-header", po::bool_switch(), "tsv, csv, table: no header line")
      ("keep-field", po::value<std::string>()->value_name("LIST"),
       "copy these fields of each JSON input record into its output record (comma-separated)")
      ("fail-under", po::value<std::string>()->value_name("SCORE"),
       "exit 1 if any posting scores below SCORE, 0 to 100 (a CI gate)")
      ("ignore-title", po::bool_switch(), "score the body only: the title neither counts as the role nor as text (a role the body states still does)");
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

std::string shown(const std::string& s) { return escape_for_terminal(escape_invalid_utf8(s)); }

// A comma-separated list, each name checked against known: an unknown one is a usage error
// with the nearest known name as a hint.
std::vector<std::string> names_of(const std::string& option, const std::string& list,
                                  const std::vector<std::string>& known) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t comma = std::min(list.find(',', start), list.size());
    const std::string name = list.substr(start, comma - start);
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      const std::string hint = did_you_mean_suffix(name, known);
      std::string all;
      for (const std::string& k : known) all += (all.empty() ? "" : ", ") + k;
      throw UsageError{"--" + option + ": unknown name '" + shown(name) + "'" + hint + "; known: " + all};
    }
    out.push_back(name);
    if (comma == list.size()) return out;
    start = comma + 1;
  }
}

// The format -o FILE's extension names (.tsv .csv .jsonl .ndjson .json), else tsv.
Format format_of_file(const std::string& path) {
  const size_t dot = path.rfind('.');
  Format f = Format::kTsv;
  if (dot != std::string::npos && path.find('/', dot) == std::string::npos) {
    const std::string ext = path.substr(dot + 1);
    if (!parse_format(ext == "ndjson" ? "jsonl" : ext, &f) || f == Format::kTable) f = Format::kTsv;
  }
  return f;
}

class ScoreJob : public BatchJob {
 public:
  void read_options(const po::variables_map& vm) override {
    if (vm.count("output") && vm["output"].as<std::string>() != "-") m_file = vm["output"].as<std::string>();
    const bool to_stdout = m_file.empty();
    m_format = !to_stdout ? format_of_file(m_file) : ::isatty(STDOUT_FILENO) ? Format::kTable : Format::kTsv;
    if (vm.count("format") && !parse_format(vm["format"].as<std::string>(), &m_format))
      throw UsageError{"--format must be table, tsv, csv, jsonl or json"};
    const bool table = m_format == Format::kTable, streaming = !table;
    const bool color = use_color(vm, STDOUT_FILENO);  // (also checks --color's value)
    m_report.color = table && to_stdout && color;  // never into a file
    m_report.footer_color = table && use_color(vm, STDERR_FILENO);
    m_report.footer = !vm["quiet"].as<bool>();
    m_report.width = to_stdout ? terminal_width() : 120;
    if (vm.count("fail-under")) m_floor = number_of(vm, "fail-under", 0, 100);  // NaN would pass every posting
    m_ignore_title = vm["ignore-title"].as<bool>();

    if (vm.count("top")) m_list.top = count_of(vm, "top", 1, UINT32_MAX);
    if (vm.count("min-score")) m_list.min_score = number_of(vm, "min-score", 0, 100);
    if (vm.count("lang")) m_list.langs = names_of("lang", vm["lang"].as<std::string>(), {"de", "en", "und"});
    m_list.sort = table || m_list.top ? SortOrder::kScore : SortOrder::kInput;
    if (vm.count("sort") && !parse_sort(vm["sort"].as<std::string>(), &m_list.sort))
      throw UsageError{"--sort must be score, id or input"};
    m_list.writer_ranks = table;
    m_report.sort = m_list.sort;
    if (table && m_list.top) m_report.top = *m_list.top;

    if (vm.count("keep-field")) {
      const std::string& list = vm["keep-field"].as<std::string>();
      for (size_t start = 0; start <= list.size();) {
        const size_t comma = std::min(list.find(',', start), list.size());
        if (comma == start) throw UsageError{"--keep-field: an empty field name in '" + shown(list) + "'"};
        m_report.keep_fields.push_back(list.substr(start, comma - start));
        start = comma + 1;
      }
    }
    if (!streaming && !m_report.keep_fields.empty())
      throw UsageError{"--keep-field is for tsv, csv, jsonl and json, not the table"};
    if (vm.count("fields")) {
      if (!streaming) throw UsageError{"--fields is for tsv, csv, jsonl and json, not the table"};
      std::vector<std::string> known(kRecordFieldNames.begin(), kRecordFieldNames.end());
      known.insert(known.end(), m_report.keep_fields.begin(), m_report.keep_fields.end());
      m_report.fields = names_of("fields", vm["fields"].as<std::string>(), known);
    }
    m_report.header = !vm["no-header"].as<bool>();
    if (!m_report.header && (m_format == Format::kJsonl || m_format == Format::kJson))
      throw UsageError{"--no-header is for tsv, csv and the table: jsonl and json have no header"};
  }

  void prepare(const std::vector<std::string>& paths) override {
    for (const std::string& p : paths)
      if (!m_file.empty() && p != "-" && same_file(p, m_file))
        throw UsageError{"input " + shown(p) + " is the output file (-o " + shown(m_file) +
                         "): score would read itself; write it elsewhere"};
  }

  void start(const Engine& engine, const std::vector<std::string>&, RunOptions& run, ReadOptions& read) override {
    if (!m_file.empty()) {
      if (const Status opened = m_out_file.open(m_file); !opened.ok())
        throw UsageError{"cannot write " + shown(m_file) + ": " + opened.error().message};
      read.output_files = m_out_file.ids();  // a folder walk skips FILE and its temporary file
    }
    read.keep_fields = m_report.keep_fields;
    m_output.emplace(m_file.empty() ? STDOUT_FILENO : m_out_file.fd());
    m_writer = make_writer(m_format, *m_output, engine, m_report);
    m_shortlist.emplace(*m_writer, m_list);
    run.analyze.ignore_title = m_ignore_title;
    run.in_worker = [this](Result& r) {
      r.rendered = m_writer->render(r);
      // What consume and the shortlist still read (id, error, score, lang) and the record; the
      // rest is freed here, by the thread that allocated it (a free from another thread costs
      // that thread's malloc arena a lock and its cache lines).
      if (m_writer->writes_rendered_only()) {
        Result slim;
        slim.id = std::move(r.id);
        slim.error = std::move(r.error);
        slim.score = r.score;
        slim.lang = std::move(r.lang);
        slim.rendered = std::move(r.rendered);
        r = std::move(slim);
      }
    };
    // Records reach a pipe as soon as they are done: flush whenever the next one is not ready.
    if (m_format != Format::kTable && m_file.empty()) run.on_idle = [this] { m_output->flush(); };
  }

  // No progress line while records stream to the same terminal.
  bool progress() const override {
    return !(m_format != Format::kTable && m_file.empty() && ::isatty(STDOUT_FILENO));
  }

  bool consume(Result&& r) override {
    if (!r.error && m_floor && r.score < *m_floor) m_below = true;
    m_shortlist->add(std::move(r));
    return !m_output->broken();
  }

  void finish(const BatchEnd& end, Outcome& outcome) override {
    if (end.complete) m_shortlist->finish();
    if (m_shortlist->errors_left_out()) {
      // Not silenced by --quiet: these records are nowhere else in the output. Without --quiet
      // each one already has its line on stderr (run_batch), so only the count is added.
      std::string ids;
      if (end.quiet) {
        for (const std::string& id : m_shortlist->error_examples()) ids += (ids.empty() ? ": " : ", ") + shown(id);
        if (m_shortlist->errors_left_out() > m_shortlist->error_examples().size()) ids += ", ...";
      }
      const uint64_t n = m_shortlist->errors_left_out();
      print_error(std::to_string(n) + (n == 1 ? " input" : " inputs") +
                  " could not be read and left out of the list (--top, --min-score and --lang list "
                  "scored postings only)" + ids);
    }
    if (m_file.empty()) {
      finish_output(*m_output, outcome);
    } else {
      m_output->flush();
      const bool broken = !m_output->complete();
      const int write_errno = m_output->error();
      m_output.reset();
      Status committed;
      if (!broken && end.complete) committed = m_out_file.commit();
      if (broken || !committed.ok()) {
        m_out_file.discard();  // FILE keeps its old content
        print_error("cannot write " + shown(m_file) + ": " +
                    (committed.ok() ? std::string(std::strerror(write_errno)) : committed.error().message));
        outcome.output_failed = true;
      }
    }
    report_input(end, outcome);
    outcome.below_floor = m_below;
  }

 private:
  Format m_format = Format::kTsv;
  ReportOptions m_report;
  ShortlistOptions m_list;
  std::optional<double> m_floor;
  bool m_ignore_title = false;
  bool m_below = false;
  std::string m_file;      // -o FILE; empty: standard output
  OutputFile m_out_file;   // removed again, unless committed, on every way out
  std::optional<Output> m_output;
  std::unique_ptr<Writer> m_writer;
  std::optional<Shortlist> m_shortlist;
};

}  // namespace

const Command kScoreCommand = {
    .name = "score",
    .summary = "score postings (files, folders, JSON Lines, stdin) against a profile",
    .usage = kUsage,
    .options = options,
    // (the --fields names as in kRecordFieldNames, for the completions and the man page)
    .choices = "format=table tsv csv jsonl json;sort=score id input;lang=de en und;"
               "fields=id score lang title encoding warnings sections title_match matched missing missing_must role "
               "role_margin role_scores error fields",
    .job = make_job<ScoreJob>};

}  // namespace jobmatch
