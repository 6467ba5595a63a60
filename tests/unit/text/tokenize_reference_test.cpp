// tokenize() against the plain reference of its contract (tokenize_reference.h): the same token
// text and the same offsets, in the token text and in the normalized text, and the same parts as
// split_parts finds in the token text, on generated text and on the sample postings.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "match/phrase_index.h"
#include "test_helpers.h"
#include "tokenize_reference.h"

using jobmatch::Normalized;
using jobmatch::TokenStream;
using jobmatch::test::show_bytes;

namespace {

std::vector<uint32_t> values(const jobmatch::UninitVector<uint32_t>& v) { return {v.begin(), v.end()}; }

// Tokenizes text as it is (the tokenizer reads any bytes; normalized text is one case of it) and
// compares with the reference.
void check_tokenize(std::string_view text) {
  Normalized norm;
  norm.text = std::string(text);
  TokenStream ts;
  tokenize(norm, &ts);
  const TokenStream ref = jobmatch::test::reference_stream(text);
  BOOST_TEST_REQUIRE(ts.text == ref.text, "tokens of \"" << show_bytes(text) << "\"");
  BOOST_TEST_REQUIRE(values(ts.starts) == values(ref.starts), "token starts of \"" << show_bytes(text) << "\"");
  BOOST_TEST_REQUIRE(values(ts.norm_starts) == values(ref.norm_starts), "normalized starts of \"" << show_bytes(text) << "\"");
  // The parts tokenize finds on its way are those split_parts finds in the token text.
  jobmatch::UninitVector<jobmatch::Part> buffer;
  const std::span<const jobmatch::Part> want = jobmatch::split_parts(ts.text, &buffer);
  BOOST_TEST_REQUIRE(ts.parts.size() == want.size(), "parts of \"" << show_bytes(text) << "\"");
  for (size_t k = 0; k < want.size(); ++k)
    BOOST_TEST_REQUIRE((ts.parts[k].begin == want[k].begin && ts.parts[k].end == want[k].end),
                       "part " << k << " of \"" << show_bytes(text) << "\"");
}

// Both the text as it is and its normalized form.
void check_both(std::string_view text) {
  check_tokenize(text);
  check_tokenize(jobmatch::normalize_text(text));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tokenize_reference)

BOOST_AUTO_TEST_CASE(the_reference_keeps_the_documented_forms) {
  // The reference itself, on the forms tokenize.h names (so a wrong reference cannot pass both).
  const auto tokens = [](std::string_view s) {
    std::vector<std::string> out;
    for (const auto& t : jobmatch::test::reference_tokens(s)) out.push_back(t.text);
    return out;
  };
  using Tokens = std::vector<std::string>;
  BOOST_TEST(tokens("scikit-learn ci/cd node.js r&d bayes'sche") ==
             (Tokens{"scikit-learn", "ci/cd", "node.js", "r&d", "bayes'sche"}));
  BOOST_TEST(tokens("c++ c# f#, .net c+++ c#x a..b ...net (.net") ==
             (Tokens{"c++", "c#", "f#", ".net", "c", "c", "x", "a", "b", "net", ".net"}));
  BOOST_TEST(tokens("end- -start a/ \xC3\xA4rger stra\xC3\x9F" "e \xFFx") ==
             (Tokens{"end", "start", "a", "\xC3\xA4rger", "stra\xC3\x9F" "e", "x"}));
  const auto refs = jobmatch::test::reference_tokens("  ab .cd");
  BOOST_TEST_REQUIRE(refs.size() == 2u);
  BOOST_TEST(refs[0].norm_start == 2u);
  BOOST_TEST(refs[1].norm_start == 5u);
  BOOST_TEST(jobmatch::test::reference_stream("  ab .cd").text == " ab .cd ");
  BOOST_TEST(jobmatch::test::reference_stream("!!").text == " ");
}

BOOST_AUTO_TEST_CASE(tokenize_agrees_with_the_reference_on_generated_text) {
  // Pieces that meet every rule: ASCII words of every length (long runs cross the sixteen-byte
  // blocks), umlauts and other letters, combining marks, digits, the joiners, c++ / c# / .net,
  // punctuation, invalid bytes.
  static const std::vector<std::string> pieces = {
      "a", "x", "R", "ml", "Python", "scikit", "learn", "kenntnisse", "abcdefghijklmnopqrstuvwxyz0123",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "0", "17", "2024", "3.5",
      "\xC3\xA4", "\xC3\xB6", "\xC3\xBC", "\xC3\x9F", "F\xC3\xA4higkeiten", "e\xCC\x81", "\xE2\x80\x93", "\xE2\x82\xAC",
      "\xCE\xB1\xCE\xB2", "\xE4\xB8\xAD\xE6\x96\x87", "\xF0\x9F\x9A\x80", "\xC2\xB2", "\xE2\x85\xA0",
      "c++", "C++", "c#", "f#", ".net", ".NET", "c++17", "+", "++", "+++", "#", "##",
      "-", "/", ".", "'", "&", "--", "..", "...", "./", "/.",
      " ", "  ", "\n", "\t", ",", "(", ")", ":", ";", "!", "?", "*", "_", "\"", "@", "[", "{", "~", "\x7F",
      "\xFF", "\xC3", "\x80", "\xE2\x80", "\xED\xA0\x80"};
  jobmatch::test::Generator gen(41);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (uint32_t k = gen.rnd() % 24; k > 0; --k) s += pieces[gen.rnd() % pieces.size()];
    check_both(s);
  }
  // Texts of several of tokenize's 64-byte blocks, mostly words and spaces as in prose (the
  // runs between two bytes that need a closer look), the other pieces now and then.
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    for (uint32_t k = gen.rnd() % 120; k > 0; --k)
      s += gen.rnd() % 4 ? std::string(pieces[gen.rnd() % 9]) + " " : pieces[gen.rnd() % pieces.size()];
    check_both(s);
  }
  // The project's generator of posting-like text (gender forms, umlauts, tech terms).
  jobmatch::test::Generator posting(42);
  for (int round = 0; round < 2000; ++round) check_both(posting.next());
}

BOOST_AUTO_TEST_CASE(tokenize_agrees_with_the_reference_on_the_samples) {
  const std::filesystem::path dir = std::filesystem::path(JOBMATCH_SOURCE_DIR) / "samples";
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    BOOST_TEST_CONTEXT(entry.path().filename().string()) check_both(text.str());
    ++files;
  }
  BOOST_TEST(files > 10u);
}

BOOST_AUTO_TEST_SUITE_END()
