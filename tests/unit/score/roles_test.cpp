// Neighbouring roles: a profile's `roles` and `contrast` lines, the engine loading their profiles,
// each posting scored against them, the contrast taken off the score, and the record's role.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "pipeline/analyze.h"
#include "lexicon/engine.h"
#include "report/explain.h"
#include "test_helpers.h"

using namespace jobmatch;

namespace {

// Two kinds of work: ML (x.ml, x.dl) and pipelines (x.etl, x.sql); x.python is shared.
const std::string kLexicon =
    "concept x.ml\n  label ML\n  origin article\n  en machine learning\n"
    "concept x.dl\n  label DL\n  origin extension\n  en deep learning\n"
    "concept x.python\n  label Python\n  origin article\n  any python\n"
    "concept x.etl\n  label ETL\n  origin extension\n  en etl\n"
    "concept x.sql\n  label SQL\n  origin extension\n  any sql\n";

const std::string kMl =
    "profile ml\n  label ML engineer\n  penalty 0.5\n"
    "  roles    analyst\n  contrast pipes\n  contrast_weight 0.5\n"
    "section core\n  weight 3\n  need 2\n  x.ml 2\n  x.dl 1\n"
    "section prog\n  weight 1\n  need 1\n  x.python 1\n";
const std::string kPipes =
    "profile pipes\n  label Pipeline engineer\n"
    "section core\n  weight 3\n  need 2\n  x.etl 2\n  x.sql 1\n"
    "section prog\n  weight 1\n  need 1\n  x.python 1\n";
const std::string kAnalyst =
    "profile analyst\n  label Analyst\n"
    "section core\n  weight 1\n  need 1\n  x.sql 1\n";

std::unique_ptr<Engine> load(const std::string& ml, std::vector<Diagnostic>* diags) {
  const test::TempDir dir;
  dir.write("t.lex", kLexicon);
  dir.write("ml.profile", ml);
  dir.write("pipes.profile", kPipes);
  dir.write("analyst.profile", kAnalyst);
  auto loaded = Engine::load(EngineOptions{dir.path.string(), "ml"});
  if (!loaded.ok()) {
    *diags = loaded.error().diagnostics;
    return nullptr;
  }
  return std::move(*loaded);
}

// The engine of an ML profile that must load, its diagnostics reported as test errors if not.
std::unique_ptr<Engine> load_or_report(const std::string& ml) {
  std::vector<Diagnostic> diags;
  auto loaded = load(ml, &diags);
  for (const Diagnostic& d : diags) BOOST_ERROR(format_diagnostic(d));
  return loaded;
}

const Engine& engine() {
  static const std::unique_ptr<Engine> e = load_or_report(kMl);
  BOOST_TEST_REQUIRE(e != nullptr);
  return *e;
}

Result analyze(const std::string& text, const Engine& with = engine()) {
  Analyzer a(with);
  Input in;
  in.id = "t";
  in.bytes = text;
  AnalyzeOptions o;
  o.keep_text = true;
  return a.analyze(in, o);
}

// The ML profile with a floor under its score: 0.9 x the pipeline role's.
const Engine& floored_engine() {
  static const std::unique_ptr<Engine> e = [] {
    std::string ml = kMl;
    ml.replace(ml.find("  contrast_weight 0.5\n"), 0, "  floor pipes 0.9\n");
    return load_or_report(ml);
  }();
  BOOST_TEST_REQUIRE(e != nullptr);
  return *e;
}

std::string jsonl(const Result& r) { return test::write_records(Format::kJsonl, engine(), {r}); }

struct Parsed {
  Profile profile;
  std::vector<Diagnostic> diags;
  std::string shown;
};

Parsed parse(const std::string& text) {
  static const Lexicon lex = test::lexicon_from(kLexicon);
  Parsed p;
  if (const Status parsed = parse_profile(SourceFile{"t.profile", text}, lex, &p.profile); !parsed.ok())
    p.diags = parsed.error().diagnostics;
  for (const Diagnostic& d : p.diags) p.shown += format_diagnostic(d);
  return p;
}

bool has_diag(const std::vector<Diagnostic>& diags, size_t line, size_t col, const std::string& message) {
  for (const Diagnostic& d : diags)
    if (d.line == line && d.col == col && d.message == message) return true;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(roles)

BOOST_AUTO_TEST_CASE(contrasted_score_takes_a_share_of_the_lead) {
  BOOST_TEST(contrasted_score(40, 80, 1) == 24.0);     // 40 × (1 - 40/100)
  BOOST_TEST(contrasted_score(40, 80, 0.5) == 32.0);   // 40 × (1 - 0.5 × 40/100)
  BOOST_TEST(contrasted_score(40, 30, 1) == 40.0);     // behind: nothing comes off
  BOOST_TEST(contrasted_score(10, 100, 2) == 0.0);     // never below 0
  BOOST_TEST(contrasted_score(33.3, 50, 1) == 27.7);   // 33.3 × 0.833 = 27.74, to one decimal
  BOOST_TEST(contrasted_score(40, 80, 0) == 40.0);
}

BOOST_AUTO_TEST_CASE(floor_score_is_a_share_of_the_roles_score) {
  BOOST_TEST(floor_score(0.3, 70.6) == 21.2);  // 21.18, to one decimal
  BOOST_TEST(floor_score(0, 90) == 0.0);
  BOOST_TEST(floor_score(1, 42.5) == 42.5);
}

BOOST_AUTO_TEST_CASE(parses_a_floor_and_reports_bad_ones) {
  const Parsed ok = parse("profile ml\n  floor b 0.25\n  roles a | b\nsection s\n  x.ml 1\n");
  BOOST_TEST(ok.diags.empty(), ok.shown);
  BOOST_TEST(ok.profile.floor_role.name == "b");  // named before its role: fine
  BOOST_TEST(ok.profile.floor == 0.25);

  const Parsed bad = parse(
      "profile ml\n"
      "  roles a\n"
      "  floor a\n"
      "  floor a 1.5\n"
      "  floor nobody 0.5\n"
      "section s\n"
      "  floor a 0.5\n"
      "  x.ml 1\n");
  BOOST_TEST(has_diag(bad.diags, 3, 9, "'floor' needs a role and a factor ('floor data-scientist 0.3')"), bad.shown);
  BOOST_TEST(has_diag(bad.diags, 4, 11, "the floor's factor must be a number from 0 to 1"), bad.shown);
  BOOST_TEST(has_diag(bad.diags, 5, 9,
                      "the floor's role 'nobody' is none of this profile's roles (name it in 'roles' or 'contrast')"),
             bad.shown);
  BOOST_TEST(has_diag(bad.diags, 7, 3, "'floor' belongs to the profile, before any section"), bad.shown);
}

BOOST_AUTO_TEST_CASE(parses_roles_and_contrast) {
  const Parsed p = parse(
      "profile ml\n  roles a | b\n  contrast b | c\n  contrast_weight 0.4\nsection s\n  x.ml 1\n");
  BOOST_TEST(p.diags.empty(), p.shown);
  BOOST_TEST_REQUIRE(p.profile.roles.size() == 3u);
  BOOST_TEST(p.profile.roles[0].name == "a");
  BOOST_TEST(!p.profile.roles[0].contrast);
  BOOST_TEST(p.profile.roles[1].name == "b");
  BOOST_TEST(p.profile.roles[1].contrast);  // a role that is also contrasted
  BOOST_TEST(p.profile.roles[2].name == "c");
  BOOST_TEST(p.profile.roles[2].contrast);
  BOOST_TEST(p.profile.roles[2].line == 3u);
  BOOST_TEST(p.profile.roles[2].col == 15u);  // 0-based byte of "c" on its line
  BOOST_TEST(p.profile.contrast_weight == 0.4);
}

BOOST_AUTO_TEST_CASE(reports_bad_roles) {
  const Parsed p = parse(
      "profile ml\n"
      "  roles a | a\n"
      "  roles ml\n"
      "  contrast b |  | pipes\n"
      "  contrast_weight 2\n"
      "section s\n"
      "  roles c\n"
      "  x.ml 1\n");
  BOOST_TEST(has_diag(p.diags, 2, 13, "role 'a' is named twice"), p.shown);
  BOOST_TEST(has_diag(p.diags, 3, 9, "a profile is not a role of its own"), p.shown);
  BOOST_TEST(has_diag(p.diags, 4, 16, "'contrast' needs profile names, separated by ' | '"), p.shown);
  BOOST_TEST(has_diag(p.diags, 5, 19, "contrast_weight must be between 0 and 1"), p.shown);
  BOOST_TEST(has_diag(p.diags, 7, 3, "'roles' belongs to the profile, before any section"), p.shown);
}

BOOST_AUTO_TEST_CASE(engine_loads_the_roles_and_names_a_missing_one_where_it_stands) {
  BOOST_TEST_REQUIRE(engine().roles().size() == 2u);
  BOOST_TEST(engine().roles()[0].profile.name == "analyst");
  BOOST_TEST(!engine().roles()[0].contrast);
  BOOST_TEST(engine().roles()[1].profile.name == "pipes");
  BOOST_TEST(engine().roles()[1].contrast);

  std::vector<Diagnostic> diags;
  const auto e = load("profile ml\n  roles analyst | nobody\nsection core\n  x.ml 1\n", &diags);
  BOOST_TEST(e == nullptr);
  std::string shown;
  for (const Diagnostic& d : diags) shown += format_diagnostic(d);
  BOOST_TEST(has_diag(diags, 2, 19, "no profile named 'nobody' for this role (available: analyst, ml, pipes)"), shown);
}

BOOST_AUTO_TEST_CASE(an_ml_ad_reads_as_the_profile_and_keeps_its_score) {
  const Result r = analyze("ML engineer\nmachine learning and deep learning in python\n");
  BOOST_TEST(r.role == -1);
  BOOST_TEST_REQUIRE(r.role_scores.size() == 2u);
  BOOST_TEST(r.score == r.profile_score);
  BOOST_TEST(r.profile_score > r.role_scores[1]);
  BOOST_TEST(r.role_margin == std::round((r.profile_score - std::max(r.role_scores[0], r.role_scores[1])) * 10) / 10);
}

BOOST_AUTO_TEST_CASE(a_pipeline_ad_with_some_ml_scores_lower_by_the_roles_lead) {
  const Result r = analyze("Engineer\netl and sql pipelines in python, for our machine learning team\n");
  BOOST_TEST_REQUIRE(r.role_scores.size() == 2u);
  BOOST_TEST(r.role == 1);  // pipes
  BOOST_TEST(r.role_scores[1] > r.profile_score);
  BOOST_TEST(r.profile_score > 0);
  BOOST_TEST(r.score == contrasted_score(r.profile_score, r.role_scores[1], 0.5));
  BOOST_TEST(r.score < r.profile_score);
  BOOST_TEST(r.role_margin < 0);
  // What makes it read as that role: the role's heaviest concepts, ETL first.
  BOOST_TEST_REQUIRE(!r.role_concepts.empty());
  BOOST_TEST(engine().lexicon().concepts[r.role_concepts[0]].id == "x.etl");
  // Role-only concepts count for the roles but are not in the record.
  for (const MatchedConcept& m : r.matched) BOOST_TEST(engine().lexicon().concepts[m.concept_index].id != "x.etl");

  const nlohmann::json j = nlohmann::json::parse(jsonl(r));
  BOOST_TEST(j["role"] == "pipes");
  BOOST_TEST(j["role_margin"].get<double>() == r.role_margin);
  BOOST_TEST(j["role_scores"]["ml"].get<double>() == r.profile_score);
  BOOST_TEST(j["role_scores"]["pipes"].get<double>() == r.role_scores[1]);
  BOOST_TEST(j["score"].get<double>() == r.score);
}

BOOST_AUTO_TEST_CASE(the_floor_keeps_a_share_of_the_roles_score_and_explain_says_so) {
  const std::string ad = "Engineer\netl and sql pipelines in python, for our machine learning team\n";
  const Result plain = analyze(ad);
  const Result r = analyze(ad, floored_engine());
  BOOST_TEST_REQUIRE(r.role_scores.size() == 2u);
  BOOST_TEST(floored_engine().floor_role() == 1);  // pipes
  BOOST_TEST(engine().floor_role() == -1);
  // Without the floor the contrast leaves less than 0.9 x the pipeline score.
  BOOST_TEST(plain.before_floor == -1.0);
  BOOST_TEST(plain.score < floor_score(0.9, plain.role_scores[1]));
  BOOST_TEST(r.score == floor_score(0.9, r.role_scores[1]));
  BOOST_TEST(r.before_floor == plain.score);
  const std::string text = render_explain(r, floored_engine(), false);
  BOOST_TEST(text.find("  floor    0.9 x Pipeline engineer") != std::string::npos, text);
  BOOST_TEST(text.find("  contrast ") != std::string::npos, text);  // the contrast is still shown
  const nlohmann::json j = nlohmann::json::parse(render_explain_json(r, floored_engine()));
  BOOST_TEST(j["floor"]["role"] == "pipes");
  BOOST_TEST(j["floor"]["factor"].get<double>() == 0.9);
  BOOST_TEST(j["floor"]["before"].get<double>() == plain.score);
  BOOST_TEST(j["score"].get<double>() == r.score);

  // An ML ad scores above its floor: the floor changes nothing.
  const Result ml = analyze("ML engineer\nmachine learning and deep learning in python\n", floored_engine());
  BOOST_TEST(ml.before_floor == -1.0);
  BOOST_TEST(ml.score == analyze("ML engineer\nmachine learning and deep learning in python\n").score);
  BOOST_TEST(render_explain(ml, floored_engine(), false).find("  floor ") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_ad_of_none_of_the_roles_says_so) {
  const Result r = analyze("Barista\nwe make coffee\n");
  BOOST_TEST(r.role == kNoRole);
  BOOST_TEST(nlohmann::json::parse(jsonl(r))["role"] == "none");
}

BOOST_AUTO_TEST_SUITE_END()
