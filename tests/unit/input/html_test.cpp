// HTML to text on messy pages: what is dropped, what becomes lines, and that the text is always
// valid UTF-8 with every byte mapped inside the page.
#include "input/html.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <vector>

#include "test_helpers.h"
#include "text/text_util.h"

using jobmatch::HtmlText;

namespace {

// "<html><body>", then open n times, inside, close n times, then after.
std::string nested(std::string_view open, size_t n, std::string_view inside, std::string_view close,
                   std::string_view after) {
  std::string page = "<html><body>";
  for (size_t k = 0; k < n; ++k) page += open;
  page += inside;
  for (size_t k = 0; k < n; ++k) page += close;
  return page += after;
}

HtmlText convert(std::string_view html) {
  HtmlText out;
  jobmatch::html_to_text(html, &out);
  const std::vector<uint32_t> src = out.map.expand(out.text);
  BOOST_TEST(src.size() == out.text.size() + 1);
  BOOST_TEST(src.back() == html.size());
  for (const uint32_t s : src) BOOST_TEST_REQUIRE(s <= html.size());
  BOOST_TEST(jobmatch::is_valid_utf8(out.text), jobmatch::test::show_bytes(out.text));
  BOOST_TEST(jobmatch::is_valid_utf8(out.title));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(html)

BOOST_AUTO_TEST_CASE(job_board_page_becomes_lines_of_text) {
  const std::string page =
      "<!DOCTYPE html><html><head><title> ML Engineer &amp; Data </title>"
      "<style>p { color: red }</style><script>document.write('<p>Java</p>')</script></head>"
      "<body><h1>Machine Learning Engineer</h1><p>Python&nbsp;&amp; PyTorch &lt;3</p>"
      "<ul><li>Modelle trainieren</li><li>Gr&ouml;&szlig;e &euro;</li></ul><noscript>JS off</noscript>"
      "<!-- a comment --><table><tr><td>SQL</td><td>Spark</td></tr></table></body></html>";
  const HtmlText t = convert(page);
  BOOST_TEST(t.title == "ML Engineer & Data");
  BOOST_TEST(t.text.find("Java") == std::string::npos);
  BOOST_TEST(t.text.find("color") == std::string::npos);
  BOOST_TEST(t.text.find("JS off") == std::string::npos);
  BOOST_TEST(t.text.find("comment") == std::string::npos);
  BOOST_TEST(t.text.find("Machine Learning Engineer\nPython\u00A0& PyTorch <3\n- Modelle trainieren\n- Größe €\n") !=
                 std::string::npos,
             t.text);
  // Evidence maps into the page: "PyTorch" in the text is "PyTorch" in the HTML.
  const size_t p = t.text.find("PyTorch");
  BOOST_TEST(page.substr(t.src(p), 7) == "PyTorch");
}

BOOST_AUTO_TEST_CASE(numeric_reference_beyond_unicode_stays_valid_utf8) {
  // Regression (html_fuzz): gumbo turns an overflowing numeric character reference into a lone
  // byte 0xDF; the text must still be valid UTF-8.
  const HtmlText t = convert("<p>&#9999999999999999999999999999999999999999999999999999999499999;x");
  BOOST_TEST(t.text == "\uFFFDx\n");
  convert("<p>a &#99999999; b &#x110000; c &#55296; d &#1114111; e &#0; f");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_the_page_is_replaced) {
  const HtmlText t = convert("<html><title>T\xFF</title><p>Gr\xF6\xDF" "e</p></html>");
  BOOST_TEST(t.title == "T\uFFFD");
  BOOST_TEST(t.text.find("Gr\uFFFD\uFFFDe") != std::string::npos, jobmatch::test::show_bytes(t.text));
}

BOOST_AUTO_TEST_CASE(deep_nesting_and_misnested_markup_do_not_crash) {
  // How long these take is scaling_test's business; here, that the text survives, mapped.
  std::string deep;
  for (int k = 0; k < 20000; ++k) deep += "<div><span>";
  deep += "deep";
  HtmlText t = convert(deep);
  BOOST_TEST(t.text.find("deep") != std::string::npos);
  BOOST_TEST(deep.substr(t.src(t.text.find("deep")), 4) == "deep");
  // Foster-parented text comes before its table, misnested formatting joins its words, SVG is
  // dropped, an option and MathML are text.
  BOOST_TEST(convert("<table><p>foster<table><tr><td>x</table></p><b><i>mis</b>nested</i>"
                     "<svg><text>svg</text></svg><select><option>o</select><frameset><math><mi>x</mi></math>")
                 .text == "foster\nx\nmisnestedox\n");
  // gumbo gives <template> content as a node of its own, which is read like any element's.
  BOOST_TEST(convert("<p>a <template>t</template> b</p>").text == "a t b\n");
  std::string formatting;
  for (int k = 0; k < 20000; ++k) formatting += "<b><a href=x><i>";
  formatting += "text</p></table>";
  t = convert(formatting);
  BOOST_TEST(t.text == "text\n");
  BOOST_TEST(formatting.substr(t.src(0), 4) == "text");
}

BOOST_AUTO_TEST_CASE(markup_past_the_depth_limit_becomes_text_boundaries) {
  // Past 256 open elements a tag is a space: words stay apart, offsets stay exact.
  const std::string page =
      nested("<div>", 300, "Python<div>SQL</div>Spark<b>Java</b>", "</div>", "<p>after</p>");
  const HtmlText t = convert(page);
  BOOST_TEST(t.text == "Python SQL SparkJava\nafter\n", t.text);  // <b> is no boundary, as below
  for (const std::string word : {"Python", "SQL", "Spark", "Java", "after"})
    BOOST_TEST(page.substr(t.src(t.text.find(word)), word.size()) == word);
  // Below the limit nothing changes: the same words, with the lines the blocks make.
  const HtmlText shallow = convert("<div><div>Python<div>SQL</div>Spark<b>Java</b></div></div><p>after</p>");
  BOOST_TEST(shallow.text == "Python\nSQL\nSparkJava\nafter\n", shallow.text);
}

BOOST_AUTO_TEST_CASE(markup_inside_an_element_past_the_depth_limit_goes_with_it) {
  // 40,000 nested lists: past the limit each <ul> would go but each <li> would close the one
  // before and open another, 40,000 items in gumbo's tree. What is inside an element past the
  // limit goes with it, up to its end tag; the words stay, apart, and after it all is as before.
  const std::string page =
      nested("<ul><li>", 40000, "Python", "</li></ul>", "<p>after</p><ul><li>one<li>two</ul>");
  const HtmlText t = convert(page);
  BOOST_TEST(std::count(t.text.begin(), t.text.end(), '-') == 128 + 2);  // 256 open elements
  BOOST_TEST(t.text.ends_with("- Python\nafter\n- one\n- two\n"), jobmatch::test::show_bytes(t.text.substr(t.text.size() - 40)));
  BOOST_TEST(page.substr(t.src(t.text.find("Python")), 6) == "Python");
  BOOST_TEST(page.substr(t.src(t.text.find("after")), 5) == "after");
}

BOOST_AUTO_TEST_CASE(formatting_elements_are_no_elements_and_no_word_boundaries) {
  // gumbo clones every open formatting element in front of each paragraph: 60,000 paragraphs
  // each opening a <b> with its own id would be millions of elements. They style text only,
  // so gumbo does not see them: the words, their joins and their offsets are as before.
  std::string page = "<html><body>";
  for (int k = 0; k < 60000; ++k) page += "<p><b id=" + std::to_string(k) + ">x</p>";
  page += "<p>Py<b>th</b><i class=\"a>b\">on</i> <a href=\"/x\">SQL</a></p>";
  const HtmlText t = convert(page);
  BOOST_TEST(std::count(t.text.begin(), t.text.end(), '\n') == 60001);
  BOOST_TEST(t.text.ends_with("x\nPython SQL\n"), jobmatch::test::show_bytes(t.text.substr(t.text.size() - 20)));
  BOOST_TEST(page.substr(t.src(t.text.find("Python")), 2) == "Py");
  BOOST_TEST(page.substr(t.src(t.text.find("Python") + 2), 2) == "th");  // after the <b>
  BOOST_TEST(page.substr(t.src(t.text.find("Python") + 4), 2) == "on");  // after </b><i …>
  BOOST_TEST(page.substr(t.src(t.text.find("SQL")), 3) == "SQL");
  // In SVG a <b> still ends the SVG (which is dropped) and what follows is text again; gumbo
  // keeps such a <b> open, so past the eighth one the SVG is not ended but dropped whole.
  BOOST_TEST(convert("<p>a<svg><text>drop</text><b>kept</b></svg>").text == "akept\n");
  std::string svg;
  for (int k = 0; k < 20; ++k) svg += "<svg><b id=" + std::to_string(k) + ">" + std::to_string(k) + "</b></svg> ";
  const HtmlText s = convert(svg);
  BOOST_TEST(s.text == "0 1 2 3 4 5 6 7\n", s.text);
}

BOOST_AUTO_TEST_CASE(text_moved_out_of_a_table_maps_back_to_where_it_stands_in_the_page) {
  // gumbo moves text that stands in a table outside any cell in front of the table (foster
  // parenting): the text reads in tree order, and each piece still maps to its own bytes.
  const std::string page = "<table><tr><td>SQL</td></tr>Ende</table>";
  const HtmlText t = convert(page);
  BOOST_TEST(t.text == "Ende\nSQL\n", t.text);
  BOOST_TEST(page.substr(t.src(0), 4) == "Ende");
  BOOST_TEST(page.substr(t.src(t.text.find("SQL")), 3) == "SQL");
}

BOOST_AUTO_TEST_CASE(a_page_parsed_in_pieces_reads_as_the_whole_page) {
  // html_to_text parses a large page in pieces cut where only html and body are open. Pages
  // built from the blocks of a real posting (and from sloppy markup) read the same, text, map
  // and title, whether parsed in pieces of 64 bytes or whole.
  const std::vector<std::string> blocks = {
      "<p>Wir suchen eine*n <b>Machine Learning Engineer</b> (m/w/d).</p>",
      "<h2>Deine Aufgaben</h2><ul><li>Modelle mit <i>PyTorch</i> trainieren<li>MLOps &amp; CI/CD</ul>",
      "<div class=x><p>Python, SQL<br>Spark</div>",
      "<table><tr><td>Ort</td><td>M&uuml;nchen</td></tr></table>",
      "Text ohne Tag, dann <span>Py</span>thon ",
      "<p>offener Absatz <a href=\"/jobs\">Link</a>",
      "<!-- Kommentar --><script>var x = '<p>';</script><style>p{}</style>",
      "<title>Titel</title>",
      "<pre>  Code\n  Zeilen</pre>",
      "<ol><li><p>eins</p><li>zwei</ol>",
      "\xC3\xA4\xFF <dl><dt>Begriff<dd>Bedeutung</dl>",
      "<p>offen <div>Block</p> danach", "</div></span>", "<b>fett <p>weiter</b> normal", "<br>",
      "<svg><text>Grafik</text></svg>", "<form><input name=q></form>", "<ul><li>offen",
  };
  jobmatch::test::Generator gen(5);
  for (int round = 0; round < 1000; ++round) {
    std::string page = round % 2 ? "<!DOCTYPE html><html><head><title>T</title></head><body>" : "";
    const uint32_t n = 1 + gen.rnd() % 40;
    for (uint32_t k = 0; k < n; ++k) page += blocks[gen.rnd() % blocks.size()];
    if (round % 3 == 0) page += "</body>\n</html>\n";
    HtmlText whole, pieces;
    jobmatch::html_to_text(page, &whole, SIZE_MAX);
    jobmatch::html_to_text(page, &pieces, 64);
    BOOST_TEST_REQUIRE(pieces.text == whole.text, jobmatch::test::show_bytes(page));
    BOOST_TEST_REQUIRE(pieces.title == whole.title, jobmatch::test::show_bytes(page));
    BOOST_TEST_REQUIRE((pieces.map.expand(pieces.text) == whole.map.expand(whole.text)), jobmatch::test::show_bytes(page));
  }
}

// Runs of plain bytes written at once give what writing every character on its own gives: the
// text, the offset of every byte, the map's runs and the title, whole and in pieces, with
// entities, white space, invalid bytes and markup past the depth limit among the runs.
BOOST_AUTO_TEST_CASE(runs_written_at_once_are_what_characters_one_by_one_give) {
  std::vector<std::string> pieces = {
      "Python", "Machine Learning", "scikit-learn", "C++", "M\xC3\xBCnchen", "\xFF", "\xC3", " ", "  ", "\n",
      "\t", "\r\n", "&amp;", "&auml;", "&#x41;", "&#65;", "&amp", "&", "&nbsp;", "<p>", "</p>", "<b>", "</b>",
      "<br>", "<li>", "<ul>", "</ul>", "<div class=\"a b\">", "</div>", "<h2>", "</h2>", "<title>T</title>",
      "<script>x<y</script>", "<!-- c -->", "<pre> a\n b</pre>", "<td>", "<table><tr><td>x</table>", "<",
      ">", "\"", "(m/w/d)", "e.g.", "1.000"};
  pieces.push_back(nested("<div>", 600, "tief", "</div>", ""));  // past the depth limit
  jobmatch::test::Generator gen(9);
  size_t compared = 0;
  for (int round = 0; round < 1500; ++round) {
    std::string page = round % 2 ? "<!DOCTYPE html><html><head><title>T</title></head><body>" : "";
    const size_t choices = pieces.size() - (round % 10 ? 1 : 0);  // the deep piece in one page of ten
    for (uint32_t k = 1 + gen.rnd() % 60; k > 0; --k) page += pieces[gen.rnd() % choices];
    for (const size_t chunk : {SIZE_MAX, size_t{64}}) {
      HtmlText runs, chars;
      jobmatch::html_to_text(page, &runs, chunk);
      jobmatch::html_to_text_reference(page, &chars, chunk);
      BOOST_TEST_REQUIRE(runs.text == chars.text, jobmatch::test::show_bytes(page));
      BOOST_TEST_REQUIRE(runs.title == chars.title, jobmatch::test::show_bytes(page));
      BOOST_TEST_REQUIRE((runs.map.expand(runs.text) == chars.map.expand(chars.text)),
                         jobmatch::test::show_bytes(page));
      BOOST_TEST_REQUIRE(runs.map.run_count() == chars.map.run_count(), jobmatch::test::show_bytes(page));
      compared += runs.text.size();
    }
  }
  BOOST_TEST(compared > 100000u);
}

BOOST_AUTO_TEST_CASE(a_large_page_is_parsed_in_pieces_of_256_kib) {
  std::string page = "<!DOCTYPE html><html><head><title>Stelle</title></head><body>";
  while (page.size() < (1u << 20)) page += "<h2>Aufgaben</h2><p>Modelle mit <b>Python</b> und Spark</p>\n";
  page += "</body></html>";
  HtmlText whole, pieces;
  jobmatch::html_to_text(page, &whole, SIZE_MAX);
  jobmatch::html_to_text(page, &pieces);
  BOOST_TEST(pieces.text == whole.text);
  BOOST_TEST(pieces.title == "Stelle");
  BOOST_TEST((pieces.map.expand(pieces.text) == whole.map.expand(whole.text)));
}

BOOST_AUTO_TEST_CASE(attributes_past_the_limit_are_cut) {
  std::string page = "<html><body><p title=\"x\"";
  for (int k = 0; k < 1000; ++k) page += " a" + std::to_string(k) + (k % 2 ? "='v>'" : "=v");
  page += ">Python &amp; SQL</p><p class=\"c\">Spark</p>";
  const HtmlText t = convert(page);
  BOOST_TEST(t.text == "Python & SQL\nSpark\n", t.text);
  BOOST_TEST(page.substr(t.src(t.text.find("SQL")), 3) == "SQL");
  BOOST_TEST(page.substr(t.src(t.text.find("&")), 5) == "&amp;");
  BOOST_TEST(page.substr(t.src(t.text.find("Spark")), 5) == "Spark");
}

BOOST_AUTO_TEST_CASE(looks_like_html_needs_a_doctype_or_html_tag) {
  BOOST_TEST(jobmatch::looks_like_html("\xEF\xBB\xBF  \n<!DOCTYPE html><p>x"));
  BOOST_TEST(jobmatch::looks_like_html("<HTML lang=de>"));
  BOOST_TEST(!jobmatch::looks_like_html("<p>Python</p>"));
  BOOST_TEST(!jobmatch::looks_like_html("Machine Learning <html> Engineer"));
  BOOST_TEST(!jobmatch::looks_like_html(""));
}

BOOST_AUTO_TEST_SUITE_END()
