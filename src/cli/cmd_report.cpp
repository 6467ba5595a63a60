// `jobmatch report`: the whole batch as one self-contained HTML page (report/html_report.h),
// written to a temporary file that replaces FILE only when it is complete (output_file.h).
#include <unistd.h>

#include <cstring>
#include <optional>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "report/html_report.h"
#include "report/output_file.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

namespace po = boost::program_options;

const char* const kUsage =
    "Usage: jobmatch report [OPTIONS] PATH... -o FILE\n\n"
    "Writes one self-contained HTML page (no network, no external files) for the postings\n"
    "under PATH: the ranking as a sortable, filterable table, each posting's explanation\n"
    "with its evidence highlighted, a score histogram, a section heatmap and the concepts\n"
    "the batch covers least. Exit codes as for score: 2 usage or lexicon error, or FILE\n"
    "cannot be written; 3 some inputs could not be read (they are error rows in the page).";

po::options_description options() {
  po::options_description out("Output");
  out.add_options()("output,o", po::value<std::string>()->value_name("FILE"),
                    "the HTML file to write (- for standard output)");
  add_threads_option(out);
  add_quiet_option(out);
  po::options_description visible;
  visible.add(out).add(input_options()).add(engine_options());
  return visible;
}

std::string shown(const std::string& path) { return escape_for_terminal(escape_invalid_utf8(path)); }

class ReportJob : public BatchJob {
 public:
  void read_options(const po::variables_map& vm) override {
    if (!vm.count("output")) throw UsageError{"report needs -o FILE (or -o - for standard output)"};
    m_file = vm["output"].as<std::string>();
  }

  void prepare(const std::vector<std::string>& paths) override {
    if (m_file == "-") return;
    for (const std::string& p : paths)
      if (p != "-" && same_file(p, m_file))
        throw UsageError{"input " + shown(p) + " is the output file (-o " + shown(m_file) +
                         "): the report would read itself; write it elsewhere"};
  }

  void start(const Engine& engine, const std::vector<std::string>&, RunOptions& run, ReadOptions& read) override {
    if (m_file != "-") {
      if (const Status opened = m_out_file.open(m_file); !opened.ok())
        throw UsageError{"cannot write " + shown(m_file) + ": " + opened.error().message};
      read.output_files = m_out_file.ids();  // a folder walk skips FILE and its temporary file
    }
    m_output.emplace(m_file != "-" ? m_out_file.fd() : STDOUT_FILENO);
    m_writer = make_html_report_writer(*m_output, engine);
    run.analyze.keep_text = true;
    run.in_worker = [this](Result& r) {
      r.rendered = m_writer->render(r);
      std::string().swap(r.text);  // packed into rendered; not kept while waiting for its turn
    };
  }

  bool progress() const override { return true; }

  bool consume(Result&& r) override {
    m_writer->write(r, std::move(r.rendered));
    return true;
  }

  void finish(const BatchEnd& end, Outcome& outcome) override {
    m_writer->finish();
    if (m_file == "-") finish_output(*m_output, outcome);
    m_output->flush();
    bool broken = m_output->broken();
    int write_errno = m_output->error();
    report_input(end, outcome);
    m_writer.reset();
    m_output.reset();
    Status committed;
    if (m_file != "-" && !broken) committed = m_out_file.commit();
    if (broken || !committed.ok()) {
      m_out_file.discard();  // FILE keeps its old content
      print_error("cannot write " + shown(m_file) + ": " +
                  (committed.ok() ? std::string(std::strerror(write_errno)) : committed.error().message));
      outcome.output_failed = true;
    }
  }

 private:
  std::string m_file;
  OutputFile m_out_file;  // removed again, unless committed, on every way out
  std::optional<Output> m_output;
  std::unique_ptr<Writer> m_writer;
};

}  // namespace

const Command kReportCommand = {
    .name = "report",
    .summary = "write one self-contained HTML page: ranking, explanations, charts",
    .usage = kUsage,
    .options = options,
    .job = make_job<ReportJob>};

}  // namespace jobmatch
