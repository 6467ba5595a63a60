#include "normalize.h"

#include <boost/test/unit_test.hpp>

using jobmatch::normalize_text;

BOOST_AUTO_TEST_SUITE(normalize)

BOOST_AUTO_TEST_CASE(folds_case_and_umlauts) {
  BOOST_TEST(normalize_text("Fähigkeiten") == "faehigkeiten");
  BOOST_TEST(normalize_text("ÖL ÜBER") == "oel ueber");
}

BOOST_AUTO_TEST_CASE(folds_sharp_s) {
  BOOST_TEST(normalize_text("Straße") == "strasse");
  BOOST_TEST(normalize_text("STRAẞE") == "strasse");
}

BOOST_AUTO_TEST_SUITE_END()
