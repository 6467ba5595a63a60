// The UTF-8 helpers that keep hostile bytes from reaching a terminal or a JSON string unescaped.
#include "text_util.h"

#include <boost/test/unit_test.hpp>

#include "test_helpers.h"

using jobmatch::escape_for_terminal;
using jobmatch::escape_invalid_utf8;

BOOST_AUTO_TEST_SUITE(text_util)

BOOST_AUTO_TEST_CASE(terminal_escapes_controls_bidi_and_separators) {
  BOOST_TEST(escape_for_terminal("\x1b]0;owned\x07\x1b[31mRed\x1b[0m") == "\\x1b]0;owned\\x07\\x1b[31mRed\\x1b[0m");
  BOOST_TEST(escape_for_terminal("a\tb\nc\rd\x7f") == "a\\tb\\nc\\rd\\x7f");
  BOOST_TEST(escape_for_terminal("\xC2\x9B" "2J") == "\\u009b2J");  // C1 CSI, UTF-8 encoded
  BOOST_TEST(escape_for_terminal("x\u202Eevil\u202C \u2066i\u2069 \u200F") == "x\\u202eevil\\u202c \\u2066i\\u2069 \\u200f");
  BOOST_TEST(escape_for_terminal("line\u2028para\u2029bom\uFEFF") == "line\\u2028para\\u2029bom\\ufeff");
  BOOST_TEST(escape_for_terminal("bad \xFF\xC3") == "bad \\xff\\xc3");
  // Ordinary text, emoji and combining marks pass as they are.
  BOOST_TEST(escape_for_terminal("Größe 🚀 e\u0301 zero\u200Bwidth") == "Größe 🚀 e\u0301 zero\u200Bwidth");
}

BOOST_AUTO_TEST_CASE(invalid_bytes_are_shown_as_hex_and_valid_text_is_unchanged) {
  BOOST_TEST(escape_invalid_utf8("dir/bad\xFF\xFE.txt") == "dir/bad\\xff\\xfe.txt");
  BOOST_TEST(escape_invalid_utf8("ok ä \x1b") == "ok ä \x1b");  // controls are JSON's business
  BOOST_TEST(escape_invalid_utf8("\xC0\xAF\xED\xA0\x80") == "\\xc0\\xaf\\xed\\xa0\\x80");
  jobmatch::test::Generator gen(11);
  for (int k = 0; k < 2000; ++k) {
    const std::string s = gen.next();
    BOOST_TEST_REQUIRE(jobmatch::is_valid_utf8(escape_invalid_utf8(s)));
    BOOST_TEST_REQUIRE(jobmatch::is_valid_utf8(escape_for_terminal(s)));
    for (const char c : escape_for_terminal(s))
      BOOST_TEST_REQUIRE((static_cast<unsigned char>(c) >= 0x20 && c != 0x7F));
  }
}

BOOST_AUTO_TEST_SUITE_END()
