// The check command's verdicts (floor, required and negated concepts, unreadable postings) and
// their GitHub and Markdown renderings.
#include <boost/test/unit_test.hpp>

#include "pipeline/analyze.h"
#include "report/check.h"
#include "test_helpers.h"

using namespace jobmatch;

namespace {

const Engine& engine() { return test::shipped_engine(); }

Result analyze_text(const std::string& id, const std::string& text) {
  Analyzer a(engine());
  Input in;
  in.id = id;
  in.bytes = text;
  AnalyzeOptions o;
  o.keep_text = true;
  return a.analyze(in, o);
}

size_t concept_index(const std::string& id) {
  const Concept* c = engine().lexicon().find(id);
  BOOST_REQUIRE(c);
  return static_cast<size_t>(c - engine().lexicon().concepts.data());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(check)

BOOST_AUTO_TEST_CASE(github_escaping) {
  BOOST_TEST(github_escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext");
  BOOST_TEST(github_escape_property("ads/a,b:c.txt") == "ads/a%2Cb%3Ac.txt");
}

BOOST_AUTO_TEST_CASE(check_floor_required_and_negated) {
  const Result r = analyze_text("ad.txt",
                                "\n\nMachine Learning Engineer\n\nDeine Aufgaben\n- Modelle trainieren und deployen\n"
                                "Dein Profil\n- Erfahrung mit Machine Learning\n- Keine Python-Kenntnisse erforderlich\n");
  CheckSpec spec;
  spec.floor = 99.5;
  spec.required = {{concept_index("skill.python")}, {concept_index("skill.sql")}, {concept_index("core.machine_learning")}};
  const CheckVerdict v = check_posting(r, engine(), spec, true);
  BOOST_TEST(!v.pass);
  BOOST_TEST(v.title_line == 3u);  // the first non-blank line
  BOOST_REQUIRE(v.findings.size() == 3u);
  BOOST_TEST(v.findings[0].kind == CheckFinding::kBelowFloor);
  BOOST_TEST(v.findings[0].line == 3u);
  BOOST_TEST(v.findings[1].kind == CheckFinding::kNegatedRequired);  // skill.python
  BOOST_TEST(v.findings[1].line == 9u);
  BOOST_TEST(v.findings[2].kind == CheckFinding::kMissingRequired);  // skill.sql
  const std::string gh = render_check({v}, engine(), spec, CheckFormat::kGithub, false);
  BOOST_TEST(gh.find("::error file=ad.txt,line=9,title=jobmatch check::required skill.python") != std::string::npos);
  spec.floor = 1;
  spec.required = {{concept_index("core.machine_learning")}};
  BOOST_TEST(check_posting(r, engine(), spec, true).pass);
}

BOOST_AUTO_TEST_CASE(check_unreadable) {
  Result r;
  r.id = "gone.txt";
  r.error = InputError{"not_found", "no such file"};
  CheckSpec spec;
  spec.floor = 50;
  const CheckVerdict v = check_posting(r, engine(), spec, false);
  BOOST_TEST(!v.readable);
  BOOST_TEST(!v.pass);
  const std::string md = render_check({v}, engine(), spec, CheckFormat::kMarkdown, false);
  BOOST_TEST(md.find("| ❌ | `gone.txt` | – |") != std::string::npos);
}

// Without --require the profile's must-haves are required: each met by any of its concepts, and
// a must-have named only negated points at its line.
BOOST_AUTO_TEST_CASE(check_profile_must_haves) {
  CheckSpec spec;
  spec.floor = 0;
  spec.required = engine().profile().musts;
  spec.profile_musts = true;
  BOOST_REQUIRE(!spec.required.empty());
  // Deep learning alone meets the machine-learning must-have (one of its alternatives).
  const Result dl = analyze_text("dl.txt", "Engineer\n\nDeine Aufgaben\n- Deep-Learning-Modelle bauen\n");
  BOOST_TEST(check_posting(dl, engine(), spec, true).pass);
  const Result none = analyze_text("none.txt", "Barista\n\nDeine Aufgaben\n- Kaffee kochen\n");
  const CheckVerdict v = check_posting(none, engine(), spec, true);
  BOOST_TEST(!v.pass);
  BOOST_REQUIRE(v.findings.size() == 1u);
  BOOST_TEST(v.findings[0].message.starts_with("must-have core.machine_learning (Machine learning) is not mentioned, nor any of its"));
  const std::string text = render_check({v}, engine(), spec, CheckFormat::kText, false);
  BOOST_TEST(text.find("must-haves of " + engine().profile().name) != std::string::npos);
  BOOST_TEST(text.find("must-haves missing:") == std::string::npos);  // said once, as the finding
}

// At most kAnnotationsPerAd annotations an ad, then one notice of how many more.
BOOST_AUTO_TEST_CASE(check_annotations_capped_per_ad) {
  const Result r = analyze_text("ad.txt", "Barista\n\nDeine Aufgaben\n- Kaffee kochen\n");
  CheckSpec spec;
  spec.floor = 50;
  for (const char* id : {"skill.python", "skill.sql", "skill.java", "skill.spark", "core.machine_learning"})
    spec.required.push_back({concept_index(id)});
  const CheckVerdict v = check_posting(r, engine(), spec, true);
  BOOST_REQUIRE(v.findings.size() == 6u);  // and the must-haves warning: 7 annotations
  const std::string gh = render_check({v, v}, engine(), spec, CheckFormat::kGithub, false);
  size_t errors = 0, notices = 0;
  for (size_t at = 0; (at = gh.find("::error ", at)) != std::string::npos; ++at) ++errors;
  for (size_t at = 0; (at = gh.find("::notice file=ad.txt,title=jobmatch check::4 more findings in ad.txt", at)) !=
                      std::string::npos;
       ++at)
    ++notices;
  BOOST_TEST(errors == 2 * kAnnotationsPerAd);
  BOOST_TEST(notices == 2u);
}

// One JSON object per ad; an unreadable one carries its error instead of a score.
BOOST_AUTO_TEST_CASE(check_json_lines) {
  CheckSpec spec;
  spec.floor = 60;
  spec.required = {{concept_index("skill.python")}};
  const Result r = analyze_text("ad.txt", "Barista\n\nDeine Aufgaben\n- Kaffee kochen\n");
  Result gone;
  gone.id = "gone.txt";
  gone.error = InputError{"not_found", "no such file"};
  const std::string json = render_check({check_posting(r, engine(), spec, true), check_posting(gone, engine(), spec, false)},
                                        engine(), spec, CheckFormat::kJson, false);
  BOOST_TEST(json ==
             "{\"id\":\"ad.txt\",\"pass\":false,\"score\":0.0,\"title\":\"Barista\",\"floor\":60.0,\"findings\":["
             "{\"kind\":\"below_floor\",\"line\":1,\"message\":\"score 0.0 is below the floor of 60\"},"
             "{\"kind\":\"missing\",\"concept\":\"skill.python\",\"line\":1,\"message\":\"required skill.python (Python) is not mentioned\"}],"
             "\"missing_must\":[\"core.machine_learning\"],\"would_add_most\":[\"core.machine_learning\",\"core.deep_learning\",\"core.llm\"]}\n"
             "{\"id\":\"gone.txt\",\"pass\":false,\"error\":{\"kind\":\"not_found\",\"message\":\"no such file\"}}\n");
}

BOOST_AUTO_TEST_SUITE_END()
