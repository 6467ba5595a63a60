#include "score/score.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>

#include "test_helpers.h"

using jobmatch::ConceptEvidence;
using jobmatch::Lexicon;
using jobmatch::Profile;
using jobmatch::ScoreCard;
using jobmatch::Scorer;

namespace {

// Lexicon order differs from profile order on purpose (x.four is concept 0).
const Lexicon& lexicon() {
  static const Lexicon lex = jobmatch::test::lexicon_from(
      "concept x.four\n  label Four\n  origin article\n  en four\n"
      "concept x.three\n  label Three\n  origin article\n  en three\n"
      "concept x.two\n  label Two\n  origin article\n  en two\n"
      "concept x.one\n  label One\n  origin article\n  en one\n"
      "concept x.five\n  label Five\n  origin article\n  en five\n"
      "concept x.six\n  label Six\n  origin article\n  en six\n");
  return lex;
}

Profile parse_profile(const std::string& text) {
  Profile p;
  const jobmatch::Status parsed = jobmatch::parse_profile(jobmatch::SourceFile{"t.profile", text}, lexicon(), &p);
  if (!parsed.ok())
    for (const auto& d : parsed.error().diagnostics) BOOST_ERROR(jobmatch::format_diagnostic(d));
  return p;
}

// Section a: weight 3, need 2 (one: 2 must, two: 2). Section b: weight 1, need 4 (three: 1 must,
// four: 1). Penalty 0.5. No title block.
const Profile& profile() {
  static const Profile p = parse_profile(
      "profile t\n"
      "  penalty 0.5\n"
      "section a\n"
      "  weight 3\n"
      "  need 2\n"
      "  x.one 2 must\n"
      "  x.two 2\n"
      "section b\n"
      "  weight 1\n"
      "  need 4\n"
      "  x.three 1 must\n"
      "  x.four 1\n");
  return p;
}

size_t idx(const std::string& id) { return lexicon().by_id.at(id); }

std::vector<size_t> indexes(const std::vector<std::string>& ids) {
  std::vector<size_t> out;
  for (const auto& id : ids) out.push_back(idx(id));
  return out;
}

// Full-strength evidence for the given concepts.
std::vector<ConceptEvidence> found(const std::vector<std::string>& ids, double strength = 1.0) {
  std::vector<ConceptEvidence> out;
  for (const std::string& id : ids) out.push_back(ConceptEvidence{idx(id), strength});
  return out;
}

ScoreCard score_of(const std::vector<ConceptEvidence>& body, const Profile& p = profile()) {
  const Scorer scorer(p, lexicon().concepts.size());
  return scorer.score(body, {}, false);
}

ScoreCard score_ids(const std::vector<std::string>& ids) { return score_of(found(ids)); }

void check_same(const ScoreCard& a, const ScoreCard& b) {
  BOOST_TEST(a.score == b.score);
  BOOST_TEST(a.title == b.title);
  BOOST_TEST(a.coverage == b.coverage, boost::test_tools::per_element());
  BOOST_TEST(a.missing == b.missing, boost::test_tools::per_element());
  BOOST_TEST(a.missing_must == b.missing_must, boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(a.matched.size() == b.matched.size());
  for (size_t i = 0; i < a.matched.size(); ++i) {
    BOOST_TEST(a.matched[i].concept_index == b.matched[i].concept_index);
    BOOST_TEST(a.matched[i].strength == b.matched[i].strength);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(score)

BOOST_AUTO_TEST_CASE(full_match_scores_by_section_weights) {
  const ScoreCard c = score_ids({"x.one", "x.two", "x.three", "x.four"});
  BOOST_TEST_REQUIRE(c.coverage.size() == 2u);
  BOOST_TEST(c.coverage[0] == 1.0);
  BOOST_TEST(c.coverage[1] == 0.5);
  BOOST_TEST(c.score == 87.5);  // 100 * (3 * 1 + 1 * 0.5) / 4
  BOOST_TEST(c.missing.empty());
  BOOST_TEST(c.missing_must.empty());
  BOOST_TEST(c.title == -1.0);  // titles did not count
}

BOOST_AUTO_TEST_CASE(coverage_saturates_at_one) {
  // Section a needs 2 points: x.one alone (2) fills it; x.one + x.two (4) does not overfill it.
  const ScoreCard one = score_ids({"x.one", "x.three"});
  const ScoreCard both = score_ids({"x.one", "x.two", "x.three"});
  BOOST_TEST(one.coverage[0] == 1.0);
  BOOST_TEST(both.coverage[0] == 1.0);
  BOOST_TEST(one.score == both.score);
  BOOST_TEST(both.score == 81.3);  // 100 * (3 + 0.25) / 4 = 81.25, rounded to one decimal
}

BOOST_AUTO_TEST_CASE(partial_coverage_is_points_over_need) {
  const ScoreCard c = score_ids({"x.one", "x.three", "x.four"});
  BOOST_TEST(c.coverage[1] == 0.5);  // 2 of 4 points
  BOOST_TEST(c.score == 87.5);
}

BOOST_AUTO_TEST_CASE(coverage_counts_weight_times_strength) {
  // x.three and x.four at strength 0.5: 1 of 4 points in section b; x.one at 0.5 is 1 of 2 in a.
  auto body = found({"x.three", "x.four"}, 0.5);
  const ScoreCard c = score_of(body);
  BOOST_TEST(c.coverage[1] == 0.25);
  body.push_back({idx("x.one"), 0.5});
  BOOST_TEST(score_of(body).coverage[0] == 0.5);
}

BOOST_AUTO_TEST_CASE(missing_must_have_multiplies_by_penalty) {
  // Without x.three (must): 100 * (3 + 0.25) / 4 = 81.25, times 0.5.
  const ScoreCard c = score_ids({"x.one", "x.two", "x.four"});
  BOOST_TEST(c.score == 40.6);
  BOOST_TEST(c.missing == indexes({"x.three"}), boost::test_tools::per_element());
  BOOST_TEST(c.missing_must == indexes({"x.three"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(each_missing_must_have_applies_penalty_again) {
  // Without x.one and x.three: 100 * (3 + 0.25) / 4 * 0.5 * 0.5 = 20.3125.
  const ScoreCard c = score_ids({"x.two", "x.four"});
  BOOST_TEST(c.score == 20.3);
  BOOST_TEST(c.missing_must == indexes({"x.one", "x.three"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(weak_must_have_evidence_costs_part_of_the_penalty) {
  // x.three (must, 1 of need 4 in b) at strength 0.5: penalty 0.5^(1 - 0.5).
  auto body = found({"x.one", "x.two"});
  body.push_back({idx("x.three"), 0.5});
  const ScoreCard c = score_of(body);
  const double expected = 100.0 * (3 * 1.0 + 1 * 0.125) / 4 * std::pow(0.5, 0.5);
  BOOST_TEST(c.score == std::round(expected * 10) / 10);
  BOOST_TEST(c.missing_must.empty());
}

BOOST_AUTO_TEST_CASE(a_must_have_of_alternatives_is_as_met_as_its_strongest_concept) {
  // One must-have met by x.one or x.two; x.three is no must-have here.
  const Profile p = parse_profile(
      "profile t\n"
      "  penalty 0.5\n"
      "  must x.one | x.two\n"
      "section a\n"
      "  weight 3\n"
      "  need 2\n"
      "  x.one 2\n"
      "  x.two 2\n"
      "section b\n"
      "  weight 1\n"
      "  need 4\n"
      "  x.three 1\n"
      "  x.four 1\n");
  BOOST_TEST(p.sections[0].concepts[0].must);
  BOOST_TEST(p.sections[0].concepts[1].must);
  BOOST_TEST(!p.sections[1].concepts[0].must);
  // x.two alone meets it: 100 * 3 / 4 = 75, no penalty.
  const ScoreCard two = score_of(found({"x.two"}), p);
  BOOST_TEST(two.score == 75.0);
  BOOST_TEST(two.missing_must.empty());
  // The stronger of the two counts: x.one at 0.5 and x.two at 0.8 → 0.5^(1 - 0.8).
  std::vector<ConceptEvidence> body{{idx("x.one"), 0.5}, {idx("x.two"), 0.8}};
  const double expected = 100.0 * 3 * 1.0 / 4 * std::pow(0.5, 1 - 0.8);
  BOOST_TEST(score_of(body, p).score == std::round(expected * 10) / 10);
  // Neither: one penalty, not two, and the must-have is named by its first concept.
  const ScoreCard none = score_of(found({"x.three", "x.four"}), p);
  BOOST_TEST(none.score == std::round(100.0 * 0.5 / 4 * 0.5 * 10) / 10);
  BOOST_TEST(none.missing_must == indexes({"x.one"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(missing_optional_concept_costs_no_penalty) {
  const ScoreCard c = score_ids({"x.one", "x.three"});
  BOOST_TEST(c.missing == indexes({"x.two", "x.four"}), boost::test_tools::per_element());
  BOOST_TEST(c.missing_must.empty());
  BOOST_TEST(c.score == 81.3);
}

BOOST_AUTO_TEST_CASE(no_evidence_scores_zero_and_lists_everything_missing) {
  const ScoreCard c = score_of(std::vector<ConceptEvidence>{});
  BOOST_TEST(c.score == 0.0);
  BOOST_TEST(c.matched.empty());
  BOOST_TEST(c.missing == indexes({"x.one", "x.two", "x.three", "x.four"}),
             boost::test_tools::per_element());
  BOOST_TEST(c.missing_must == indexes({"x.one", "x.three"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(zero_strength_evidence_counts_as_missing) {
  auto body = found({"x.one", "x.two", "x.three"});
  body.push_back({idx("x.four"), 0.0});
  const ScoreCard c = score_of(body);
  BOOST_TEST(c.missing == indexes({"x.four"}), boost::test_tools::per_element());
  check_same(c, score_ids({"x.one", "x.two", "x.three"}));
}

BOOST_AUTO_TEST_CASE(strength_is_clamped_and_the_strongest_evidence_counts) {
  // Strength above 1 counts as 1; of two pieces of evidence for one concept the higher counts.
  std::vector<ConceptEvidence> body = {{idx("x.one"), 7.0}, {idx("x.three"), 0.25},
                                       {idx("x.three"), 1.0}, {idx("x.three"), 0.5}};
  check_same(score_of(body), score_ids({"x.one", "x.three"}));
}

BOOST_AUTO_TEST_CASE(ignores_concepts_outside_the_profile) {
  const ScoreCard with = score_ids({"x.one", "x.three", "x.five"});
  const ScoreCard without = score_ids({"x.one", "x.three"});
  check_same(with, without);
  // An index beyond the lexicon is ignored as well.
  auto body = found({"x.one", "x.three"});
  body.push_back({999, 1.0});
  check_same(score_of(body), without);
}

BOOST_AUTO_TEST_CASE(matched_concepts_in_profile_order) {
  const ScoreCard c = score_ids({"x.four", "x.one", "x.two"});
  BOOST_TEST_REQUIRE(c.matched.size() == 3u);
  BOOST_TEST(c.matched[0].concept_index == idx("x.one"));
  BOOST_TEST(c.matched[0].section == 0u);
  BOOST_TEST(c.matched[0].weight == 2.0);
  BOOST_TEST(c.matched[0].must);
  BOOST_TEST(c.matched[0].strength == 1.0);
  BOOST_TEST(c.matched[1].concept_index == idx("x.two"));
  BOOST_TEST(!c.matched[1].must);
  BOOST_TEST(c.matched[2].concept_index == idx("x.four"));
  BOOST_TEST(c.matched[2].section == 1u);
}

BOOST_AUTO_TEST_CASE(concepts_are_listed_in_profile_order) {
  const Scorer scorer(profile(), lexicon().concepts.size());
  BOOST_TEST(scorer.concepts() == indexes({"x.one", "x.two", "x.three", "x.four"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(score_is_a_pure_function_of_the_evidence) {
  const Scorer scorer(profile(), lexicon().concepts.size());
  const auto body = found({"x.one", "x.four"});
  const ScoreCard first = scorer.score(body, {}, false);
  // Other documents scored in between change nothing (no state carried over).
  scorer.score(found({"x.one", "x.two", "x.three", "x.four"}), {}, false);
  scorer.score({}, {}, false);
  check_same(first, scorer.score(body, {}, false));
  // Another scorer over the same profile agrees, and so does any order of the evidence.
  const Scorer other(profile(), lexicon().concepts.size());
  check_same(first, other.score(body, {}, false));
  check_same(first, scorer.score(found({"x.four", "x.one"}), {}, false));
  // Sanity: a different document does score differently.
  BOOST_TEST(scorer.score(found({"x.one", "x.three"}), {}, false).score != first.score);
}

BOOST_AUTO_TEST_CASE(rounds_to_one_decimal) {
  const Profile p = parse_profile("profile t\nsection s\n  need 3\n  x.one 1\n");
  const ScoreCard c = score_of(found({"x.one"}), p);
  BOOST_TEST(c.score == 33.3);  // 100 / 3
  BOOST_TEST(c.coverage[0] == 1.0 / 3.0);
}

BOOST_AUTO_TEST_SUITE(title)

// Sections as above (weight 4 in all), plus a title block of weight 4.
const Profile& titled() {
  static const Profile p = parse_profile(
      "profile t\n"
      "  penalty 0.5\n"
      "section a\n"
      "  weight 3\n"
      "  need 2\n"
      "  x.one 2 must\n"
      "  x.two 2\n"
      "section b\n"
      "  weight 1\n"
      "  need 4\n"
      "  x.three 1 must\n"
      "  x.four 1\n"
      "title\n"
      "  weight 4\n"
      "  x.five 1\n"
      "  x.six 0.5\n");
  return p;
}

BOOST_AUTO_TEST_CASE(title_concepts_follow_the_section_concepts) {
  const Scorer scorer(titled(), lexicon().concepts.size());
  BOOST_TEST(scorer.concepts() == indexes({"x.one", "x.two", "x.three", "x.four", "x.five", "x.six"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(title_counts_its_highest_value_like_a_section) {
  const Scorer scorer(titled(), lexicon().concepts.size());
  const auto body = found({"x.one", "x.two", "x.three", "x.four"});  // sections: 3.5 of 4
  const ScoreCard none = scorer.score(body, {}, true);
  BOOST_TEST(none.title == 0.0);
  BOOST_TEST(none.score == 43.8);  // 100 * 3.5 / 8 = 43.75
  const ScoreCard half = scorer.score(body, indexes({"x.six"}), true);
  BOOST_TEST(half.title == 0.5);
  BOOST_TEST(half.score == 68.8);  // 100 * (3.5 + 4 * 0.5) / 8 = 68.75
  const ScoreCard both = scorer.score(body, indexes({"x.six", "x.five"}), true);
  BOOST_TEST(both.title == 1.0);
  BOOST_TEST(both.score == 93.8);  // 100 * (3.5 + 4) / 8 = 93.75
  BOOST_TEST(both.title_concepts.size() == 2u);
}

// A title concept of value 0 names another kind of job: the title is worth 0 whatever else it
// names ("Technical Product Owner AI Platform").
BOOST_AUTO_TEST_CASE(a_title_concept_of_value_0_makes_the_title_worth_0) {
  const Profile p = parse_profile(
      "profile t\n"
      "section a\n"
      "  weight 4\n"
      "  need 1\n"
      "  x.one 1\n"
      "title\n"
      "  weight 4\n"
      "  x.five 1\n"
      "  x.six 0\n");
  const Scorer scorer(p, lexicon().concepts.size());
  const auto body = found({"x.one"});
  const ScoreCard ml = scorer.score(body, indexes({"x.five"}), true);
  BOOST_TEST(ml.title == 1.0);
  BOOST_TEST(ml.score == 100.0);
  const ScoreCard other_job = scorer.score(body, indexes({"x.five", "x.six"}), true);
  BOOST_TEST(other_job.title == 0.0);
  BOOST_TEST(other_job.score == 50.0);  // 100 * 4 / 8
  BOOST_TEST(other_job.title_concepts.size() == 2u);  // both named, for explain
  const ScoreCard alone = scorer.score(body, indexes({"x.six"}), true);
  BOOST_TEST(alone.title == 0.0);
  BOOST_TEST(alone.score == 50.0);
}

BOOST_AUTO_TEST_CASE(title_left_out_when_not_used) {
  const Scorer scorer(titled(), lexicon().concepts.size());
  const auto body = found({"x.one", "x.two", "x.three", "x.four"});
  const ScoreCard c = scorer.score(body, indexes({"x.five"}), false);
  BOOST_TEST(c.title == -1.0);
  BOOST_TEST(c.score == 87.5);  // as without a title block
}

BOOST_AUTO_TEST_CASE(title_concepts_in_the_body_do_not_count_as_sections) {
  const Scorer scorer(titled(), lexicon().concepts.size());
  const ScoreCard c = scorer.score(found({"x.five", "x.one", "x.three"}), {}, true);
  BOOST_TEST(c.title == 0.0);
  BOOST_TEST(c.matched.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()  // title

BOOST_AUTO_TEST_SUITE_END()  // score
