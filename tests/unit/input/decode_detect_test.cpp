// Decoding messy input: legacy encodings found by ICU's detector, broken UTF-8 kept with U+FFFD,
// UTF-32, NUL characters, combining-mark floods; and the offset map exact for all of it.
#include <boost/test/unit_test.hpp>

#include <chrono>

#include "pipeline/analyze.h"
#include "input/decode.h"
#include "lexicon/engine.h"
#include "text/normalize.h"
#include "test_helpers.h"
#include "text/text_util.h"

using jobmatch::Decoded;

namespace {

// Latin-1 bytes of a UTF-8 string whose characters are all below U+0100.
std::string latin1(std::string_view utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    size_t len;
    const char32_t cp = jobmatch::decode_utf8(utf8, i, &len);
    BOOST_TEST_REQUIRE(static_cast<uint32_t>(cp) < 0x100u);
    out += static_cast<char>(cp);
    i += len;
  }
  return out;
}

// Checks what every decode must give: a map that starts inside the input, never decreases, ends
// at the input's size, and UTF-8 text (valid unless the encoding is UTF-8).
void check_map(std::string_view in, const Decoded& d) {
  if (d.error) return;
  const auto n = static_cast<uint32_t>(d.text.size());
  BOOST_TEST(d.to_input(n) == in.size());
  for (uint32_t i = 0; i < n; ++i) {
    BOOST_TEST_REQUIRE(d.to_input(i) <= d.to_input(i + 1), "map decreases at " << i);
    BOOST_TEST_REQUIRE(d.to_input(i) < in.size());
  }
  if (!d.encoding.starts_with("utf-8")) BOOST_TEST(jobmatch::is_valid_utf8(d.text));
}

const std::string kGermanAd =
    "Machine Learning Engineer (m/w/d)\n\n"
    "Deine Aufgaben: Du entwickelst Modelle für maschinelles Lernen und bringst sie in Produktion.\n"
    "Deine Fähigkeiten: Python, PyTorch, Statistik und SQL; Erfahrung mit großen Datenmengen\n"
    "(Größe spielt eine Rolle). Büro in der Hauptstraße, Köln. Grüße an alle Bewerber:innen!\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(decode_detect)

BOOST_AUTO_TEST_CASE(german_latin1_ad_is_detected_with_exact_offsets) {
  const std::string in = latin1(kGermanAd);
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST_REQUIRE(!d.error.has_value());
  BOOST_TEST(d.encoding == "iso-8859-1");
  BOOST_TEST(d.text == kGermanAd);
  BOOST_TEST(d.warnings.empty());
  check_map(in, d);
  // Every character of the text maps to its one byte in the file.
  for (const std::string_view word : {"Fähigkeiten", "Größe", "Hauptstraße", "Grüße"}) {
    const size_t t = d.text.find(word);
    BOOST_TEST_REQUIRE(t != std::string_view::npos);
    const uint32_t b = d.to_input(static_cast<uint32_t>(t));
    const uint32_t e = d.to_input(static_cast<uint32_t>(t + word.size()));
    BOOST_TEST(in.substr(b, e - b) == latin1(word));
  }
}

BOOST_AUTO_TEST_CASE(windows_1252_is_named_when_its_own_bytes_occur) {
  // „Quotes“ (0x84, 0x93), an en dash (0x96) and the euro sign (0x80) exist only in Windows-1252.
  const std::string in = "\x84Grundkenntnisse\x93 in Statistik \x96 Gehalt ab 60.000 \x80, Stra\xDF" "e und Gr\xF6\xDF" "e";
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST(d.encoding == "windows-1252");
  BOOST_TEST(d.text == "\u201EGrundkenntnisse\u201C in Statistik \u2013 Gehalt ab 60.000 \u20AC, Straße und Größe");
  check_map(in, d);
}

BOOST_AUTO_TEST_CASE(detector_sees_umlauts_far_into_a_long_text) {
  // ICU's detector reads 8 KiB; the umlauts come after 20 KiB of ASCII.
  std::string ascii;
  while (ascii.size() < 20000) ascii += "Python and SQL are required for this job. ";
  const std::string in = ascii + latin1("Fähigkeiten und Größe, Straße, Bücher, Übung, Ärger, Öl.");
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST((d.encoding == "iso-8859-1" || d.encoding == "windows-1252"), d.encoding);
  BOOST_TEST(d.text.ends_with("Fähigkeiten und Größe, Straße, Bücher, Übung, Ärger, Öl."));
  check_map(in, d);
}

BOOST_AUTO_TEST_CASE(too_short_to_detect_falls_back_to_windows_1252) {
  const std::string in = "Gr\xF6\xDF" "e";  // ICU has no confident guess for five bytes
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST(d.encoding == "windows-1252");
  BOOST_TEST(d.text == "Größe");
  check_map(in, d);
}

BOOST_AUTO_TEST_CASE(windows_1252_undefined_bytes_are_replacement_characters_with_a_warning) {
  const std::string in = "Python \x81 und \x9D Statistik \x93ok\x94 f\xFCr";
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST(d.encoding == "windows-1252");
  BOOST_TEST(d.text == "Python \uFFFD und \uFFFD Statistik \u201Cok\u201D für");
  BOOST_TEST_REQUIRE(d.warnings.size() == 1u);
  BOOST_TEST(d.warnings[0] == "2 byte(s) undefined in windows-1252 read as U+FFFD (first at offset 7)");
  check_map(in, d);
}

BOOST_AUTO_TEST_CASE(broken_utf8_in_ascii_text_stays_utf8_with_a_warning) {
  // Overlong '/', an encoded surrogate, and a sequence cut by the end of the file: broken UTF-8,
  // not Latin-1, even without one valid multi-byte character.
  for (const std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82"}) {
    const std::string in = "Python " + bad;
    Decoded d;
    jobmatch::decode(in, &d);
    BOOST_TEST(d.encoding == "utf-8", jobmatch::test::show_bytes(bad));
    BOOST_TEST(d.text == in);
    BOOST_TEST_REQUIRE(d.warnings.size() == 1u);
    BOOST_TEST(d.warnings[0] == "invalid UTF-8 at offset 7 (" + std::to_string(bad.size()) +
                                    " bad byte(s) read as U+FFFD)");
    check_map(in, d);
  }
  // A sequence cut in the middle of the text, and a stray continuation byte after a valid one.
  const std::string in = "ML \xE2\x82 und \xC3\xA4\xA4 Python";
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST(d.encoding == "utf-8");
  BOOST_TEST(d.warnings.size() == 1u);
  BOOST_TEST(jobmatch::normalize_text(d.text) == "ml \uFFFD\uFFFD und ae\uFFFD python");
}

BOOST_AUTO_TEST_CASE(mostly_latin1_with_one_accidental_utf8_sequence_is_latin1) {
  // "Ã©" happens to be valid UTF-8; the five other high bytes say 8-bit text.
  const std::string in = latin1("Caf\u00C3\u00A9: Fähigkeiten, Größe, Übung");
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST((d.encoding == "iso-8859-1" || d.encoding == "windows-1252"), d.encoding);
  BOOST_TEST(d.text == "Caf\u00C3\u00A9: Fähigkeiten, Größe, Übung");
}

BOOST_AUTO_TEST_CASE(latin1_letter_at_the_very_end_is_latin1) {
  const std::string in = "Python und ML. Viel Spa\xDF";  // no newline after the sharp s
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST(d.encoding != "utf-8");
  BOOST_TEST(d.text == "Python und ML. Viel Spaß");
  BOOST_TEST(d.warnings.empty());
}

BOOST_AUTO_TEST_CASE(a_lone_latin1_nbsp_in_english_text_is_converted) {
  const std::string in = "Python\xA0" "developer";
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST(d.encoding != "utf-8");
  BOOST_TEST(d.text == "Python\u00A0developer");
  check_map(in, d);
}

BOOST_AUTO_TEST_CASE(utf32_with_bom) {
  const std::string le("\xFF\xFE\x00\x00" "A\x00\x00\x00" "\xE4\x00\x00\x00" "\x80\xF6\x01\x00", 16);
  Decoded d;
  jobmatch::decode(le, &d);
  BOOST_TEST_REQUIRE(!d.error.has_value());
  BOOST_TEST(d.encoding == "utf-32le");
  BOOST_TEST(d.text == "Aä\U0001F680");
  BOOST_TEST(d.to_input(0) == 4u);
  BOOST_TEST(d.to_input(1) == 8u);
  BOOST_TEST(d.to_input(3) == 12u);
  check_map(le, d);

  const std::string be("\x00\x00\xFE\xFF" "\x00\x00\x00M" "\x00\x11\x00\x00", 12);  // U+110000: invalid
  Decoded b;
  jobmatch::decode(be, &b);
  BOOST_TEST(b.encoding == "utf-32be");
  BOOST_TEST(b.text == "M\uFFFD");
  BOOST_TEST(b.warnings.size() == 1u);
  check_map(be, b);
}

BOOST_AUTO_TEST_CASE(nul_character_in_utf16_or_utf32_means_binary) {
  const std::string u16("\xFF\xFE" "A\x00" "\x00\x00" "B\x00", 8);
  Decoded d;
  jobmatch::decode(u16, &d);
  BOOST_TEST_REQUIRE(d.error.has_value());
  BOOST_TEST(d.error->kind == "binary");
  BOOST_TEST(d.error->message == "NUL character at offset 4 (binary file)");
  const std::string u32("\xFF\xFE\x00\x00" "A\x00\x00\x00" "\x00\x00\x00\x00", 12);
  Decoded e;
  jobmatch::decode(u32, &e);
  BOOST_TEST_REQUIRE(e.error.has_value());
  BOOST_TEST(e.error->message == "NUL character at offset 8 (binary file)");
}

BOOST_AUTO_TEST_CASE(long_runs_of_combining_marks_are_made_stream_safe) {
  std::string in = "Python a";
  for (int k = 0; k < 70; ++k) in += "\u0301";  // 70 marks: joiners after the 30th and 60th
  in += " ML";
  Decoded d;
  jobmatch::decode(in, &d);
  BOOST_TEST_REQUIRE(!d.error.has_value());
  BOOST_TEST(d.encoding == "utf-8");
  std::string want = "Python a";
  for (int k = 0; k < 70; ++k) want += (k == 30 || k == 60 ? "\u034F\u0301" : "\u0301");
  want += " ML";
  BOOST_TEST(d.text == want);
  BOOST_TEST_REQUIRE(d.warnings.size() == 1u);
  BOOST_TEST(d.warnings[0] ==
             "more than 30 combining marks in a row at offset 68: U+034F inserted 2 time(s) (UAX #15 stream-safe text)");
  check_map(in, d);
  const size_t cgj = d.text.find("\u034F");
  BOOST_TEST(d.to_input(static_cast<uint32_t>(cgj)) == 8u + 60u);  // the mark it precedes
  // The joiner is default-ignorable: normalization removes it again.
  BOOST_TEST(jobmatch::normalize_text(d.text).find("\u034F") == std::string::npos);
  // Thirty marks are left alone.
  std::string thirty = "a";
  for (int k = 0; k < 30; ++k) thirty += "\u0308";
  Decoded e;
  jobmatch::decode(thirty, &e);
  BOOST_TEST(e.warnings.empty());
  BOOST_TEST(e.m_map.empty());
}

BOOST_AUTO_TEST_CASE(a_million_combining_marks_normalize_in_linear_time) {
  std::string in = "T\n\nPython a";
  const char* marks[] = {"\u0301", "\u0316", "\u0327", "\u0308"};  // mixed classes: reordering
  for (int k = 0; k < 1000000; ++k) in += marks[k % 4];
  in += " machine learning\n";
  const auto t0 = std::chrono::steady_clock::now();
  Decoded d;
  jobmatch::decode(in, &d);
  jobmatch::Normalized norm;
  jobmatch::normalize(d.text, &norm);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  BOOST_TEST(s < 20.0, "took " << s << " s");  // quadratic: many minutes
  BOOST_TEST(norm.text.ends_with(" machine learning\n"));
}

BOOST_AUTO_TEST_CASE(random_bytes_always_give_a_consistent_map) {
  jobmatch::test::Generator gen(7);
  for (int k = 0; k < 3000; ++k) {
    std::string in = gen.next();
    if (k % 3 == 0) in = latin1("Größe ") + in;
    if (k % 7 == 0) in.insert(0, "\xEF\xBB\xBF");
    Decoded d;
    jobmatch::decode(in, &d);
    check_map(in, d);
  }
}

BOOST_AUTO_TEST_CASE(latin1_ad_scores_exactly_like_its_utf8_twin) {
  auto loaded = jobmatch::Engine::load(jobmatch::EngineOptions{});
  BOOST_TEST_REQUIRE(loaded.ok());
  const auto engine = std::move(*loaded);
  jobmatch::Analyzer analyzer(*engine);
  jobmatch::Input utf8, legacy, cp1252;
  utf8.id = "utf8";
  utf8.bytes = kGermanAd;
  legacy.id = "latin1";
  legacy.bytes = latin1(kGermanAd);
  cp1252.id = "cp1252";
  cp1252.bytes = latin1(kGermanAd) + "\x84Gehalt\x93: 70.000 \x80";
  const jobmatch::Result a = analyzer.analyze(utf8);
  const jobmatch::Result b = analyzer.analyze(legacy);
  BOOST_TEST_REQUIRE(!a.error.has_value());
  BOOST_TEST_REQUIRE(!b.error.has_value());
  BOOST_TEST(a.encoding == "utf-8");
  BOOST_TEST(b.encoding == "iso-8859-1");
  BOOST_TEST(a.score > 20.0);
  BOOST_TEST(b.score == a.score);
  BOOST_TEST(b.title == a.title);
  BOOST_TEST(b.lang == a.lang);
  BOOST_TEST(b.missing == a.missing);
  BOOST_TEST_REQUIRE(b.matched.size() == a.matched.size());
  for (size_t m = 0; m < a.matched.size(); ++m) {
    BOOST_TEST(b.matched[m].concept_index == a.matched[m].concept_index);
    BOOST_TEST_REQUIRE(b.matched[m].spans.size() == a.matched[m].spans.size());
    for (size_t s = 0; s < a.matched[m].spans.size(); ++s) {
      const auto& ea = a.matched[m].spans[s];
      const auto& eb = b.matched[m].spans[s];
      BOOST_TEST(eb.text == ea.text);
      BOOST_TEST(eb.line == ea.line);
      // Each span's bytes are the evidence in its own file's encoding.
      BOOST_TEST(utf8.bytes.substr(ea.start, ea.end - ea.start) == ea.text);
      BOOST_TEST(legacy.bytes.substr(eb.start, eb.end - eb.start) == latin1(ea.text));
    }
  }
  const jobmatch::Result c = analyzer.analyze(cp1252);
  BOOST_TEST(c.encoding == "windows-1252");
  BOOST_TEST(c.matched.size() == a.matched.size());
}

BOOST_AUTO_TEST_SUITE_END()
