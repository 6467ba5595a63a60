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
  spec.required = {concept_index("skill.python"), concept_index("skill.sql"), concept_index("core.machine_learning")};
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
  spec.required = {concept_index("core.machine_learning")};
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

BOOST_AUTO_TEST_SUITE_END()
