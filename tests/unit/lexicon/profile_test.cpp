#include "lexicon/profile.h"

#include <boost/test/unit_test.hpp>

#include "test_helpers.h"

using jobmatch::Diagnostic;
using jobmatch::format_diagnostic;
using jobmatch::Lexicon;
using jobmatch::Profile;
using jobmatch::SourceFile;

namespace {

const Lexicon& test_lexicon() { return jobmatch::test::three_concept_lexicon(); }

struct Parsed {
  Profile profile;
  std::vector<Diagnostic> diags;
  std::string shown;  // all diagnostics, formatted, for failure messages
};

Parsed parse(const std::string& text) {
  Parsed p;
  if (const jobmatch::Status parsed = jobmatch::parse_profile(SourceFile{"test.profile", text}, test_lexicon(), &p.profile);
      !parsed.ok())
    p.diags = parsed.error().diagnostics;
  for (const Diagnostic& d : p.diags) p.shown += format_diagnostic(d);
  return p;
}

bool has_diag(const Parsed& p, size_t line, size_t col, const std::string& message) {
  for (const Diagnostic& d : p.diags)
    if (d.line == line && d.col == col && d.message == message) return true;
  return false;
}

const std::string kHead = "profile test\n  label Test\n";  // lines 1-2

}  // namespace

BOOST_AUTO_TEST_SUITE(profile)

BOOST_AUTO_TEST_CASE(parses_sections_weights_and_must_haves) {
  const Parsed p = parse(
      "# the test profile\n"
      "profile test\n"
      "  label    Test profile\n"
      "  penalty  0.5\n"
      "\n"
      "section s1\n"
      "  label   Section one\n"
      "  weight  3\n"
      "  need    2.5\n"
      "  a.one   2  must\n"
      "  a.two   0.5\n"
      "section s2\n"
      "  b.three 1\n");
  BOOST_TEST_REQUIRE(p.diags.empty(), p.shown);
  BOOST_TEST(p.profile.name == "test");
  BOOST_TEST(p.profile.label == "Test profile");
  BOOST_TEST(p.profile.penalty == 0.5);
  BOOST_TEST_REQUIRE(p.profile.sections.size() == 2u);
  const jobmatch::Section& s1 = p.profile.sections[0];
  BOOST_TEST(s1.name == "s1");
  BOOST_TEST(s1.label == "Section one");
  BOOST_TEST(s1.weight == 3.0);
  BOOST_TEST(s1.need == 2.5);
  BOOST_TEST_REQUIRE(s1.concepts.size() == 2u);
  BOOST_TEST(s1.concepts[0].concept_index == test_lexicon().by_id.at("a.one"));
  BOOST_TEST(s1.concepts[0].weight == 2.0);
  BOOST_TEST(s1.concepts[0].must);
  BOOST_TEST(s1.concepts[1].concept_index == test_lexicon().by_id.at("a.two"));
  BOOST_TEST(s1.concepts[1].weight == 0.5);
  BOOST_TEST(!s1.concepts[1].must);
  const jobmatch::Section& s2 = p.profile.sections[1];
  BOOST_TEST(s2.label == "s2");  // defaults to the name
  BOOST_TEST(s2.weight == 1.0);
  BOOST_TEST(s2.need == 1.0);
  BOOST_TEST(s2.concepts.at(0).concept_index == test_lexicon().by_id.at("b.three"));
}

BOOST_AUTO_TEST_CASE(penalty_defaults_to_0_6) {
  const Parsed p = parse(kHead + "section s\n  a.one 1\n");
  BOOST_TEST_REQUIRE(p.diags.empty(), p.shown);
  BOOST_TEST(p.profile.penalty == 0.6);
}

BOOST_AUTO_TEST_CASE(reports_unknown_concept) {
  const Parsed p = parse(kHead + "section s\n  a.one 1\n  a.nine 1\n  b.treee 1\n");
  BOOST_TEST(p.diags.size() == 2u, p.shown);
  BOOST_TEST(has_diag(p, 6, 3, "unknown concept 'b.treee' (not in the lexicon; did you mean 'b.three'?)"), p.shown);
  BOOST_TEST(has_diag(p, 5, 3, "unknown concept 'a.nine' (not in the lexicon; did you mean 'a.one'?)"), p.shown);
  BOOST_TEST(p.shown.starts_with(
             "test.profile:5:3: error: unknown concept 'a.nine' (not in the lexicon; did you mean 'a.one'?)\n"
             "      a.nine 1\n"
             "      ^\n"));
}

BOOST_AUTO_TEST_CASE(reports_concept_in_two_sections) {
  const Parsed p = parse(kHead +
                         "section s1\n"
                         "  a.one 1\n"
                         "section s2\n"
                         "  a.two 1\n"
                         "  a.one 2\n");
  BOOST_TEST(p.diags.size() == 1u, p.shown);
  BOOST_TEST(has_diag(p, 7, 3, "concept 'a.one' already stands in section 's1'"), p.shown);
}

BOOST_AUTO_TEST_CASE(reports_weight_that_is_not_a_number) {
  const Parsed p = parse(kHead +
                         "section s\n"
                         "  weight  heavy\n"
                         "  need    2x\n"
                         "  a.one   lots\n"
                         "  a.two   -1\n"
                         "  b.three\n");
  BOOST_TEST(has_diag(p, 4, 11, "'weight' must be a number"), p.shown);
  BOOST_TEST(has_diag(p, 5, 11, "'need' must be a number"), p.shown);
  BOOST_TEST(has_diag(p, 6, 11, "weight must be a positive number of at most 10000"), p.shown);
  BOOST_TEST(has_diag(p, 7, 11, "weight must be a positive number of at most 10000"), p.shown);
  BOOST_TEST(has_diag(p, 8, 10, "weight must be a positive number of at most 10000"), p.shown);
}

BOOST_AUTO_TEST_CASE(reports_section_weight_that_is_not_positive) {
  const Parsed p = parse(kHead + "section s\n  weight 0\n  need -2\n  a.one 1\n");
  BOOST_TEST(has_diag(p, 4, 10, "'weight' must be greater than 0 and at most 10000"), p.shown);
  BOOST_TEST(has_diag(p, 5, 8, "'need' must be greater than 0 and at most 10000"), p.shown);
  BOOST_TEST(p.diags.size() == 2u, p.shown);
}

// Weights so large that their sums overflow made every score NaN, which passes every gate.
BOOST_AUTO_TEST_CASE(reports_weights_too_large_to_add_up) {
  const Parsed p = parse(kHead +
                         "title\n"
                         "  weight 1e308\n"
                         "section s\n"
                         "  weight 1e308\n"
                         "  need 20000\n"
                         "  a.one 1e300\n"
                         "  a.two 10000\n");
  BOOST_TEST(has_diag(p, 4, 10, "'weight' must be from 0 to 10000"), p.shown);
  BOOST_TEST(has_diag(p, 6, 10, "'weight' must be greater than 0 and at most 10000"), p.shown);
  BOOST_TEST(has_diag(p, 7, 8, "'need' must be greater than 0 and at most 10000"), p.shown);
  BOOST_TEST(has_diag(p, 8, 9, "weight must be a positive number of at most 10000"), p.shown);
  BOOST_TEST(p.diags.size() == 4u, p.shown);
}

// A title concept's value is from 0 (it names another kind of job) to 1.
BOOST_AUTO_TEST_CASE(title_values_from_0_to_1) {
  const Parsed ok = parse(kHead + "section s\n  a.one 1\ntitle\n  weight 1\n  a.two 1\n  b.three 0\n");
  BOOST_TEST(ok.diags.empty(), ok.shown);
  BOOST_TEST(ok.profile.title.concepts.size() == 2u);
  BOOST_TEST(ok.profile.title.concepts[1].second == 0.0);
  for (const std::string value : {"-0.1", "1.5", "x"}) {
    const Parsed p = parse(kHead + "section s\n  a.one 1\ntitle\n  weight 1\n  a.two " + value + "\n");
    BOOST_TEST(p.diags.size() == 1u, value << "\n" << p.shown);
    BOOST_TEST(has_diag(p, 7, 9, "a title concept's value must be a number in [0, 1]"), value << "\n" << p.shown);
  }
}

BOOST_AUTO_TEST_CASE(reports_concept_before_section) {
  const Parsed p = parse(kHead + "  a.one 1\nsection s\n  a.two 1\n");
  BOOST_TEST(p.diags.size() == 1u, p.shown);
  BOOST_TEST(has_diag(p, 3, 3, "concept 'a.one' stands before any 'section'"), p.shown);
}

BOOST_AUTO_TEST_CASE(reports_penalty_out_of_range) {
  for (const std::string value : {"1.5", "-0.1"}) {
    const Parsed p = parse("profile test\n  penalty " + value + "\nsection s\n  a.one 1\n");
    BOOST_TEST(p.diags.size() == 1u, value << "\n" << p.shown);
    BOOST_TEST(has_diag(p, 2, 11, "penalty must be between 0 and 1"), value << "\n" << p.shown);
  }
  for (const std::string value : {"0", "1"}) {
    const Parsed p = parse("profile test\n  penalty " + value + "\nsection s\n  a.one 1\n");
    BOOST_TEST(p.diags.empty(), value << "\n" << p.shown);
  }
}

BOOST_AUTO_TEST_CASE(reports_penalty_inside_a_section) {
  const Parsed p = parse(kHead + "section s\n  penalty 0.5\n  a.one 1\n");
  BOOST_TEST(has_diag(p, 4, 3, "'penalty' belongs to the profile, before any section"), p.shown);
}

BOOST_AUTO_TEST_CASE(reports_section_key_before_any_section) {
  const Parsed p = parse(kHead + "  weight 2\nsection s\n  a.one 1\n");
  BOOST_TEST(has_diag(p, 3, 3, "'weight' belongs to a section"), p.shown);
}

BOOST_AUTO_TEST_CASE(reports_flag_other_than_must) {
  const Parsed p = parse(kHead + "section s\n  a.one 1 maybe\n");
  BOOST_TEST(has_diag(p, 4, 11, "expected 'must' or nothing after the weight"), p.shown);
}

BOOST_AUTO_TEST_CASE(parses_a_must_have_of_alternatives) {
  const Parsed p = parse(kHead + "  must a.one | b.three\nsection s\n  a.one 1\n  a.two 1\n  b.three 1\n");
  BOOST_TEST(p.diags.empty(), p.shown);
  BOOST_TEST_REQUIRE(p.profile.musts.size() == 1u);
  const std::vector<size_t> want{test_lexicon().by_id.at("a.one"), test_lexicon().by_id.at("b.three")};
  BOOST_TEST(p.profile.musts[0] == want, boost::test_tools::per_element());
  const auto& cs = p.profile.sections[0].concepts;
  BOOST_TEST(cs[0].must);
  BOOST_TEST(!cs[1].must);
  BOOST_TEST(cs[2].must);
}

BOOST_AUTO_TEST_CASE(reports_bad_must_haves) {
  // Unknown concept (line 3, at its column), an empty alternative, a must inside a section, a
  // must-have concept in no section, and one concept in two must-haves.
  const Parsed p = parse(kHead +
                         "  must a.one | x.nine\n"
                         "  must a.one |  | a.two\n"
                         "  must b.three\n"
                         "section s\n"
                         "  must a.one\n"
                         "  a.one 1\n"
                         "  a.two 1 must\n");
  BOOST_TEST(has_diag(p, 3, 16, "unknown concept 'x.nine' (not in the lexicon)"), p.shown);
  BOOST_TEST(has_diag(p, 4, 16, "'must' needs concept ids, separated by ' | '"), p.shown);
  BOOST_TEST(has_diag(p, 7, 3, "'must' belongs to the profile, before any section"), p.shown);
  BOOST_TEST(has_diag(p, 5, 3, "must-have concept 'b.three' stands in no section"), p.shown);
  BOOST_TEST(has_diag(p, 4, 3, "concept 'a.one' is in two must-haves"), p.shown);
  BOOST_TEST(has_diag(p, 9, 3, "concept 'a.two' is in two must-haves"), p.shown);  // the later one
}

BOOST_AUTO_TEST_CASE(reports_unknown_key) {
  const Parsed p = parse(kHead + "section s\n  colour red\n  a.one 1\n");
  BOOST_TEST(p.diags.size() == 1u, p.shown);
  BOOST_TEST(has_diag(p, 4, 3,
                      "unknown key 'colour' (expected label, penalty, must, roles, contrast, "
                      "contrast_weight, floor, section, weight, need, title, extends, drop or a concept id)"),
             p.shown);
}

BOOST_AUTO_TEST_CASE(reports_missing_profile_line) {
  const Parsed p = parse("section s\n  a.one 1\n");
  BOOST_TEST(has_diag(p, 1, 1, "expected 'profile NAME' first"), p.shown);
  const Parsed empty = parse("# nothing here\n");
  BOOST_TEST(has_diag(empty, 1, 1, "no 'profile NAME' line"), empty.shown);
}

BOOST_AUTO_TEST_CASE(reports_second_profile_and_duplicate_section) {
  const Parsed p = parse(kHead + "section s\n  a.one 1\nsection s\n  a.two 1\nprofile other\n");
  BOOST_TEST(has_diag(p, 5, 9, "duplicate section 's'"), p.shown);
  BOOST_TEST(has_diag(p, 7, 1, "a profile file holds one profile"), p.shown);
}

BOOST_AUTO_TEST_CASE(reports_profile_and_section_without_content) {
  const Parsed none = parse(kHead);
  BOOST_TEST(has_diag(none, 1, 1, "profile 'test' has no sections"), none.shown);
  const Parsed empty_section = parse(kHead + "section s\nsection t\n  a.one 1\n");
  BOOST_TEST(empty_section.diags.size() == 1u, empty_section.shown);
  BOOST_TEST(has_diag(empty_section, 3, 1, "section 's' has no concepts"), empty_section.shown);  // at the section
}

BOOST_AUTO_TEST_SUITE_END()
