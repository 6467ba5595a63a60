// `jobmatch eval`: how well do scores rank postings a person labelled? Reads a labels file
// (TSV: id, label, optional lang), scores the labelled postings, and reports ROC AUC, average
// precision, precision at k and the best-F1 threshold for the jobmatch score and three
// baselines computed on the same postings: a count of the article's concepts, Okapi BM25 of the
// article's terms, and a rule on the title.
//
// The metrics, baselines and labels file below are pure and used by the unit tests; the
// evaluation is evaluation.h, the command src/cli/cmd_eval.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/expected.h"

namespace jobmatch {

// ---------------------------------------------------------------- metrics
// scores[i] is the score of item i, positive[i] whether it belongs to the positive class; both
// the same length. Scores are ranked high to low. Every metric is a function of the scores
// only, never of the order of the items: tied scores are handled explicitly.

// ROC AUC as the Mann-Whitney U statistic: the chance that a random positive scores above a
// random negative, ties counting 1/2. Computed from average ranks (sort, O(n log n)). NaN if
// there are no positives or no negatives.
double roc_auc(const std::vector<double>& scores, const std::vector<bool>& positive);

// Average precision: the sum over distinct score thresholds t (high to low) of
// (recall(t) - recall(previous t)) * precision(t), where "score >= t" is predicted positive
// (the step-wise definition, with tied scores entering together). NaN without positives.
double average_precision(const std::vector<double>& scores, const std::vector<bool>& positive);

// Precision among the k highest-scored items (k > n: among all n). When a group of tied scores
// straddles the cut, it contributes in proportion (its positive rate times the places left):
// the expected precision over random orders of the ties. NaN for no items or k == 0.
double precision_at(const std::vector<double>& scores, const std::vector<bool>& positive, size_t k);

struct F1Point {
  double threshold;  // predict positive when score >= threshold
  double f1, precision, recall;
};
// The threshold, among the distinct scores, with the highest F1 (the highest such threshold if
// several tie). All NaN without positives or items.
F1Point best_f1(const std::vector<double>& scores, const std::vector<bool>& positive);

// ---------------------------------------------------------------- baselines

// Okapi BM25 over a collection of documents, each a list of tokens:
//   score(D) = sum over distinct query terms q of
//              idf(q) * tf(q,D) * (k1 + 1) / (tf(q,D) + k1 * (1 - b + b * |D| / avgdl))
//   idf(q)   = ln(1 + (N - df(q) + 0.5) / (df(q) + 0.5))     (never negative)
// N, df and avgdl are over the documents added. Only the query terms' counts and each
// document's length are kept.
class Bm25 {
 public:
  explicit Bm25(const std::vector<std::string>& query, double k1 = 1.2, double b = 0.75);

  // Adds a document given as space-separated tokens (what token_text returns; extra spaces are
  // ignored).
  void add(std::string_view tokens);

  size_t size() const { return m_lengths.size(); }
  // One score per document added, in order.
  std::vector<double> scores() const;
  double idf(std::string_view term) const;

 private:
  std::vector<std::string> m_terms;                     // distinct
  std::unordered_map<std::string, size_t> m_term_index;
  std::vector<size_t> m_df;                             // per term
  std::vector<size_t> m_lengths;                        // per document, in tokens
  std::vector<std::vector<std::pair<size_t, size_t>>> m_tf;  // per document: (term, count)
  double m_k1, m_b;
};

// The article's duties and skills as BM25 query terms (German and English), normalized and
// split like documents (token_text), distinct, in first-seen order.
std::vector<std::string> article_query_terms();

// The title rule: true if the title names ML, AI, KI, machine learning, maschinelles Lernen,
// künstliche Intelligenz, data science, data scientist, deep learning, MLOps, NLP, LLM or
// computer vision, as whole words of token_text(title) ("KI-Entwickler" yes, "Email" no).
bool title_names_ml(std::string_view title);

// ---------------------------------------------------------------- labels

struct LabelRow {
  std::string id, label, lang;  // lang "" when the file has no lang column (or the cell is empty)
  size_t line = 0;              // 1-based line in the labels file
};

struct Labels {
  std::vector<LabelRow> rows;
  bool has_lang = false;
  std::unordered_map<std::string, size_t> by_id;  // id -> index into rows
};

// Parses a TSV labels file: a header row naming at least `id` and `label` (and optionally
// `lang`; other columns are ignored), then one row per posting. A UTF-8 BOM and CRLF line ends
// are accepted; blank lines are skipped. An error ("line 7: ...") for a missing column, an
// empty id or label, or an id given twice.
Expected<Labels> parse_labels(std::string_view text);

// The key a posting is labelled by: the base name of its id without the extension
// ("postings/d0001.txt" -> "d0001").
std::string posting_key(std::string_view id);

}  // namespace jobmatch
