// The pure parts of `jobmatch eval` (eval.h): ranking metrics and the BM25 and title baselines.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "eval/eval.h"
#include "text/tokenize.h"

namespace jobmatch {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Item indexes ordered by score, high to low (ties in index order; callers treat a run of equal
// scores as one group, so the order inside it never matters).
std::vector<size_t> by_score_descending(const std::vector<double>& scores) {
  std::vector<size_t> order(scores.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return scores[a] > scores[b]; });
  return order;
}

// Calls f(score, group_size, positives_in_group) for each group of tied scores, high to low.
template <class F>
void for_each_tie_group(const std::vector<double>& scores, const std::vector<bool>& positive, F f) {
  const std::vector<size_t> order = by_score_descending(scores);
  for (size_t i = 0; i < order.size();) {
    size_t j = i, pos = 0;
    while (j < order.size() && scores[order[j]] == scores[order[i]]) pos += positive[order[j++]];
    if (!f(scores[order[i]], j - i, pos)) return;
    i = j;
  }
}

size_t count_positive(const std::vector<bool>& positive) {
  return static_cast<size_t>(std::count(positive.begin(), positive.end(), true));
}

}  // namespace

double roc_auc(const std::vector<double>& scores, const std::vector<bool>& positive) {
  const size_t n = scores.size(), n_pos = count_positive(positive), n_neg = n - n_pos;
  if (n_pos == 0 || n_neg == 0) return kNaN;
  // Ranks 1..n from the lowest score; a tie group of size g starting at rank r gets the average
  // rank r + (g - 1) / 2 for each member.
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] < scores[b]; });
  double rank_sum = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i, pos = 0;
    while (j < n && scores[order[j]] == scores[order[i]]) pos += positive[order[j++]];
    const double avg_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
    rank_sum += avg_rank * static_cast<double>(pos);
    i = j;
  }
  const double p = static_cast<double>(n_pos), q = static_cast<double>(n_neg);
  return (rank_sum - p * (p + 1) / 2) / (p * q);
}

double average_precision(const std::vector<double>& scores, const std::vector<bool>& positive) {
  const size_t n_pos = count_positive(positive);
  if (n_pos == 0) return kNaN;
  double ap = 0, tp = 0, seen = 0, last_recall = 0;
  for_each_tie_group(scores, positive, [&](double, size_t g, size_t pos) {
    tp += static_cast<double>(pos);
    seen += static_cast<double>(g);
    const double recall = tp / static_cast<double>(n_pos);
    ap += (recall - last_recall) * (tp / seen);
    last_recall = recall;
    return true;
  });
  return ap;
}

double precision_at(const std::vector<double>& scores, const std::vector<bool>& positive, size_t k) {
  const size_t cut = std::min(k, scores.size());
  if (cut == 0) return kNaN;
  double hits = 0;
  size_t taken = 0;
  for_each_tie_group(scores, positive, [&](double, size_t g, size_t pos) {
    if (taken + g <= cut) {
      hits += static_cast<double>(pos);
      taken += g;
    } else {
      hits += static_cast<double>(pos) * static_cast<double>(cut - taken) / static_cast<double>(g);
      taken = cut;
    }
    return taken < cut;
  });
  return hits / static_cast<double>(cut);
}

F1Point best_f1(const std::vector<double>& scores, const std::vector<bool>& positive) {
  const size_t n_pos = count_positive(positive);
  F1Point best{kNaN, kNaN, kNaN, kNaN};
  if (n_pos == 0) return best;
  double tp = 0, seen = 0;
  for_each_tie_group(scores, positive, [&](double score, size_t g, size_t pos) {
    tp += static_cast<double>(pos);
    seen += static_cast<double>(g);
    const double precision = tp / seen, recall = tp / static_cast<double>(n_pos);
    const double f1 = tp == 0 ? 0 : 2 * precision * recall / (precision + recall);
    if (std::isnan(best.f1) || f1 > best.f1) best = F1Point{score, f1, precision, recall};
    return true;
  });
  return best;
}

// ---------------------------------------------------------------- BM25

Bm25::Bm25(const std::vector<std::string>& query, double k1, double b) : m_k1(k1), m_b(b) {
  for (const std::string& t : query)
    if (!t.empty() && m_term_index.emplace(t, m_terms.size()).second) m_terms.push_back(t);
  m_df.assign(m_terms.size(), 0);
}

void Bm25::add(std::string_view tokens) {
  std::vector<size_t> counts(m_terms.size(), 0);
  size_t length = 0;
  std::string key;
  for (size_t i = 0; i < tokens.size();) {
    if (tokens[i] == ' ') {
      ++i;
      continue;
    }
    size_t end = tokens.find(' ', i);
    if (end == std::string_view::npos) end = tokens.size();
    ++length;
    key.assign(tokens.substr(i, end - i));
    if (auto it = m_term_index.find(key); it != m_term_index.end()) ++counts[it->second];
    i = end;
  }
  std::vector<std::pair<size_t, size_t>> tf;
  for (size_t t = 0; t < counts.size(); ++t)
    if (counts[t]) {
      tf.emplace_back(t, counts[t]);
      ++m_df[t];
    }
  m_lengths.push_back(length);
  m_tf.push_back(std::move(tf));
}

double Bm25::idf(std::string_view term) const {
  const auto it = m_term_index.find(std::string(term));
  const double n = static_cast<double>(m_lengths.size());
  const double df = it == m_term_index.end() ? 0 : static_cast<double>(m_df[it->second]);
  return std::log(1 + (n - df + 0.5) / (df + 0.5));
}

std::vector<double> Bm25::scores() const {
  std::vector<double> out(m_lengths.size(), 0);
  if (m_lengths.empty()) return out;
  const double avgdl = static_cast<double>(std::accumulate(m_lengths.begin(), m_lengths.end(), size_t{0})) /
                       static_cast<double>(m_lengths.size());
  if (avgdl == 0) return out;
  std::vector<double> idfs;
  for (const std::string& t : m_terms) idfs.push_back(idf(t));
  for (size_t d = 0; d < m_lengths.size(); ++d) {
    const double norm = m_k1 * (1 - m_b + m_b * static_cast<double>(m_lengths[d]) / avgdl);
    for (const auto& [term, count] : m_tf[d]) {
      const double tf = static_cast<double>(count);
      out[d] += idfs[term] * tf * (m_k1 + 1) / (tf + norm);
    }
  }
  return out;
}

std::vector<std::string> article_query_terms() {
  // The duties and skills of the article ("Aufgaben eines Machine Learning Engineers",
  // "Erforderliche Fähigkeiten"), in German and English, with the usual inflections and
  // compounds, since BM25 matches whole tokens only.
  static const char* const kTerms[] = {
      // data science prototypes → production systems
      "data science prototypes prototype production", "Data-Science-Prototypen Prototypen Prototyp Produktion",
      // machine learning systems design
      "machine learning machine-learning systems design", "maschinelles Lernen Machine-Learning-Systeme Systeme Systemdesign entwerfen",
      // statistical analysis
      "statistical analysis", "statistische Analyse Analysen",
      // model fine tuning, test results
      "model models fine-tuning tuning", "Modell Modelle Feinabstimmung optimieren",
      "test results", "Testergebnisse Testergebnissen Ergebnisse",
      // datasets, training, retraining
      "datasets dataset", "Datensätze Datensätzen Datensatz Trainingsdaten",
      "training retraining train", "Training trainieren",
      // ML frameworks and libraries, ML apps
      "frameworks framework libraries", "Bibliotheken",
      "applications apps", "Anwendungen Applikationen",
      // algorithms research, success probability
      "algorithms algorithm research", "Algorithmen Algorithmus Forschung",
      "probability", "Wahrscheinlichkeit Erfolgswahrscheinlichkeit",
      // data exploration, visualisation, data distribution
      "exploration", "Datenexploration",
      "visualisation visualization", "Visualisierung Datenvisualisierung",
      "distribution", "Verteilung Datenverteilung",
      // degree in computer science, mathematics, statistics
      "degree computer science mathematics statistics", "Abschluss Studium Informatik Mathematik Statistik",
      // linear algebra, calculus (Analysis), Bayesian statistics, mean, median, variance
      "linear algebra", "lineare Algebra", "calculus", "Analysis",
      "bayesian", "Bayes bayessche", "mean median variance", "Mittelwert Varianz",
      // data modelling, data architecture
      "modelling modeling", "Datenmodellierung", "architecture", "Datenarchitektur",
      // programming languages and tools
      "Python R Java C++ Hadoop Spark Pig Hive Flume",
      "TensorFlow Keras scikit-learn Theano Matplotlib Caffe",
      // communication, teamwork
      "communication teamwork", "Kommunikation Kommunikationsfähigkeit Teamarbeit Teamfähigkeit",
  };
  std::vector<std::string> out;
  std::unordered_map<std::string, bool> seen;
  for (const char* phrase : kTerms) {
    const std::string tt = token_text(phrase);
    for (size_t i = 0; i < tt.size();) {
      if (tt[i] == ' ') {
        ++i;
        continue;
      }
      const size_t end = tt.find(' ', i);
      std::string term = tt.substr(i, end - i);
      if (seen.emplace(term, true).second) out.push_back(std::move(term));
      i = end;
    }
  }
  return out;
}

// ---------------------------------------------------------------- title rule

namespace {

// The words of token_text(s): tokens split further at the joiners - / . ' & (so "KI-Entwickler"
// is "ki", "entwickler").
std::vector<std::string> title_words(std::string_view s) {
  const std::string tt = token_text(s);
  std::vector<std::string> words;
  std::string cur;
  for (const char c : tt) {
    if (c == ' ' || is_joiner(c)) {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

}  // namespace

bool title_names_ml(std::string_view title) {
  static const std::vector<std::vector<std::string>> kPhrases = [] {
    const char* const phrases[] = {
        "ML", "AI", "KI", "machine learning", "maschinelles Lernen", "maschinellen Lernens",
        "künstliche Intelligenz", "künstlicher Intelligenz", "data science", "data scientist",
        "data scientists", "deep learning", "MLOps", "NLP", "LLM", "LLMs", "computer vision"};
    std::vector<std::vector<std::string>> out;
    for (const char* p : phrases) out.push_back(title_words(p));
    return out;
  }();
  const std::vector<std::string> words = title_words(title);
  for (const auto& phrase : kPhrases)
    if (!phrase.empty() && std::search(words.begin(), words.end(), phrase.begin(), phrase.end()) != words.end())
      return true;
  return false;
}

}  // namespace jobmatch
