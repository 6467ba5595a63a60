#include "report/writer.h"

#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "test_helpers.h"
#include "text/text_util.h"

using jobmatch::display_id;
using jobmatch::Format;
using jobmatch::Output;
using jobmatch::Result;
using jobmatch::safe_cell;

namespace {

namespace fs = std::filesystem;

const jobmatch::Engine& engine() { return jobmatch::test::tiny_engine(); }

size_t idx(const std::string& id) { return engine().lexicon().by_id.at(id); }

// What a writer prints for the given results, read back through a pipe.
std::string write_through_pipe(Format format, const std::vector<Result>& results) {
  int fds[2];
  BOOST_TEST_REQUIRE(::pipe(fds) == 0);
  {
    Output out(fds[1]);
    auto writer = jobmatch::make_writer(format, out, engine(), jobmatch::ReportOptions{});
    BOOST_TEST_REQUIRE(writer != nullptr);
    for (const Result& r : results) writer->write(r);
    writer->finish();
  }  // small output: fits in the pipe buffer
  ::close(fds[1]);
  std::string got;
  char buf[4096];
  for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) got.append(buf, static_cast<size_t>(n));
  ::close(fds[0]);
  return got;
}

// The same through a temporary file.
std::string write_through_file(Format format, const std::vector<Result>& results) {
  return jobmatch::test::write_records(format, engine(), results);
}

Result scored(const std::string& id, const std::string& title) {
  Result r;
  r.id = id;
  r.title = title;
  r.lang = "de";
  r.encoding = "utf-8";
  r.score = 82.5;
  r.coverage = {1.0, 0.5};
  jobmatch::MatchedConcept m;
  m.concept_index = idx("x.python");
  m.section = 1;
  m.weight = 1;
  m.strength = 1;
  r.matched.push_back(m);
  r.missing = {idx("x.ml")};
  r.missing_must = {idx("x.ml")};
  return r;
}

Result failed(const std::string& id) {
  Result r;
  r.id = id;
  r.error = jobmatch::InputError{"binary", "NUL byte at offset 12"};
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report)

BOOST_AUTO_TEST_CASE(safe_cell_neutralises_formulas) {
  BOOST_TEST(safe_cell("=SUM(A1:A9)") == "'=SUM(A1:A9)");
  BOOST_TEST(safe_cell("+49 30 1234") == "'+49 30 1234");
  BOOST_TEST(safe_cell("-2+3") == "'-2+3");
  BOOST_TEST(safe_cell("@cmd") == "'@cmd");
  BOOST_TEST(safe_cell("\t=1") == "' =1");
  BOOST_TEST(safe_cell("\r=1") == "' =1");
}

BOOST_AUTO_TEST_CASE(safe_cell_keeps_harmless_text) {
  BOOST_TEST(safe_cell("") == "");
  BOOST_TEST(safe_cell("ML Engineer (m/w/d)") == "ML Engineer (m/w/d)");
  BOOST_TEST(safe_cell("a=b") == "a=b");
  BOOST_TEST(safe_cell("82.5") == "82.5");
  BOOST_TEST(safe_cell("-") == "-");  // standard input's id
}

BOOST_AUTO_TEST_CASE(safe_cell_turns_tabs_and_line_breaks_into_spaces) {
  BOOST_TEST(safe_cell("a\tb\nc\r\nd") == "a b c  d");
}

BOOST_AUTO_TEST_CASE(display_id_escapes_bytes_that_are_not_utf8) {
  BOOST_TEST(display_id("ads/berlin.txt") == "ads/berlin.txt");
  BOOST_TEST(display_id("ads/Köln.txt") == "ads/Köln.txt");
  BOOST_TEST(display_id("ads/K\xF6ln.txt") == "ads/K\\xf6ln.txt");  // Latin-1 file name
  BOOST_TEST(display_id("\xFF\xFE") == "\\xff\\xfe");
  BOOST_TEST(display_id("ä\xC3") == "ä\\xc3");  // valid character kept, truncated one escaped
  BOOST_TEST(jobmatch::is_valid_utf8(display_id("a\x80\xBF\xC0\xAF" "b")));
}

BOOST_AUTO_TEST_CASE(format_score_prints_one_decimal) {
  BOOST_TEST(jobmatch::format_score(82.5) == "82.5");
  BOOST_TEST(jobmatch::format_score(0) == "0.0");
  BOOST_TEST(jobmatch::format_score(100) == "100.0");
  BOOST_TEST(jobmatch::format_score(33.3) == "33.3");
}

BOOST_AUTO_TEST_CASE(parses_format_names) {
  Format f = Format::kTable;
  BOOST_TEST(jobmatch::parse_format("csv", &f));
  BOOST_TEST((f == Format::kCsv));
  BOOST_TEST(jobmatch::parse_format("jsonl", &f));
  BOOST_TEST((f == Format::kJsonl));
  BOOST_TEST(jobmatch::parse_format("tsv", &f));
  BOOST_TEST((f == Format::kTsv));
  BOOST_TEST(!jobmatch::parse_format("CSV", &f));
  BOOST_TEST(!jobmatch::parse_format("xml", &f));
  BOOST_TEST((f == Format::kTsv));  // unchanged on failure
}

BOOST_AUTO_TEST_CASE(csv_quotes_and_neutralises_cells) {
  const std::string got = write_through_pipe(
      Format::kCsv, {scored("jobs/a,b \"x\".txt", "=HYPERLINK(\"http://x\",\"y\")"),
                     failed("bad\xFF.bin")});
  BOOST_TEST(got ==
             "id,score,lang,title,core,prog,matched,missing_must,error\r\n"
             "\"jobs/a,b \"\"x\"\".txt\",82.5,de,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","
             "1.00,0.50,x.python,x.ml,\r\n"
             "bad\\xff.bin,,,,,,,,binary: NUL byte at offset 12\r\n");
}

BOOST_AUTO_TEST_CASE(csv_through_a_file_matches_the_pipe) {
  const std::vector<Result> results = {scored("a.txt", "Title, with comma"), failed("b.bin")};
  BOOST_TEST(write_through_file(Format::kCsv, results) == write_through_pipe(Format::kCsv, results));
}

BOOST_AUTO_TEST_CASE(tsv_cells_hold_no_tabs_or_line_breaks) {
  const std::string got =
      write_through_pipe(Format::kTsv, {scored("a.txt", "-ML\tEngineer\nBerlin")});
  BOOST_TEST(got ==
             "id\tscore\tlang\ttitle\tcore\tprog\tmatched\tmissing_must\terror\n"
             "a.txt\t82.5\tde\t'-ML Engineer Berlin\t1.00\t0.50\tx.python\tx.ml\t\n");
}

BOOST_AUTO_TEST_CASE(jsonl_writes_one_record_per_line) {
  const std::string got =
      write_through_file(Format::kJsonl, {scored("a.txt", "ML Engineer"), failed("bad\xFF.bin")});
  const size_t nl = got.find('\n');
  BOOST_TEST_REQUIRE(nl != std::string::npos);
  BOOST_TEST(got.back() == '\n');
  BOOST_TEST(got.find('\n', nl + 1) == got.size() - 1);  // exactly two lines
  const auto first = nlohmann::json::parse(got.substr(0, nl));
  BOOST_TEST(first.at("id") == "a.txt");
  BOOST_TEST(first.at("score") == 82.5);
  BOOST_TEST(first.at("lang") == "de");
  BOOST_TEST(first.at("matched").at(0).at("concept") == "x.python");
  BOOST_TEST(first.at("missing_must").at(0) == "x.ml");
  BOOST_TEST(first.at("sections").at("prog") == 0.5);
  const auto second = nlohmann::json::parse(got.substr(nl + 1));
  BOOST_TEST(second.at("id") == "bad\\xff.bin");
  BOOST_TEST(second.at("error").at("kind") == "binary");
  BOOST_TEST(!second.contains("score"));
}

BOOST_AUTO_TEST_CASE(json_writes_one_array) {
  const auto all = nlohmann::json::parse(
      write_through_pipe(Format::kJson, {scored("a.txt", "T"), failed("b.bin")}));
  BOOST_TEST_REQUIRE(all.is_array());
  BOOST_TEST(all.size() == 2u);
  BOOST_TEST(all.at(1).at("id") == "b.bin");
  const auto none = nlohmann::json::parse(write_through_pipe(Format::kJson, {}));
  BOOST_TEST(none.is_array());
  BOOST_TEST(none.empty());
}

BOOST_AUTO_TEST_CASE(output_notices_a_closed_pipe) {
  const auto previous = std::signal(SIGPIPE, SIG_IGN);
  int fds[2];
  BOOST_TEST_REQUIRE(::pipe(fds) == 0);
  ::close(fds[0]);
  {
    Output out(fds[1]);
    BOOST_TEST(!out.broken());
    out.write("lost");
    out.flush();
    BOOST_TEST(out.broken());
    out.write("dropped quietly");
    out.flush();
    BOOST_TEST(out.broken());
  }
  ::close(fds[1]);
  std::signal(SIGPIPE, previous);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(json_control_characters)

// DEL and C1 controls (the CSI introducer U+009B among them) never reach the JSON raw.
BOOST_AUTO_TEST_CASE(escapes_del_and_c1_controls) {
  auto loaded = jobmatch::Engine::load(jobmatch::EngineOptions{});
  BOOST_TEST_REQUIRE(loaded.ok());
  const auto engine = std::move(*loaded);
  jobmatch::Output out(-1);
  auto w = jobmatch::make_writer(jobmatch::Format::kJsonl, out, *engine, {});
  jobmatch::Result r;
  r.id = "t";
  r.title = "A \xC2\x9B" "31m \x7F end";
  r.coverage.assign(engine->profile().sections.size(), 0.0);
  const std::string s = w->render(r);
  BOOST_TEST(s.find("\\u009b31m") != std::string::npos, s);
  BOOST_TEST(s.find("\\u007f") != std::string::npos, s);
  BOOST_TEST(s.find("\xC2\x9B") == std::string::npos);
  BOOST_TEST(s.find('\x7F') == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
