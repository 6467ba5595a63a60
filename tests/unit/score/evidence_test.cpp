// Reading a posting the way a recruiter does: zones, requirement strength, negation, title,
// saturation. Stage tests on evidence.h, then whole-document tests through Analyzer with the
// embedded lexicon and profile.
#include "score/evidence.h"

#include <boost/test/unit_test.hpp>

#include "pipeline/analyze.h"
#include "lexicon/engine.h"
#include "text/normalize.h"

using namespace jobmatch;

namespace {

Zone heading(std::string_view h) {
  Zone z = Zone::kIntro;
  BOOST_TEST_INFO(h);
  BOOST_TEST(classify_heading(normalize_text(h), true, &z));
  return z;
}

// The cue for the first occurrence of `word` in `sentence`.
Strength cue(std::string_view sentence, std::string_view word) {
  const std::string n = normalize_text(sentence);
  const std::string w = normalize_text(word);
  const size_t at = n.find(w);
  BOOST_TEST_REQUIRE(at != std::string::npos);
  return strength_at(n, at, at + w.size());
}

const Engine& engine() {
  static const auto e = [] {
    auto loaded = Engine::load(EngineOptions{});
    BOOST_TEST_REQUIRE(loaded.ok());
    return std::move(*loaded);
  }();
  return *e;
}

Result analyze(std::string text, AnalyzeOptions options = {}) {
  Analyzer a(engine());
  Input in;
  in.id = "t";
  in.bytes = std::move(text);
  return a.analyze(in, options);
}

const MatchedConcept* find(const Result& r, std::string_view id) {
  for (const auto& m : r.matched)
    if (engine().lexicon().concepts[m.concept_index].id == id) return &m;
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(evidence)

BOOST_AUTO_TEST_CASE(classifies_german_and_english_headings) {
  BOOST_TEST((heading("Deine Aufgaben") == Zone::kTasks));
  BOOST_TEST((heading("What you'll do:") == Zone::kTasks));
  BOOST_TEST((heading("## Dein Profil") == Zone::kRequirements));
  BOOST_TEST((heading("Requirements") == Zone::kRequirements));
  BOOST_TEST((heading("Nice to have") == Zone::kNiceToHave));
  BOOST_TEST((heading("Wünschenswert") == Zone::kNiceToHave));
  BOOST_TEST((heading("Wir bieten") == Zone::kBenefits));
  BOOST_TEST((heading("Benefits") == Zone::kBenefits));
  BOOST_TEST((heading("Über uns") == Zone::kAbout));
  BOOST_TEST((heading("About us") == Zone::kAbout));
  BOOST_TEST((heading("About the role") == Zone::kTasks));
  BOOST_TEST((heading("Equal opportunity") == Zone::kBoilerplate));
}

BOOST_AUTO_TEST_CASE(unknown_heading_is_not_classified) {
  Zone z;
  BOOST_TEST(!classify_heading("machine learning", true, &z));
}

BOOST_AUTO_TEST_CASE(broad_words_need_a_marked_heading) {
  Zone z;
  BOOST_TEST(!classify_heading("experience with our team", false, &z));
  BOOST_TEST(classify_heading("experience:", true, &z));
  BOOST_TEST((z == Zone::kRequirements));
  BOOST_TEST(classify_heading("deine aufgaben", false, &z));
  BOOST_TEST((z == Zone::kTasks));
}

BOOST_AUTO_TEST_CASE(zone_lasts_until_the_next_heading) {
  const std::string n = normalize_text(
      "Title\nIntro line, the company\nDeine Aufgaben\n- task one\nWir bieten\n- fruit\n");
  ZoneMap zones;
  zones.build(n, n.find('\n') + 1);
  BOOST_TEST((zones.zone_at(0) == Zone::kTitle));
  BOOST_TEST((zones.zone_at(static_cast<uint32_t>(n.find("intro"))) == Zone::kIntro));
  BOOST_TEST((zones.zone_at(static_cast<uint32_t>(n.find("task one"))) == Zone::kTasks));
  BOOST_TEST((zones.zone_at(static_cast<uint32_t>(n.find("fruit"))) == Zone::kBenefits));
}

BOOST_AUTO_TEST_CASE(an_apply_heading_opens_boilerplate_only_in_the_second_half) {
  // A broad "apply" heading at the top opens the ad; at the end it is how to apply. "How to
  // apply" is boilerplate wherever it stands.
  const std::string n = normalize_text(
      "Title\n# Apply to join our group!\nWe research machine learning.\n## Responsibilities\n- train models\n"
      "- evaluate models\n- deploy models\n- monitor models\n# Apply now\nSend your CV with python.\n");
  ZoneMap zones;
  zones.build(n, n.find('\n') + 1);
  BOOST_TEST((zones.zone_at(static_cast<uint32_t>(n.find("we research"))) == Zone::kIntro));
  BOOST_TEST((zones.zone_at(static_cast<uint32_t>(n.find("train models"))) == Zone::kTasks));
  BOOST_TEST((zones.zone_at(static_cast<uint32_t>(n.find("send your cv"))) == Zone::kBoilerplate));
  const std::string how = normalize_text("Title\n# How to apply\nSend your CV.\n## Responsibilities\n- train models\n"
                                         "- evaluate models\n- deploy and monitor models in production\n");
  zones.build(how, how.find('\n') + 1);
  BOOST_TEST((zones.zone_at(static_cast<uint32_t>(how.find("send your cv"))) == Zone::kBoilerplate));
}

BOOST_AUTO_TEST_CASE(equal_opportunity_line_is_boilerplate_under_any_heading) {
  const std::string n = normalize_text(
      "Requirements\n- Python\n- We are an equal opportunity employer and welcome Python fans.\n- SQL\n");
  ZoneMap zones;
  zones.build(n, 0);
  BOOST_TEST((zones.zone_at(static_cast<uint32_t>(n.find("python"))) == Zone::kRequirements));
  BOOST_TEST((zones.zone_at(static_cast<uint32_t>(n.find("python fans"))) == Zone::kBoilerplate));
  BOOST_TEST((zones.zone_at(static_cast<uint32_t>(n.find("sql"))) == Zone::kRequirements));
}

BOOST_AUTO_TEST_CASE(negation_before_the_evidence) {
  BOOST_TEST((cue("Keine Python-Kenntnisse erforderlich", "Python") == Strength::kNegated));
  BOOST_TEST((cue("No prior ML experience needed", "ML") == Strength::kNegated));
  BOOST_TEST((cue("Du brauchst kein Machine Learning", "Machine Learning") == Strength::kNegated));
}

BOOST_AUTO_TEST_CASE(negation_after_the_evidence) {
  BOOST_TEST((cue("Machine learning is NOT required.", "Machine learning") == Strength::kNegated));
  BOOST_TEST((cue("Kenntnisse in Spark sind nicht erforderlich", "Spark") == Strength::kNegated));
}

BOOST_AUTO_TEST_CASE(negation_stays_in_its_clause) {
  BOOST_TEST((cue("Keine Reisetätigkeit, dafür viel Python", "Python") != Strength::kNegated));
  BOOST_TEST((cue("Not only Python but also SQL", "Python") != Strength::kNegated));
  BOOST_TEST((cue("Du hast keine Scheu vor Python", "Python") != Strength::kNegated));
  BOOST_TEST((cue("Nicht nur Python, auch Java", "Python") != Strength::kNegated));
}

BOOST_AUTO_TEST_CASE(nice_to_have_and_must_cues) {
  BOOST_TEST((cue("Kenntnisse in Spark sind von Vorteil", "Spark") == Strength::kNice));
  BOOST_TEST((cue("Experience with Spark is a plus", "Spark") == Strength::kNice));
  BOOST_TEST((cue("Spark wünschenswert", "Spark") == Strength::kNice));
  BOOST_TEST((cue("Python ist zwingend erforderlich", "Python") == Strength::kMust));
  BOOST_TEST((cue("Python experience is required", "Python") == Strength::kMust));
  BOOST_TEST((cue("Sehr gute Python-Kenntnisse", "Python") == Strength::kPlain));
  BOOST_TEST(strength_factor(Strength::kMust) > strength_factor(Strength::kPlain));
  BOOST_TEST(strength_factor(Strength::kPlain) > strength_factor(Strength::kNice));
  BOOST_TEST(strength_factor(Strength::kNegated) == 0.0);
}

BOOST_AUTO_TEST_CASE(title_counts_more_than_a_body_mention) {
  const Result titled = analyze("Machine Learning Engineer (m/w/d)\n\nWir suchen Verstärkung.\n");
  const Result mention = analyze("Frontend Developer\n\nYou will work with our ML team.\n");
  BOOST_TEST(titled.title_score == 1.0);
  BOOST_TEST(mention.title_score == 0.0);
  BOOST_TEST(titled.score > mention.score + 10);
}

BOOST_AUTO_TEST_CASE(benefits_and_about_us_count_less_than_requirements) {
  const Result req = analyze("Engineer\n\nRequirements\n- Python, TensorFlow and Keras\n");
  const Result ben = analyze("Engineer\n\nBenefits\n- Python, TensorFlow and Keras\n");
  const Result about = analyze("Engineer\n\nAbout us\nWe build Python, TensorFlow and Keras tools.\n");
  BOOST_TEST_REQUIRE(find(req, "skill.tensorflow") != nullptr);
  BOOST_TEST_REQUIRE(find(about, "skill.tensorflow") != nullptr);
  BOOST_TEST_REQUIRE(find(ben, "skill.tensorflow") != nullptr);
  BOOST_TEST(find(req, "skill.tensorflow")->strength > find(about, "skill.tensorflow")->strength);
  BOOST_TEST(find(about, "skill.tensorflow")->strength > find(ben, "skill.tensorflow")->strength);
  BOOST_TEST(req.score > about.score);
  BOOST_TEST(about.score > ben.score);
}

BOOST_AUTO_TEST_CASE(negated_requirement_does_not_count) {
  const Result plain = analyze("Assistenz\n\nDein Profil\n- Python-Kenntnisse\n");
  const Result negated = analyze("Assistenz\n\nDein Profil\n- Keine Python-Kenntnisse erforderlich\n");
  BOOST_TEST(find(plain, "skill.python") != nullptr);
  BOOST_TEST(find(negated, "skill.python") == nullptr);
  BOOST_TEST(negated.ignored.size() == 1u);
  BOOST_TEST(negated.score < plain.score);
}

BOOST_AUTO_TEST_CASE(nice_to_have_counts_less_than_a_requirement) {
  const Result must = analyze("Engineer\n\nRequirements\n- Apache Spark is required\n");
  const Result nice = analyze("Engineer\n\nRequirements\n- Apache Spark is a plus\n");
  BOOST_TEST_REQUIRE(find(must, "skill.spark") != nullptr);
  BOOST_TEST_REQUIRE(find(nice, "skill.spark") != nullptr);
  BOOST_TEST(find(must, "skill.spark")->strength > find(nice, "skill.spark")->strength);
}

BOOST_AUTO_TEST_CASE(repeating_a_keyword_does_not_beat_covering_the_profile) {
  std::string spam = "Engineer\n\nRequirements\n";
  for (int i = 0; i < 20; ++i) spam += "- Python, Python, machine learning, machine learning\n";
  const Result repeated = analyze(spam);
  const Result covering = analyze(
      "Engineer\n\nRequirements\n- Machine learning with Python, PyTorch and scikit-learn\n"
      "- Train, deploy and monitor models in production\n- Statistics and linear algebra\n");
  BOOST_TEST(covering.score > repeated.score);
  // Saturation: twenty mentions give at most full strength.
  BOOST_TEST_REQUIRE(find(repeated, "skill.python") != nullptr);
  BOOST_TEST(find(repeated, "skill.python")->strength <= 1.0);
}

BOOST_AUTO_TEST_CASE(ignore_title_scores_the_body_only) {
  const std::string ad = "Machine Learning Engineer\n\nWir suchen Verstärkung für unser Büro.\n";
  const Result with = analyze(ad);
  const Result without = analyze(ad, AnalyzeOptions{.keep_text = false, .ignore_title = true});
  BOOST_TEST(with.title_score == 1.0);
  BOOST_TEST(without.title_score == -1.0);
  BOOST_TEST(find(without, "core.machine_learning") == nullptr);
  BOOST_TEST(without.score < with.score);
}

// The phrases stated_role_phrases finds in a text, as normalized text.
std::vector<std::string> stated(std::string_view text, size_t from = 0) {
  const std::string n = normalize_text(text);
  std::vector<std::string> out;
  for (const auto& [b, e] : stated_role_phrases(n, from)) out.push_back(n.substr(b, e - b));
  return out;
}

BOOST_AUTO_TEST_CASE(stated_role_is_the_phrase_after_a_hiring_cue) {
  // (text, the phrases found). Every cue in order; one inside a word ("besucht") is none.
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"We are looking for an experienced Data Scientist to join our team.", {"an experienced data scientist"}},
      {"I'm currently hiring a lead data scientist, remote.", {"a lead data scientist"}},
      {"Zur Verstärkung unseres Teams suchen wir eine:n Data Engineer (m/w/d) mit Erfahrung.", {"eine:n data engineer"}},
      {"Wir sind auf der Suche nach einem ML Engineer\nfür Berlin", {"einem ml engineer"}},
      {"In deiner Rolle als Data Scientist bist du ...", {"data scientist bist du"}},
      {"Sie besucht uns. We're hiring! We are seeking a Python developer who codes.", {"a python developer"}},
  };
  for (const auto& [text, want] : cases) {
    BOOST_TEST_INFO(text);
    BOOST_TEST(stated(text) == want, boost::test_tools::per_element());
  }
  // The phrase ends at a clause word, a comma, a sentence end or after 80 bytes.
  BOOST_TEST(stated("Looking for an engineer with taste") == std::vector<std::string>{"an engineer"},
             boost::test_tools::per_element());
  const std::vector<std::string> longest = stated("Looking for " + std::string(200, 'x'));
  BOOST_TEST_REQUIRE(longest.size() == 1u);
  BOOST_TEST(longest[0].size() == kStatedRolePhraseMax);
}

BOOST_AUTO_TEST_CASE(stated_role_is_looked_for_only_near_the_start_of_the_body) {
  const std::string filler(kStatedRoleWindow, ' ');
  BOOST_TEST(stated("Looking for a tester.\n" + filler + "Looking for a data scientist.").size() == 1u);
  BOOST_TEST(stated("Looking for a title.\nLooking for a data scientist.", 10).size() == 1u);
  std::string many;
  for (size_t k = 0; k < kMaxStatedRoles + 3; ++k) many += "Hiring a tester. ";
  BOOST_TEST(stated(many).size() == kMaxStatedRoles);
}

BOOST_AUTO_TEST_CASE(the_role_the_body_states_stands_in_for_a_missing_title) {
  const AnalyzeOptions body_only{.keep_text = false, .ignore_title = true};
  const std::string ad =
      "Acme AI\n\nWe are looking for a Machine Learning Engineer to train and deploy our models.\n";
  const Result stated_role = analyze(ad, body_only);
  BOOST_TEST(stated_role.title_score == 1.0);
  BOOST_TEST(stated_role.stated_role == "a Machine Learning Engineer");
  // A title that names no role gives way to the stated one; one that names a role does not.
  const Result no_role = analyze("Job 4711" + ad.substr(ad.find('\n')));
  BOOST_TEST(no_role.title_score == 1.0);
  BOOST_TEST(no_role.stated_role == "a Machine Learning Engineer");
  const Result titled = analyze("Data Engineer" + ad.substr(ad.find('\n')));
  BOOST_TEST(titled.title_score == 0.0);
  BOOST_TEST(titled.stated_role.empty());
  // A cue whose phrase names no role states none: the title is not counted.
  const Result none = analyze("Acme\n\nWe are looking for someone who loves machine learning.\n", body_only);
  BOOST_TEST(none.title_score == -1.0);
  BOOST_TEST(none.stated_role.empty());
  // A stated role of another kind of job counts as such a title would (value 0).
  const Result other = analyze("Acme\n\nWir suchen eine:n Product Owner für unsere KI-Plattform.\n", body_only);
  BOOST_TEST(other.title_score == 0.0);
  BOOST_TEST(!other.stated_role.empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(evidence_limits)

// A word repeated thousands of times keeps a bounded list of evidence and says how many there
// were, counting at most the first 4,096 matches of a pattern group (match/found.h).
BOOST_AUTO_TEST_CASE(keeps_a_bounded_number_of_spans_per_concept) {
  auto loaded = Engine::load(EngineOptions{});
  BOOST_TEST_REQUIRE(loaded.ok());
  const auto e = std::move(*loaded);
  Analyzer a(*e);
  Input in;
  in.id = "t";
  for (const auto& [words, count] : {std::pair{3000, 3000u}, std::pair{5000, 4096u}}) {
    in.bytes = "Engineer\n\n";
    for (int i = 0; i < words; ++i) in.bytes += "Python ";
    const Result r = a.analyze(in);
    BOOST_TEST_REQUIRE(!r.matched.empty());
    BOOST_TEST(r.matched[0].span_count == count);
    BOOST_TEST(r.matched[0].spans.size() == 64u);
  }
}

BOOST_AUTO_TEST_SUITE_END()
