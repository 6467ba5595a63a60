// stats' candidate terms: capitalised words the lexicon does not know.
#include <boost/test/unit_test.hpp>

#include "report/stats.h"
#include "test_helpers.h"

using namespace jobmatch;

BOOST_AUTO_TEST_SUITE(stats)

BOOST_AUTO_TEST_CASE(capitalised_terms_rules) {
  const auto made = BatchStats::make(test::shipped_engine());
  BOOST_TEST_REQUIRE(made.ok());
  const BatchStats& stats = **made;
  // English: mid-sentence names count, sentence starts and lexicon terms do not; a word the text
  // also writes in lower case does not.
  const auto en = capitalised_terms(
      "Heroku is great. We use Heroku, Metabase and Looker with Python and PyTorch.\n"
      "Data pipelines on AWS S3. Our data team and The Team.\n",
      "en", &stats.full_matcher());
  const std::vector<std::string> want_en = {"Heroku", "Metabase", "AWS", "S3"};  // Looker: a role concept
  BOOST_TEST(en == want_en, boost::test_tools::per_element());
  // German: plain capitalised words are nouns; only words with a further capital or digit count.
  const auto de = capitalised_terms("Wir suchen Verstärkung mit Erfahrung in SAP und HANA, nicht LangChain.\n", "de",
                                    &stats.full_matcher());
  const std::vector<std::string> want_de = {"SAP", "HANA"};  // LangChain: the lexicon knows it
  BOOST_TEST(de == want_de, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
