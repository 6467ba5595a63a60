#include "match/match.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "lexicon/engine.h"

#include "lexicon/pattern.h"
#include "test_helpers.h"

using jobmatch::ConceptMatch;
using jobmatch::Lexicon;
using jobmatch::Matcher;
using jobmatch::TextSpan;
using jobmatch::TokenStream;

namespace {

const char* const kLexicon = R"(# A tiny lexicon for the matcher tests.
concept skill.r
  label   R
  origin  article
  en      r programming
  weak    r
  near    python | statisti*
  window  3
  not     re:[0-9]+ r

concept skill.python
  label   Python
  origin  article
  any     python*

concept skill.caffe
  label   Caffe
  origin  article
  any     caffe2
  weak    caffe
  near    keras | tensorflow
  not     caffe latte
  window  6

concept core.machine_learning
  label   Machine learning
  origin  article
  en      machine learning | ml
  de      maschinell* lern*
  not     re:[0-9]+ ml

# lists its weak pattern as near context too, which must not support itself
concept skill.spark
  label   Spark
  origin  article
  weak    spark
  near    spark | hadoop
  window  2
)";

const Lexicon& lexicon() {
  static const Lexicon lex = jobmatch::test::lexicon_from(kLexicon);
  return lex;
}

const Matcher& matcher() {
  static const std::unique_ptr<Matcher> m = [] {
    auto built = Matcher::build(lexicon(), {});
    BOOST_TEST_REQUIRE(built.ok(), (built.ok() ? "" : built.error().message));
    return std::move(*built);
  }();
  return *m;
}

size_t index_of(const std::string& id) { return lexicon().by_id.at(id); }

// Concept id -> the input text of each span, mapped back through tokenize and normalize.
using Found = std::map<std::string, std::vector<std::string>>;

Found find(const std::string& input, const Matcher& m = matcher()) {
  const auto tk = jobmatch::test::tokenized(input);
  const jobmatch::TokenStream& ts = tk.ts;
  std::vector<ConceptMatch> matches;
  m.match(ts, &matches);
  Found out;
  for (const ConceptMatch& cm : matches) {
    auto& spans = out[lexicon().concepts.at(cm.concept_index).id];
    for (const TextSpan& s : cm.spans) {
      const uint32_t b = tk.input_begin(s.begin), e = tk.input_end(s.begin, s.end);
      BOOST_TEST_REQUIRE(b <= e);
      BOOST_TEST_REQUIRE(e <= input.size());
      spans.push_back(input.substr(b, e - b));
    }
  }
  return out;
}

bool found(const std::string& input, const std::string& id) { return find(input).count(id) > 0; }

using Texts = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(match)

BOOST_AUTO_TEST_CASE(finds_strong_pattern) {
  const Found f = find("Wir suchen Python-Entwickler");
  BOOST_TEST_REQUIRE(f.count("skill.python") == 1u);
  BOOST_TEST(f.at("skill.python") == Texts{"Python"}, boost::test_tools::per_element());
  BOOST_TEST(f.size() == 1u);
}

BOOST_AUTO_TEST_CASE(finds_nothing_in_unrelated_text) {
  BOOST_TEST(find("Barista mit Herz gesucht").empty());
  BOOST_TEST(find("").empty());
}

BOOST_AUTO_TEST_CASE(weak_match_needs_near_context) {
  BOOST_TEST(!found("Kenntnisse in R", "skill.r"));
  const Found f = find("Kenntnisse in R und Python");
  BOOST_TEST_REQUIRE(f.count("skill.r") == 1u);
  BOOST_TEST(f.at("skill.r") == Texts{"R"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(weak_match_counts_near_context_within_window_tokens) {
  // window 3: the near pattern may stand three tokens away, not four.
  BOOST_TEST(found("R aa bb Python", "skill.r"));
  BOOST_TEST(!found("R aa bb cc Python", "skill.r"));
  BOOST_TEST(found("Statistik aa bb R", "skill.r"));
  BOOST_TEST(!found("Statistik aa bb cc R", "skill.r"));
  // Tokens count, not bytes: long tokens in between do not matter.
  BOOST_TEST(found("R Donaudampfschifffahrtsgesellschaft Kapitaenskajuete Python", "skill.r"));
}

BOOST_AUTO_TEST_CASE(weak_window_counts_tokens_not_separators) {
  // Punctuation and gender markers vanish from the token stream, so they take no window space.
  BOOST_TEST(found("R, (m/w/d) -- aa ... bb !!! Python", "skill.r"));
}

BOOST_AUTO_TEST_CASE(weak_match_supported_by_strong_pattern_of_same_concept) {
  const Found f = find("R programming, also R");
  BOOST_TEST_REQUIRE(f.count("skill.r") == 1u);
  BOOST_TEST(f.at("skill.r") == (Texts{"R programming", "R"}), boost::test_tools::per_element());
  BOOST_TEST(!found("R also R", "skill.r"));
}

BOOST_AUTO_TEST_CASE(weak_match_is_not_its_own_context) {
  BOOST_TEST(!found("Spark", "skill.spark"));
  BOOST_TEST(found("Spark und Hadoop", "skill.spark"));
}

BOOST_AUTO_TEST_CASE(r_not_found_in_r_and_d) {
  BOOST_TEST(!found("R&D mit Python", "skill.r"));
  BOOST_TEST(found("R/Python", "skill.r"));
}

BOOST_AUTO_TEST_CASE(not_pattern_drops_overlapping_weak_match) {
  BOOST_TEST(!found("Caffe latte mit Keras", "skill.caffe"));
  BOOST_TEST(found("Caffe mit Keras", "skill.caffe"));
}

BOOST_AUTO_TEST_CASE(not_pattern_drops_only_the_overlapping_match) {
  const std::string input = "Caffe latte, dann Caffe mit Keras";
  const auto tk = jobmatch::test::tokenized(input);
  const jobmatch::TokenStream& ts = tk.ts;
  std::vector<ConceptMatch> matches;
  matcher().match(ts, &matches);
  BOOST_TEST_REQUIRE(matches.size() == 1u);
  BOOST_TEST(matches[0].concept_index == index_of("skill.caffe"));
  BOOST_TEST_REQUIRE(matches[0].spans.size() == 1u);
  BOOST_TEST(tk.input_begin(matches[0].spans[0].begin) == input.find("Caffe mit"));
}

BOOST_AUTO_TEST_CASE(not_pattern_drops_strong_match_too) {
  BOOST_TEST(!found("500 ml Wasser", "core.machine_learning"));
  BOOST_TEST(!found("500 R mit Python", "skill.r"));
  const Found f = find("ML und 500 ml");
  BOOST_TEST_REQUIRE(f.count("core.machine_learning") == 1u);
  BOOST_TEST(f.at("core.machine_learning") == Texts{"ML"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(spans_map_back_to_input_bytes_through_umlauts_and_soft_hyphens) {
  // Umlauts (two bytes in, two bytes out as "ae"), ß (two in, two out), a soft hyphen dropped
  // and a gender marker removed before the matches, so normalized and input offsets differ.
  const std::string input =
      "Fähigkeiten für Über\u00ADsicht, Straße (m/w/d): maschi\u00ADnelles Lernen & Python3!";
  const auto tk = jobmatch::test::tokenized(input);
  const jobmatch::TokenStream& ts = tk.ts;
  std::vector<ConceptMatch> matches;
  matcher().match(ts, &matches);
  BOOST_TEST_REQUIRE(matches.size() == 2u);

  BOOST_TEST_REQUIRE(matches[0].concept_index == index_of("skill.python"));
  BOOST_TEST_REQUIRE(matches[0].spans.size() == 1u);
  const TextSpan py = matches[0].spans[0];
  BOOST_TEST(ts.text.substr(py.begin, py.end - py.begin) == "python3");
  BOOST_TEST(tk.input_begin(py.begin) == input.find("Python3"));
  BOOST_TEST(tk.input_end(py.begin, py.end) == input.find("Python3") + 7);

  BOOST_TEST_REQUIRE(matches[1].concept_index == index_of("core.machine_learning"));
  BOOST_TEST_REQUIRE(matches[1].spans.size() == 1u);
  const TextSpan ml = matches[1].spans[0];
  BOOST_TEST(ts.text.substr(ml.begin, ml.end - ml.begin) == "maschinelles lernen");
  const size_t start = input.find("maschi");
  BOOST_TEST(tk.input_begin(ml.begin) == start);
  BOOST_TEST(tk.input_end(ml.begin, ml.end) == input.find(" & "));
  BOOST_TEST(input.substr(start, input.find(" & ") - start) == "maschi\u00ADnelles Lernen");
  // The offsets really differ: the normalized text is shifted against the input.
  BOOST_TEST(ml.begin != start);
}

BOOST_AUTO_TEST_CASE(spans_map_back_through_fullwidth_and_ligatures) {
  const Found f = find("Ｐｙｔｈｏｎ und Maschinelles Lernen");
  BOOST_TEST_REQUIRE(f.count("skill.python") == 1u);
  BOOST_TEST(f.at("skill.python") == Texts{"Ｐｙｔｈｏｎ"}, boost::test_tools::per_element());
}

// A boundary inside the expansion of one compatibility character ("½" is NFKC "1⁄2"): the
// evidence covers the whole character that produced it, never an empty range.
BOOST_AUTO_TEST_CASE(span_inside_one_expanded_character_is_not_empty) {
  const Lexicon lex = jobmatch::test::lexicon_from(
      "concept num.one\n  label One\n  origin article\n  any re:1\n");
  const auto built = Matcher::build(lex, {});
  BOOST_TEST_REQUIRE(built.ok(), (built.ok() ? "" : built.error().message));
  const auto& m = *built;
  const std::string input = "\u00BD Tag";  // "½ Tag"
  const auto tk = jobmatch::test::tokenized(input);
  const jobmatch::TokenStream& ts = tk.ts;
  std::vector<ConceptMatch> matches;
  m->match(ts, &matches);
  BOOST_TEST_REQUIRE(matches.size() == 1u);
  BOOST_TEST_REQUIRE(matches[0].spans.size() == 1u);
  const TextSpan s = matches[0].spans[0];
  BOOST_TEST(tk.input_begin(s.begin) == 0u);
  BOOST_TEST(tk.input_end(s.begin, s.end) == 2u);
}

BOOST_AUTO_TEST_CASE(spans_are_ascending_and_adjacent_matches_all_found) {
  const Found f = find("python python3 PYTHON, Pythonic");
  BOOST_TEST_REQUIRE(f.count("skill.python") == 1u);
  BOOST_TEST(f.at("skill.python") == (Texts{"python", "python3", "PYTHON", "Pythonic"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(results_are_ordered_by_concept_index) {
  const TokenStream ts = jobmatch::test::tokens_of("Spark, Hadoop, ML, Caffe2 und Python");
  std::vector<ConceptMatch> matches;
  matcher().match(ts, &matches);
  BOOST_TEST_REQUIRE(matches.size() == 4u);
  for (size_t i = 1; i < matches.size(); ++i)
    BOOST_TEST(matches[i - 1].concept_index < matches[i].concept_index);
}

BOOST_AUTO_TEST_CASE(matches_only_the_chosen_concepts) {
  const auto built = Matcher::build(lexicon(), {index_of("skill.python")});
  BOOST_TEST_REQUIRE(built.ok(), (built.ok() ? "" : built.error().message));
  const auto& m = *built;
  const Found f = find("Machine Learning mit Python", *m);
  BOOST_TEST(f.size() == 1u);
  BOOST_TEST(f.count("skill.python") == 1u);
}

BOOST_AUTO_TEST_CASE(match_replaces_previous_output) {
  std::vector<ConceptMatch> matches;
  matcher().match(jobmatch::test::tokens_of("Python und Machine Learning"), &matches);
  BOOST_TEST(matches.size() == 2u);
  matcher().match(jobmatch::test::tokens_of("nichts davon"), &matches);
  BOOST_TEST(matches.empty());
}

BOOST_AUTO_TEST_CASE(build_reports_regex_that_does_not_compile) {
  Lexicon lex;
  jobmatch::Concept c;
  c.id = "skill.broken";
  c.category = "skill";
  c.label = "Broken";
  c.strong.push_back(jobmatch::Pattern{"(", "("});
  lex.concepts.push_back(c);
  lex.by_id[c.id] = 0;
  const auto built = Matcher::build(lex, {});
  BOOST_TEST_REQUIRE(!built.ok());
  BOOST_TEST(built.error().message.find("skill.broken") != std::string::npos, built.error().message);
}

BOOST_AUTO_TEST_CASE(generated_text_gives_ordered_spans_within_the_input) {
  jobmatch::test::Generator gen(5);
  std::vector<ConceptMatch> matches;
  size_t found_any = 0;
  for (int i = 0; i < 3000; ++i) {
    const std::string input = gen.next();
    const std::string shown = jobmatch::test::show_bytes(input);
    const auto tk = jobmatch::test::tokenized(input);
    const jobmatch::TokenStream& ts = tk.ts;
    matcher().match(ts, &matches);
    found_any += !matches.empty();
    for (size_t k = 0; k < matches.size(); ++k) {
      if (k) BOOST_TEST_REQUIRE(matches[k - 1].concept_index < matches[k].concept_index, shown);
      BOOST_TEST_REQUIRE(!matches[k].spans.empty(), shown);
      for (size_t j = 0; j < matches[k].spans.size(); ++j) {
        const TextSpan s = matches[k].spans[j];
        BOOST_TEST_REQUIRE(s.begin < s.end, shown);
        BOOST_TEST_REQUIRE(s.end < ts.text.size(), shown);
        if (j) BOOST_TEST_REQUIRE(matches[k].spans[j - 1].end <= s.begin, shown);
        BOOST_TEST_REQUIRE(tk.input_begin(s.begin) <= tk.input_end(s.begin, s.end), shown);
        BOOST_TEST_REQUIRE(tk.input_end(s.begin, s.end) <= input.size(), shown);
      }
    }
  }
  BOOST_TEST(found_any > 100u);  // the generator does produce matches
}

BOOST_AUTO_TEST_CASE(find_all_reuses_the_boundary_between_adjacent_matches) {
  const RE2 re(jobmatch::wrap_in_boundaries({"r"}));
  std::vector<TextSpan> spans;
  Matcher::find_all(re, " r r x r ", &spans);
  const std::vector<TextSpan> expected = {{1, 2}, {3, 4}, {7, 8}};
  BOOST_TEST_REQUIRE(spans.size() == expected.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    BOOST_TEST(spans[i].begin == expected[i].begin);
    BOOST_TEST(spans[i].end == expected[i].end);
  }
}

BOOST_AUTO_TEST_CASE(find_all_is_leftmost_longest) {
  const RE2 re(jobmatch::wrap_in_boundaries({"machine", "machine[ /.'\\-]learning"}),
               [] {
                 RE2::Options o;
                 o.set_longest_match(true);
                 return o;
               }());
  std::vector<TextSpan> spans;
  Matcher::find_all(re, " machine learning ", &spans);
  BOOST_TEST_REQUIRE(spans.size() == 1u);
  BOOST_TEST(spans[0].begin == 1u);
  BOOST_TEST(spans[0].end == 17u);
}

// The phrase matcher against its reference: for every pattern group, what the group's own RE2
// finds (B(alt|...)B, leftmost-longest from every boundary, over the whole text) is exactly the
// matcher's group_matches. Text is made of the lexicon's own words (stars filled in, joined by
// every kind of separator, cased and spelt as ads write them) so that most groups do match.
namespace {

std::vector<std::string> lexicon_words(const Lexicon& lex) {
  std::set<std::string> words;
  for (const auto& c : lex.concepts)
    for (const auto* ps : {&c.strong, &c.weak, &c.near, &c.exclude})
      for (const auto& p : *ps) {
        if (p.source.starts_with("re:")) {  // its literal runs: "prototypes", "into", "c", "0"
          std::string w;
          for (const char ch : p.source.substr(3) + " ") {
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
              w += ch;
            } else if (!w.empty()) {
              words.insert(w);
              w.clear();
            }
          }
          continue;
        }
        std::istringstream in(p.source);
        std::string w;
        while (in >> w) words.insert(w);
      }
  return {words.begin(), words.end()};
}

// Up to max_words words (40: most texts fall in one of the matcher's blocks of parts).
std::string phrase_text(jobmatch::test::Generator& gen, const std::vector<std::string>& words, uint32_t max_words = 40) {
  static const char* const seps[] = {" ", " ", " ", "-", "/", ".", "'", "&", "+", "#", ", ", "\n", " - ", "  ", "_"};
  static const char* const fills[] = {"", "s", "en", "ing", "x", "ung", "&d", "+", "-", "e"};
  std::string s;
  const uint32_t count = 1 + gen.rnd() % max_words;
  for (uint32_t k = 0; k < count; ++k) {
    if (gen.rnd() % 8 == 0) {
      s += gen.next();  // anything at all, now and then
    } else {
      std::string w = words[gen.rnd() % words.size()];
      std::string out;
      const bool rejoin = gen.rnd() % 3 == 0;  // "scikit-learn" as "scikit learn", "ai/ml" as "ai.ml"
      for (const char c : w) {
        if (c == '*')
          out += fills[gen.rnd() % std::size(fills)];
        else if (rejoin && jobmatch::is_boundary(c))
          out += " -/.'"[gen.rnd() % 5];
        else
          out += c;
      }
      if (gen.rnd() % 5 == 0 && !out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
      s += out;
    }
    s += seps[gen.rnd() % std::size(seps)];
  }
  return s;
}

// The embedded lexicon, with a matcher of all its concepts (the engine's has the profile's only).
struct Shipped {
  std::unique_ptr<jobmatch::Engine> engine;
  std::unique_ptr<Matcher> all;
};
const Shipped& shipped_lexicon() {
  static const Shipped shipped = [] {
    Shipped s;
    auto loaded = jobmatch::Engine::load(jobmatch::EngineOptions{});
    BOOST_TEST_REQUIRE(loaded.ok());
    s.engine = std::move(*loaded);
    auto built = Matcher::build(s.engine->lexicon(), {});
    BOOST_TEST_REQUIRE(built.ok(), (built.ok() ? "" : built.error().message));
    s.all = std::move(*built);
    return s;
  }();
  return shipped;
}

void check_against_regexes(const Lexicon& lex, const Matcher& m, uint32_t seed, int texts, uint32_t max_words = 40) {
  const std::vector<std::string> words = lexicon_words(lex);
  jobmatch::test::Generator gen(seed);
  RE2::Options o;
  o.set_longest_match(true);
  o.set_max_mem(64 << 20);
  std::vector<std::unique_ptr<RE2>> regexes;
  size_t compared = 0, matched = 0;
  for (int i = 0; i < texts; ++i) {
    const std::string input = phrase_text(gen, words, max_words);
    const TokenStream ts = jobmatch::test::tokens_of(input);
    const auto groups = m.group_matches(ts);
    if (regexes.empty())
      for (size_t g = 0; g < groups.size(); ++g) regexes.push_back(std::make_unique<RE2>(m.group_regex(g), o));
    for (size_t g = 0; g < groups.size(); ++g) {
      std::vector<TextSpan> expected;
      Matcher::find_all(*regexes[g], ts.text, &expected);
      ++compared;
      matched += !expected.empty();
      if (groups[g] == expected) continue;
      BOOST_ERROR("group " << g << " (" << m.group_regex(g).substr(0, 120) << ") on \""
                           << jobmatch::test::show_bytes(ts.text) << "\": " << groups[g].size()
                           << " spans, RE2 finds " << expected.size());
      return;
    }
  }
  BOOST_TEST(matched > compared / 50);  // the text does hit the groups
}

// check_against_regexes for a matcher of every concept of the lexicon in `text`: 3,000 short
// texts, and 100 of up to 1,500 words, whose phrases cross the matcher's blocks of parts.
void check_lexicon_against_regexes(const char* text, uint32_t seed) {
  const Lexicon lex = jobmatch::test::lexicon_from(text);
  const auto built = Matcher::build(lex, {});
  BOOST_TEST_REQUIRE(built.ok(), (built.ok() ? "" : built.error().message));
  const auto& m = *built;
  check_against_regexes(lex, *m, seed, 3000);
  check_against_regexes(lex, *m, seed + 1000, 100, 1500);
}

}  // namespace

BOOST_AUTO_TEST_CASE(phrase_matcher_equals_each_groups_regex_on_the_test_lexicon) {
  check_against_regexes(lexicon(), matcher(), 11, 3000);
  check_against_regexes(lexicon(), matcher(), 1011, 100, 1500);
}

// '*' parts with & + # in their literal (no shipped pattern has one) go through a regex of
// their own; infix and suffix anchors, and phrases without any literal, through other paths.
BOOST_AUTO_TEST_CASE(phrase_matcher_equals_each_groups_regex_on_rare_pattern_shapes) {
  check_lexicon_against_regexes(R"(concept skill.odd
  label   Odd shapes
  origin  article
  any     r&d* | *&d | c++* | f# | *ing | *prototyp* | *a*b* | x* y | data * engineer | a-b*c-d
  weak    * ml | * * | *e* *
  near    python
)",
                                13);
}

// Phrases anchored by two-, three- and four-byte heads and tails (no two alike in their outer
// two bytes), and nothing tried at every part: each kind of affix key must get its parts
// through the block filters.
BOOST_AUTO_TEST_CASE(phrase_matcher_equals_each_groups_regex_on_short_affix_keys) {
  check_lexicon_against_regexes(R"(concept skill.short
  label   Short keys
  origin  article
  any     qk* | *zq | vjw* | *jxv | pmyx* | *wymb | vw* ops | *yz* | kq*x
  near    python
)",
                                14);
}

// re: patterns: tried where their first literal is (and when the others are in the text), or
// searched through the text (no literal to go by), or only around the matches a `not` could drop.
BOOST_AUTO_TEST_CASE(phrase_matcher_equals_each_groups_regex_on_re_pattern_shapes) {
  check_lexicon_against_regexes(R"(concept skill.re
  label   Re shapes
  origin  article
  any     re:(?:proto|poc)s? (?:[^ ]+ ){0,2}(?:into|to) prod[^ ]* | re:c\+\+[0-9]+ | re:ab|cd[0-9]
  any     re:xy(?:z|w)+ q | re:[0-9]+ ml | re:ml[ /.'-]?ops | re:to (?:[^ ]+ )?to | re:pq (?:cd)?ef
  any     cdef
  weak    re:(?:build|make)(?: and [^ ]+)? (?:ml|ai)[ /.'-]models?
  near    python | re:q[0-9]
  not     re:[0-9]+ r | re:proto[^ ]* x | re:[a-z]+e/r | into
)",
                                14);
}

// A re: pattern tried where its first literal is, but only once the others are known to be in
// the text: thousands of tries put off (the other literal comes last) are not lost when the
// matcher stops putting them off and reads the whole text for the literals first; below that
// number they wait for the end of the text. Either way every match the group's regex finds.
BOOST_AUTO_TEST_CASE(re_pattern_tries_put_off_until_its_literals_are_known_are_all_made) {
  const Lexicon lex = jobmatch::test::lexicon_from(R"(concept skill.re
  label   Re shapes
  origin  article
  any     re:proto[^ ]* (?:[^ ]+ ){0,2}into prod[^ ]*
)");
  const auto built = Matcher::build(lex, {});
  BOOST_TEST_REQUIRE(built.ok(), (built.ok() ? "" : built.error().message));
  const auto& m = *built;
  RE2::Options o;
  o.set_longest_match(true);
  const RE2 re(m->group_regex(0), o);
  for (const size_t n : {10, 5000, 20000}) {
    std::string text;
    for (size_t k = 0; k < n; ++k) text += "proto x ";
    text += "into prod";  // the last proto is a match
    const TokenStream ts = jobmatch::test::tokens_of(text);
    std::vector<TextSpan> expected;
    Matcher::find_all(re, ts.text, &expected);
    const auto found = m->group_matches(ts);
    BOOST_TEST(expected.size() == 1u, n);
    BOOST_TEST((found.at(0) == expected), n << " places: " << found.at(0).size() << " spans, RE2 finds " << expected.size());
  }
}

// What match() keeps of a concept with strong and `not` patterns: the strong matches that
// overlap no `not` match anywhere in the text (group_matches searches every `not` regex through
// the whole text; match() searches those without literals only near each strong match).
BOOST_AUTO_TEST_CASE(not_regexes_searched_near_each_match_drop_what_a_whole_text_search_would) {
  const Lexicon lex = jobmatch::test::lexicon_from(R"(concept core.ml
  label   ML
  origin  article
  any     ml | machine learning | r | ml*ops | data
  not     re:[0-9][0-9.,]* ml | re:[0-9]+ r | re:[^ ]*e/r | re:[a-z]+(?:ene|ete) r | re:r/[0-9]+ | 5 x ml
  not     re:(?:big|small) (?:[^ ]+ ){0,3}data | re:[a-z]+ (?:[^ ]+ ){0,3}data
)");
  const auto built = Matcher::build(lex, {});
  BOOST_TEST_REQUIRE(built.ok(), (built.ok() ? "" : built.error().message));
  const auto& m = *built;
  const std::vector<std::string> words = {"ml", "machine", "learning", "r", "data", "500", "5", "1.5", "x", "e/r",
                                          "er", "gute", "bewertete", "r/2", "big", "small", "mlops", "ml-ops", "a"};
  jobmatch::test::Generator gen(15);
  size_t dropped = 0, kept = 0;
  for (int i = 0; i < 3000; ++i) {
    const TokenStream ts = jobmatch::test::tokens_of(phrase_text(gen, words));
    const auto groups = m->group_matches(ts);  // [0] the strong patterns, [1] the `not` ones
    BOOST_TEST_REQUIRE(groups.size() == 2u);
    std::vector<TextSpan> expected;
    for (const TextSpan& sp : groups[0]) {
      const bool overlaps = std::any_of(groups[1].begin(), groups[1].end(),
                                        [&](const TextSpan& x) { return x.begin < sp.end && sp.begin < x.end; });
      (overlaps ? dropped : kept) += 1;
      if (overlaps) continue;
      if (!expected.empty() && sp.begin < expected.back().end)
        expected.back().end = std::max(expected.back().end, sp.end);
      else
        expected.push_back(sp);
    }
    std::vector<ConceptMatch> got;
    m->match(ts, &got);
    const std::vector<TextSpan> spans = got.empty() ? std::vector<TextSpan>{} : got[0].spans;
    BOOST_TEST_REQUIRE((spans == expected), "on \"" << jobmatch::test::show_bytes(ts.text) << "\": " << spans.size()
                                                    << " spans, expected " << expected.size());
  }
  BOOST_TEST(dropped > 500u);
  BOOST_TEST(kept > 500u);
}

BOOST_AUTO_TEST_CASE(phrase_matcher_equals_each_groups_regex_on_the_shipped_lexicon) {
  const Shipped& shipped = shipped_lexicon();
  check_against_regexes(shipped.engine->lexicon(), *shipped.all, 12, 1500);
  check_against_regexes(shipped.engine->lexicon(), *shipped.all, 1012, 50, 1500);
}

BOOST_AUTO_TEST_CASE(phrase_matcher_equals_each_groups_regex_on_the_samples) {
  const std::unique_ptr<Matcher>& all = shipped_lexicon().all;
  RE2::Options o;
  o.set_longest_match(true);
  o.set_max_mem(64 << 20);
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(JOBMATCH_SOURCE_DIR) / "samples")) {
    if (e.path().extension() != ".txt") continue;
    ++files;
    const TokenStream ts = jobmatch::test::tokens_of(jobmatch::test::read_whole_file(e.path()));
    const auto groups = all->group_matches(ts);
    for (size_t g = 0; g < groups.size(); ++g) {
      std::vector<TextSpan> expected;
      Matcher::find_all(RE2(all->group_regex(g), o), ts.text, &expected);
      BOOST_TEST((groups[g] == expected), e.path().filename() << " group " << g << ": " << all->group_regex(g).substr(0, 100));
    }
  }
  BOOST_TEST(files > 20u);
}

// A text that is one match after another keeps its first 4,096 matches per pattern group, so
// its memory stays bounded; below that, every match counts.
BOOST_AUTO_TEST_CASE(matches_per_group_are_capped_at_4096) {
  const jobmatch::Matcher& all = *shipped_lexicon().all;
  const auto spans_of_ml = [&](size_t words) {
    std::string text;
    for (size_t k = 0; k < words; ++k) text += "ml ";
    std::vector<jobmatch::ConceptMatch> out;
    all.match(jobmatch::test::tokens_of(text), &out);
    for (const jobmatch::ConceptMatch& m : out)
      if (shipped_lexicon().engine->lexicon().concepts.at(m.concept_index).id == "core.machine_learning")
        return m.spans.size();
    return size_t{0};
  };
  BOOST_TEST(spans_of_ml(4000) == 4000u);
  BOOST_TEST(spans_of_ml(5000) == 4096u);
}

BOOST_AUTO_TEST_SUITE_END()
