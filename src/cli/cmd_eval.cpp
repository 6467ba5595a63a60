// `jobmatch eval`: scores the postings a person labelled and measures how well each method ranks
// them (eval/evaluation.h). Everything is computed on the same postings, in one run.
#include <optional>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "eval/evaluation.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

namespace po = boost::program_options;

const char* const kUsage =
    "Usage: jobmatch eval --labels FILE [OPTIONS] PATH...\n\n"
    "Scores the postings under PATH that FILE labels and measures how well the score ranks\n"
    "them, next to three baselines computed on the same postings:\n"
    "  jobmatch  the profile score\n"
    "  keywords  distinct concepts of the article (not extensions) the matcher finds\n"
    "  bm25      Okapi BM25 (k1 1.2, b 0.75) of the article's duties and skills as query terms\n"
    "  title     1 if the title names ML, AI, KI, data science, deep learning, NLP, LLM, ...\n"
    "Figures: ROC AUC of --top against all others and of --positive against the rest, average\n"
    "precision, precision at 10 and 20, and the best-F1 threshold, overall and per language;\n"
    "then the positives jobmatch ranks lowest and the negatives it ranks highest.\n\n"
    "FILE is tab-separated with a header row: columns id and label, optionally lang. A posting's\n"
    "id is its file name without extension (postings/d0001.txt -> d0001) or its JSON Lines id.\n"
    "Exit codes: 0 figures printed, 2 usage error (no --labels, unreadable labels file, no\n"
    "labelled posting found), 3 some inputs could not be read (skipped, figures still printed).";

po::options_description options() {
  po::options_description eval("Evaluation");
  eval.add_options()
      ("labels", po::value<std::string>()->value_name("FILE"),
       "labels: TSV with a header row, columns id and label (lang optional)")
      ("positive", po::value<std::string>()->default_value("mle,ds")->value_name("LIST"),
       "labels that count as positive (comma-separated)")
      ("top", po::value<std::string>()->value_name("LABEL"),
       "label of the second AUC, against all others (default: the first of --positive)")
      ("ignore-title", po::bool_switch(), "every method sees the body only (no title line)")
      ("format,f", po::value<std::string>()->default_value("text")->value_name("FMT"), "text or json")
      ("worst", po::value<std::string>()->default_value("3")->value_name("N"),
       "worst-ranked postings shown per class");
  add_threads_option(eval);
  add_quiet_option(eval);
  po::options_description visible;
  visible.add(eval).add(input_options()).add(engine_options());
  return visible;
}

std::vector<std::string> split_list(const std::string& list) {
  std::vector<std::string> out;
  for (size_t start = 0; start <= list.size();) {
    size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    const std::string_view item = trim(std::string_view(list).substr(start, comma - start));
    if (!item.empty()) out.emplace_back(item);
    start = comma + 1;
  }
  return out;
}

class EvalJob : public BatchJob {
 public:
  void read_options(const po::variables_map& vm) override {
    if (!vm.count("labels")) throw UsageError{"eval needs --labels FILE (a TSV with columns id and label)"};
    m_config.labels_path = vm["labels"].as<std::string>();
    m_config.positive = split_list(vm["positive"].as<std::string>());
    if (m_config.positive.empty()) throw UsageError{"--positive needs at least one label"};
    m_config.top = vm.count("top") ? std::string(trim(vm["top"].as<std::string>())) : m_config.positive.front();
    if (m_config.top.empty()) throw UsageError{"--top needs a label"};
    m_config.ignore_title = vm["ignore-title"].as<bool>();
    const std::string format = vm["format"].as<std::string>();
    if (format != "text" && format != "json") throw UsageError{"--format must be text or json"};
    m_config.json = format == "json";
    m_config.worst = static_cast<size_t>(count_of(vm, "worst", 0, 100000));
  }

  const char* no_paths_message() const override {
    return "no input: give the files or folders of the labelled postings";
  }

  // The labels file, and --positive and --top checked against it, before the engine loads.
  void prepare(const std::vector<std::string>&) override {
    // A regular file of at most 16 MiB: a FIFO or device is refused at once, never read.
    const auto text = read_data(m_config.labels_path);
    if (!text.ok())
      throw UsageError{"cannot read labels file '" + m_config.labels_path + "': " + text.error().message};
    auto labels = parse_labels(*text);
    if (!labels.ok()) throw UsageError{m_config.labels_path + ": " + labels.error().message};
    m_labels = std::move(*labels);
    auto notes = label_notes(m_config, m_labels);
    if (!notes.ok()) throw UsageError{notes.error().message};
    m_notes = std::move(*notes);
  }

  void start(const Engine& engine, const std::vector<std::string>&, RunOptions& run, ReadOptions&) override {
    m_engine = &engine;
    m_collector.emplace(m_config, m_labels, engine);
    run.analyze.keep_text = true;
    run.analyze.ignore_title = m_config.ignore_title;
    run.in_worker = [this](Result& r) { m_collector->in_worker(r); };
  }

  bool consume(Result&& r) override {
    m_collector->add(std::move(r));
    return true;
  }

  // Input errors are skipped and listed in the report (the figures are still printed).
  void finish(const BatchEnd&, Outcome& outcome) override {
    const Collected data = m_collector->finish();
    const auto report = render_evaluation(m_config, m_labels, *m_engine, data, std::move(m_notes));
    if (!report.ok()) throw UsageError{report.error().message};
    Output output;
    output.write(*report);
    finish_output(output, outcome);
  }

 private:
  EvalConfig m_config;
  Labels m_labels;
  std::vector<std::string> m_notes;
  const Engine* m_engine = nullptr;
  std::optional<EvalCollector> m_collector;
};

}  // namespace

const Command kEvalCommand = {
    .name = "eval",
    .summary = "rank postings you labelled: ROC AUC, AP, P@k against baselines",
    .usage = kUsage,
    .options = options,
    .choices = "format=text json",
    .job = make_job<EvalJob>};

}  // namespace jobmatch
