#include "report/html_report.h"

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>  // for short matches only: libstdc++ regex recurses per matched character

#include "report/html_charts.h"
#include "report/html_util.h"
#include "pipeline/run.h"
#include "test_helpers.h"
#include "text/text_util.h"

using jobmatch::Result;

namespace {

namespace fs = std::filesystem;

const jobmatch::Engine& engine() {
  static const std::unique_ptr<jobmatch::Engine> e = [] {
    auto loaded = jobmatch::Engine::load(jobmatch::EngineOptions{});
    BOOST_TEST_REQUIRE(loaded.ok());
    return std::move(*loaded);
  }();
  return *e;
}

size_t concept_index(const std::string& id) { return engine().lexicon().by_id.at(id); }

// The page for the given results, written through the writer as the CLI does.
std::string render_page(const std::vector<Result>& results,
                        const jobmatch::HtmlReportOptions& options = {}) {
  std::FILE* f = std::tmpfile();
  BOOST_TEST_REQUIRE(f != nullptr);
  {
    jobmatch::Output out(::fileno(f));
    auto writer = jobmatch::make_html_report_writer(out, engine(), options);
    for (const Result& r : results) writer->write(r);
    writer->finish();
  }
  std::rewind(f);
  std::string page;
  char buf[1 << 14];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) page.append(buf, n);
  std::fclose(f);
  return page;
}

// Every posting analyzed with its text, as `jobmatch report` does.
std::vector<Result> analyze_samples() {
  jobmatch::InputSource source({JOBMATCH_SOURCE_DIR "/samples"}, jobmatch::ReadOptions{});
  jobmatch::RunOptions run;
  run.threads = 2;
  run.analyze.keep_text = true;
  std::vector<Result> out;
  jobmatch::run_pipeline(engine(), source, run, [&](Result&& r) {
    out.push_back(std::move(r));
    return true;
  });
  return out;
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
  return n;
}

std::string base64_decode(std::string_view s) {
  static const std::string table =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (const char c : s) {
    if (c == '=') break;
    const size_t v = table.find(c);
    BOOST_TEST_REQUIRE(v != std::string::npos);
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

// The explanations packed in the page, unpacked as the browser does, in input order.
nlohmann::json explanations(const std::string& page) {
  nlohmann::json all = nlohmann::json::array();
  const std::string open = "<script type=\"application/x-jobmatch-chunk\" id=\"jm-c";
  size_t expect = 0;
  for (size_t p = page.find(open); p != std::string::npos; p = page.find(open, p + 1)) {
    const size_t id_end = page.find("\">", p);
    BOOST_TEST(page.substr(p + open.size(), id_end - p - open.size()) == std::to_string(expect++));
    const size_t end = page.find("</script>", id_end);
    std::string json;
    BOOST_TEST_REQUIRE(
        jobmatch::zlib_decompress(base64_decode(page.substr(id_end + 2, end - id_end - 2)), &json));
    for (auto& d : nlohmann::json::parse(json)) all.push_back(std::move(d));
  }
  return all;
}

nlohmann::json meta(const std::string& page) {
  const std::string open = "<script type=\"application/json\" id=\"jm-meta\">";
  const size_t b = page.find(open);
  BOOST_TEST_REQUIRE(b != std::string::npos);
  const size_t e = page.find("</script>", b);
  return nlohmann::json::parse(page.substr(b + open.size(), e - b - open.size()));
}

std::u16string to_utf16(std::string_view s) {
  std::u16string out;
  for (size_t i = 0; i < s.size();) {
    size_t len;
    const char32_t cp = jobmatch::decode_utf8(s, i, &len);
    if (cp >= 0x10000) {
      out += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
      out += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      out += static_cast<char16_t>(cp);
    }
    i += len;
  }
  return out;
}

// A scored posting whose title and body carry markup that must never become markup.
Result hostile(const std::string& id) {
  Result r;
  r.id = id;
  r.title = "<script>alert(1)</script> ML Engineer";
  r.lang = "en";
  r.encoding = "utf-8";
  r.score = 42;
  r.coverage.assign(engine().profile().sections.size(), 0.5);
  r.text = r.title +
           "\n\nWe use Python. <script>alert(1)</script> <img src=x onerror=alert(2)> \u2028 &amp;";
  jobmatch::MatchedConcept m;
  m.concept_index = concept_index("skill.python");
  m.weight = 3;
  m.strength = 0.9;
  jobmatch::Evidence e;
  e.text_begin = static_cast<uint32_t>(r.text.find("Python"));
  e.text_end = e.text_begin + 6;
  e.text = "Python";
  e.line = 3;
  e.zone = jobmatch::Zone::kRequirements;
  e.factor = 0.9;
  m.spans.push_back(e);
  r.matched.push_back(m);
  r.missing_must = {concept_index("core.machine_learning")};
  r.missing = r.missing_must;
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(html_report)

BOOST_AUTO_TEST_CASE(samples_page_has_one_row_per_posting_and_two_charts) {
  const std::vector<Result> results = analyze_samples();
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(JOBMATCH_SOURCE_DIR "/samples"))
    files += entry.path().extension() == ".txt";
  BOOST_TEST_REQUIRE(results.size() == files);
  const std::string page = render_page(results);

  BOOST_TEST(page.rfind("<!DOCTYPE html>", 0) == 0);
  BOOST_TEST(count(page, "<tr id=\"p") == files);
  for (size_t k = 1; k <= files; ++k)
    BOOST_TEST(count(page, "<tr id=\"p" + std::to_string(k) + "\"") == 1u);
  // Each id in full in its cell's title; the cell leaves out the folder they all share.
  const std::string folder = JOBMATCH_SOURCE_DIR "/samples/";
  BOOST_TEST(page.find("ids under " + folder) != std::string::npos);
  for (const Result& r : results) {
    BOOST_TEST_REQUIRE(r.id.rfind(folder, 0) == 0);
    BOOST_TEST(page.find("<td class=\"id\" title=\"" + r.id + "\">" + r.id.substr(folder.size()) +
                         "</td></tr>") != std::string::npos,
               r.id);
  }
  BOOST_TEST(count(page, "<svg class=\"chart\"") == 2u);
  BOOST_TEST(count(page, "id=\"histogram\"") == 1u);
  BOOST_TEST(count(page, "id=\"heatmap\"") == 1u);
  // The heatmap draws every scored posting as a row.
  BOOST_TEST(count(page, "<g class=\"row\" data-target=\"p") == files);
  BOOST_TEST(page.find("Covered least") != std::string::npos);
  BOOST_TEST(page.find("lexicon " + engine().hash()) != std::string::npos);
  BOOST_TEST(page.find("profile " + engine().profile().name) != std::string::npos);
  BOOST_TEST(page.find(std::string("jobmatch ") + JOBMATCH_VERSION) != std::string::npos);

  const nlohmann::json m = meta(page);
  BOOST_TEST(m["count"] == files);
  BOOST_TEST(m["ranked"].size() == files);
  BOOST_TEST(m["sections"].size() == engine().profile().sections.size());
}

BOOST_AUTO_TEST_CASE(page_loads_nothing_from_outside) {
  const std::string page = render_page(analyze_samples());
  static const std::regex external(
      R"re((src|href|xlink:href|action|srcset)\s*=\s*["']?\s*(https?:|//|ftp:|data:))re",
      std::regex::icase);
  BOOST_TEST(!std::regex_search(page, external));
  BOOST_TEST(page.find("<link") == std::string::npos);
  BOOST_TEST(page.find("<script src") == std::string::npos);
  BOOST_TEST(page.find("@import") == std::string::npos);
  BOOST_TEST(page.find("url(") == std::string::npos);
  BOOST_TEST(page.find("@font-face") == std::string::npos);
  BOOST_TEST(page.find("default-src 'none'") != std::string::npos);  // and the page forbids it
}

BOOST_AUTO_TEST_CASE(explanations_hold_each_posting_with_evidence_offsets_into_its_text) {
  const std::vector<Result> results = analyze_samples();
  const nlohmann::json all = explanations(render_page(results));
  BOOST_TEST_REQUIRE(all.size() == results.size());
  size_t checked = 0;
  for (size_t k = 0; k < results.size(); ++k) {
    const nlohmann::json& d = all[k];
    BOOST_TEST(d["id"] == results[k].id);
    BOOST_TEST(d["text"].get<std::string>() == results[k].text);
    BOOST_TEST(d["matched"].size() == results[k].matched.size());
    // Offsets are UTF-16 units of the text, what JavaScript's String.slice takes.
    const std::u16string text = to_utf16(d["text"].get<std::string>());
    for (const auto& c : d["matched"])
      for (const auto& span : c["spans"]) {
        const auto b = span[0].get<size_t>(), e = span[1].get<size_t>();
        BOOST_TEST_REQUIRE(e <= text.size());
        BOOST_TEST((text.substr(b, e - b) == to_utf16(span[6].get<std::string>())), span.dump());
        ++checked;
      }
  }
  BOOST_TEST(checked > 100u);
}

BOOST_AUTO_TEST_CASE(markup_from_postings_is_escaped_everywhere) {
  Result r = hostile("ads/\"><img src=x onerror=alert(3)>.txt");
  const std::string page = render_page({r, hostile("b.txt")});
  BOOST_TEST(page.find("<script>alert") == std::string::npos);
  BOOST_TEST(page.find("<img") == std::string::npos);
  BOOST_TEST(page.find("&lt;script&gt;alert(1)&lt;/script&gt; ML Engineer") != std::string::npos);
  BOOST_TEST(page.find("&quot;&gt;&lt;img src=x onerror=alert(3)&gt;.txt") != std::string::npos);
  // The page's own script elements only: meta, the packed chunk(s), the program.
  BOOST_TEST(count(page, "<script") == 2u + meta(page)["chunks"].size());
  BOOST_TEST(count(page, "</script>") == count(page, "<script"));
  // The explanation carries the body as data, unchanged, for the page to show as text.
  const nlohmann::json all = explanations(page);
  BOOST_TEST(all[0]["text"].get<std::string>() == r.text);
  BOOST_TEST(all[0]["title"].get<std::string>() == r.title);
}

BOOST_AUTO_TEST_CASE(error_inputs_are_rows_too) {
  Result failed;
  failed.id = "ads/broken.bin";
  failed.error = jobmatch::InputError{"binary", "NUL byte at offset 12 <b>"};
  const std::string page = render_page({hostile("a.txt"), failed});
  BOOST_TEST(count(page, "<tr id=\"p") == 2u);
  BOOST_TEST(page.find("<tr id=\"p2\" data-i=\"2\" data-rank=\"2\" data-score=\"-1\" "
                       "data-lang=\"error\" class=\"failed\">") != std::string::npos);
  BOOST_TEST(page.find("error: binary: NUL byte at offset 12 &lt;b&gt;") != std::string::npos);
  const nlohmann::json all = explanations(page);
  BOOST_TEST(all[1]["error"]["kind"] == "binary");
  BOOST_TEST(meta(page)["ranked"] == nlohmann::json::array({1}));  // errors are not ranked
}

BOOST_AUTO_TEST_CASE(rows_are_ranked_by_score_and_anchored_by_input_order) {
  Result a = hostile("a.txt"), b = hostile("b.txt"), c = hostile("c.txt");
  a.score = 10, b.score = 90, c.score = 50;
  const std::string page = render_page({a, b, c});
  const size_t pa = page.find("<tr id=\"p1\""), pb = page.find("<tr id=\"p2\""),
               pc = page.find("<tr id=\"p3\"");
  BOOST_TEST((pb < pc && pc < pa));
  BOOST_TEST(page.find("<tr id=\"p2\" data-i=\"2\" data-rank=\"1\" data-score=\"90.0\"") !=
             std::string::npos);
  BOOST_TEST(meta(page)["ranked"] == nlohmann::json::array({2, 3, 1}));
}

BOOST_AUTO_TEST_CASE(long_text_is_cut_with_a_note_and_evidence_beyond_it_is_kept) {
  Result r = hostile("long.txt");
  r.text = std::string(300, 'x') + " Python";
  r.matched[0].spans[0].text_begin = 301;
  r.matched[0].spans[0].text_end = 307;
  jobmatch::HtmlReportOptions o;
  o.max_text_bytes = 100;
  const nlohmann::json d = explanations(render_page({r}, o))[0];
  BOOST_TEST(d["text"].get<std::string>() == std::string(100, 'x'));
  BOOST_TEST(d["cut"] == 307);
  BOOST_TEST(d["matched"][0]["spans"][0][0] == -1);
  BOOST_TEST(d["matched"][0]["spans"][0][6] == "Python");
}

BOOST_AUTO_TEST_CASE(explanations_are_packed_in_chunks) {
  std::vector<Result> results;
  for (int k = 0; k < 5; ++k) results.push_back(hostile("p" + std::to_string(k)));
  jobmatch::HtmlReportOptions o;
  o.chunk_postings = 2;
  const std::string page = render_page(results, o);
  BOOST_TEST(meta(page)["chunks"] == nlohmann::json::array({0, 2, 4}));
  const nlohmann::json all = explanations(page);
  BOOST_TEST_REQUIRE(all.size() == 5u);
  BOOST_TEST(all[3]["id"] == "p3");
}

BOOST_AUTO_TEST_CASE(many_rows_wait_behind_show_all) {
  std::vector<Result> results(250, hostile("x"));
  const std::string page = render_page(results);
  BOOST_TEST(page.find("<table id=\"postings\" class=\"limited\">") != std::string::npos);
  BOOST_TEST(count(page, "class=\"beyond\"") == 50u);
  BOOST_TEST(page.find("id=\"showall\"") != std::string::npos);
  BOOST_TEST(render_page({hostile("x")}).find("id=\"showall\"") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(empty_batch_is_a_page_too) {
  const std::string page = render_page({});
  BOOST_TEST(page.find("No input.") != std::string::npos);
  BOOST_TEST(page.find("No posting was scored.") != std::string::npos);
  BOOST_TEST(count(page, "<svg class=\"chart\"") == 2u);
}

BOOST_AUTO_TEST_CASE(assets_cannot_close_their_element_or_write_markup) {
  const std::string css = jobmatch::kHtmlReportCss, js = jobmatch::kHtmlReportJs;
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  BOOST_TEST(lower(css).find("</style") == std::string::npos);
  BOOST_TEST(lower(js).find("</script") == std::string::npos);
  BOOST_TEST(lower(js).find("<!--") == std::string::npos);
  for (const char* sink :
       {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function("})
    BOOST_TEST(js.find(sink) == std::string::npos, sink);
}

BOOST_AUTO_TEST_CASE(html_escape_covers_markup_controls_and_bad_bytes) {
  using jobmatch::html_escape;
  BOOST_TEST(html_escape("<a href=\"x\" title='y'>&</a>") ==
             "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  BOOST_TEST(html_escape("Köln\tx\ny") == "Köln\tx\ny");
  BOOST_TEST(html_escape("a\x1b[31mb\x7f") == "a\xEF\xBF\xBD[31mb\xEF\xBF\xBD");
  BOOST_TEST(html_escape("\xff\xc3") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  BOOST_TEST(html_escape("\u0085") == "\xEF\xBF\xBD");  // C1 control
}

BOOST_AUTO_TEST_CASE(json_for_script_escapes_what_could_end_the_script) {
  const std::string raw = nlohmann::json{{"t", "</script><!-- & \u2028\u2029 >"}}.dump();
  const std::string safe = jobmatch::json_for_script(raw);
  BOOST_TEST(safe.find('<') == std::string::npos);
  BOOST_TEST(safe.find('>') == std::string::npos);
  BOOST_TEST(safe.find('&') == std::string::npos);
  BOOST_TEST(safe.find("\u2028") == std::string::npos);
  BOOST_TEST(safe.find("\u2029") == std::string::npos);
  BOOST_TEST(nlohmann::json::parse(safe) == nlohmann::json::parse(raw));
}

BOOST_AUTO_TEST_CASE(base64_and_zlib_round_trip) {
  using jobmatch::base64_encode;
  BOOST_TEST(base64_encode("") == "");
  BOOST_TEST(base64_encode("f") == "Zg==");
  BOOST_TEST(base64_encode("fo") == "Zm8=");
  BOOST_TEST(base64_encode("foo") == "Zm9v");
  BOOST_TEST(base64_encode("foobar") == "Zm9vYmFy");
  BOOST_TEST(base64_encode(std::string("\xff\xfe\x00\x01", 4)) == "//4AAQ==");
  std::string text;
  for (int k = 0; k < 1000; ++k)
    text += "Machine Learning Engineer (m/w/d) " + std::to_string(k) + "\n";
  const std::string packed = jobmatch::zlib_compress(text);
  BOOST_TEST(packed.size() < text.size() / 4);
  std::string back;
  BOOST_TEST(jobmatch::zlib_decompress(packed, &back));
  BOOST_TEST(back == text);
  BOOST_TEST(!jobmatch::zlib_decompress(packed.substr(0, packed.size() / 2), &back));
}

BOOST_AUTO_TEST_CASE(utf16_offsets_count_surrogate_pairs_and_replace_bad_bytes) {
  const jobmatch::Utf16Text t = jobmatch::to_utf16_offsets("aä€😀b\xff");
  BOOST_TEST(t.text == "aä€😀b\xEF\xBF\xBD");
  // bytes: a(1) ä(2) €(3) 😀(4) b(1) \xff(1)
  const std::vector<uint32_t> want = {0, 1, 1, 2, 2, 2, 3, 3, 3, 3, 5, 6, 7};
  BOOST_TEST(t.utf16 == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(histogram_bins_scores_by_ten_points) {
  const std::vector<size_t> bins = jobmatch::score_bins({0, 9.9, 10, 55, 99.9, 100});
  const std::vector<size_t> want = {2, 1, 0, 0, 0, 1, 0, 0, 0, 2};
  BOOST_TEST(bins == want, boost::test_tools::per_element());
  const std::string svg = jobmatch::histogram_svg(bins);
  BOOST_TEST(count(svg, "<g class=\"bin\"") == 10u);
  BOOST_TEST(svg.find("90–100: 2 postings") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(heatmap_draws_cells_for_few_rows_and_runs_for_many) {
  using jobmatch::HeatmapRow;
  const std::vector<std::string> columns = {"ML core", "Programming <b>"};
  const std::string few = jobmatch::heatmap_svg(
      columns, {{"p1", "1. <i>A</i>", {1.0, 0.0}}, {"p2", "2. B", {0.3, 0.5}}});
  BOOST_TEST(count(few, "data-target=") == 2u);
  BOOST_TEST(count(few, "<rect") == 4u + 6u);  // cells and legend
  BOOST_TEST(few.find("<i>") == std::string::npos);
  BOOST_TEST(few.find("Programming &lt;b&gt;") != std::string::npos);
  std::vector<HeatmapRow> rows;
  for (int k = 0; k < 2000; ++k)
    rows.push_back({"p" + std::to_string(k + 1), "x", {k < 1000 ? 1.0 : 0.1, 0.0}});
  const std::string many = jobmatch::heatmap_svg(columns, rows);
  BOOST_TEST(many.find("data-target=") == std::string::npos);
  BOOST_TEST(many.find("M0 0h1v1000h-1z") != std::string::npos);  // 1,000 equal rows are one run
  BOOST_TEST(many.size() < 8000u);
  BOOST_TEST(jobmatch::coverage_level(0) == 0);
  BOOST_TEST(jobmatch::coverage_level(0.2) == 1);
  BOOST_TEST(jobmatch::coverage_level(0.21) == 2);
  BOOST_TEST(jobmatch::coverage_level(1) == 5);
}

BOOST_AUTO_TEST_SUITE_END()
