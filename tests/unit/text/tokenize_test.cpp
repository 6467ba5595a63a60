#include "text/tokenize.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "test_helpers.h"

using jobmatch::Normalized;
using jobmatch::token_text;
using jobmatch::TokenStream;
using jobmatch::test::token_list;
using jobmatch::test::tokens_of;
using Tokens = std::vector<std::string>;

BOOST_AUTO_TEST_SUITE(tokenize)

BOOST_AUTO_TEST_CASE(joins_tokens_with_single_spaces_and_spaces_at_both_ends) {
  BOOST_TEST(token_text("Python- und R-Kenntnisse (m/w/d), Scikit-Learn, C++/CUDA!") ==
             " python und r-kenntnisse scikit-learn c++/cuda ");
  BOOST_TEST(token_text("  viel   Platz \n\t hier ") == " viel platz hier ");
}

BOOST_AUTO_TEST_CASE(document_without_tokens_is_one_space) {
  BOOST_TEST(token_text("") == " ");
  BOOST_TEST(token_text("!!! --- ... (m/w/d)") == " ");
  const auto tk = jobmatch::test::tokenized("!!");
  BOOST_TEST(tk.ts.token_count() == 0u);
  BOOST_TEST(tk.ts.norm_starts.empty());
  BOOST_TEST(tk.input_begin(0) == 0u);
  BOOST_TEST(tk.input_begin(1) == 2u);  // the end
}

BOOST_AUTO_TEST_CASE(keeps_inner_joiners_between_word_characters) {
  BOOST_TEST(token_list("scikit-learn ci/cd node.js r&d bayes'sche") ==
                 (Tokens{"scikit-learn", "ci/cd", "node.js", "r&d", "bayes'sche"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(splits_on_joiners_that_do_not_stand_between_words) {
  BOOST_TEST(token_list("-python python- a--b x/ /y end.") ==
                 (Tokens{"python", "python", "a", "b", "x", "y", "end"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(keeps_cpp_token) {
  BOOST_TEST(token_list("C++ und c++17") == (Tokens{"c++", "und", "c++17"}),
             boost::test_tools::per_element());
  // Not a third plus.
  BOOST_TEST(token_list("c+++") == (Tokens{"c"}), boost::test_tools::per_element());
  // A single plus is a separator.
  BOOST_TEST(token_list("a+b") == (Tokens{"a", "b"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(keeps_sharp_suffix_of_csharp_and_fsharp) {
  BOOST_TEST(token_list("C#, F# und C#.") == (Tokens{"c#", "f#", "und", "c#"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(drops_hash_of_hashtags_and_numbers) {
  BOOST_TEST(token_list("#python issue #5") == (Tokens{"python", "issue", "5"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(keeps_leading_dot_of_dotnet) {
  // After a slash the dot opens a new token: "/" is no joiner before a non-word character.
  BOOST_TEST(token_list(".NET (.net) ASP/.NET, .Net") ==
                 (Tokens{".net", ".net", "asp", ".net", ".net"}),
             boost::test_tools::per_element());
  // An ellipsis is no leading dot, nor is a dot inside a word.
  BOOST_TEST(token_list("...net a.b") == (Tokens{"net", "a.b"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(keeps_version_suffixes_and_numbers) {
  BOOST_TEST(token_list("python3 3.5 1,5 F1-Score") == (Tokens{"python3", "3.5", "1", "5", "f1-score"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(separates_on_emoji_punctuation_and_replacement_character) {
  BOOST_TEST(token_list("python\U0001F680ml (sql) \"spark\" a\xFF" "b") ==
                 (Tokens{"python", "ml", "sql", "spark", "a", "b"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(keeps_non_ascii_letters_and_combining_marks_inside_token) {
  BOOST_TEST(token_list("caffè x\u0301y naïve") == (Tokens{"caffè", "x\u0301y", "naïve"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(is_word_char_classifies_code_points) {
  BOOST_TEST(jobmatch::is_word_char(U'a'));
  BOOST_TEST(jobmatch::is_word_char(U'7'));
  BOOST_TEST(jobmatch::is_word_char(U'è'));
  BOOST_TEST(jobmatch::is_word_char(U'\u0301'));  // combining mark
  BOOST_TEST(!jobmatch::is_word_char(U'-'));
  BOOST_TEST(!jobmatch::is_word_char(U' '));
  BOOST_TEST(!jobmatch::is_word_char(U'\uFFFD'));
  BOOST_TEST(!jobmatch::is_word_char(U'\U0001F680'));
  BOOST_TEST(!jobmatch::is_word_char(U'\u2013'));  // en dash
}

BOOST_AUTO_TEST_CASE(is_joiner_accepts_only_the_five_joiners) {
  for (const char c : std::string("-/.'&")) BOOST_TEST(jobmatch::is_joiner(c), c);
  for (const char c : std::string("+#_:, ")) BOOST_TEST(!jobmatch::is_joiner(c), c);
}

BOOST_AUTO_TEST_CASE(records_token_starts) {
  const TokenStream ts = tokens_of("Data-Science und ML");
  BOOST_TEST_REQUIRE(ts.text == " data-science und ml ");
  const std::vector<uint32_t> expected = {1, 14, 18};
  BOOST_TEST(std::vector<uint32_t>(ts.starts.begin(), ts.starts.end()) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(token_at_finds_containing_or_preceding_token) {
  const TokenStream ts = tokens_of("aa bb cc");  // " aa bb cc ": starts 1, 4, 7
  BOOST_TEST(ts.token_at(1) == 0u);
  BOOST_TEST(ts.token_at(2) == 0u);
  BOOST_TEST(ts.token_at(3) == 0u);  // the separator after "aa"
  BOOST_TEST(ts.token_at(4) == 1u);
  BOOST_TEST(ts.token_at(8) == 2u);
  BOOST_TEST(ts.token_at(0) == 0u);  // the leading space
}

BOOST_AUTO_TEST_CASE(src_maps_tokens_back_to_input_bytes) {
  // F=0 ä=1..2 h=3..; SHY at 13..14 inside "Über­blick", "Python" at 24.
  const std::string input = "Fähig, (m/w/d) Über\u00ADblick: Python";
  const auto tk = jobmatch::test::tokenized(input);
  const TokenStream& ts = tk.ts;
  BOOST_TEST_REQUIRE(ts.text == " faehig ueberblick python ");
  BOOST_TEST(tk.input_begin(ts.text.size()) == input.size());
  auto input_of = [&](size_t token) {
    const size_t b = ts.starts[token];
    const size_t e = ts.text.find(' ', b);
    return input.substr(tk.input_begin(b), tk.input_end(b, e) - tk.input_begin(b));
  };
  BOOST_TEST(input_of(0) == "Fähig");
  BOOST_TEST(input_of(1) == "Über\u00ADblick");
  BOOST_TEST(input_of(2) == "Python");
}

BOOST_AUTO_TEST_CASE(reuses_buffers_without_leftovers) {
  Normalized norm;
  TokenStream ts;
  jobmatch::normalize("ein langer Text mit vielen Wörtern", &norm);
  jobmatch::tokenize(norm, &ts);
  jobmatch::normalize("kurz", &norm);
  jobmatch::tokenize(norm, &ts);
  BOOST_TEST(ts.text == " kurz ");
  BOOST_TEST(ts.token_count() == 1u);
  BOOST_TEST(ts.norm_starts.size() == 1u);
  BOOST_TEST(ts.input_begin(norm, 5) == 4u);
}

BOOST_AUTO_TEST_CASE(generated_text_keeps_stream_invariants) {
  jobmatch::test::Generator gen(11);
  for (int i = 0; i < 3000; ++i) {
    const std::string input = gen.next();
    const std::string shown = jobmatch::test::show_bytes(input);
    const auto tk = jobmatch::test::tokenized(input);
    const TokenStream& ts = tk.ts;
    // Every byte maps back into the input, never backwards; a token's bytes are the normalized
    // text's, byte for byte.
    BOOST_TEST_REQUIRE(ts.norm_starts.size() == ts.token_count(), shown);
    BOOST_TEST_REQUIRE(tk.input_begin(ts.text.size()) == input.size(), shown);
    for (size_t p = 0; p < ts.text.size(); ++p) {
      BOOST_TEST_REQUIRE(tk.input_begin(p) <= tk.input_begin(p + 1), shown);
      if (ts.text[p] != ' ') BOOST_TEST_REQUIRE(tk.norm.text[ts.norm_offset(p, tk.norm.text.size())] == ts.text[p], shown);
    }
    BOOST_TEST_REQUIRE((ts.text.front() == ' ' && ts.text.back() == ' '), shown);
    BOOST_TEST_REQUIRE(ts.text.find("  ") == std::string::npos, shown);
    BOOST_TEST_REQUIRE(ts.token_count() == static_cast<size_t>(std::count(ts.text.begin(), ts.text.end(), ' ')) - 1,
                       shown);
    for (const uint32_t start : ts.starts) {
      BOOST_TEST_REQUIRE(ts.text[start - 1] == ' ', shown);
      BOOST_TEST_REQUIRE(ts.text[start] != ' ', shown);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
