// Data-driven checks of the embedded lexicon: tests/lexicon/cases.tsv lists phrases and whether
// each concept must or must not be found in them. Every failing line is reported, not only the
// first.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "lexicon/engine.h"
#include "lexicon/lexicon.h"
#include "match/match.h"
#include "test_helpers.h"
#include "text/text_util.h"

using jobmatch::Lexicon;
using jobmatch::Matcher;

namespace {

// The embedded lexicon, parsed, and a matcher over all of its concepts (not only the profile's).
struct Embedded {
  Lexicon lexicon;
  std::unique_ptr<Matcher> matcher;
};

const Embedded& embedded() {
  static const Embedded e = [] {
    Embedded out;
    const auto files = jobmatch::load_data_files("");
    BOOST_TEST_REQUIRE(files.ok());
    BOOST_TEST_REQUIRE(!files->lexicons.empty());
    const jobmatch::Status parsed = jobmatch::parse_lexicon(files->lexicons, &out.lexicon);
    if (!parsed.ok())
      for (const auto& d : parsed.error().diagnostics) BOOST_ERROR(jobmatch::format_diagnostic(d));
    BOOST_TEST_REQUIRE(parsed.ok());
    auto built = Matcher::build(out.lexicon, {});
    BOOST_TEST_REQUIRE(built.ok(), (built.ok() ? "" : built.error().message));
    out.matcher = std::move(*built);
    return out;
  }();
  return e;
}

struct Case {
  size_t line = 0;
  bool expect = false;
  std::string concept_id;
  std::string text;
};

// Reads cases.tsv; malformed lines are reported as errors and skipped.
std::vector<Case> read_cases(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  BOOST_TEST_REQUIRE(in.good(), "cannot open " << path);
  std::vector<Case> out;
  std::string raw;
  for (size_t line_no = 1; std::getline(in, raw); ++line_no) {
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    const std::string_view line = jobmatch::trim(raw);
    if (line.empty() || line.front() == '#') continue;
    const size_t tab1 = raw.find('\t');
    const size_t tab2 = tab1 == std::string::npos ? tab1 : raw.find('\t', tab1 + 1);
    const std::string expect = raw.substr(0, tab1);
    if (tab2 == std::string::npos || (expect != "+" && expect != "-")) {
      BOOST_ERROR("cases.tsv:" << line_no
                               << ": expected '+' or '-', TAB, concept id, TAB, text; got \""
                               << jobmatch::escape_for_terminal(raw) << "\"");
      continue;
    }
    Case c;
    c.line = line_no;
    c.expect = expect == "+";
    c.concept_id = std::string(jobmatch::trim(raw.substr(tab1 + 1, tab2 - tab1 - 1)));
    c.text = raw.substr(tab2 + 1);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lexicon_cases)

// A problem with a file or with the data as a whole is one diagnostic at line 0 of that file.
BOOST_AUTO_TEST_CASE(engine_errors_about_a_whole_file_are_at_line_0) {
  const auto missing = jobmatch::Engine::load(jobmatch::EngineOptions{"/nonexistent/x.lex", ""});
  BOOST_TEST_REQUIRE(!missing.ok());
  BOOST_TEST_REQUIRE(missing.error().diagnostics.size() == 1u);
  const jobmatch::Diagnostic& d = missing.error().diagnostics[0];
  BOOST_TEST(d.file == "/nonexistent/x.lex");
  BOOST_TEST(d.line == 0u);
  BOOST_TEST(d.message == "No such file or directory");
  BOOST_TEST(missing.error().message == d.message);
  const auto nobody = jobmatch::Engine::load(jobmatch::EngineOptions{"", "nobody"});
  BOOST_TEST_REQUIRE(!nobody.ok());
  BOOST_TEST_REQUIRE(nobody.error().diagnostics.size() == 1u);
  BOOST_TEST(nobody.error().diagnostics[0].file == "");  // no file to blame: the command line's error
  BOOST_TEST(nobody.error().diagnostics[0].line == 0u);
  BOOST_TEST(nobody.error().message.starts_with("no profile named 'nobody' (available: "));
}

BOOST_AUTO_TEST_CASE(embedded_lexicon_and_default_profile_load) {
  const auto loaded = jobmatch::Engine::load(jobmatch::EngineOptions{});
  std::string shown;
  if (!loaded.ok())
    for (const auto& d : loaded.error().diagnostics) shown += jobmatch::format_diagnostic(d);
  BOOST_TEST_REQUIRE(loaded.ok(), shown);
  const auto& engine = *loaded;
  BOOST_TEST(engine->source() == "embedded");
  BOOST_TEST(engine->profile().name == "ml-engineer");
  BOOST_TEST(!engine->profile().sections.empty());
}

BOOST_AUTO_TEST_CASE(contract_concept_ids_exist) {
  static const char* const required[] = {
      "core.machine_learning",    "duty.convert_prototypes",     "duty.design_ml_systems",
      "duty.tune_models",         "duty.find_datasets",          "duty.train_models",
      "duty.extend_frameworks",   "duty.build_ml_apps",          "duty.research_algorithms",
      "duty.rank_algorithms",     "duty.explore_data",           "edu.degree",
      "math.linear_algebra",      "math.calculus",               "math.bayesian_statistics",
      "math.descriptive_statistics", "data.modeling",            "data.architecture",
      "skill.python",             "skill.r",                     "skill.java",
      "skill.cpp",                "skill.hadoop",                "skill.spark",
      "skill.pig",                "skill.hive",                  "skill.flume",
      "skill.tensorflow",         "skill.keras",                 "skill.scikit_learn",
      "skill.theano",             "skill.matplotlib",            "skill.caffe",
      "soft.communication",       "soft.collaboration"};
  const Lexicon& lex = embedded().lexicon;
  for (const char* id : required) {
    const jobmatch::Concept* c = lex.find(id);
    if (!c) {
      BOOST_ERROR("concept " << id << " of the output contract is missing from the embedded lexicon");
      continue;
    }
    // The article's concepts are the core, not extensions.
    BOOST_TEST(!c->extension, id << " should have origin article");
  }
}

BOOST_AUTO_TEST_CASE(cases_tsv) {
  // JOBMATCH_LEXICON_CASES=FILE runs another cases file (a draft) instead.
  const char* override_path = std::getenv("JOBMATCH_LEXICON_CASES");
  const std::string path =
      override_path ? override_path : JOBMATCH_SOURCE_DIR "/tests/lexicon/cases.tsv";
  const std::vector<Case> cases = read_cases(path);
  BOOST_TEST_REQUIRE(!cases.empty(), path << " holds no cases");
  const Embedded& e = embedded();
  size_t failures = 0;
  std::vector<jobmatch::ConceptMatch> matches;
  for (const Case& c : cases) {
    const auto it = e.lexicon.by_id.find(c.concept_id);
    if (it == e.lexicon.by_id.end()) {
      BOOST_ERROR("cases.tsv:" << c.line << ": unknown concept '" << c.concept_id << "'");
      ++failures;
      continue;
    }
    const auto tk = jobmatch::test::tokenized(c.text);
    const jobmatch::TokenStream& ts = tk.ts;
    e.matcher->match(ts, &matches);
    const jobmatch::ConceptMatch* hit = nullptr;
    for (const auto& m : matches)
      if (m.concept_index == it->second) hit = &m;
    if ((hit != nullptr) == c.expect) continue;
    ++failures;
    std::string evidence;
    if (hit) {
      for (const auto& s : hit->spans) {
        const uint32_t b = tk.input_begin(s.begin), end = tk.input_end(s.begin, s.end);
        evidence += (evidence.empty() ? "" : ", ") + ("\"" + c.text.substr(b, end - b) + "\"");
      }
    }
    BOOST_ERROR("cases.tsv:" << c.line << ": " << c.concept_id
                             << (c.expect ? " not found in" : " wrongly found in") << " \""
                             << c.text << "\"" << (hit ? " at " + evidence : std::string())
                             << "\n    tokens:" << ts.text);
  }
  BOOST_TEST_MESSAGE(cases.size() << " lexicon cases, " << failures << " failed");
}

BOOST_AUTO_TEST_CASE(samples_match_with_spans_inside_the_input) {
  const Embedded& e = embedded();
  const std::filesystem::path dir = JOBMATCH_SOURCE_DIR "/samples";
  std::vector<jobmatch::ConceptMatch> matches;
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    ++files;
    const std::string input = jobmatch::test::read_whole_file(entry.path());
    const auto tk = jobmatch::test::tokenized(input);
    const jobmatch::TokenStream& ts = tk.ts;
    e.matcher->match(ts, &matches);
    for (const auto& m : matches)
      for (const auto& s : m.spans) {
        const uint32_t b = tk.input_begin(s.begin), end = tk.input_end(s.begin, s.end);
        BOOST_TEST_REQUIRE(b < end, entry.path().filename().string());
        BOOST_TEST_REQUIRE(end <= input.size(), entry.path().filename().string());
        // The evidence is the matched words as written: normalized, it reads as the tokens did.
        BOOST_TEST(jobmatch::token_text(input.substr(b, end - b)) ==
                       " " + ts.text.substr(s.begin, s.end - s.begin) + " ",
                   entry.path().filename().string() << " " << e.lexicon.concepts[m.concept_index].id);
      }
  }
  BOOST_TEST(files > 10u);
}

BOOST_AUTO_TEST_SUITE_END()
