// Units of the pipeline and CI commands: check verdicts and GitHub escaping, stats' candidate
// terms, the progress line, the man page and completions generated from option tables, the
// record schema, and the id of a malformed JSON line.
#include <boost/program_options.hpp>
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "pipeline/analyze.h"
#include "report/check.h"
#include "cli/cli_doc.h"
#include "input/jsonl_id.h"
#include "cli/progress.h"
#include "report/schema.h"
#include "report/stats.h"

namespace {

namespace po = boost::program_options;
using namespace jobmatch;

const Engine& embedded() {
  static const std::unique_ptr<Engine> e = [] {
    std::vector<Diagnostic> diags;
    return Engine::load(EngineOptions{}, &diags);
  }();
  BOOST_REQUIRE(e);
  return *e;
}

Result analyze_text(const std::string& id, const std::string& text) {
  Analyzer a(embedded());
  Input in;
  in.id = id;
  in.bytes = text;
  AnalyzeOptions o;
  o.keep_text = true;
  return a.analyze(in, o);
}

size_t concept_index(const std::string& id) {
  const Concept* c = embedded().lexicon().find(id);
  BOOST_REQUIRE(c);
  return static_cast<size_t>(c - embedded().lexicon().concepts.data());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pipelines)

BOOST_AUTO_TEST_CASE(recover_id_of_malformed_line) {
  BOOST_TEST(recover_jsonl_id(R"({"id": "p0042", "text": "unterminated)", "id").value() == "p0042");
  BOOST_TEST(recover_jsonl_id(R"({"title": {"id": "inner"}, "id": 17, "text": )", "id").value() == "17");
  BOOST_TEST(!recover_jsonl_id(R"({"text": "x", )", "id").has_value());       // error before any id
  BOOST_TEST(!recover_jsonl_id(R"(["id", "x"])", "id").has_value());           // not an object
  BOOST_TEST(!recover_jsonl_id(R"({"id": null, "text": "x"})", "id").has_value());
  BOOST_TEST(!recover_jsonl_id(R"("id")", "id").has_value());
  BOOST_TEST(recover_jsonl_id(R"({"key": "k1", "id": "x")", "key").value() == "k1");
  BOOST_TEST(!recover_jsonl_id("", "id").has_value());
  BOOST_TEST(!recover_jsonl_id("\xff\xfe{", "id").has_value());
}

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
  const CheckVerdict v = check_posting(r, embedded(), spec, true);
  BOOST_TEST(!v.pass);
  BOOST_TEST(v.title_line == 3u);  // the first non-blank line
  BOOST_REQUIRE(v.findings.size() == 3u);
  BOOST_TEST(v.findings[0].kind == CheckFinding::kBelowFloor);
  BOOST_TEST(v.findings[0].line == 3u);
  BOOST_TEST(v.findings[1].kind == CheckFinding::kNegatedRequired);  // skill.python
  BOOST_TEST(v.findings[1].line == 9u);
  BOOST_TEST(v.findings[2].kind == CheckFinding::kMissingRequired);  // skill.sql
  const std::string gh = render_check({v}, embedded(), spec, CheckFormat::kGithub, false);
  BOOST_TEST(gh.find("::error file=ad.txt,line=9,title=jobmatch check::required skill.python") != std::string::npos);
  spec.floor = 1;
  spec.required = {concept_index("core.machine_learning")};
  BOOST_TEST(check_posting(r, embedded(), spec, true).pass);
}

BOOST_AUTO_TEST_CASE(check_unreadable) {
  Result r;
  r.id = "gone.txt";
  r.error = InputError{"not_found", "no such file"};
  CheckSpec spec;
  spec.floor = 50;
  const CheckVerdict v = check_posting(r, embedded(), spec, false);
  BOOST_TEST(!v.readable);
  BOOST_TEST(!v.pass);
  const std::string md = render_check({v}, embedded(), spec, CheckFormat::kMarkdown, false);
  BOOST_TEST(md.find("| ❌ | `gone.txt` | – |") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(capitalised_terms_rules) {
  const auto made = BatchStats::make(embedded());
  BOOST_TEST_REQUIRE(made.ok());
  const BatchStats& stats = **made;
  // English: mid-sentence names count, sentence starts and lexicon terms do not; a word the text
  // also writes in lower case does not.
  const auto en = capitalised_terms(
      "Heroku is great. We use Heroku, Metabase and Looker with Python and PyTorch.\n"
      "Data pipelines on AWS S3. Our data team and The Team.\n",
      "en", &stats.full_matcher());
  const std::vector<std::string> want_en = {"Heroku", "Metabase", "AWS", "S3"};  // Looker: a role concept
  BOOST_TEST(en == want_en, boost::test_tools::per_element());
  // German: plain capitalised words are nouns; only words with a further capital or digit count.
  const auto de = capitalised_terms("Wir suchen Verstärkung mit Erfahrung in SAP und HANA, nicht LangChain.\n", "de",
                                    &stats.full_matcher());
  const std::vector<std::string> want_de = {"SAP", "HANA"};  // LangChain: the lexicon knows it
  BOOST_TEST(de == want_de, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(progress_line) {
  BOOST_TEST(Progress::line(50, 200, 10, 5000000) == "jobmatch: 50/200 postings  0.5 MB/s  ETA 0:30");
  BOOST_TEST(Progress::line(50, 0, 10, 5000000) == "jobmatch: 50 postings  0.5 MB/s");
  Progress off(false, 10, nullptr);
  off.tick();  // disabled: draws nothing, never touches the fd
}

BOOST_AUTO_TEST_CASE(docs_from_option_tables) {
  po::options_description o("Output");
  o.add_options()("format,f", po::value<std::string>()->default_value("text")->value_name("FMT"), "text or json")(
      "quiet,q", po::bool_switch(), "be quiet")("lexicon", po::value<std::string>()->value_name("FILE|DIR"), "lex");
  CommandDoc c;
  c.name = "demo";
  c.summary = "a demo";
  c.usage = "Usage: jobmatch demo\n.starts with a dot";
  c.options = &o;
  c.choices["format"] = {"text", "json"};
  const auto opts = option_docs(c);
  BOOST_REQUIRE(opts.size() == 3u);
  BOOST_TEST(opts[0].long_name == "format");
  BOOST_TEST(opts[0].short_name == "f");
  BOOST_TEST(opts[0].value_name == "FMT");
  BOOST_TEST(opts[0].default_value == "text");
  BOOST_TEST(opts[1].value_name == "");
  const std::string man = render_man_page({c}, "9.9");
  BOOST_TEST(man.find("\\fB\\-f\\fR, \\fB\\-\\-format\\fR \\fIFMT\\fR") != std::string::npos);
  BOOST_TEST(man.find("\n\\&.starts with a dot\n") != std::string::npos);
  const std::string bash = render_bash_completion({c});
  BOOST_TEST(bash.find("--format|-f) COMPREPLY=($(compgen -W \"text json\"") != std::string::npos);
  BOOST_TEST(bash.find("--lexicon) COMPREPLY=($(compgen -f") != std::string::npos);
  const std::string zsh = render_zsh_completion({c});
  BOOST_TEST(zsh.find("#compdef jobmatch") == 0u);
  BOOST_TEST(zsh.find(":FMT:(text json)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(record_schema_is_json_with_its_version) {
  const auto schema = nlohmann::json::parse(record_schema());
  BOOST_TEST(schema["x-jobmatch-schema-version"].get<int>() == kRecordSchemaVersion);
  BOOST_TEST(schema["$id"].get<std::string>().ends_with("/" + std::to_string(kRecordSchemaVersion)));
}

BOOST_AUTO_TEST_SUITE_END()
