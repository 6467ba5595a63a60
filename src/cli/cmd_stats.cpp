// `jobmatch stats`: a summary of a batch (report/stats.h), printed when the batch is done.
#include <sstream>
#include <stdexcept>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "report/stats.h"

namespace jobmatch {
namespace {

namespace po = boost::program_options;

const char* const kUsage =
    "Usage: jobmatch stats [OPTIONS] PATH...\n\n"
    "Summarises a batch: the score distribution (quantiles and a histogram), how many\n"
    "postings name each profile concept, and the capitalised terms the lexicon does not know,\n"
    "most frequent first (candidates for new lexicon entries). Exit codes: 0, 2 usage or\n"
    "lexicon error, 3 some inputs could not be read (counted as errors).";

po::options_description options() {
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

class StatsJob : public BatchJob {
 public:
  void read_options(const po::variables_map& vm) override {
    m_json = vm["format"].as<std::string>() == "json";
    if (!m_json && vm["format"].as<std::string>() != "text")
      throw UsageError{"--format must be text or json, not '" + vm["format"].as<std::string>() + "'"};
    m_top = count_of(vm, "top", 0, 100000);
    m_ignore_title = vm["ignore-title"].as<bool>();
  }

  void start(const Engine& engine, const std::vector<std::string>&, RunOptions& run, ReadOptions&) override {
    auto stats = BatchStats::make(engine);
    // The engine's own matcher compiled, so this one fails only for want of memory.
    if (!stats.ok()) throw std::runtime_error(stats.error().message);
    m_stats = std::move(*stats);
    run.analyze.keep_text = true;
    run.analyze.ignore_title = m_ignore_title;
    run.in_worker = [this](Result& r) {
      if (!r.error)
        for (const std::string& t : capitalised_terms(r.text, r.lang, &m_stats->full_matcher()))
          r.rendered += t + '\n';
      std::string().swap(r.text);
    };
  }

  bool progress() const override { return true; }

  bool consume(Result&& r) override {
    m_terms.clear();
    std::istringstream in(r.rendered);
    for (std::string t; std::getline(in, t);) m_terms.push_back(t);
    m_stats->add(r, m_terms);
    return true;
  }

  void finish(const BatchEnd& end, Outcome& outcome) override {
    Output output;
    output.write(m_json ? m_stats->render_json(m_top) : m_stats->render_text(m_top));
    finish_output(output, outcome);
    report_input(end, outcome);
  }

 private:
  bool m_json = false, m_ignore_title = false;
  size_t m_top = 20;
  std::unique_ptr<BatchStats> m_stats;
  std::vector<std::string> m_terms;
};

}  // namespace

const Command kStatsCommand = {
    .name = "stats",
    .summary = "summarise a batch: scores, concept frequency, unknown terms",
    .usage = kUsage,
    .options = options,
    .choices = "format=text json",
    .job = make_job<StatsJob>};

}  // namespace jobmatch
