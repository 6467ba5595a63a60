// Markdown to text: front matter titles, what becomes lines, what is dropped as markup, and that
// every byte of the text maps back to the Markdown byte it came from.
#include "input/markdown.h"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "test_helpers.h"
#include "text/text_util.h"

using jobmatch::MarkdownText;

namespace {

// True if text[i] was written by the converter rather than copied: line breaks, the "- " of a
// list item, the " | " between table cells and the spaces that stand for runs of white space.
bool synthesized(const MarkdownText& t, size_t i) {
  const char c = t.text[i];
  if (c == '\n' || c == ' ') return true;
  const bool line_start = i == 0 || t.text[i - 1] == '\n';
  if ((c == '-' || c == '#') && line_start && i + 1 < t.text.size() && t.text[i + 1] == ' ') return true;
  if (c == '|' && i > 0 && t.text[i - 1] == ' ' && i + 1 < t.text.size() && t.text[i + 1] == ' ') return true;
  return false;
}

MarkdownText convert(std::string_view md) {
  MarkdownText out;
  jobmatch::markdown_to_text(md, &out);
  const std::vector<uint32_t> src = out.map.expand(out.text);
  BOOST_TEST_REQUIRE(src.size() == out.text.size() + 1);
  BOOST_TEST(src.back() == md.size());
  for (size_t i = 0; i < src.size(); ++i) {
    BOOST_TEST_REQUIRE(src[i] <= md.size());
    if (i > 0) BOOST_TEST_REQUIRE(src[i - 1] <= src[i]);
  }
  BOOST_TEST(jobmatch::is_valid_utf8(out.text), jobmatch::test::show_bytes(out.text));
  BOOST_TEST(jobmatch::is_valid_utf8(out.title));
  BOOST_TEST(out.title.find('\n') == std::string::npos);
  // Copied bytes are the bytes they map to (decoded entities and U+FFFD map to where they
  // started, an '&' or the bad byte).
  for (size_t i = 0; i < out.text.size(); ++i) {
    if (synthesized(out, i) || static_cast<unsigned char>(out.text[i]) >= 0x80) continue;
    const char m = md[out.src(i)];
    if (m == '&') continue;
    BOOST_TEST(m == out.text[i], "byte " << i << " of " << jobmatch::test::show_bytes(out.text));
  }
  return out;
}

// The Markdown at the offset the text's first `word` maps to starts with `word`.
bool maps_back(std::string_view md, const MarkdownText& t, std::string_view word) {
  const size_t b = t.text.find(word);
  return b != std::string::npos && md.substr(t.src(b)).starts_with(word);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(markdown)

BOOST_AUTO_TEST_CASE(yaml_front_matter_gives_the_title_and_is_dropped) {
  const std::string md =
      "---\nlayout: job\ntitle: \"ML Engineer \\\"Search\\\" (m/w/d)\"\ndate: 2024-01-02\n---\n"
      "We build search.\n";
  const MarkdownText t = convert(md);
  BOOST_TEST(t.title == "ML Engineer \"Search\" (m/w/d)");
  // The title is also the text's first line, mapped into the front matter.
  BOOST_TEST(t.text == "ML Engineer \"Search\" (m/w/d)\n\nWe build search.\n");
  BOOST_TEST(maps_back(md, t, "We build"));
  BOOST_TEST(maps_back(md, t, "ML Engineer"));

  BOOST_TEST(convert("---\ntitle: 'it''s a job'\n---\nx\n").title == "it's a job");
  BOOST_TEST(convert("---\ntitle:   Data Scientist   # senior\n...\nx\n").title == "Data Scientist");
  BOOST_TEST(convert("---\r\ntitle: Windows lines\r\n---\r\nbody\r\n").text == "Windows lines\n\nbody\n");
  BOOST_TEST(convert("---\ntitle: >-\n  Folded\n  title\nnext: 1\n---\nx\n").title == "Folded title");
  BOOST_TEST(convert("\xEF\xBB\xBF---\ntitle: After a BOM\n---\nx\n").title == "After a BOM");
}

BOOST_AUTO_TEST_CASE(nested_title_key_is_not_the_title) {
  const MarkdownText t = convert("---\nseo:\n  title: Not this\nauthor:\n  title: Nor this\n---\nBody\n");
  BOOST_TEST(t.title.empty());
  BOOST_TEST(t.text == "Body\n");
  BOOST_TEST(convert("---\ntitle:\n  de: Nested\n---\nx\n").title.empty());
  BOOST_TEST(convert("---\nsubtitle: no\ntitles: no\ntitle: yes\n---\nx\n").title == "yes");
}

BOOST_AUTO_TEST_CASE(toml_front_matter_gives_the_title) {
  const std::string md = "+++\ndraft = false\ntitle = \"Backend Engineer \\u00C4rzte\"\n[params]\n+++\nText\n";
  const MarkdownText t = convert(md);
  BOOST_TEST(t.title == "Backend Engineer \u00C4rzte");
  BOOST_TEST(t.text == "Backend Engineer \u00C4rzte\n\nText\n");
  BOOST_TEST(maps_back(md, t, "Text"));
  BOOST_TEST(maps_back(md, t, "Backend Engineer"));
  BOOST_TEST(convert("+++\n[params]\ntitle = \"in a table\"\n+++\nx\n").title.empty());
  BOOST_TEST(convert("+++\ntitle = 'literal'\n+++\nx\n").title == "literal");
}

BOOST_AUTO_TEST_CASE(unterminated_front_matter_is_no_front_matter) {
  const MarkdownText t = convert("---\ntitle: Never closed\n\nPython and SQL.\n");
  BOOST_TEST(t.title.empty());
  BOOST_TEST(t.text.find("Python and SQL.") != std::string::npos, t.text);
  BOOST_TEST(t.text.find("Never closed") != std::string::npos, t.text);
  BOOST_TEST(convert("+++\ntitle = \"x\"\n").title.empty());
}

BOOST_AUTO_TEST_CASE(title_is_one_line_of_valid_utf8_and_bounded) {
  const MarkdownText t = convert("---\ntitle: \"A\\nB\\tC \xFF\"\n---\n");
  BOOST_TEST(t.title == "A B C \uFFFD");
  BOOST_TEST(t.text == "A B C \uFFFD\n");
  std::string long_title = "---\ntitle: ";
  for (int k = 0; k < 150; ++k) long_title += "\u00E4";
  long_title += "\n---\n";
  const MarkdownText l = convert(long_title);
  BOOST_TEST(l.title.size() <= 200u);
  BOOST_TEST(l.title.size() >= 190u);
}

BOOST_AUTO_TEST_CASE(headings_are_lines_with_one_mark) {
  const std::string md = "# Senior Data Engineer\n\nIntro text.\n\nTasks\n-----\n\n### Profile ###\nMore.\n\n##\n";
  const MarkdownText t = convert(md);
  BOOST_TEST(t.text == "# Senior Data Engineer\n\nIntro text.\n\n# Tasks\n\n# Profile\n\nMore.\n");
  BOOST_TEST(maps_back(md, t, "Senior Data Engineer"));
  BOOST_TEST(maps_back(md, t, "Profile"));
}

BOOST_AUTO_TEST_CASE(german_posting_keeps_its_zone_headings_as_lines) {
  const std::string md =
      "---\ntitle: Machine Learning Engineer (m/w/d)\n---\n\n"
      "Wir sind ein Team in M\u00FCnchen.\n\n"
      "## Deine Aufgaben\n\n"
      "* Du entwickelst **Modelle** mit _PyTorch_\n"
      "* Du bringst sie in Produktion\n\n"
      "## Dein Profil\n\n"
      "1. Erfahrung mit Python &amp; SQL\n"
      "2. Sehr gute Deutschkenntnisse\n";
  const MarkdownText t = convert(md);
  BOOST_TEST(t.title == "Machine Learning Engineer (m/w/d)");
  BOOST_TEST(t.text.find("\n# Deine Aufgaben\n") != std::string::npos, t.text);
  BOOST_TEST(t.text.find("\n# Dein Profil\n") != std::string::npos, t.text);
  BOOST_TEST(t.text.find("\n- Du entwickelst Modelle mit PyTorch\n- Du bringst sie in Produktion\n") !=
                 std::string::npos,
             t.text);
  BOOST_TEST(t.text.find("\n- Erfahrung mit Python & SQL\n- Sehr gute Deutschkenntnisse\n") != std::string::npos,
             t.text);
  BOOST_TEST(maps_back(md, t, "Deine Aufgaben"));
  BOOST_TEST(maps_back(md, t, "M\u00FCnchen"));
  BOOST_TEST(maps_back(md, t, "PyTorch"));
}

BOOST_AUTO_TEST_CASE(list_items_are_dash_lines) {
  const std::string md = "Stack:\n\n- Python\n- Go\n  - gRPC\n  - Kafka\n+ Rust\n\n3) three\n4) four\n\n- [x] a task\n";
  const MarkdownText t = convert(md);
  BOOST_TEST(t.text == "Stack:\n\n- Python\n- Go\n- gRPC\n- Kafka\n\n- Rust\n\n- three\n- four\n\n- a task\n", t.text);
  // The "- " of an item maps to the item's first word.
  const size_t dash = t.text.find("- Python");
  BOOST_TEST(t.src(dash) == md.find("Python"));
  BOOST_TEST(maps_back(md, t, "Kafka"));
  // Loose lists: an item's paragraphs stay one item.
  BOOST_TEST(convert("- one\n\n  more\n\n- two\n").text == "- one\nmore\n- two\n");
}

BOOST_AUTO_TEST_CASE(links_keep_their_text_not_their_url) {
  const std::string md =
      "Apply [on our site](https://example.com/jobs \"Jobs\") or [here][ref].\n\n[ref]: https://example.org/x\n";
  const MarkdownText t = convert(md);
  BOOST_TEST(t.text == "Apply on our site or here.\n", t.text);
  BOOST_TEST(maps_back(md, t, "on our site"));
  // Autolinks keep the address, which is their text.
  BOOST_TEST(convert("Mail <jobs@example.com> or see https://example.com.\n").text ==
             "Mail jobs@example.com or see https://example.com.\n");
  // Images keep their alt text.
  BOOST_TEST(convert("![Remote first](https://img.example/badge.svg) team\n").text == "Remote first team\n");
}

BOOST_AUTO_TEST_CASE(emphasis_and_strikethrough_marks_are_dropped) {
  const std::string md = "You know *Python*, __Rust__ and ***Scala***, ~~not COBOL~~.\n";
  const MarkdownText t = convert(md);
  BOOST_TEST(t.text == "You know Python, Rust and Scala, not COBOL.\n");
  BOOST_TEST(maps_back(md, t, "Rust"));
  BOOST_TEST(maps_back(md, t, "Scala"));
}

BOOST_AUTO_TEST_CASE(code_spans_and_blocks_keep_their_content) {
  const std::string md = "Use `kubectl apply` daily.\n\n```yaml\nkind: Pod\nspec:\n  image: x\n```\n\n    indented code\n";
  const MarkdownText t = convert(md);
  BOOST_TEST(t.text == "Use kubectl apply daily.\n\nkind: Pod\nspec:\nimage: x\n\nindented code\n", t.text);
  BOOST_TEST(maps_back(md, t, "kubectl apply"));
  BOOST_TEST(maps_back(md, t, "image: x"));
  // Template tags in code are code.
  BOOST_TEST(convert("`{{ x }}`\n").text == "{{ x }}\n");
}

BOOST_AUTO_TEST_CASE(table_rows_are_lines_with_cells_between_bars) {
  const std::string md = "| Skill | Level |\n|:--|--:|\n| **Python** | expert |\n| SQL | `good` |\n\nAfter.\n";
  const MarkdownText t = convert(md);
  BOOST_TEST(t.text == "Skill | Level\nPython | expert\nSQL | good\n\nAfter.\n", t.text);
  BOOST_TEST(maps_back(md, t, "expert"));
}

BOOST_AUTO_TEST_CASE(html_tags_are_dropped_and_their_text_kept) {
  const std::string md =
      "<div class=\"job\">\n  <p>We use <b>Spark</b> &amp; Kafka.</p>\n  <ul>\n    <li>Build pipelines</li>\n"
      "    <li>Own data quality</li>\n  </ul>\n<script>track('<p>hidden</p>');</script>\n"
      "<style>p { color: red }</style>\n</div>\n\n"
      "Inline <span title=\"a > b\">HTML</span> here<br>next line.\n\n"
      "<!-- a comment -->\n\n"
      "<JobApplication />\n";
  const MarkdownText t = convert(md);
  BOOST_TEST(t.text.find("We use Spark & Kafka.\n- Build pipelines\n- Own data quality\n") != std::string::npos,
             t.text);
  BOOST_TEST(t.text.find("hidden") == std::string::npos, t.text);
  BOOST_TEST(t.text.find("track") == std::string::npos, t.text);
  BOOST_TEST(t.text.find("color") == std::string::npos, t.text);
  BOOST_TEST(t.text.find("comment") == std::string::npos, t.text);
  BOOST_TEST(t.text.find("JobApplication") == std::string::npos, t.text);
  BOOST_TEST(t.text.find('<') == std::string::npos, t.text);
  BOOST_TEST(t.text.find("Inline HTML here\nnext line.") != std::string::npos, t.text);
  BOOST_TEST(maps_back(md, t, "Spark"));
  BOOST_TEST(maps_back(md, t, "Own data quality"));
  // A JSX component right after a paragraph is inline HTML; it goes too.
  BOOST_TEST(convert("Apply below.\n<JobApplication />\n").text == "Apply below.\n");
}

BOOST_AUTO_TEST_CASE(template_tags_are_dropped) {
  const std::string md =
      "Join {{ site.company }} in {% if remote %}Berlin{% endif %}.\n\n"
      "{% include apply.html %}\n\n"
      "<p>Salary <%= salary %> and <? echo $x ?> {{< shortcode >}}</p>\n\n"
      "{%- comment -%}\nInternal note.\n\nStill internal.\n{%- endcomment -%}\n\nVisible again.\n";
  const MarkdownText t = convert(md);
  BOOST_TEST(t.text == "Join in Berlin.\n\nSalary and\n\nVisible again.\n", t.text);
  BOOST_TEST(maps_back(md, t, "Berlin"));
  // An unclosed template tag ends with its block.
  BOOST_TEST(convert("Broken {{ here\n\nNext paragraph.\n").text == "Broken\n\nNext paragraph.\n");
  // A lone brace is text.
  BOOST_TEST(convert("Use {braces} and 50% <less>\n").text == "Use {braces} and 50%\n");
}

BOOST_AUTO_TEST_CASE(entities_are_decoded) {
  const std::string md =
      "Gr&ouml;&szlig;e &amp; &lt;Team&gt; &#x2F;jobs&#x2F; it&#39;s &euro;5 &ndash; &bdquo;gut&ldquo; "
      "soft&shy;ware &unknown; &#0;\n\n<p>Caf&eacute; &quot;x&quot; &#228;</p>\n";
  const MarkdownText t = convert(md);
  BOOST_TEST(t.text ==
                 "Gr\u00F6\u00DFe & <Team> /jobs/ it's \u20AC5 \u2013 \u201Egut\u201C software &unknown; \uFFFD\n\n"
                 "Caf\u00E9 \"x\" \u00E4\n",
             t.text);
  // A decoded character maps to its entity's '&'.
  const size_t slash = t.text.find('/');
  BOOST_TEST(md.substr(t.src(slash)).starts_with("&#x2F;"));
  BOOST_TEST(maps_back(md, t, "&unknown;"));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_and_nul_become_replacement_characters) {
  const std::string md = std::string("Gr\xF6\xDF" "e \xC3\xA4 ok\n\nnul ") + '\0' + " here\n";
  const MarkdownText t = convert(md);
  BOOST_TEST(t.text == "Gr\uFFFD\uFFFDe \u00E4 ok\n\nnul \uFFFD here\n", jobmatch::test::show_bytes(t.text));
  // Each U+FFFD maps to its bad byte.
  const size_t bad = t.text.find("\uFFFD");
  BOOST_TEST(t.src(bad) == 2u);
  BOOST_TEST(t.src(bad + 3) == 3u);
  const MarkdownText h = convert("<div>\xFF</div>\n\n<p>&#xD800; \xE2\x82</p>\n");
  BOOST_TEST(h.text.find("\uFFFD") != std::string::npos, jobmatch::test::show_bytes(h.text));
}

BOOST_AUTO_TEST_CASE(empty_and_blank_input) {
  BOOST_TEST(convert("").text.empty());
  BOOST_TEST(convert("").map.size() == 0u);
  BOOST_TEST(convert("").src(0) == 0u);
  BOOST_TEST(convert("\n\n   \n").text.empty());
  BOOST_TEST(convert("---\n---\n").text.empty());
  BOOST_TEST(convert("---").text.empty());  // a thematic break
  BOOST_TEST(convert("<!-- only -->").text.empty());
}

BOOST_AUTO_TEST_CASE(buffers_are_reused_and_results_repeat) {
  MarkdownText out;
  const std::string first = "---\ntitle: One\n---\n# A long heading\n\n- item\n";
  jobmatch::markdown_to_text(first, &out);
  const MarkdownText expect = out;
  jobmatch::markdown_to_text("plain", &out);
  BOOST_TEST(out.text == "plain\n");
  BOOST_TEST(out.title.empty());
  BOOST_TEST(out.map.size() == 6u);
  jobmatch::markdown_to_text(first, &out);
  BOOST_TEST(out.text == expect.text);
  BOOST_TEST(out.map.expand(out.text) == expect.map.expand(expect.text));
  BOOST_TEST(out.title == "One");
}

BOOST_AUTO_TEST_CASE(offsets_hold_on_a_mixed_document) {
  const std::string md =
      "+++\ntitle = \"Mixed\"\n+++\n# Über uns\n\nWir *suchen* dich.  \nHarte Zeile.\n\n"
      "> Zitat mit [Link](http://x)\n\n| a | b |\n|---|---|\n| c | d |\n\n"
      "1. eins\n   * zwei\n\n<p>HTML &auml; text</p>\n\n```\ncode\n```\n";
  const MarkdownText t = convert(md);
  for (const char* word : {"Über uns", "suchen", "dich.", "Harte Zeile.", "Zitat mit", "Link", "eins", "zwei",
                           "HTML", "text", "code"})
    BOOST_TEST(maps_back(md, t, word), word);
  BOOST_TEST(t.text.find("dich.\nHarte Zeile.") != std::string::npos, t.text);
  BOOST_TEST(t.text.find("HTML \u00E4 text") != std::string::npos, t.text);
}

// Runs of plain bytes written at once give what writing every byte on its own gives: the text,
// the offset of every byte and the map's runs, on documents made of every kind of markup.
BOOST_AUTO_TEST_CASE(runs_written_at_once_are_what_bytes_one_by_one_give) {
  const std::vector<std::string> pieces = {
      "Python", "Machine Learning", "scikit-learn", "C++", "Über uns", "Fähigkeiten", "\xFF", "\xC3",
      std::string(1, '\0'), " ", "  ", "\t", "\n", "\n\n", "\r\n", "# ", "## Aufgaben\n", "- ", "* ",
      "1. ", "> ", "**", "*", "_",
      "`", "```\n", "    ", "[link](http://x.y/z)", "![alt](img.png)", "<b>", "</b>", "<div class=\"a\">",
      "<script>x</script>", "<!-- c -->", "&amp;", "&auml;", "&#x41;", "&", "{{ v }}", "{% if %}", "{%",
      "<% e %>", "<?p ?>", "<", "{", "| a | b |\n|---|---|\n", "\\*", "~~", "https://a.b/c", "---\n",
      "title: T\n", "+++\n", "x", "e.g.", "(m/w/d)"};
  jobmatch::test::Generator gen(7);
  size_t compared = 0;
  for (int doc = 0; doc < 3000; ++doc) {
    std::string md;
    for (uint32_t k = gen.rnd() % 60; k > 0; --k) md += pieces[gen.rnd() % pieces.size()];
    MarkdownText runs, bytes;
    jobmatch::markdown_to_text(md, &runs);
    jobmatch::markdown_to_text_reference(md, &bytes);
    BOOST_TEST_REQUIRE(runs.text == bytes.text, jobmatch::test::show_bytes(md));
    BOOST_TEST_REQUIRE(runs.title == bytes.title, jobmatch::test::show_bytes(md));
    BOOST_TEST_REQUIRE((runs.map.expand(runs.text) == bytes.map.expand(bytes.text)),
                       jobmatch::test::show_bytes(md));
    BOOST_TEST_REQUIRE(runs.map.run_count() == bytes.map.run_count(), jobmatch::test::show_bytes(md));
    compared += runs.text.size();
  }
  BOOST_TEST(compared > 100000u);
}

BOOST_AUTO_TEST_CASE(pathological_input_stays_fast_and_sane) {
  std::string deep;
  for (int k = 0; k < 5000; ++k) deep += "> - ";
  deep += "deep\n";
  convert(deep);
  std::string brackets;
  for (int k = 0; k < 20000; ++k) brackets += "[*_`<{{";
  convert(brackets);
  std::string tags;
  for (int k = 0; k < 20000; ++k) tags += "<div><script>x</script>&amp;{% a %}\n";
  const MarkdownText t = convert(tags);
  BOOST_TEST(t.text.find('x') == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
