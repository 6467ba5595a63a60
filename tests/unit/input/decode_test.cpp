#include "input/decode.h"

#include <boost/test/unit_test.hpp>

#include "test_helpers.h"
#include "text/text_util.h"

using jobmatch::Decoded;

namespace {

std::string bytes(std::initializer_list<int> list) {
  std::string out;
  for (const int b : list) out += static_cast<char>(b);
  return out;
}

// UTF-16 code units of ASCII/Latin-1 text, with a BOM.
std::string utf16(std::u16string_view s, bool big_endian) {
  std::string out = big_endian ? bytes({0xFE, 0xFF}) : bytes({0xFF, 0xFE});
  for (const char16_t u : s) {
    const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += big_endian ? hi : lo;
    out += big_endian ? lo : hi;
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(decode)

BOOST_AUTO_TEST_CASE(plain_utf8_is_read_in_place) {
  const std::string in = "Fähigkeiten in Python";
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST(!d.error.has_value());
  BOOST_TEST(d.encoding == "utf-8");
  BOOST_TEST(d.text == in);
  BOOST_TEST(d.text.data() == in.data());  // no copy
  BOOST_TEST(d.warnings.empty());
  BOOST_TEST(d.to_input(0) == 0u);
  BOOST_TEST(d.to_input(5) == 5u);
  BOOST_TEST(d.to_input(static_cast<uint32_t>(in.size())) == in.size());
}

BOOST_AUTO_TEST_CASE(empty_input_is_empty_utf8_text) {
  Decoded d;
  jobmatch::decode("", &d);
  BOOST_TEST(!d.error.has_value());
  BOOST_TEST(d.text.empty());
  BOOST_TEST(d.to_input(0) == 0u);
}

BOOST_AUTO_TEST_CASE(utf8_bom_is_dropped_and_offsets_shift_by_three) {
  const std::string in = "\xEF\xBB\xBF" "Fähig";
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST(!d.error.has_value());
  BOOST_TEST(d.encoding == "utf-8-bom");
  BOOST_TEST(d.text == "Fähig");
  BOOST_TEST(d.to_input(0) == 3u);  // 'F'
  BOOST_TEST(d.to_input(1) == 4u);  // 'ä'
  BOOST_TEST(d.to_input(3) == 6u);  // 'h'
  BOOST_TEST(d.to_input(static_cast<uint32_t>(d.text.size())) == in.size());
}

BOOST_AUTO_TEST_CASE(utf16le_with_bom) {
  const std::string in = utf16(u"Fäh", false);  // BOM 0..1, F 2..3, ä 4..5, h 6..7
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST(!d.error.has_value());
  BOOST_TEST(d.encoding == "utf-16le");
  BOOST_TEST(d.text == "Fäh");
  BOOST_TEST(d.warnings.empty());
  BOOST_TEST(d.to_input(0) == 2u);  // F
  BOOST_TEST(d.to_input(1) == 4u);  // first byte of ä
  BOOST_TEST(d.to_input(2) == 4u);  // second byte of ä
  BOOST_TEST(d.to_input(3) == 6u);  // h
  BOOST_TEST(d.to_input(4) == 8u);  // end
}

BOOST_AUTO_TEST_CASE(utf16be_with_bom_and_surrogate_pair) {
  const std::string in = utf16(u"ML \U0001F680 ß", true);
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST(!d.error.has_value());
  BOOST_TEST(d.encoding == "utf-16be");
  BOOST_TEST(d.text == "ML \U0001F680 ß");
  BOOST_TEST(d.warnings.empty());
  BOOST_TEST(d.to_input(3) == 8u);   // the emoji's high surrogate
  BOOST_TEST(d.to_input(7) == 12u);  // the space after it
  BOOST_TEST(d.to_input(static_cast<uint32_t>(d.text.size())) == in.size());
}

BOOST_AUTO_TEST_CASE(utf16_nul_code_unit_is_not_binary) {
  // "A" in UTF-16LE has a zero byte; a BOM makes it text, not binary.
  const std::string in = utf16(u"AB", false);
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST(!d.error.has_value());
  BOOST_TEST(d.text == "AB");
}

BOOST_AUTO_TEST_CASE(utf16_unpaired_surrogate_and_odd_byte_give_warnings) {
  std::string in = utf16(u"a", false) + bytes({0x00, 0xD8}) + "b" + std::string(1, '\0') + "c";
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST(!d.error.has_value());
  BOOST_TEST(d.text == "a\uFFFD" "b");
  BOOST_TEST(d.warnings.size() == 2u);
  BOOST_TEST(d.to_input(static_cast<uint32_t>(d.text.size())) == in.size());
}

BOOST_AUTO_TEST_CASE(latin1_german_text_is_detected_and_converted) {
  // "Fähigkeiten" in Latin-1 (the same bytes in Windows-1252): F=0x46 ä=0xE4 h=0x68 ...
  const std::string in = bytes({0x46, 0xE4, 0x68, 0x69, 0x67, 0x6B, 0x65, 0x69, 0x74, 0x65, 0x6E});
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST(!d.error.has_value());
  BOOST_TEST(d.encoding == "iso-8859-1");  // ICU's detector: no byte in 0x80..0x9F
  BOOST_TEST(d.text == "Fähigkeiten");
  BOOST_TEST(d.warnings.empty());
  BOOST_TEST(d.to_input(0) == 0u);
  BOOST_TEST(d.to_input(1) == 1u);  // both bytes of ä map to its one input byte
  BOOST_TEST(d.to_input(2) == 1u);
  BOOST_TEST(d.to_input(3) == 2u);  // h
  BOOST_TEST(d.to_input(static_cast<uint32_t>(d.text.size())) == in.size());
  BOOST_TEST(jobmatch::normalize_text(d.text) == "faehigkeiten");
}

BOOST_AUTO_TEST_CASE(windows_1252_specific_characters) {
  // 0x80 euro, 0x84 low double quote, 0x93/0x94 quotes, 0x96 en dash, 0xDF sharp s.
  const std::string in = bytes({0x80, ' ', 0x84, 'x', 0x93, ' ', 0x96, ' ', 'S', 't', 'r', 'a', 0xDF, 'e'});
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST(d.encoding == "windows-1252");
  BOOST_TEST(d.text == "\u20AC \u201Ex\u201C \u2013 Straße");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_gives_warning_and_no_crash) {
  // A valid "ä" proves the text is UTF-8; the stray 0xFF is one bad byte.
  const std::string in = "Fähig\xFF" "keiten";
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST(!d.error.has_value());
  BOOST_TEST(d.encoding == "utf-8");
  BOOST_TEST(d.text == in);  // kept; later stages read the bad byte as U+FFFD
  BOOST_TEST_REQUIRE(d.warnings.size() == 1u);
  BOOST_TEST(d.warnings[0] == "invalid UTF-8 at offset 6 (1 bad byte(s) read as U+FFFD)");
  BOOST_TEST(jobmatch::normalize_text(d.text) == "faehig\uFFFDkeiten");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_warning_offset_counts_the_bom) {
  const std::string in = "\xEF\xBB\xBF" "ab\xC3";
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST(!d.error.has_value());
  BOOST_TEST(d.encoding == "utf-8-bom");
  BOOST_TEST_REQUIRE(d.warnings.size() == 1u);
  BOOST_TEST(d.warnings[0] == "invalid UTF-8 at offset 5 (1 bad byte(s) read as U+FFFD)");
}

BOOST_AUTO_TEST_CASE(nul_byte_means_binary) {
  const std::string in = std::string("PK\x03", 3) + std::string(1, '\0') + "rest";
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST_REQUIRE(d.error.has_value());
  BOOST_TEST(d.error->kind == "binary");
  BOOST_TEST(d.error->message.starts_with("NUL byte at offset 3"), d.error->message);
}

BOOST_AUTO_TEST_CASE(nul_byte_after_utf8_bom_means_binary) {
  const std::string in = std::string("\xEF\xBB\xBF" "a") + std::string(1, '\0');
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST_REQUIRE(d.error.has_value());
  BOOST_TEST(d.error->kind == "binary");
  BOOST_TEST(d.error->message.starts_with("NUL byte at offset 4"), d.error->message);
}

BOOST_AUTO_TEST_SUITE_END()
