// `jobmatch explain`: each posting's score broken down (report/explain.h), one after another.
#include <unistd.h>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "report/explain.h"

namespace jobmatch {
namespace {

namespace po = boost::program_options;

const char* const kUsage =
    "Usage: jobmatch explain [OPTIONS] [PATH...]\n\n"
    "Shows the score of each posting broken down: section coverage, every matched\n"
    "concept with its evidence highlighted in its line, and what is missing. PATH is read\n"
    "as by score: a file, a folder (walked), - for standard input, JSON Lines (one\n"
    "explanation per record). --format json writes one JSON object per posting, one a line.\n\n"
    "Examples:\n"
    "  jobmatch explain ads/berlin-mle.txt\n"
    "  jobmatch explain --format json ads/ > explained.jsonl\n"
    "  jobmatch explain --input-format jsonl - < postings.jsonl";

po::options_description options() {
  po::options_description visible("Options");
  visible.add_options()("format,f", po::value<std::string>()->default_value("text")->value_name("FMT"),
                        "text, json (one object per posting and line: the score, its parts, every span with "
                        "line and col)");
  add_color_option(visible);
  add_quiet_option(visible);
  visible.add(input_options()).add(engine_options());
  return visible;
}

class ExplainJob : public BatchJob {
 public:
  void read_options(const po::variables_map& vm) override {
    const std::string fmt = vm["format"].as<std::string>();
    if (fmt != "text" && fmt != "json") throw UsageError{"--format must be text or json, not '" + fmt + "'"};
    m_json = fmt == "json";
    m_color = !m_json && use_color(vm, STDOUT_FILENO);
  }

  void start(const Engine& engine, const std::vector<std::string>&, RunOptions& run, ReadOptions&) override {
    m_engine = &engine;
    run.threads = 1;  // explain has no --threads: one worker
    run.analyze.keep_text = true;
    run.on_idle = [this] { m_output.flush(); };
  }

  bool consume(Result&& r) override {
    if (m_json) m_output.write(render_explain_json(r, *m_engine) + "\n");
    else m_output.write((m_first ? "" : "\n") + render_explain(r, *m_engine, m_color));
    m_first = false;
    return !m_output.broken();
  }

  void finish(const BatchEnd& end, Outcome& outcome) override {
    finish_output(m_output, outcome);
    report_input(end, outcome);
  }

 private:
  const Engine* m_engine = nullptr;
  bool m_color = false, m_json = false, m_first = true;
  Output m_output;
};

}  // namespace

const Command kExplainCommand = {
    .name = "explain",
    .summary = "show one posting's score with its evidence and what is missing",
    .usage = kUsage,
    .options = options,
    .choices = "format=text json",
    .job = make_job<ExplainJob>};

}  // namespace jobmatch
