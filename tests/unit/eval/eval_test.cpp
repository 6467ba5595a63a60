#include "eval/eval.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>

using jobmatch::average_precision;
using jobmatch::best_f1;
using jobmatch::Bm25;
using jobmatch::precision_at;
using jobmatch::roc_auc;
using jobmatch::title_names_ml;
using Scores = std::vector<double>;
using Flags = std::vector<bool>;

namespace tt = boost::test_tools;

BOOST_AUTO_TEST_SUITE(eval)

// ---------------------------------------------------------------- ROC AUC

BOOST_AUTO_TEST_CASE(auc_of_perfect_and_inverted_rankings) {
  BOOST_TEST(roc_auc({4, 3, 2, 1}, {true, true, false, false}) == 1.0);
  BOOST_TEST(roc_auc({4, 3, 2, 1}, {false, false, true, true}) == 0.0);
}

BOOST_AUTO_TEST_CASE(auc_counts_pairs) {
  // pos .9 beats the negatives .8 .5 .4 (3), pos .7 beats .5 .4 (2), pos .6 beats .5 .4 (2):
  // 7 of 9 pairs.
  BOOST_TEST(roc_auc({0.9, 0.8, 0.7, 0.6, 0.5, 0.4}, {true, false, true, true, false, false}) ==
             7.0 / 9.0, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(auc_counts_ties_as_half) {
  // The positive ties one negative (1/2) and beats the other (1): 1.5 of 2 pairs.
  BOOST_TEST(roc_auc({1, 1, 0}, {true, false, false}) == 0.75);
  // Everything tied: a coin toss.
  BOOST_TEST(roc_auc({5, 5, 5, 5, 5}, {true, false, true, false, false}) == 0.5);
  // A constant score is 0.5 whatever the labels (the title rule under --ignore-title).
  BOOST_TEST(roc_auc({0, 0, 0}, {false, true, false}) == 0.5);
  // Two tie groups: pos 2 vs negs {2, 1, 1}: 0.5 + 1 + 1; pos 1 vs negs: 0 + 0.5 + 0.5 -> 3.5/6.
  BOOST_TEST(roc_auc({2, 2, 1, 1, 1}, {true, false, true, false, false}) == 3.5 / 6, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(auc_does_not_depend_on_item_order) {
  const Scores s = {0.3, 0.9, 0.3, 0.1, 0.9, 0.5, 0.3};
  const Flags p = {true, false, false, true, true, true, false};
  const double a = roc_auc(s, p);
  Scores rs(s.rbegin(), s.rend());
  Flags rp(p.rbegin(), p.rend());
  BOOST_TEST(roc_auc(rs, rp) == a, tt::tolerance(1e-12));
  // Brute force over all pairs.
  double wins = 0, pairs = 0;
  for (size_t i = 0; i < s.size(); ++i)
    for (size_t j = 0; j < s.size(); ++j)
      if (p[i] && !p[j]) {
        pairs += 1;
        wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
      }
  BOOST_TEST(a == wins / pairs, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(auc_is_nan_without_both_classes) {
  BOOST_TEST(std::isnan(roc_auc({1, 2}, {true, true})));
  BOOST_TEST(std::isnan(roc_auc({1, 2}, {false, false})));
  BOOST_TEST(std::isnan(roc_auc({}, {})));
}

// ---------------------------------------------------------------- average precision

BOOST_AUTO_TEST_CASE(average_precision_at_each_hit) {
  // Ranking: pos neg pos pos neg neg -> precisions at the hits 1/1, 2/3, 3/4.
  BOOST_TEST(average_precision({0.9, 0.8, 0.7, 0.6, 0.5, 0.4}, {true, false, true, true, false, false}) ==
             (1.0 + 2.0 / 3 + 3.0 / 4) / 3, tt::tolerance(1e-12));
  BOOST_TEST(average_precision({3, 2, 1}, {true, true, false}) == 1.0);
  BOOST_TEST(std::isnan(average_precision({3, 2, 1}, {false, false, false})));
}

BOOST_AUTO_TEST_CASE(average_precision_takes_tie_groups_together) {
  // Group {1, 1}: recall 1/2 at precision 1/2; group {0, 0}: recall 1 at precision 2/4.
  BOOST_TEST(average_precision({1, 1, 0, 0}, {true, false, true, false}) == 0.5, tt::tolerance(1e-12));
  // The same in any order of the tied items.
  BOOST_TEST(average_precision({1, 1, 0, 0}, {false, true, false, true}) == 0.5, tt::tolerance(1e-12));
}

// ---------------------------------------------------------------- precision at k

BOOST_AUTO_TEST_CASE(precision_at_k) {
  const Scores s = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
  const Flags p = {true, false, true, true, false, false};
  BOOST_TEST(precision_at(s, p, 1) == 1.0);
  BOOST_TEST(precision_at(s, p, 2) == 0.5);
  BOOST_TEST(precision_at(s, p, 4) == 0.75);
  // k beyond the list: among all 6.
  BOOST_TEST(precision_at(s, p, 10) == 0.5);
  BOOST_TEST(std::isnan(precision_at(s, p, 0)));
  BOOST_TEST(std::isnan(precision_at({}, {}, 10)));
}

BOOST_AUTO_TEST_CASE(precision_at_k_shares_a_straddling_tie_group) {
  // Top item 2 (negative); then three tied at 1 with one positive fill the one place left:
  // 1/3 of a hit, so P@2 = (1/3) / 2.
  const Scores s = {2, 1, 1, 1, 0};
  const Flags p = {false, true, false, false, true};
  BOOST_TEST(precision_at(s, p, 2) == 1.0 / 6, tt::tolerance(1e-12));
  BOOST_TEST(precision_at(s, p, 4) == 0.25, tt::tolerance(1e-12));
  // A constant score: the base rate.
  BOOST_TEST(precision_at({0, 0, 0, 0}, {true, false, false, false}, 2) == 0.25, tt::tolerance(1e-12));
}

// ---------------------------------------------------------------- best F1

BOOST_AUTO_TEST_CASE(best_f1_threshold) {
  // score >= t:  .9 -> P 1, R 1/3, F1 .5;  .8 -> .5, 1/3, .4;  .7 -> 2/3, 2/3, 2/3;
  //              .6 -> 3/4, 1, 6/7;        .5 -> 3/5, 1, .75;  .4 -> 1/2, 1, 2/3.
  const auto f = best_f1({0.9, 0.8, 0.7, 0.6, 0.5, 0.4}, {true, false, true, true, false, false});
  BOOST_TEST(f.threshold == 0.6);
  BOOST_TEST(f.f1 == 6.0 / 7, tt::tolerance(1e-12));
  BOOST_TEST(f.precision == 0.75, tt::tolerance(1e-12));
  BOOST_TEST(f.recall == 1.0, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(best_f1_groups_ties_and_prefers_the_higher_threshold) {
  // The tied 2s enter together: >= 3: P 1, R 1/2, F1 2/3; >= 2: P 2/3, R 1, F1 0.8;
  // >= 1: P 1/2, R 1, F1 2/3.
  const auto f = best_f1({3, 2, 2, 1}, {true, true, false, false});
  BOOST_TEST(f.threshold == 2.0);
  BOOST_TEST(f.f1 == 0.8, tt::tolerance(1e-12));
  // >= 4: P 1, R 1/2, F1 2/3; >= 3: 1/2, 1/2, 1/2; >= 2: 1/3, 1/2, 2/5; >= 1: 1/2, 1, 2/3.
  // F1 2/3 at 4 and at 1: the higher threshold is reported.
  const auto g = best_f1({4, 3, 2, 1}, {true, false, false, true});
  BOOST_TEST(g.threshold == 4.0);
  BOOST_TEST(g.f1 == 2.0 / 3, tt::tolerance(1e-12));
  BOOST_TEST(g.recall == 0.5, tt::tolerance(1e-12));
  BOOST_TEST(std::isnan(best_f1({1, 2}, {false, false}).f1));
}

// ---------------------------------------------------------------- BM25

BOOST_AUTO_TEST_CASE(bm25_on_a_hand_computed_corpus) {
  // D1 = "a b a" (3 tokens), D2 = "b c" (2), D3 = "c" (1): N = 3, avgdl = 2. Query a, c.
  //   idf(a) = ln(1 + (3 - 1 + 0.5) / (1 + 0.5)) = ln(8/3) = 0.980829253
  //   idf(c) = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln(1.6) = 0.470003629
  //   D1: K = 1.2 * (0.25 + 0.75 * 3/2) = 1.65; a: tf 2 -> 2 * 2.2 / (2 + 1.65) = 1.205479452
  //       score = 0.980829253 * 1.205479452 = 1.182369510
  //   D2: K = 1.2 * (0.25 + 0.75 * 1) = 1.2;    c: tf 1 -> 2.2 / 2.2 = 1
  //       score = 0.470003629
  //   D3: K = 1.2 * (0.25 + 0.75 * 1/2) = 0.75; c: tf 1 -> 2.2 / 1.75 = 1.257142857
  //       score = 0.470003629 * 1.257142857 = 0.590861705
  Bm25 bm25({"a", "c", "a"});  // a repeated query term counts once
  bm25.add(" a b a ");
  bm25.add("b c");
  bm25.add("  c ");
  BOOST_TEST(bm25.size() == 3u);
  BOOST_TEST(bm25.idf("a") == 0.980829253, tt::tolerance(1e-8));
  BOOST_TEST(bm25.idf("c") == 0.470003629, tt::tolerance(1e-8));
  const Scores s = bm25.scores();
  BOOST_REQUIRE(s.size() == 3u);
  BOOST_TEST(s[0] == 1.182369510, tt::tolerance(1e-8));
  BOOST_TEST(s[1] == 0.470003629, tt::tolerance(1e-8));
  BOOST_TEST(s[2] == 0.590861705, tt::tolerance(1e-8));
}

BOOST_AUTO_TEST_CASE(bm25_edge_cases) {
  // A term in every document still has a positive idf: ln(1 + 0.5 / 2.5).
  Bm25 all({"x"});
  all.add("x");
  all.add("x y");
  BOOST_TEST(all.idf("x") == std::log(1.2), tt::tolerance(1e-12));
  BOOST_TEST(all.scores()[0] > all.scores()[1]);  // same tf, shorter document
  // Empty documents and no query terms: zeros, no division by zero.
  Bm25 empty({"x"});
  empty.add(" ");
  empty.add("");
  BOOST_TEST(empty.scores() == (Scores{0, 0}), tt::per_element());
  Bm25 none({});
  none.add("a b");
  BOOST_TEST(none.scores() == (Scores{0}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(article_query_terms_are_normalized_like_documents) {
  const auto terms = jobmatch::article_query_terms();
  auto has = [&](const char* t) { return std::find(terms.begin(), terms.end(), t) != terms.end(); };
  BOOST_TEST(has("datensaetze"));  // umlaut folded
  BOOST_TEST(has("kommunikationsfaehigkeit"));
  BOOST_TEST(has("c++"));
  BOOST_TEST(has("scikit-learn"));
  BOOST_TEST(has("tensorflow"));
  BOOST_TEST(has("r"));
  BOOST_TEST(has("mittelwert"));
  BOOST_TEST(!has("Python"));  // case-folded
  std::vector<std::string> sorted = terms;
  std::sort(sorted.begin(), sorted.end());
  BOOST_TEST((std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()));  // distinct
}

// ---------------------------------------------------------------- title rule

BOOST_AUTO_TEST_CASE(title_rule) {
  BOOST_TEST(title_names_ml("Machine Learning Engineer (m/w/d)"));
  BOOST_TEST(title_names_ml("Senior Data Scientist"));
  BOOST_TEST(title_names_ml("KI-Entwickler"));
  BOOST_TEST(title_names_ml("Werkstudent Künstliche Intelligenz"));
  BOOST_TEST(title_names_ml("Software Engineer – AI/LLM Agents"));
  BOOST_TEST(title_names_ml("Senior MLOps Engineer"));
  BOOST_TEST(title_names_ml("Machine-Learning-Ingenieur:in"));
  BOOST_TEST(!title_names_ml("Backend Developer"));
  BOOST_TEST(!title_names_ml("Email Marketing Manager"));  // 'ai' is not a word of 'email'
  BOOST_TEST(!title_names_ml("HTML/CSS Entwickler"));       // nor 'ml' of 'html'
  BOOST_TEST(!title_names_ml("Kiosk-Mitarbeiter"));         // nor 'ki' of 'kiosk'
  BOOST_TEST(!title_names_ml("Data Engineer"));
  BOOST_TEST(!title_names_ml(""));
}

// ---------------------------------------------------------------- labels

BOOST_AUTO_TEST_CASE(labels_file_with_lang_and_extra_columns) {
  const auto parsed = jobmatch::parse_labels("\xEF\xBB\xBFid\tlang\ttitle\tlabel\r\nd1\tde\tKI\tmle\r\n\n"
                                            "d2\ten\tBackend\tnear\n");
  BOOST_REQUIRE(parsed.ok());
  const jobmatch::Labels& labels = *parsed;
  BOOST_TEST(labels.has_lang);
  BOOST_REQUIRE(labels.rows.size() == 2u);
  BOOST_TEST(labels.rows[0].id == "d1");
  BOOST_TEST(labels.rows[0].label == "mle");
  BOOST_TEST(labels.rows[0].lang == "de");
  BOOST_TEST(labels.rows[1].line == 4u);
  BOOST_TEST(labels.by_id.at("d2") == 1u);
}

BOOST_AUTO_TEST_CASE(labels_file_errors) {
  const auto parsed = jobmatch::parse_labels("id\tlabel\na\tmle\n");
  BOOST_REQUIRE(parsed.ok());
  BOOST_TEST(!parsed->has_lang);
  const auto error = [](std::string_view text) {
    const auto labels = jobmatch::parse_labels(text);
    return labels.ok() ? std::string("(parsed)") : labels.error().message;
  };
  BOOST_TEST(error("") == "the file is empty (expected a header row naming 'id' and 'label')");
  BOOST_TEST(error("id,label\na,mle\n").find("line 1") == 0u);
  BOOST_TEST(error("label\tid\nmle\n").find("line 2") == 0u);
  BOOST_TEST(error("id\tlabel\na\t\n") == "line 2: empty label");
  BOOST_TEST(error("id\tlabel\na\tmle\na\tds\n") == "line 3: id 'a' is already labelled on line 2");
}

BOOST_AUTO_TEST_CASE(posting_key_is_the_base_name_without_extension) {
  BOOST_TEST(jobmatch::posting_key("postings/d0001.txt") == "d0001");
  BOOST_TEST(jobmatch::posting_key("/a/b.c/d0002.html") == "d0002");
  BOOST_TEST(jobmatch::posting_key("d0003") == "d0003");
  BOOST_TEST(jobmatch::posting_key("dir/.hidden") == ".hidden");
  BOOST_TEST(jobmatch::posting_key("x.tar.gz") == "x.tar");
}

BOOST_AUTO_TEST_SUITE_END()
