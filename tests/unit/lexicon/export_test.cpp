#include "lexicon/export.h"

#include <boost/test/unit_test.hpp>

using jobmatch::pattern_to_rg;

namespace {

// The translation of pattern; fails the test if there is none.
std::string rg(std::string_view pattern) {
  const jobmatch::Expected<std::string> out = pattern_to_rg(pattern);
  BOOST_TEST_REQUIRE(out.ok(), "'" << pattern << "': " << (out.ok() ? "" : out.error().message));
  return *out;
}

// Why pattern has no translation; fails the test if it has one.
std::string refusal(std::string_view pattern) {
  const jobmatch::Expected<std::string> out = pattern_to_rg(pattern);
  BOOST_TEST_REQUIRE(!out.ok(), "'" << pattern << "' translated to " << (out.ok() ? *out : ""));
  return out.error().message;
}

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(lexicon_export)

// Plain patterns are read with the word splitter of the lexicon (pattern.h): words at spaces,
// '*' apart from the literals.
BOOST_AUTO_TEST_CASE(plain_words_stars_and_umlauts) {
  const std::string two = rg("machine  learn*");
  BOOST_TEST(two.starts_with("(?-u:\\b)machine[^"));
  BOOST_TEST(contains(two, "]+learn["));  // one separator for the two spaces
  BOOST_TEST(two.ends_with("]*(?-u:\\b)"));
  const std::string umlaut = rg("F\u00e4higkeit");
  BOOST_TEST(contains(umlaut, "f(?:ae|\u00e4)higkeit"));
  BOOST_TEST(rg(".net").starts_with("(?-u:\\B)"));
  BOOST_TEST(refusal("   ") == "empty pattern");
}

// An escape means the same in and outside a class: \d is 0-9, \D what is not, a letter Rust
// has no escape for is refused in both.
BOOST_AUTO_TEST_CASE(escapes_read_alike_in_and_outside_a_class) {
  BOOST_TEST(contains(rg("re:\\d+ jahre"), "[0-9]+"));
  BOOST_TEST(contains(rg("re:[\\d.]+ jahre"), "[0-9.]+"));
  BOOST_TEST(contains(rg("re:x\\D"), "x[^0-9]"));
  BOOST_TEST(contains(rg("re:x[\\D]"), "x[[^0-9]]"));
  BOOST_TEST(contains(rg("re:x\\x41"), "x\\x41"));
  BOOST_TEST(contains(rg("re:x[\\x41]"), "x[\\x41]"));
  BOOST_TEST(contains(rg("re:x\\+y"), "x\\+y"));
  BOOST_TEST(contains(rg("re:c[\\+]"), "c[+]"));
  BOOST_TEST(contains(rg("re:a\\sb"), "a(?:[^"));  // the space between tokens
  BOOST_TEST(refusal("re:x\\C").starts_with("\\C (any byte) has no Rust equivalent"));
  BOOST_TEST(refusal("re:x[\\C]").starts_with("escape \\C has no Rust equivalent"));
  BOOST_TEST(refusal("re:x\\x4").starts_with("truncated escape"));
  BOOST_TEST(refusal("re:x\\").starts_with("trailing backslash"));
  BOOST_TEST(refusal("re:x[\\").starts_with("trailing backslash"));
}

BOOST_AUTO_TEST_SUITE_END()
