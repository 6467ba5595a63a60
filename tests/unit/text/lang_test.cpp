#include "text/lang.h"

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

BOOST_AUTO_TEST_SUITE_END()
