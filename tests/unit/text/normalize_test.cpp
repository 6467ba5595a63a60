#include "text/normalize.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <random>
#include <thread>

#include "test_helpers.h"
#include "text/text_util.h"

using jobmatch::Normalized;
using jobmatch::normalize_text;
using jobmatch::test::show_bytes;

namespace {

// The input offset of every byte of n.text, and of its end.
std::vector<uint32_t> src_of(const Normalized& n) { return n.map.expand(n.text); }

Normalized run(std::string_view input) {
  Normalized n;
  jobmatch::normalize(input, &n);
  return n;
}

// The invariants normalize.h promises for every input.
void check_src_invariants(std::string_view input, const Normalized& n) {
  const std::vector<uint32_t> src = src_of(n);
  BOOST_TEST_REQUIRE(src.size() == n.text.size() + 1);
  BOOST_TEST(src.back() == input.size());
  BOOST_TEST(std::is_sorted(src.begin(), src.end()));
  for (size_t i = 0; i <= n.text.size(); ++i) BOOST_TEST_REQUIRE(n.src(i) == src[i]);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(normalize)

BOOST_AUTO_TEST_CASE(folds_case_and_umlauts) {
  BOOST_TEST(normalize_text("Fähigkeiten") == "faehigkeiten");
  BOOST_TEST(normalize_text("ÖL ÜBER") == "oel ueber");
}

BOOST_AUTO_TEST_CASE(folds_sharp_s) {
  BOOST_TEST(normalize_text("Straße") == "strasse");
  BOOST_TEST(normalize_text("STRAẞE") == "strasse");
}

BOOST_AUTO_TEST_CASE(umlaut_and_transcription_meet) {
  BOOST_TEST(normalize_text("Fähigkeiten") == normalize_text("Faehigkeiten"));
  BOOST_TEST(normalize_text("Überblick") == normalize_text("UEBERBLICK"));
}

BOOST_AUTO_TEST_CASE(composes_combining_diaeresis_before_folding) {
  // "a" + U+0308 is NFKC "ä", so it folds like the precomposed letter.
  BOOST_TEST(normalize_text("Fa\u0308higkeiten") == "faehigkeiten");
  BOOST_TEST(normalize_text("U\u0308ber") == "ueber");
}

BOOST_AUTO_TEST_CASE(keeps_other_accents) {
  BOOST_TEST(normalize_text("Caffè") == "caffè");
  BOOST_TEST(normalize_text("CAFFÈ") == "caffè");
  BOOST_TEST(normalize_text("naïve") == "naïve");
}

BOOST_AUTO_TEST_CASE(unfolds_ligatures_and_fullwidth_letters) {
  BOOST_TEST(normalize_text("\uFB01nance \uFB02ow") == "finance flow");
  BOOST_TEST(normalize_text("Ｐｙｔｈｏｎ") == "python");
}

BOOST_AUTO_TEST_CASE(drops_soft_hyphen_zero_width_and_bidi_controls) {
  BOOST_TEST(normalize_text("Ma\u00ADchine") == "machine");
  BOOST_TEST(normalize_text("Py\u200Bthon") == "python");
  BOOST_TEST(normalize_text("Da\u200Dten") == "daten");
  BOOST_TEST(normalize_text("ab\u202Ecd") == "abcd");
}

BOOST_AUTO_TEST_CASE(maps_typographic_apostrophes_and_hyphens_to_ascii) {
  BOOST_TEST(normalize_text("Bayes\u2019sche") == "bayes'sche");
  BOOST_TEST(normalize_text("E\u2011Mail") == "e-mail");
  BOOST_TEST(normalize_text("E\u2010Mail") == "e-mail");
}

BOOST_AUTO_TEST_CASE(removes_gender_markers) {
  BOOST_TEST(normalize_text("Data Scientist (m/w/d)") == "data scientist  ");
  BOOST_TEST(normalize_text("Data Scientist (w/m/d)") == "data scientist  ");
  BOOST_TEST(normalize_text("Dev (m/f/d)") == "dev  ");
  BOOST_TEST(normalize_text("Dev (all genders)") == "dev  ");
  BOOST_TEST(normalize_text("Ingenieur m/w/d") == "ingenieur  ");
}

// A bare "m/w/d" after any non-letter goes, also after a no-break space (common in titles), a
// zero-width character or a dash glued to it.
BOOST_AUTO_TEST_CASE(removes_bare_gender_marker_after_non_ascii_space) {
  BOOST_TEST(normalize_text("Werkstudent\u00A0m/w/d") == "werkstudent  ");
  BOOST_TEST(normalize_text("Werkstudent\u2013m/w/d") == "werkstudent\u2013 ");
  BOOST_TEST(normalize_text("Werkstudent \u2060m/w/d") == "werkstudent  ");
}

BOOST_AUTO_TEST_CASE(keeps_slash_words_that_are_not_gender_markers) {
  BOOST_TEST(normalize_text("CI/CD") == "ci/cd");
  BOOST_TEST(normalize_text("R/Python") == "r/python");
  BOOST_TEST(normalize_text("I/O") == "i/o");
}

BOOST_AUTO_TEST_CASE(reduces_gender_suffixes_to_base_word) {
  BOOST_TEST(normalize_text("Entwickler:in") == "entwickler");
  BOOST_TEST(normalize_text("Entwickler:innen") == "entwickler");
  BOOST_TEST(normalize_text("Entwickler*innen") == "entwickler");
  BOOST_TEST(normalize_text("Entwickler_innen") == "entwickler");
  BOOST_TEST(normalize_text("Mitarbeiter/-innen") == "mitarbeiter");
  BOOST_TEST(normalize_text("Mitarbeiter/innen") == "mitarbeiter");
  BOOST_TEST(normalize_text("Entwickler(in)") == "entwickler");
  BOOST_TEST(normalize_text("Entwickler\u00B7innen") == "entwickler");
}

BOOST_AUTO_TEST_CASE(reduces_camel_case_gender_suffix) {
  BOOST_TEST(normalize_text("EntwicklerInnen") == "entwickler");
  BOOST_TEST(normalize_text("StudentInnen") == "student");
}

BOOST_AUTO_TEST_CASE(keeps_linkedin_and_plugin) {
  BOOST_TEST(normalize_text("LinkedIn") == "linkedin");
  BOOST_TEST(normalize_text("PlugIn") == "plugin");
  BOOST_TEST(normalize_text("Entwickler:intern") == "entwickler:intern");
}

BOOST_AUTO_TEST_CASE(reduces_adjective_gender_forms) {
  BOOST_TEST(normalize_text("Angestellte/r") == "angestellte");
  BOOST_TEST(normalize_text("Erfahrene:r Entwickler") == "erfahrene entwickler");
  BOOST_TEST(normalize_text("Mitarbeitende(r)") == "mitarbeitende");
  BOOST_TEST(normalize_text("Python/R") == "python/r");  // not after -e
  BOOST_TEST(normalize_text("Pipeline/Rust") == "pipeline/rust");  // a word follows
}

// "Kolleg(inn)en" keeps the plural base word.
BOOST_AUTO_TEST_CASE(reduces_parenthesized_inn_form) {
  BOOST_TEST(normalize_text("Kolleg(inn)en") == "kollegen");
}

BOOST_AUTO_TEST_CASE(replaces_each_invalid_byte_with_replacement_character) {
  const Normalized n = run("a\xFF\xFE" "b");
  BOOST_TEST(n.text == "a\uFFFD\uFFFDb");
  check_src_invariants("a\xFF\xFE" "b", n);
  // Each U+FFFD (3 bytes) maps to its own bad byte.
  BOOST_TEST(src_of(n)[1] == 1u);
  BOOST_TEST(src_of(n)[4] == 2u);
  BOOST_TEST(src_of(n)[7] == 3u);
}

BOOST_AUTO_TEST_CASE(truncated_sequence_at_end_does_not_crash) {
  const std::string input = "ok \xC3";
  const Normalized n = run(input);
  BOOST_TEST(n.text == "ok \uFFFD");
  check_src_invariants(input, n);
}

BOOST_AUTO_TEST_CASE(empty_input_has_one_past_the_end_entry) {
  const Normalized n = run("");
  BOOST_TEST(n.text.empty());
  BOOST_TEST_REQUIRE(src_of(n).size() == 1u);
  BOOST_TEST(src_of(n)[0] == 0u);
}

BOOST_AUTO_TEST_CASE(maps_umlaut_expansion_back_to_its_input_byte) {
  const std::string input = "Fähig";  // F=0, ä=1..2, h=3
  const Normalized n = run(input);
  BOOST_TEST_REQUIRE(n.text == "faehig");
  check_src_invariants(input, n);
  const std::vector<uint32_t> expected = {0, 1, 1, 3, 4, 5, 6};
  BOOST_TEST(src_of(n) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(maps_past_dropped_soft_hyphen) {
  const std::string input = "Da\u00ADten";  // D=0 a=1 SHY=2..3 t=4 e=5 n=6
  const Normalized n = run(input);
  BOOST_TEST_REQUIRE(n.text == "daten");
  const std::vector<uint32_t> expected = {0, 1, 4, 5, 6, 7};
  BOOST_TEST(src_of(n) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(maps_gender_marker_space_to_marker_start) {
  const std::string input = "Dev (m/w/d) ML";  // '(' at 4, " ML" from 11
  const Normalized n = run(input);
  BOOST_TEST_REQUIRE(n.text == "dev   ml");
  check_src_invariants(input, n);
  BOOST_TEST(src_of(n)[4] == 4u);   // the space the marker became
  BOOST_TEST(src_of(n)[5] == 11u);  // the space after the marker
  BOOST_TEST(src_of(n)[6] == 12u);  // 'm' of ML
}

BOOST_AUTO_TEST_CASE(reuses_buffers_without_leftovers) {
  Normalized n;
  jobmatch::normalize("Ein langer Text über Maschinelles Lernen", &n);
  jobmatch::normalize("ab", &n);
  BOOST_TEST(n.text == "ab");
  const std::vector<uint32_t> expected = {0, 1, 2};
  BOOST_TEST(src_of(n) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE(fast_path)

namespace {

// Compares normalize with normalize_reference; reports at most a few inputs in full.
struct Comparison {
  size_t inputs = 0, failures = 0;

  void check(std::string_view input, const std::string& what) {
    ++inputs;
    Normalized fast, ref;
    jobmatch::normalize(input, &fast);
    jobmatch::normalize_reference(input, &ref);
    if (fast.text == ref.text && src_of(fast) == src_of(ref)) return;
    if (++failures <= 5) {
      const size_t at = static_cast<size_t>(
          std::mismatch(fast.text.begin(), fast.text.end(), ref.text.begin(), ref.text.end())
              .first -
          fast.text.begin());
      BOOST_ERROR(what << ": fast path differs from reference (text equal: "
                       << (fast.text == ref.text) << ", first text difference at " << at
                       << ")\n  input: " << show_bytes(input.substr(0, 300))
                       << "\n  fast:  " << show_bytes(fast.text.substr(0, 300))
                       << "\n  ref:   " << show_bytes(ref.text.substr(0, 300)));
    }
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(same_as_reference_on_samples) {
  const std::filesystem::path dir = JOBMATCH_SOURCE_DIR "/samples";
  BOOST_TEST_REQUIRE(std::filesystem::is_directory(dir));
  Comparison cmp;
  std::string all;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string text = jobmatch::test::read_whole_file(entry.path());
    cmp.check(text, entry.path().filename().string());
    all += text;
  }
  cmp.check(all, "all samples concatenated");
  BOOST_TEST(cmp.inputs > 10u);
  BOOST_TEST(cmp.failures == 0u);
}

BOOST_AUTO_TEST_CASE(same_as_reference_on_generated_text) {
  jobmatch::test::Generator gen(20240611);
  Comparison cmp;
  size_t bytes = 0, non_ascii = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string s = gen.next();
    bytes += s.size();
    non_ascii += std::any_of(s.begin(), s.end(), [](char c) { return c & 0x80; });
    cmp.check(s, "generated #" + std::to_string(i));
  }
  // The generator really mixes in non-ASCII text (else the fast path alone would be compared).
  BOOST_TEST(non_ascii > 10000u);
  BOOST_TEST_MESSAGE("generated " << cmp.inputs << " inputs, " << bytes << " bytes");
  BOOST_TEST(cmp.failures == 0u);
}

// The fast path's table of single-character results is filled a block of code points at a
// time, on first use: four threads meet every block of it at once, each in its own order, and
// each must get what the reference (ICU on every character) gives.
BOOST_AUTO_TEST_CASE(every_cached_code_point_same_as_reference_from_four_threads) {
  constexpr int kThreads = 4;
  std::vector<std::string> inputs(kThreads);
  std::vector<Normalized> refs(kThreads);
  for (int k = 0; k < kThreads; ++k) {
    for (char32_t i = 0; i < 0x3000 - 0x80; ++i) {
      const char32_t cp = 0x80 + (i + static_cast<char32_t>(k) * 0xB80) % (0x3000 - 0x80);
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      inputs[k] += "x ";
      jobmatch::append_utf8(inputs[k], cp);
      inputs[k] += ' ';
    }
    jobmatch::normalize_reference(inputs[k], &refs[k]);
  }
  std::vector<Normalized> fast(kThreads);
  std::vector<std::thread> threads;
  for (int k = 0; k < kThreads; ++k) threads.emplace_back([&, k] { jobmatch::normalize(inputs[k], &fast[k]); });
  for (std::thread& t : threads) t.join();
  for (int k = 0; k < kThreads; ++k) {
    BOOST_TEST(fast[k].text == refs[k].text, "thread " << k);
    BOOST_TEST((src_of(fast[k]) == src_of(refs[k])), "thread " << k);
  }
}

BOOST_AUTO_TEST_CASE(generated_text_keeps_src_invariants) {
  jobmatch::test::Generator gen(7);
  for (int i = 0; i < 3000; ++i) {
    const std::string s = gen.next();
    Normalized n;
    jobmatch::normalize(s, &n);
    const std::vector<uint32_t> src = src_of(n);
    BOOST_TEST_REQUIRE(src.size() == n.text.size() + 1, show_bytes(s));
    BOOST_TEST_REQUIRE(src.back() == s.size(), show_bytes(s));
    BOOST_TEST_REQUIRE(std::is_sorted(src.begin(), src.end()), show_bytes(s));
    BOOST_TEST_REQUIRE(jobmatch::is_valid_utf8(n.text), show_bytes(s));
  }
}

BOOST_AUTO_TEST_SUITE_END()  // fast_path

BOOST_AUTO_TEST_SUITE_END()  // normalize

BOOST_AUTO_TEST_SUITE(long_combining_runs)

// A letter followed by 200,000 combining marks (a "Zalgo" run) is cut into segments of at most
// 32 characters, so normalization stays linear instead of ICU's quadratic reordering of one
// giant segment (which would take minutes here). Each piece still maps back into the input.
BOOST_AUTO_TEST_CASE(cuts_long_runs_of_combining_marks) {
  std::string input = "a";
  for (int i = 0; i < 200000; ++i) input += "\xCC\x81";  // U+0301
  jobmatch::Normalized n;
  jobmatch::normalize(input, &n);
  BOOST_TEST(n.text.size() >= 2u * 199000);
  BOOST_TEST(src_of(n).size() == n.text.size() + 1);
  BOOST_TEST(src_of(n).back() == input.size());
  // The second segment starts at the 33rd character (1 + 31 marks later), not at the 'a'.
  BOOST_TEST(src_of(n)[n.text.size() - 1] > 1000u);
}

BOOST_AUTO_TEST_SUITE_END()
