// `jobmatch eval`, the evaluation itself (the command's options are src/cli/cmd_eval.cpp): the
// labelled postings of a run collected in input order with what the baselines read of them
// (collect.cpp), their figures for every method, overall and per language, and the report as
// text (eval_text.cpp) or JSON (eval_report.cpp). The metrics and baselines are eval.h.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/expected.h"
#include "eval/eval.h"
#include "lexicon/engine.h"
#include "pipeline/result.h"

namespace jobmatch {

struct EvalConfig {
  std::string labels_path;
  std::vector<std::string> positive;  // labels that count as positive
  std::string top;                    // the label of the second AUC
  bool ignore_title = false;          // every method reads the body only
  bool json = false;
  size_t worst = 3;                   // worst-ranked postings shown per class
};

struct Driver {
  std::string concept_id;
  double weight;
  double strength;  // 0..1; weight x strength is what the concept adds
};

struct Posting {
  // key: the labels file's id it was matched by (the record id, else its file name without
  // extension); id: the record id (README, Output), what the JSON report calls id.
  std::string key, id, label, lang, title;
  double score = 0;      // jobmatch
  double keywords = 0;   // distinct article concepts matched
  double title_rule = 0;
  std::vector<Driver> drivers;  // matched concepts by weight x strength, the first few
  double title_score = -1;      // the title's value in the score; -1 if titles did not count
  std::vector<std::string> title_concepts;  // concepts named in the title
};

struct InputFailure {
  std::string id, kind, message;
};

struct Collected {
  std::vector<Posting> postings;  // labelled and scored, in input order
  std::vector<double> bm25;       // per posting
  size_t read = 0;                // inputs read (including errors)
  std::vector<std::string> unlabelled;   // record ids of postings whose key is not in the labels
  std::vector<std::string> duplicates;   // record ids of postings whose key was seen before (skipped)
  std::vector<InputFailure> errors;
  std::vector<std::string> labels_without_posting;  // in labels-file order
};

// The labelled postings of a run, from its results in input order. The analyzer must keep the
// text (AnalyzeOptions::keep_text) and take --ignore-title as the config says.
class EvalCollector {
 public:
  EvalCollector(const EvalConfig& config, const Labels& labels, const Engine& engine);

  // On a worker, after the analyzer: what the keyword and BM25 baselines read of a labelled
  // posting (the whole text, or with --ignore-title its body, normalized and tokenized; no
  // zones, cues or negation), left in r.rendered as "KEYWORDS\nTOKENS" for add. Thread-safe.
  void in_worker(Result& r) const;
  // Each result, in input order.
  void add(Result&& r);
  // After the last result: the BM25 scores and the labels without a posting.
  Collected finish();

 private:
  // The label key of a posting id: the JSONL id as is, else the file name without extension.
  std::string key_of(const std::string& id) const;

  const EvalConfig& m_config;
  const Labels& m_labels;
  const Engine& m_engine;
  Bm25 m_bm25;
  std::set<std::string> m_seen;
  Collected m_out;
};

// The notes the report starts with, or an error when --positive or --top name no label of the
// labels file (a typo would silently change what is measured).
Expected<std::vector<std::string>> label_notes(const EvalConfig& c, const Labels& labels);

struct Method {
  const char* name;
  int decimals;  // for thresholds in text output
  std::vector<double> scores;
};

struct Figures {
  size_t n = 0, n_top = 0, n_positive = 0;
  double auc_top = 0, auc_positive = 0, ap = 0, p10 = 0, p20 = 0;
  F1Point f1{};
};

// Everything the report shows, computed once from the collected postings.
struct Report {
  const EvalConfig& config;
  const Labels& labels;
  const Engine& engine;
  const Collected& data;
  std::vector<Method> methods;
  std::vector<std::string> notes;
  std::vector<std::string> langs;
  std::map<std::string, std::vector<size_t>> by_lang;
  std::map<std::string, size_t> label_counts;
  std::vector<size_t> worst_positive, worst_negative;  // posting indexes
  std::vector<size_t> rank;  // per posting: 1 + number of postings jobmatch scores higher
};

// The report, or an error when no labelled posting was found.
Expected<std::string> render_evaluation(const EvalConfig& c, const Labels& labels, const Engine& engine,
                                        const Collected& data, std::vector<std::string> notes);

// Used by both renderings.
Figures figures_of(const std::vector<double>& all_scores, const std::vector<Posting>& postings,
                   const std::vector<size_t>& subset, const EvalConfig& c);
bool is_positive(const EvalConfig& c, const std::string& label);
std::string join(const std::vector<std::string>& items, const std::string& sep);
std::string render_text(const Report& rp);
std::string render_json(const Report& rp);

}  // namespace jobmatch
