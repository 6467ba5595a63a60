#include "lexicon/lexicon.h"

#include <boost/test/unit_test.hpp>

#include "test_helpers.h"

using jobmatch::Diagnostic;
using jobmatch::format_diagnostic;
using jobmatch::Lexicon;
using jobmatch::SourceFile;
using jobmatch::test::lexicon_diags;
using jobmatch::test::lexicon_from;

namespace {

// The only diagnostic of parsing text; fails the test if there is not exactly one.
Diagnostic only_diag(const std::string& text) {
  const std::vector<Diagnostic> diags = lexicon_diags(text);
  BOOST_TEST_REQUIRE(diags.size() == 1u);
  return diags[0];
}

// True if some diagnostic has this line, column and message.
bool has_diag(const std::vector<Diagnostic>& diags, size_t line, size_t col,
              const std::string& message) {
  for (const Diagnostic& d : diags)
    if (d.line == line && d.col == col && d.message == message) return true;
  return false;
}

std::string all(const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const Diagnostic& d : diags) out += format_diagnostic(d);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lexicon)

BOOST_AUTO_TEST_CASE(parses_concept_blocks) {
  const Lexicon lex = lexicon_from(
      "# a comment\n"
      "\n"
      "concept skill.r\n"
      "  label   R\n"
      "  origin  article\n"
      "  en      r programming | rstudio\n"
      "  de      r-kenntnisse\n"
      "  # a comment inside a block\n"
      "  weak    r\n"
      "  near    python | statisti*\n"
      "  window  6\n"
      "  not     re:[0-9]+ r\n"
      "concept skill.pytorch\n"
      "  label   PyTorch\n"
      "  origin  extension\n"
      "  any     pytorch*\n");
  BOOST_TEST_REQUIRE(lex.concepts.size() == 2u);
  const jobmatch::Concept* r = lex.find("skill.r");
  BOOST_TEST_REQUIRE(r != nullptr);
  BOOST_TEST(r->id == "skill.r");
  BOOST_TEST(r->category == "skill");
  BOOST_TEST(r->label == "R");
  BOOST_TEST(!r->extension);
  BOOST_TEST(r->window == 6);
  BOOST_TEST(r->line == 3u);
  BOOST_TEST(r->file == "test.lex");
  BOOST_TEST_REQUIRE(r->strong.size() == 3u);
  BOOST_TEST(r->strong[0].source == "r programming");
  BOOST_TEST(r->strong[2].source == "r-kenntnisse");
  BOOST_TEST(r->weak.size() == 1u);
  BOOST_TEST(r->near.size() == 2u);
  BOOST_TEST(r->exclude.size() == 1u);
  const jobmatch::Concept* pt = lex.find("skill.pytorch");
  BOOST_TEST_REQUIRE(pt != nullptr);
  BOOST_TEST(pt->extension);
  BOOST_TEST(pt->window == 8);  // the default
  BOOST_TEST(pt->strong[0].source == "pytorch*");
  BOOST_TEST(lex.by_id.at("skill.pytorch") == 1u);
  BOOST_TEST(lex.find("skill.java") == nullptr);
}

BOOST_AUTO_TEST_CASE(accepts_crlf_line_ends) {
  const Lexicon lex =
      lexicon_from("concept skill.x\r\n  label X\r\n  origin article\r\n  en x\r\n");
  BOOST_TEST_REQUIRE(lex.concepts.size() == 1u);
  BOOST_TEST(lex.concepts[0].label == "X");
  BOOST_TEST(lex.concepts[0].strong.at(0).source == "x");
}

BOOST_AUTO_TEST_CASE(reports_unknown_key_with_line_and_caret) {
  const Diagnostic d = only_diag(
      "concept skill.x\n"
      "  label   X\n"
      "  origin  article\n"
      "  colour  red\n"
      "  en      x\n");
  BOOST_TEST(format_diagnostic(d) ==
             "test.lex:4:3: error: unknown key 'colour' (expected label, origin, en, de, any, "
             "weak, near, window, not)\n"
             "      colour  red\n"
             "      ^\n");
}

BOOST_AUTO_TEST_CASE(reports_duplicate_id_with_first_definition) {
  const std::vector<Diagnostic> diags = lexicon_diags(
      "concept skill.x\n"
      "  label   X\n"
      "  origin  article\n"
      "  en      x\n"
      "\n"
      "concept skill.x\n"
      "  label   X again\n");
  BOOST_TEST_REQUIRE(!diags.empty());
  BOOST_TEST(format_diagnostic(diags[0]) ==
             "test.lex:6:9: error: duplicate concept id 'skill.x' (first defined at test.lex:1)\n"
             "    concept skill.x\n"
             "            ^\n");
}

// The lines under a rejected concept line get no errors of their own ("expected 'concept ID'").
BOOST_AUTO_TEST_CASE(duplicate_id_reports_one_error) {
  const std::vector<Diagnostic> diags = lexicon_diags(
      "concept skill.x\n"
      "  label   X\n"
      "  origin  article\n"
      "  en      x\n"
      "concept skill.x\n"
      "  label   X again\n"
      "  origin  article\n"
      "  en      y\n");
  BOOST_TEST(diags.size() == 1u, all(diags));
}

BOOST_AUTO_TEST_CASE(reports_duplicate_id_across_files) {
  Lexicon lex;
  const jobmatch::Status parsed = jobmatch::parse_lexicon(
      {SourceFile{"a.lex", "concept skill.x\n  label X\n  origin article\n  en x\n"},
       SourceFile{"b.lex", "# second file\nconcept skill.x\n  label X\n  origin article\n  en x\n"}},
      &lex);
  BOOST_TEST_REQUIRE(!parsed.ok());
  const auto& diags = parsed.error().diagnostics;
  BOOST_TEST_REQUIRE(!diags.empty());
  BOOST_TEST(diags[0].file == "b.lex");
  BOOST_TEST(diags[0].line == 2u);
  BOOST_TEST(diags[0].message == "duplicate concept id 'skill.x' (first defined at a.lex:1)");
}

BOOST_AUTO_TEST_CASE(refuses_a_re_pattern_that_can_span_more_tokens_than_the_reach) {
  // A re: match spans at most 64 tokens: a repeat that can cross more token boundaries (or no
  // end of them) is an error at the repeat, since the matcher would not find what it says.
  const Diagnostic wide = only_diag(
      "concept skill.x\n"
      "  label   X\n"
      "  origin  article\n"
      "  en      foo | re:(?:[^ ]+ ){0,1000}python\n");
  BOOST_TEST(wide.line == 4u);
  BOOST_TEST(wide.col == 20u);  // the group the {0,1000} repeats
  BOOST_TEST(wide.message.starts_with("this repeat can cross 1000 token boundaries"), wide.message);
  const Diagnostic dot = only_diag(
      "concept skill.x\n"
      "  label   X\n"
      "  origin  article\n"
      "  en      re:python.*sql\n"
      "  any     x\n");
  BOOST_TEST(dot.col == 20u);  // the '.'
  BOOST_TEST(format_diagnostic(dot).starts_with("test.lex:4:20: error: this repeat can cross token boundaries without end"),
             format_diagnostic(dot));
  for (const std::string bad : {"re:.{0,1000}python", "re:a\\s+b", "re:a[^a-z]*b", "re:a(?:x|y )+b", "re:a\\D{64}",
                                "re:(?: a){10}(?: b){60}", "re:a[[:space:]]*", "re:a\\pZ+", "re:a\\x20*"}) {
    const auto diags = lexicon_diags("concept skill.x\n  label X\n  origin article\n  any x\n  en " + bad + "\n");
    BOOST_TEST(diags.size() == 1u, bad);
  }
  // What stays within a token, or counts fewer tokens, loads.
  jobmatch::test::lexicon_from(
      "concept skill.x\n  label X\n  origin article\n"
      "  en re:a[^ ]*b | re:a(?:[^ ]+ ){0,62}b | re:a.{0,63}b | re:[0-9]+ r | re:a\\S+ b | re:a[a-z ]? b\n"
      "  en re:(?:prototypes?|pocs?) (?:[^ ]+ ){0,4}(?:into|to) production | re:a[\\w.-]+ | re:a(?i:x)+ b\n");
}

BOOST_AUTO_TEST_CASE(reports_invalid_regex_at_the_regex) {
  const Diagnostic d = only_diag(
      "concept skill.x\n"
      "  label   X\n"
      "  origin  article\n"
      "  en      foo | re:(bar\n");
  BOOST_TEST(d.file == "test.lex");
  BOOST_TEST(d.line == 4u);
  BOOST_TEST(d.col == 20u);  // the '(' after "re:"
  BOOST_TEST(d.message.starts_with("invalid regular expression: "), d.message);
  const std::string text = format_diagnostic(d);
  BOOST_TEST(text.starts_with("test.lex:4:20: error: invalid regular expression: "), text);
  BOOST_TEST(text.ends_with("\n    " + std::string("  en      foo | re:(bar") + "\n    " +
                            std::string(19, ' ') + "^\n"),
             text);
}

BOOST_AUTO_TEST_CASE(reports_weak_without_near) {
  const Diagnostic d = only_diag(
      "concept skill.r\n"
      "  label   R\n"
      "  origin  article\n"
      "  weak    r\n");
  BOOST_TEST(format_diagnostic(d) ==
             "test.lex:1:1: error: concept 'skill.r' has weak patterns but no 'near' context\n"
             "    concept skill.r\n"
             "    ^\n");
}

BOOST_AUTO_TEST_CASE(reports_pattern_that_matches_empty_string) {
  const Diagnostic d = only_diag(
      "concept skill.x\n"
      "  label   X\n"
      "  origin  article\n"
      "  en      x | *\n");
  BOOST_TEST(d.line == 4u);
  BOOST_TEST(d.col == 15u);
  BOOST_TEST(d.message == "pattern matches the empty string");
}

BOOST_AUTO_TEST_CASE(reports_empty_alternative) {
  const Diagnostic d = only_diag(
      "concept skill.x\n"
      "  label   X\n"
      "  origin  article\n"
      "  en      x |  | y\n");
  BOOST_TEST(d.line == 4u);
  BOOST_TEST(d.message == "empty pattern");
}

BOOST_AUTO_TEST_CASE(reports_missing_label) {
  const Diagnostic d = only_diag(
      "\n"
      "concept skill.x\n"
      "  origin  article\n"
      "  en      x\n");
  BOOST_TEST(format_diagnostic(d) ==
             "test.lex:2:1: error: concept 'skill.x' has no label\n"
             "    concept skill.x\n"
             "    ^\n");
}

BOOST_AUTO_TEST_CASE(reports_missing_origin_and_patterns) {
  const auto diags = lexicon_diags("concept skill.x\n  label X\n");
  BOOST_TEST(diags.size() == 2u, all(diags));
  BOOST_TEST(has_diag(diags, 1, 1, "concept 'skill.x' has no origin (article or extension)"),
             all(diags));
  BOOST_TEST(has_diag(diags, 1, 1, "concept 'skill.x' has no patterns (en, de, any or weak)"),
             all(diags));
}

BOOST_AUTO_TEST_CASE(reports_invalid_origin_and_window) {
  const auto diags = lexicon_diags(
      "concept skill.x\n"
      "  label   X\n"
      "  origin  maybe\n"
      "  en      x\n"
      "  window  0\n"
      "  window  2.5\n"
      "  window  many\n"
      "  window  101\n");
  BOOST_TEST(has_diag(diags, 3, 11, "origin must be 'article' or 'extension'"), all(diags));
  for (size_t line = 5; line <= 8; ++line)
    BOOST_TEST(has_diag(diags, line, 11, "window must be a whole number from 1 to 100"),
               "line " << line << "\n" << all(diags));
  BOOST_TEST(diags.size() == 5u, all(diags));
}

BOOST_AUTO_TEST_CASE(reports_invalid_concept_ids) {
  for (const std::string id : {"Skill.X", "skill", "skill.", ".x", "a.b.c", "skill.c++"}) {
    const auto diags = lexicon_diags("concept " + id + "\n");
    BOOST_TEST(has_diag(diags, 1, 9,
                        "concept id must be 'category.name' in lowercase letters, digits and '_'"),
               id << "\n" << all(diags));
  }
  // The block under a rejected id is skipped without further errors.
  const auto block = lexicon_diags("concept Skill.X\n  label X\n  origin article\n  en x\n");
  BOOST_TEST(block.size() == 1u, all(block));
  const Lexicon ok = lexicon_from("concept skill_2.c_plus_plus\n  label C++\n  origin article\n  any c++\n");
  BOOST_TEST(ok.concepts.size() == 1u);
}

BOOST_AUTO_TEST_CASE(reports_entry_before_any_concept) {
  const Diagnostic d = only_diag("  label X\n");
  BOOST_TEST(d.line == 1u);
  BOOST_TEST(d.col == 3u);
  BOOST_TEST(d.message == "expected 'concept ID' before 'label'");
}

BOOST_AUTO_TEST_CASE(reports_key_without_value_after_the_line) {
  const auto diags = lexicon_diags("concept skill.x\n  label\n  origin article\n  en x\n");
  // col 8: one past the end of "  label"
  BOOST_TEST(has_diag(diags, 2, 8, "'label' needs a value"), all(diags));
  // The label was not given, so it is missing as well.
  BOOST_TEST(has_diag(diags, 1, 1, "concept 'skill.x' has no label"), all(diags));
  BOOST_TEST(diags.size() == 2u, all(diags));
}

BOOST_AUTO_TEST_CASE(reports_character_that_never_occurs_in_a_token) {
  const Diagnostic d =
      only_diag("concept skill.x\n  label X\n  origin article\n  en    data sci!ence | x\n");
  BOOST_TEST(d.line == 4u);
  BOOST_TEST(d.col == 14u);  // start of the word "sci!ence"
  BOOST_TEST(d.message.starts_with("character that never occurs inside a token"), d.message);
}

BOOST_AUTO_TEST_CASE(caret_counts_characters_not_bytes) {
  const Diagnostic d = only_diag(
      "concept skill.x\n"
      "  label   X\n"
      "  origin  article\n"
      "  de      fähig | *\n");
  BOOST_TEST(d.col == 20u);  // bytes: "ä" is two
  BOOST_TEST(format_diagnostic(d) ==
             "test.lex:4:20: error: pattern matches the empty string\n"
             "      de      fähig | *\n"
             "    " + std::string(18, ' ') + "^\n");
}

BOOST_AUTO_TEST_CASE(diagnostic_escapes_control_characters_and_keeps_caret_aligned) {
  const Diagnostic d = only_diag("concept skill.x\n\tlabel X\n\torigin article\n\tcolour red\n\ten x\n");
  BOOST_TEST(format_diagnostic(d) ==
             "test.lex:4:2: error: unknown key 'colour' (expected label, origin, en, de, any, "
             "weak, near, window, not)\n"
             "    \\tcolour red\n"
             "      ^\n");
}

BOOST_AUTO_TEST_CASE(diagnostic_without_line_text_is_one_line) {
  const Diagnostic at_line{"x.lex", 1, 1, "profile 'p' has no sections", ""};
  BOOST_TEST(format_diagnostic(at_line) == "x.lex:1:1: error: profile 'p' has no sections\n");
  // A diagnostic about the whole file (line 0) names the file alone.
  const Diagnostic whole_file{"x.lex", 0, 0, "cannot read file", ""};
  BOOST_TEST(format_diagnostic(whole_file) == "x.lex: error: cannot read file\n");
}

// With overrides, a concept of the user's files replaces a built-in one of the same id in place
// and is listed; a second one with that id, or two among the user's files, is still a duplicate.
BOOST_AUTO_TEST_CASE(user_concepts_replace_built_in_ones_in_place) {
  Lexicon lex = lexicon_from("concept a.one\n  label One\n  origin article\n  en one\n"
                             "concept a.two\n  label Two\n  origin article\n  en two\n",
                             "<embedded>/base.lex");
  std::vector<jobmatch::ConceptOverride> overrides;
  const jobmatch::Status parsed = jobmatch::parse_lexicon(
      {SourceFile{"user.lex", "concept a.new\n  label New\n  origin extension\n  en new\n"
                              "concept a.two\n  label Mine\n  origin extension\n  en zwei\n"}},
      &lex, &overrides);
  BOOST_TEST_REQUIRE(parsed.ok());
  BOOST_TEST_REQUIRE(lex.concepts.size() == 3u);
  BOOST_TEST(lex.by_id.at("a.two") == 1u);
  BOOST_TEST(lex.concepts[1].label == "Mine");
  BOOST_TEST(lex.concepts[1].file == "user.lex");
  BOOST_TEST(lex.concepts[1].strong.at(0).source == "zwei");
  BOOST_TEST_REQUIRE(overrides.size() == 1u);
  BOOST_TEST(overrides[0].id == "a.two");
  BOOST_TEST(overrides[0].at.file == "user.lex");
  BOOST_TEST(overrides[0].at.line == 5u);
  BOOST_TEST(overrides[0].at.col == 9u);
  BOOST_TEST(overrides[0].replaced_file == "<embedded>/base.lex");
  BOOST_TEST(overrides[0].replaced_line == 5u);

  // Two of the user's files with one id: the second is a duplicate of the first.
  Lexicon base = lexicon_from("concept a.one\n  label One\n  origin article\n  en one\n");
  const std::string one = "concept a.one\n  label Mine\n  origin article\n  en eins\n";
  const jobmatch::Status twice =
      jobmatch::parse_lexicon({SourceFile{"u1.lex", one}, SourceFile{"u2.lex", one}}, &base, &overrides);
  BOOST_TEST_REQUIRE(!twice.ok());
  BOOST_TEST(twice.error().message == "duplicate concept id 'a.one' (first defined at u1.lex:1)");
  // Without overrides, an id already there is a duplicate.
  Lexicon plain = lexicon_from("concept a.one\n  label One\n  origin article\n  en one\n");
  const jobmatch::Status dup = jobmatch::parse_lexicon(
      {SourceFile{"user.lex", "concept a.one\n  label One\n  origin article\n  en one\n"}}, &plain);
  BOOST_TEST_REQUIRE(!dup.ok());
  BOOST_TEST(dup.error().message == "duplicate concept id 'a.one' (first defined at test.lex:1)");
}

BOOST_AUTO_TEST_CASE(an_unknown_key_gets_a_hint) {
  const Diagnostic d = only_diag("concept a.one\n  label One\n  origin article\n  en one\n  wnidow 3\n");
  BOOST_TEST(d.message == "unknown key 'wnidow' (did you mean 'window'? expected label, origin, en, de, any, weak, near, window, not)");
}

BOOST_AUTO_TEST_SUITE_END()
