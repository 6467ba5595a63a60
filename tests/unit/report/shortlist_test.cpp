#include "report/shortlist.h"

#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "report/escape.h"
#include "report/schema.h"
#include "test_helpers.h"

using jobmatch::Format;
using jobmatch::ReportOptions;
using jobmatch::Result;
using jobmatch::Shortlist;
using jobmatch::ShortlistOptions;
using jobmatch::SortOrder;

namespace {

const jobmatch::Engine& engine() { return jobmatch::test::tiny_engine(); }

Result posting(const std::string& id, double score, const std::string& lang = "de") {
  Result r;
  r.id = id;
  r.score = score;
  r.lang = lang;
  r.title = "T " + id;
  r.encoding = "utf-8";
  r.coverage = {0.5, 1.0};
  r.rendered = id;  // what the recording writer below writes
  return r;
}

Result failure(const std::string& id) {
  Result r;
  r.id = id;
  r.error = jobmatch::InputError{"not_found", "No such file or directory"};
  r.rendered = id;
  return r;
}

// Writes down the rendered records it gets, in order.
class Recorder : public jobmatch::Writer {
 public:
  std::vector<std::string> written;
  uint64_t left_out = 0;
  bool finished = false;
  std::string render(const Result& r) const override { return r.id; }
  void write(const Result&, std::string&& rendered) override { written.push_back(rendered); }
  bool writes_rendered_only() const override { return true; }
  void finish() override { finished = true; }
  void set_left_out(uint64_t n) override { left_out = n; }
};

using Ids = std::vector<std::string>;

// What a shortlist made of records: what it wrote, and what it left out.
struct Outcome {
  Ids written;
  uint64_t errors_left_out = 0, postings_left_out = 0, told_writer = 0;
  Ids error_examples;
};

Outcome run_list(ShortlistOptions o, std::vector<Result> records) {
  Recorder recorder;
  Shortlist list(recorder, std::move(o));
  for (Result& r : records) list.add(std::move(r));
  list.finish();
  BOOST_TEST(recorder.finished);
  return {recorder.written, list.errors_left_out(), list.postings_left_out(), recorder.left_out,
          list.error_examples()};
}

Ids run(ShortlistOptions o, std::vector<Result> records) { return run_list(std::move(o), std::move(records)).written; }

}  // namespace

BOOST_AUTO_TEST_SUITE(shortlist)

BOOST_AUTO_TEST_CASE(input_order_passes_everything_through_as_it_comes) {
  BOOST_TEST(run({}, {posting("b", 10), failure("x"), posting("a", 90)}) == (Ids{"b", "x", "a"}));
}

BOOST_AUTO_TEST_CASE(score_order_ranks_ties_in_input_order_and_errors_last) {
  ShortlistOptions o;
  o.sort = SortOrder::kScore;
  BOOST_TEST(run(o, {failure("x"), posting("b", 10), posting("c", 50), posting("d", 10), posting("a", 90)}) ==
             (Ids{"a", "c", "b", "d", "x"}));
}

BOOST_AUTO_TEST_CASE(id_order_is_bytewise) {
  ShortlistOptions o;
  o.sort = SortOrder::kId;
  BOOST_TEST(run(o, {posting("b", 10), posting("a/2", 5), posting("B", 50), failure("a/10")}) ==
             (Ids{"B", "a/10", "a/2", "b"}));
}

BOOST_AUTO_TEST_CASE(top_keeps_the_best_n_of_many) {
  ShortlistOptions o;
  o.sort = SortOrder::kScore;
  o.top = 3;
  std::vector<Result> records;
  for (int i = 0; i < 100; ++i) records.push_back(posting("p" + std::to_string(i), (i * 37) % 100));
  // (i * 37) % 100 is 99 at i = 27, 98 at i = 54, 97 at i = 81
  const Outcome got = run_list(o, std::move(records));
  BOOST_TEST(got.written == (Ids{"p27", "p54", "p81"}));
  BOOST_TEST(got.postings_left_out == 97u);
  BOOST_TEST(got.told_writer == 97u);
}

BOOST_AUTO_TEST_CASE(top_in_input_order_takes_the_first_n) {
  ShortlistOptions o;
  o.top = 2;
  BOOST_TEST(run(o, {posting("a", 1), posting("b", 99), posting("c", 50)}) == (Ids{"a", "b"}));
}

BOOST_AUTO_TEST_CASE(min_score_and_lang_filter_postings) {
  ShortlistOptions o;
  o.min_score = 40;
  o.langs = {"en", "und"};
  BOOST_TEST(run(o, {posting("a", 39.9, "en"), posting("b", 40, "en"), posting("c", 80, "de"), posting("d", 41, "und")}) ==
             (Ids{"b", "d"}));
  Result r = posting("x", 50);
  BOOST_TEST(jobmatch::passes(r, o) == false);  // de
  r.lang = "en";
  BOOST_TEST(jobmatch::passes(r, o));
  BOOST_TEST(!jobmatch::passes(failure("y"), ShortlistOptions{}));
}

BOOST_AUTO_TEST_CASE(error_records_are_left_out_by_filters_and_counted) {
  ShortlistOptions o;
  o.sort = SortOrder::kScore;
  o.top = 10;
  const Outcome got = run_list(o, {failure("e1"), posting("a", 50), failure("e2"), failure("e3"), failure("e4")});
  BOOST_TEST(got.written == (Ids{"a"}));
  BOOST_TEST(got.errors_left_out == 4u);
  BOOST_TEST(got.error_examples == (Ids{"e1", "e2", "e3"}));
  BOOST_TEST(got.postings_left_out == 0u);
}

BOOST_AUTO_TEST_CASE(a_writer_that_ranks_itself_gets_every_kept_record_in_input_order) {
  ShortlistOptions o;
  o.sort = SortOrder::kScore;
  o.top = 1;
  o.min_score = 20;
  o.writer_ranks = true;
  const Outcome got = run_list(o, {posting("a", 30), posting("b", 10), posting("c", 90)});
  BOOST_TEST(got.written == (Ids{"a", "c"}));
  BOOST_TEST(got.postings_left_out == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(id_cells)

BOOST_AUTO_TEST_CASE(an_id_is_written_verbatim_unless_it_is_a_formula) {
  using jobmatch::safe_id_cell;
  BOOST_TEST(safe_id_cell("-42") == "-42");
  BOOST_TEST(safe_id_cell("-4.2") == "-4.2");
  BOOST_TEST(safe_id_cell("-") == "-");
  BOOST_TEST(safe_id_cell("ads/a.txt") == "ads/a.txt");
  BOOST_TEST(safe_id_cell("=1+1") == "'=1+1");
  BOOST_TEST(safe_id_cell("+49") == "'+49");
  BOOST_TEST(safe_id_cell("@SUM(A1)") == "'@SUM(A1)");
  BOOST_TEST(safe_id_cell("\t=1") == "' =1");
  BOOST_TEST(safe_id_cell("\r=1") == "' =1");
  BOOST_TEST(safe_id_cell("-2+3") == "'-2+3");
  BOOST_TEST(safe_id_cell("-A1") == "'-A1");
  BOOST_TEST(safe_id_cell("-1.2.3") == "'-1.2.3");
  BOOST_TEST(safe_id_cell("a\tb") == "a b");
  // a text cell keeps its guard
  BOOST_TEST(jobmatch::safe_cell("-42") == "'-42");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(record_fields)

BOOST_AUTO_TEST_CASE(tsv_writes_the_chosen_columns_in_their_order_and_no_header) {
  ReportOptions o;
  o.fields = {"title", "id", "score"};
  o.header = false;
  Result neg = posting("-42", 61.26);
  neg.title = "-Senior ML";
  const std::string got = jobmatch::test::write_records(Format::kTsv, engine(), {neg, failure("=x")}, o);
  BOOST_TEST(got == "'-Senior ML\t-42\t61.3\n\t'=x\t\n");
}

BOOST_AUTO_TEST_CASE(tsv_sections_expand_to_one_column_each_and_error_is_selectable) {
  ReportOptions o;
  o.fields = {"id", "sections", "error"};
  const std::string got = jobmatch::test::write_records(Format::kCsv, engine(), {posting("a", 1), failure("b")}, o);
  BOOST_TEST(got == "id,core,prog,error\r\na,0.50,1.00,\r\nb,,,not_found: No such file or directory\r\n");
}

BOOST_AUTO_TEST_CASE(kept_fields_are_columns_and_json_fields) {
  ReportOptions o;
  o.keep_fields = {"url", "company", "n"};
  Result r = posting("p1", 50);
  r.kept = {{true, true, "=http://x"}, {false, false, ""}, {true, false, "[1,2]"}};
  Result e = failure("p2");
  e.kept = {{true, true, "u2"}, {true, true, "C"}, {false, false, ""}};
  o.fields = {"id", "url", "n"};
  BOOST_TEST(jobmatch::test::write_records(Format::kTsv, engine(), {r, e}, o) ==
             "id\turl\tn\np1\t'=http://x\t[1,2]\np2\tu2\t\n");
  o.fields.clear();  // default: every column, the kept ones last
  const std::string tsv = jobmatch::test::write_records(Format::kTsv, engine(), {r}, o);
  BOOST_TEST(tsv.substr(0, tsv.find('\n')) == "id\tscore\tlang\ttitle\tcore\tprog\tmatched\tmissing_must\terror\turl\tcompany\tn");
  const std::string jsonl = jobmatch::test::write_records(Format::kJsonl, engine(), {r, e}, o);
  const auto first = nlohmann::ordered_json::parse(jsonl.substr(0, jsonl.find('\n')));
  BOOST_TEST(first.at("fields").dump() == R"({"url":"=http://x","company":null,"n":[1,2]})");
  BOOST_TEST(first.at("score") == 50.0);
  const auto second = nlohmann::json::parse(jsonl.substr(jsonl.find('\n') + 1));
  BOOST_TEST(second.at("fields").at("company") == "C");
  BOOST_TEST(second.at("error").at("kind") == "not_found");
}

BOOST_AUTO_TEST_CASE(json_writes_the_chosen_fields_and_an_error_record_keeps_its_error) {
  ReportOptions o;
  o.fields = {"score", "id"};
  const std::string got = jobmatch::test::write_records(Format::kJsonl, engine(), {posting("-42", 50), failure("b")}, o);
  BOOST_TEST(got ==
             "{\"id\":\"-42\",\"score\":50.0}\n"
             "{\"id\":\"b\",\"error\":{\"kind\":\"not_found\",\"message\":\"No such file or directory\"}}\n");
  o.fields = {"title"};
  BOOST_TEST(jobmatch::test::write_records(Format::kJsonl, engine(), {posting("a", 1)}, o) == "{\"title\":\"T a\"}\n");
  o.fields = {"url"};
  o.keep_fields = {"url"};
  BOOST_TEST(jobmatch::test::write_records(Format::kJsonl, engine(), {posting("a", 1)}, o) ==
             "{\"fields\":{\"url\":null}}\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(record_field_names)

// --fields takes the record's field names: exactly the top-level properties of the schema's
// scored and error records.
BOOST_AUTO_TEST_CASE(are_the_schemas_top_level_properties) {
  const auto schema = nlohmann::json::parse(jobmatch::record_schema());
  std::set<std::string> in_schema;
  for (const char* kind : {"scored", "error"})
    for (const auto& [name, value] : schema.at("definitions").at(kind).at("properties").items()) in_schema.insert(name);
  const std::set<std::string> names(jobmatch::kRecordFieldNames.begin(), jobmatch::kRecordFieldNames.end());
  BOOST_TEST(names == in_schema, boost::test_tools::per_element());
}

// ... and the completions offer each of them.
BOOST_AUTO_TEST_CASE(are_the_choices_of_score_fields) {
  std::string choices = "fields=";
  for (const std::string_view name : jobmatch::kRecordFieldNames) choices += std::string(name) + " ";
  choices.pop_back();
  const std::string all = jobmatch::kScoreCommand.choices;
  BOOST_TEST(all.find(choices) != std::string::npos);
  BOOST_TEST(all.find("sort=score id input") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(table_order)

// The ids of a table's rows, in the order printed.
Ids table_ids(const ReportOptions& o, const std::vector<Result>& results) {
  const std::string table = jobmatch::test::write_records(Format::kTable, engine(), results, o);
  Ids ids;
  std::istringstream lines(table);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream cells(line);
    Ids words;
    for (std::string w; cells >> w;) words.push_back(w);
    BOOST_TEST_REQUIRE(words.size() >= 3u);
    ids.push_back(words[0] == "-" ? words[2] : words[3]);  // an error row has no language
  }
  return ids;
}

BOOST_AUTO_TEST_CASE(ranks_by_score_or_id_or_input_and_cuts_at_top) {
  std::vector<Result> results = {posting("c", 10), posting("a", 90), posting("b", 50), failure("0err")};
  for (Result& r : results) r.rendered.clear();
  ReportOptions o;
  o.footer = false;  // (to stderr)
  o.header = false;
  BOOST_TEST(table_ids(o, results) == (Ids{"a", "b", "c", "0err"}));
  o.sort = SortOrder::kId;
  BOOST_TEST(table_ids(o, results) == (Ids{"0err", "a", "b", "c"}));
  o.sort = SortOrder::kInput;
  BOOST_TEST(table_ids(o, results) == (Ids{"c", "a", "b", "0err"}));
  o.sort = SortOrder::kScore;
  o.top = 2;
  BOOST_TEST(table_ids(o, results) == (Ids{"a", "b"}));
  o.header = true;
  BOOST_TEST(table_ids(o, results).front() == "POSTING");
}

BOOST_AUTO_TEST_SUITE_END()
