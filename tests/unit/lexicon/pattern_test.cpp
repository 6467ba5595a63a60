#include "lexicon/pattern.h"

#include <boost/test/unit_test.hpp>

#include <re2/re2.h>

#include "match/match.h"
#include "test_helpers.h"

using jobmatch::compile_pattern;
using jobmatch::split_alternatives;
using jobmatch::token_text;
using jobmatch::wrap_in_boundaries;

namespace {

// The regex of one pattern, wrapped in boundaries as the matcher uses it.
std::string compiled(std::string_view pattern) {
  const jobmatch::Expected<std::string> regex = compile_pattern(pattern);
  BOOST_TEST_REQUIRE(regex.ok(), "pattern '" << pattern << "' failed: " << (regex.ok() ? "" : regex.error().message));
  return wrap_in_boundaries({*regex});
}

// Does the pattern match somewhere in the document?
bool finds(std::string_view pattern, std::string_view document) {
  const RE2 re(compiled(pattern));
  BOOST_TEST_REQUIRE(re.ok(), re.error());
  return RE2::PartialMatch(token_text(document), re);
}

// The matched token text (group 1) of the first match, or "" if none.
std::string first_match(std::string_view pattern, std::string_view document) {
  const RE2 re(compiled(pattern));
  std::string m;
  if (!RE2::PartialMatch(token_text(document), re, &m)) return "";
  return m;
}

struct Failure {
  std::string error;
  size_t col = 0;
};

Failure compile_error(std::string_view pattern) {
  Failure f;
  f.col = 99;
  const jobmatch::Expected<std::string> regex = compile_pattern(pattern);
  BOOST_TEST_REQUIRE(!regex.ok(), "pattern '" << pattern << "' should not compile");
  f.error = regex.error().message;
  f.col = jobmatch::pattern_error_col(regex.error());
  return f;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pattern)

BOOST_AUTO_TEST_CASE(splits_alternatives_with_columns) {
  const auto alts = split_alternatives("machine learning | ml |  ai/ml");
  BOOST_TEST_REQUIRE(alts.size() == 3u);
  BOOST_TEST(alts[0].text == "machine learning");
  BOOST_TEST(alts[0].col == 0u);
  BOOST_TEST(alts[1].text == "ml");
  BOOST_TEST(alts[1].col == 19u);
  BOOST_TEST(alts[2].text == "ai/ml");
  BOOST_TEST(alts[2].col == 25u);
}

BOOST_AUTO_TEST_CASE(returns_empty_alternatives_for_the_caller_to_report) {
  const auto alts = split_alternatives("a |  | b");
  BOOST_TEST_REQUIRE(alts.size() == 3u);
  BOOST_TEST(alts[0].text == "a");
  BOOST_TEST(alts[1].text.empty());
  BOOST_TEST(alts[2].text == "b");
}

BOOST_AUTO_TEST_CASE(bar_without_spaces_does_not_split) {
  const auto alts = split_alternatives("re:a|b");
  BOOST_TEST_REQUIRE(alts.size() == 1u);
  BOOST_TEST(alts[0].text == "re:a|b");
}

BOOST_AUTO_TEST_CASE(space_matches_one_token_boundary) {
  BOOST_TEST(finds("machine learning", "Machine Learning"));
  BOOST_TEST(finds("machine learning", "Machine-Learning-Modelle"));
  BOOST_TEST(finds("machine learning", "machine/learning"));
  BOOST_TEST(finds("machine learning", "machine.learning"));
  BOOST_TEST(!finds("machine learning", "machinelearning"));
  BOOST_TEST(!finds("machine learning", "machine deep learning"));
}

BOOST_AUTO_TEST_CASE(ampersand_is_not_a_boundary) {
  BOOST_TEST(!finds("r d", "R&D"));
  BOOST_TEST(finds("r&d", "R&D-Abteilung"));
}

BOOST_AUTO_TEST_CASE(matches_whole_words_only) {
  BOOST_TEST(!finds("java", "JavaScript"));
  BOOST_TEST(finds("java", "Java, JavaScript"));
  BOOST_TEST(!finds("r", "Rust"));
  BOOST_TEST(!finds("learning", "machinelearning"));
}

BOOST_AUTO_TEST_CASE(r_found_in_r_kenntnisse_and_r_slash_python) {
  BOOST_TEST(finds("r", "R-Kenntnisse"));
  BOOST_TEST(finds("r", "R/Python"));
  BOOST_TEST(finds("r", "Python oder R."));
}

BOOST_AUTO_TEST_CASE(r_not_found_in_r_and_d) {
  BOOST_TEST(!finds("r", "R&D"));
  BOOST_TEST(!finds("r", "F&E und R&D"));
  BOOST_TEST(!finds("r", "R2D2"));
}

BOOST_AUTO_TEST_CASE(star_matches_any_run_of_word_characters) {
  BOOST_TEST(first_match("python*", "Python") == "python");
  BOOST_TEST(first_match("python*", "Python3") == "python3");
  BOOST_TEST(first_match("python*", "pythonic") == "pythonic");
  BOOST_TEST(finds("datenmodell*", "Datenmodellierungsfähigkeiten"));
  BOOST_TEST(finds("*kenntnisse", "Statistikkenntnisse"));
  BOOST_TEST(finds("maschinell* lern*", "maschinellem Lernen"));
  BOOST_TEST(finds("maschinell* lern*", "maschinellen Lernens"));
  BOOST_TEST(!finds("python*", "Jython"));
}

BOOST_AUTO_TEST_CASE(star_never_crosses_a_boundary) {
  BOOST_TEST(!finds("mach*ing", "machine-learning"));
  BOOST_TEST(!finds("mach*ing", "machine learning"));
  BOOST_TEST(first_match("python*", "Python-Entwickler") == "python");
}

// '*' is "any run of word characters": it does not run over the token-internal '&', '+', '#'.
BOOST_AUTO_TEST_CASE(star_runs_over_word_characters_only) {
  BOOST_TEST(!finds("r*", "R&D"));
  BOOST_TEST(!finds("c*", "C++"));
  BOOST_TEST(!finds("f*", "F#"));
}

BOOST_AUTO_TEST_CASE(pattern_is_normalized_like_documents) {
  BOOST_TEST(finds("Fähigkeiten", "FAEHIGKEITEN"));
  BOOST_TEST(finds("Faehigkeiten", "Fähigkeiten"));
  BOOST_TEST(finds("Maschinelles Lernen", "maschinelles lernen"));
  BOOST_TEST(finds("Straße", "STRASSE"));
}

BOOST_AUTO_TEST_CASE(keeps_special_characters_literal) {
  BOOST_TEST(finds("c++", "C++/CUDA"));
  BOOST_TEST(!finds("c++", "C"));
  BOOST_TEST(!finds("c", "C++"));
  BOOST_TEST(finds("c#", "C#, Java"));
  BOOST_TEST(!finds("c#", "C"));
  BOOST_TEST(finds(".net", "ASP .NET Core"));
  BOOST_TEST(finds("ci/cd", "CI/CD-Pipelines"));
  BOOST_TEST(!finds("ci/cd", "CI CD"));
  BOOST_TEST(!finds("node.js", "nodexjs"));  // '.' is literal, not RE2's any character
}

BOOST_AUTO_TEST_CASE(raw_regex_is_wrapped_in_boundaries) {
  BOOST_TEST(finds("re:[0-9]+ ml", "500 ml Wasser"));
  BOOST_TEST(!finds("re:[0-9]+ ml", "ml"));
  BOOST_TEST(!finds("re:[0-9]+ ml", "a500 ml"));
  BOOST_TEST(!finds("re:[0-9]+ ml", "500 mlops"));
}

BOOST_AUTO_TEST_CASE(wraps_alternatives_in_capture_group_one) {
  const std::string re = wrap_in_boundaries({"ab", "cd"});
  BOOST_TEST(re == std::string(jobmatch::kBoundary) + "(ab|cd)" + std::string(jobmatch::kBoundary));
  const RE2 compiled_re(re);
  std::string group;
  BOOST_TEST(RE2::PartialMatch(" xx cd ", compiled_re, &group));
  BOOST_TEST(group == "cd");
}

BOOST_AUTO_TEST_CASE(rejects_empty_pattern) {
  const Failure f = compile_error("");
  BOOST_TEST(f.error == "empty pattern");
  BOOST_TEST(f.col == 0u);
}

BOOST_AUTO_TEST_CASE(rejects_pattern_that_matches_empty_string) {
  Failure f = compile_error("*");
  BOOST_TEST(f.error == "pattern matches the empty string");
  f = compile_error("re:a*");
  BOOST_TEST(f.error == "pattern matches the empty string");
  f = compile_error("re:x|");
  BOOST_TEST(f.error == "pattern matches the empty string");
}

BOOST_AUTO_TEST_CASE(rejects_invalid_regex_at_its_body) {
  const Failure f = compile_error("re:(abc");
  BOOST_TEST(f.error.starts_with("invalid regular expression: "), f.error);
  BOOST_TEST(f.col == 3u);
}

BOOST_AUTO_TEST_CASE(rejects_characters_that_never_occur_inside_a_token) {
  Failure f = compile_error("data sci!ence");
  BOOST_TEST(f.error.starts_with("character that never occurs inside a token"), f.error);
  BOOST_TEST(f.col == 5u);  // the word that holds it
  f = compile_error("(m/w/d)");
  BOOST_TEST(f.error.starts_with("character that never occurs inside a token"), f.error);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(pattern_checks)

// A joiner between spaces ("weights & biases") could never match: tokens never start or end
// with one. The lexicon check says so instead of silently never matching.
BOOST_AUTO_TEST_CASE(rejects_words_that_start_or_end_with_a_joiner) {
  const Failure amp = compile_error("weights & biases");
  BOOST_TEST(amp.col == 8u);
  BOOST_TEST(amp.error.find("cannot start with '&'") != std::string::npos);
  BOOST_TEST(compile_error("data-").col == 4u);
  BOOST_TEST(compile_pattern(".net").ok());
  BOOST_TEST(compile_pattern("w&b").ok());
  BOOST_TEST(compile_pattern("c++").ok());
}

// The one word splitter (parse_words and the export read patterns with it): words at runs of
// spaces, each cut into literal runs and '*', every piece with its column in the pattern.
BOOST_AUTO_TEST_CASE(written_words_and_pieces_keep_their_columns) {
  const std::string_view pattern = "  machine lear*ning  *x*";
  std::vector<std::pair<std::string_view, size_t>> words, pieces;
  for (size_t at = 0; const jobmatch::WrittenWord word = jobmatch::next_written_word(pattern, &at);) {
    words.emplace_back(word.text, word.col);
    for (size_t p = 0; p < word.text.size();) {
      const size_t col = word.col + p;
      pieces.emplace_back(jobmatch::next_written_piece(word.text, &p), col);
    }
  }
  using Pieces = std::vector<std::pair<std::string_view, size_t>>;
  BOOST_TEST((words == Pieces{{"machine", 2}, {"lear*ning", 10}, {"*x*", 21}}));
  BOOST_TEST((pieces == Pieces{{"machine", 2}, {"lear", 10}, {"*", 14}, {"ning", 15}, {"*", 21}, {"x", 22}, {"*", 23}}));
  // A character that never occurs in a token is reported at the start of its piece.
  BOOST_TEST(compile_error("machine lear*n\u00a7g").col == 13u);
}

// literal_elements reads what the matcher may rely on to skip a re: pattern: a wrong literal
// there would lose matches, so anything unclear must give fewer literals or none.
using Elements = std::vector<std::vector<std::string>>;

Elements elements_of(std::string_view body, bool* ok) {
  const jobmatch::Expected<std::string> regex = compile_pattern("re:" + std::string(body));
  BOOST_TEST_REQUIRE(regex.ok(), (regex.ok() ? "" : regex.error().message));
  Elements out;
  *ok = jobmatch::literal_elements(*regex, &out);
  return out;
}

BOOST_AUTO_TEST_CASE(literal_elements_of_alternations_gaps_and_classes) {
  bool ok = false;
  BOOST_TEST((elements_of("(?:prototypes?|pocs?|proofs?[ /.'-]of[ /.'-]concepts?|research) (?:[^ ]+ ){0,4}"
                          "(?:into|to) (?:[^ ]+ ){0,2}production",
                          &ok) == Elements{{"poc", "proof", "prototype", "research"}, {"into", "to"}, {"production"}}));
  BOOST_TEST(ok);
  // After a group that may end inside a word, or a class that may not be a boundary, the next
  // literal does not start a part, so it is not one.
  BOOST_TEST((elements_of("(?:build|develop)(?: and [^ ]+)? (?:ml|deep[ /.'-]learning)[ /.'-]models?", &ok) ==
              Elements{{"build", "develop"}, {"deep", "ml"}, {"model"}}));
  BOOST_TEST((elements_of("evaluat[^ ]* (?:business|data)[ /.'-]models?", &ok) ==
              Elements{{"evaluat"}, {"business", "data"}, {"model"}}));
  BOOST_TEST((elements_of("ab(?:cd)?ef gh", &ok) == Elements{{"ab"}, {"gh"}}));
  BOOST_TEST((elements_of("ab (?:cd)?ef", &ok) == Elements{{"ab"}}));
  BOOST_TEST((elements_of("ab[a-z] cd", &ok) == Elements{{"ab"}, {"cd"}}));
  BOOST_TEST((elements_of("ab [ /]cd", &ok) == Elements{{"ab"}, {"cd"}}));
  BOOST_TEST((elements_of("ab [.-z]cd", &ok) == Elements{{"ab"}}));  // a range is no boundary class
  BOOST_TEST((elements_of("ab.cd", &ok) == Elements{{"ab"}}));       // '.' is any character
  BOOST_TEST((elements_of("ab\\.cd", &ok) == Elements{{"ab"}, {"cd"}}));
  BOOST_TEST((elements_of("java[0-9]+", &ok) == Elements{{"java"}}));
  BOOST_TEST((elements_of("c\\+\\+[0-9]+", &ok) == Elements{{"c++"}}));
  BOOST_TEST((elements_of("librar(?:y|ies) x+yz", &ok) == Elements{{"librar"}}));
  BOOST_TEST((elements_of("ab|cd ef", &ok) == Elements{{"ab", "cd"}}));  // two sequences: first literals only
  BOOST_TEST((elements_of("aa+b cd", &ok) == Elements{{"aa"}, {"cd"}}));
  BOOST_TEST(ok);
}

BOOST_AUTO_TEST_CASE(literal_elements_refuses_what_it_cannot_read) {
  bool ok = true;
  for (const char* body : {"[0-9]+ r", "[^ ]*e/r", "r/[0-9]+", "(?:[0-9][0-9.,]*) ml", "(?:ab)?cd", "(?:ab)*cd",
                           "ab|c", "a?bc", "(?i)abc", "(ab|cd)", "\\Qab\\E", "\\x61bc", ".ab", "ab|(?:cd|e)"}) {
    elements_of(body, &ok);
    BOOST_TEST(!ok, body);
  }
}

BOOST_AUTO_TEST_SUITE_END()
