#include "text/lang.h"

#include <algorithm>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "test_helpers.h"

using jobmatch::detect_language;
using jobmatch::test::tokens_of;

namespace {

std::string lang_of(std::string_view text) { return std::string(detect_language(tokens_of(text))); }

std::string repeat(std::string_view word, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) (out += word) += ' ';
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lang)

BOOST_AUTO_TEST_CASE(detects_german) {
  BOOST_TEST(lang_of("Wir suchen dich für unser Team und bieten dir eine spannende Aufgabe "
                     "mit Python sowie Machine Learning.") == "de");
}

BOOST_AUTO_TEST_CASE(detects_english) {
  BOOST_TEST(lang_of("We are looking for an engineer who will build the models for our "
                     "platform and work with the data team.") == "en");
}

BOOST_AUTO_TEST_CASE(counts_folded_german_stop_words) {
  // "für" and "über" are stop words in their folded spelling "fuer", "ueber".
  BOOST_TEST(lang_of("für über für Python") == "de");
  BOOST_TEST(lang_of("FÜR ÜBER FÜR Python") == "de");
}

BOOST_AUTO_TEST_CASE(undetermined_with_fewer_than_three_stop_words) {
  BOOST_TEST(lang_of("") == "und");
  BOOST_TEST(lang_of("Python, SQL, Spark, TensorFlow") == "und");
  BOOST_TEST(lang_of("und der Python") == "und");  // two
  BOOST_TEST(lang_of("und der die Python") == "de");  // three
}

BOOST_AUTO_TEST_CASE(undetermined_on_a_tie) {
  BOOST_TEST(lang_of("und der die the and of") == "und");
  BOOST_TEST(lang_of("und der die the and of with") == "en");
}

BOOST_AUTO_TEST_CASE(reads_only_the_first_sample_tokens) {
  // A sample's worth of neutral tokens, then plenty of German: not looked at.
  const int sample = static_cast<int>(jobmatch::kLanguageSampleTokens);
  BOOST_TEST(lang_of(repeat("python", sample) + repeat("und der die das", 10)) == "und");
  BOOST_TEST(lang_of(repeat("python", sample - 10) + repeat("und der die das", 10)) == "de");
}

// The stop-word table against its word lists: every listed word is counted for its language,
// and words one letter away from a listed word (changed, added, dropped) that are not listed
// themselves are not counted at all. Each word is looked up at the end of the text (the token
// read byte by byte) and before a long token (the token read as sixteen bytes, masked).
namespace {

bool listed(std::string_view w) {
  const auto in = [&](std::span<const std::string_view> list) { return std::find(list.begin(), list.end(), w) != list.end(); };
  return in(jobmatch::german_stop_words()) || in(jobmatch::english_stop_words());
}

// The language detect_language gives three copies of w alone (at the end of the text, and
// before a token too long to be a stop word).
std::pair<std::string, std::string> lang_of_three(std::string_view w) {
  const std::string three = repeat(w, 3);
  return {lang_of(three), lang_of(three + "zzzzzzzzzzzzzzzzzzzzzzzz")};
}

}  // namespace

BOOST_AUTO_TEST_CASE(stop_word_lists_are_disjoint_normalized_and_short) {
  for (const auto list : {&jobmatch::german_stop_words, &jobmatch::english_stop_words}) {
    std::vector<std::string_view> words(list().begin(), list().end());
    BOOST_TEST(words.size() > 30u);
    std::sort(words.begin(), words.end());
    BOOST_TEST((std::adjacent_find(words.begin(), words.end()) == words.end()), "a word listed twice");
    for (const std::string_view w : words) {
      BOOST_TEST((!w.empty() && w.size() <= 16u), w);
      BOOST_TEST(jobmatch::normalize_text(w) == w, w << " is not in normalized spelling");
    }
  }
  for (const std::string_view w : jobmatch::german_stop_words()) {
    const auto en = jobmatch::english_stop_words();
    BOOST_TEST((std::find(en.begin(), en.end(), w) == en.end()), w << " is in both lists");
  }
}

BOOST_AUTO_TEST_CASE(every_listed_stop_word_counts_for_its_language) {
  for (const std::string_view w : jobmatch::german_stop_words())
    BOOST_TEST((lang_of_three(w) == std::pair<std::string, std::string>{"de", "de"}), w);
  for (const std::string_view w : jobmatch::english_stop_words())
    BOOST_TEST((lang_of_three(w) == std::pair<std::string, std::string>{"en", "en"}), w);
}

BOOST_AUTO_TEST_CASE(near_misses_of_stop_words_count_for_neither_language) {
  const std::pair<std::string, std::string> neither{"und", "und"};
  size_t checked = 0;
  auto check = [&](const std::string& v) {
    if (v.empty() || listed(v)) return;
    ++checked;
    BOOST_TEST_REQUIRE((lang_of_three(v) == neither), v << " counted as a stop word");
  };
  for (const auto list : {&jobmatch::german_stop_words, &jobmatch::english_stop_words})
    for (const std::string_view sw : list()) {
      const std::string w(sw);
      for (size_t k = 0; k <= w.size(); ++k) {
        if (k < w.size()) check(w.substr(0, k) + w.substr(k + 1));  // dropped
        for (char c = 'a'; c <= 'z'; ++c) {
          check(w.substr(0, k) + c + w.substr(k));  // added
          if (k < w.size() && c != w[k]) check(w.substr(0, k) + c + w.substr(k + 1));  // changed
        }
      }
      // Longer and longer, past the sixteen bytes a stop word may have.
      for (std::string longer = w + "x"; longer.size() <= 18; longer += 'x') check(longer);
    }
  BOOST_TEST(checked > 10000u);
}

BOOST_AUTO_TEST_SUITE_END()
