// The UTF-8 helpers that keep hostile bytes from reaching a terminal or a JSON string unescaped.
#include "text/text_util.h"

#include <algorithm>
#include <vector>

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
  // Zero-width and invisible characters, tag characters (above U+FFFF).
  BOOST_TEST(escape_for_terminal("zero\u200Bwidth\u200C\u200D\u2060\u2064\u180E") ==
             "zero\\u200bwidth\\u200c\\u200d\\u2060\\u2064\\u180e");
  BOOST_TEST(escape_for_terminal("a\U000E0041\U000E007F") == "a\\U000e0041\\U000e007f");
  // Ordinary text, emoji, combining marks and the soft hyphen pass as they are.
  BOOST_TEST(escape_for_terminal("Größe 🚀 e\u0301 Soft\u00ADware \u00A0x") == "Größe 🚀 e\u0301 Soft\u00ADware \u00A0x");
  const std::string plain = "Machine Learning Engineer (m/w/d) – Köln";
  BOOST_TEST(escape_for_terminal(plain) == plain);
}

BOOST_AUTO_TEST_CASE(display_policy_covers_exactly_its_code_points) {
  const auto unsafe = [](char32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x061C || cp == 0x180E ||
           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x206F) || cp == 0xFEFF ||
           (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F);
  };
  for (char32_t cp = 0; cp < 0x110000; ++cp) {
    if (cp >= 0xD800 && cp < 0xE000) continue;
    BOOST_TEST_REQUIRE(jobmatch::is_display_unsafe(cp) == unsafe(cp), "U+" << std::hex << static_cast<uint32_t>(cp));
    std::string s;
    jobmatch::append_utf8(s, cp);
    const std::string shown = escape_for_terminal(s);
    BOOST_TEST_REQUIRE((shown == s) == !unsafe(cp));
  }
  // keep_whitespace leaves tab, line feed and carriage return to the format, and nothing else.
  BOOST_TEST(jobmatch::escape_for_display("a\tb\nc\rd\x1b\x07", true) == "a\tb\nc\rd\\x1b\\x07");
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

BOOST_AUTO_TEST_CASE(trim_drops_ascii_white_space_at_both_ends_only) {
  BOOST_TEST(jobmatch::trim("  a b \t\r\n") == "a b");
  BOOST_TEST(jobmatch::trim("\f\vx\v") == "x");
  BOOST_TEST(jobmatch::trim(" \t ").empty());
  BOOST_TEST(jobmatch::trim("").empty());
  BOOST_TEST(jobmatch::trim("\xC2\xA0" "a\xC2\xA0") == "\xC2\xA0" "a\xC2\xA0");  // no-break space is not ASCII
}

BOOST_AUTO_TEST_CASE(branchless_bound_equals_the_standard_one) {
  jobmatch::test::Generator gen(24);
  for (int k = 0; k < 5000; ++k) {
    std::vector<uint32_t> a(gen.rnd() % 40);
    for (uint32_t& v : a) v = gen.rnd() % 3 == 0 ? UINT32_MAX - gen.rnd() % 3 : gen.rnd() % 30;
    std::sort(a.begin(), a.end());
    for (const uint32_t x : {0u, 1u, gen.rnd() % 32, UINT32_MAX, UINT32_MAX - 1}) {
      BOOST_TEST_REQUIRE(jobmatch::upper_bound_u32(a.data(), a.size(), x) ==
                         static_cast<size_t>(std::upper_bound(a.begin(), a.end(), x) - a.begin()));
    }
  }
}

BOOST_AUTO_TEST_CASE(skip_ascii_stops_at_the_first_high_byte_from_any_start) {
  jobmatch::test::Generator gen(23);
  for (int k = 0; k < 2000; ++k) {
    std::string s(gen.rnd() % 70, 'a');
    for (uint32_t h = gen.rnd() % 3; h > 0; --h)
      if (!s.empty()) s[gen.rnd() % s.size()] = static_cast<char>(0x80 + gen.rnd() % 128);
    const size_t from = gen.rnd() % (s.size() + 1);
    size_t expected = from;
    while (expected < s.size() && static_cast<unsigned char>(s[expected]) < 0x80) ++expected;
    BOOST_TEST_REQUIRE(jobmatch::skip_ascii(s, from) == expected, "from " << from << " in " << jobmatch::test::show_bytes(s));
  }
}

BOOST_AUTO_TEST_SUITE_END()
