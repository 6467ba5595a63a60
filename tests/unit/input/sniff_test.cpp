// Content sniffing: each rule of the table in input/sniff.h, the ties the extension breaks, and
// when a head is long enough to be sniffed.
#include "input/sniff.h"

#include <boost/test/unit_test.hpp>

#include <string>

using jobmatch::Content;
using jobmatch::extension_of;
using jobmatch::sniff_content;
using jobmatch::sniff_ready;
using jobmatch::text_is_html;

namespace {

std::string name(Content c) { return jobmatch::content_name(c); }
std::string sniffed(std::string_view head, std::string_view ext = "") { return name(sniff_content(head, ext)); }

}  // namespace

BOOST_AUTO_TEST_SUITE(sniff)

BOOST_AUTO_TEST_CASE(pdf_anywhere_in_the_first_kilobyte) {
  BOOST_TEST(sniffed("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj") == "pdf");
  BOOST_TEST(sniffed(std::string(1000, ' ') + "%PDF-1.4") == "pdf");  // junk before the header
  BOOST_TEST(sniffed(std::string(1019, 'x') + "%PDF-") == "pdf");
  BOOST_TEST(sniffed(std::string(1020, 'x') + "%PDF-") == "text");  // past the first 1,024 bytes
  BOOST_TEST(sniffed("%PDF-1.4", "txt") == "pdf");                   // content beats the extension
  BOOST_TEST(sniffed("%PDF", "pdf") == "text");                      // a name is not content
}

BOOST_AUTO_TEST_CASE(zip_is_read_as_docx) {
  BOOST_TEST(sniffed(std::string("PK\x03\x04\x14\x00", 6)) == "docx");
  BOOST_TEST(sniffed(std::string("PK\x03\x04", 4), "txt") == "docx");
  BOOST_TEST(sniffed("PK and then text") == "text");
  BOOST_TEST(sniffed(" PK\x03\x04") == "text");  // only at the very start
}

BOOST_AUTO_TEST_CASE(json_lines_and_json) {
  BOOST_TEST(sniffed("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n") == "jsonl");
  BOOST_TEST(sniffed("{\"id\":\"a\",\"text\":\"x\"}\n") == "jsonl");
  BOOST_TEST(sniffed("{\n  \"id\": \"a\",\n  \"text\": \"x\"\n}\n") == "json");  // pretty-printed
  BOOST_TEST(sniffed("{\"id\":\"a\",\n\"text\":\"x\"}") == "json");
  // A file that is one line: JSON Lines (one record), unless it is called .json.
  BOOST_TEST(sniffed("{\"id\":\"a\",\"text\":\"x\"}") == "jsonl");
  BOOST_TEST(sniffed("{\"id\":\"a\",\"text\":\"x\"}", "jsonl") == "jsonl");
  BOOST_TEST(sniffed("{\"id\":\"a\",\"text\":\"x\"}", "json") == "json");
  BOOST_TEST(sniffed("{\"id\":\"a\",\"text\":\"x\"}", "txt") == "jsonl");
  // Content beats the extension: JSON Lines in a .json file, JSON in a .jsonl file.
  BOOST_TEST(sniffed("{\"a\":1}\n{\"a\":2}\n", "json") == "jsonl");
  BOOST_TEST(sniffed("{\n\"a\":1}\n", "jsonl") == "json");
  // A cut-off first line that is not JSON yet: still JSON (the splitter reports what is wrong).
  BOOST_TEST(sniffed("{\"id\":\"a\",\"text\":\"x\n") == "json");
  BOOST_TEST(sniffed("[{\"id\":\"a\"}]") == "json");
  BOOST_TEST(sniffed("[\n  {\n    \"id\": \"a\"\n  }\n]\n") == "json");
  BOOST_TEST(sniffed("[]") == "json");
  BOOST_TEST(sniffed("[ \n ]") == "json");
  BOOST_TEST(sniffed("[\t{") == "json");
  BOOST_TEST(sniffed("[") == "json");          // all there is of it: the splitter says what is wrong
  BOOST_TEST(sniffed("[1, 2, 3]") == "text");  // not postings
  BOOST_TEST(sniffed("[\"a\"]") == "text");
}

BOOST_AUTO_TEST_CASE(a_single_line_json_file_is_json_even_with_its_newline) {
  // What the comment in sniff_content promises: a .json file that is one line is JSON; the line
  // ending most editors add does not make it a second line.
  BOOST_TEST(sniffed("{\"id\":\"a\",\"text\":\"x\"}\n", "json") == "json");
  BOOST_TEST(sniffed("{\"id\":\"a\",\"text\":\"x\"}\r\n\n  \n", "json") == "json");
  BOOST_TEST(sniffed("{\"id\":\"a\",\"text\":\"x\"}\n", "") == "jsonl");
  BOOST_TEST(sniffed("{\"a\":1}\n{\"a\":2}", "json") == "jsonl");
}

BOOST_AUTO_TEST_CASE(a_json_name_decides_when_the_content_is_not_json_shaped) {
  // Empty, or broken from the first byte: read as named, so the file is reported, not scored as
  // a text posting (an empty .json is an error record, an empty .jsonl holds no posting).
  BOOST_TEST(sniffed("", "jsonl") == "jsonl");
  BOOST_TEST(sniffed("\n\n", "ndjson") == "jsonl");
  BOOST_TEST(sniffed("", "json") == "json");
  BOOST_TEST(sniffed("garbage\n{\"id\":\"a\",\"text\":\"x\"}\n", "jsonl") == "jsonl");
  BOOST_TEST(sniffed("{garbage\n", "json") == "json");
  BOOST_TEST(sniffed("", "txt") == "text");
  BOOST_TEST(sniffed("", "") == "text");
}

BOOST_AUTO_TEST_CASE(bracketed_text_is_not_json) {
  BOOST_TEST(sniffed("[Remote] Data Scientist (m/w/d)\nWir suchen ...") == "text");
  BOOST_TEST(sniffed("[Remote] Data Scientist (m/w/d)\nWir suchen ...", "txt") == "text");
  // A brace that does not open a JSON object ({"key" or {}) starts a text posting.
  BOOST_TEST(sniffed("{Firma} sucht Data Scientist\nmehr Text") == "text");
  BOOST_TEST(sniffed("{ \"id\": 1,\n \"text\": \"x\"\n}\n") == "json");
  BOOST_TEST(sniffed("{}\n") == "jsonl");
}

BOOST_AUTO_TEST_CASE(bom_and_leading_blank_lines_are_looked_past) {
  BOOST_TEST(sniffed("\xEF\xBB\xBF{\"id\":\"a\"}\n") == "jsonl");
  BOOST_TEST(sniffed("\xEF\xBB\xBF[{\"id\":\"a\"}]") == "json");
  BOOST_TEST(sniffed("\n\n  \r\n\t{\n\"id\": 1}\n") == "json");
  BOOST_TEST(sniffed("\xEF\xBB\xBF\n\n<!DOCTYPE html><html>") == "html");
  BOOST_TEST(sniffed("\xEF\xBB\xBF---\ntitle: x\n---\nbody") == "markdown");
  BOOST_TEST(sniffed("\xEF\xBB\xBF") == "text");
  BOOST_TEST(sniffed("") == "text");
  BOOST_TEST(sniffed("   \n\n") == "text");
}

BOOST_AUTO_TEST_CASE(html_by_its_leading_tag) {
  for (const char* head : {"<!DOCTYPE html><html>", "<!doctype HTML>", "<html lang=\"de\">", "<HTML>",
                           "<head><title>x</title>", "<body>", "<div class=\"job\">", "<p>Wir suchen",
                           "<!-- saved page -->", "<h1>Data Scientist</h1>", "<ul>\n<li>", "<table>",
                           "<section>", "<article>", "<main>", "<meta charset=utf-8>", "<span>",
                           "<br/>", "<strong>Job</strong>", "<b>Job</b>", "<p\n>x"})
    BOOST_TEST(sniffed(head) == "html", head);
  // Not a tag this project's postings start with, or not a tag at all.
  BOOST_TEST(sniffed("<pre>x</pre>") == "text");
  BOOST_TEST(sniffed("<python> is a skill") == "text");
  BOOST_TEST(sniffed("<p") == "text");
  BOOST_TEST(sniffed("< p>") == "text");
  BOOST_TEST(sniffed("<bold>") == "text");
  // The extension breaks the tie for what the content leaves open.
  BOOST_TEST(sniffed("<pre>x</pre>", "html") == "html");
  BOOST_TEST(sniffed("plain words", "htm") == "html");
  BOOST_TEST(sniffed("plain words", "xhtml") == "html");
  BOOST_TEST(sniffed("<div>x</div>", "txt") == "html");  // content beats .txt
}

BOOST_AUTO_TEST_CASE(markdown_by_extension_front_matter_or_marks) {
  // A .md file stays Markdown even when it begins with HTML.
  BOOST_TEST(sniffed("<div align=\"center\">logo</div>\n\n# Data Scientist", "md") == "markdown");
  for (const char* ext : {"md", "markdown", "mdown", "mkd"}) BOOST_TEST(sniffed("plain words", ext) == "markdown", ext);
  // Front matter makes Markdown whatever the extension.
  BOOST_TEST(sniffed("---\ntitle: Data Scientist\ncompany: X\n---\nWir suchen", "txt") == "markdown");
  BOOST_TEST(sniffed("+++\ntitle = \"Data Scientist\"\n+++\nWir suchen", "html") == "markdown");
  BOOST_TEST(sniffed("---\ntitle: x\n---\n") == "markdown");
  BOOST_TEST(sniffed("---\ntitle: never closed\nWir suchen") == "text");
  BOOST_TEST(sniffed("---\n---\nno key") == "text");
  BOOST_TEST(sniffed("---\njust a line\n---\n") == "text");  // no key: a rule, not front matter
  BOOST_TEST(sniffed("--- title: x\nfoo: bar\n---\n") == "text");
  BOOST_TEST(sniffed("+++\ntitle: yaml in toml\n+++\n") == "text");
  // No extension: two kinds of Markdown mark make Markdown, one does not.
  BOOST_TEST(sniffed("# Data Scientist\n\nWir bieten **Homeoffice**.") == "markdown");
  BOOST_TEST(sniffed("Bewirb dich [hier](https://x.de).\n\n```\ncode\n```\n") == "markdown");
  BOOST_TEST(sniffed("## Aufgaben\n\n~~~\ncode\n~~~\n") == "markdown");
  BOOST_TEST(sniffed("__Stark__ und [Link](u)") == "markdown");
  BOOST_TEST(sniffed("# Data Scientist\n\nWir suchen dich.") == "text");
  BOOST_TEST(sniffed("Wir bieten **Homeoffice**.") == "text");
  BOOST_TEST(sniffed("#hashtag and **bold** text") == "text");   // #hashtag is no heading
  BOOST_TEST(sniffed("####### seven\n**a** b **c**") == "text");  // seven #s are no heading
  BOOST_TEST(sniffed("C# **Entwickler** ### etc") == "text");
  // A .txt file with a heading and bold stays text: the extension says so.
  BOOST_TEST(sniffed("# Data Scientist\n\nWir bieten **Homeoffice**.", "txt") == "text");
  BOOST_TEST(sniffed("# Data Scientist\n\nWir bieten **Homeoffice**.", "text") == "text");
  BOOST_TEST(sniffed("# Data Scientist\n\nWir bieten **Homeoffice**.", "html") == "html");
}

BOOST_AUTO_TEST_CASE(content_names) {
  BOOST_TEST(name(Content::kText) == "text");
  BOOST_TEST(name(Content::kMarkdown) == "markdown");
  BOOST_TEST(name(Content::kHtml) == "html");
  BOOST_TEST(name(Content::kJsonl) == "jsonl");
  BOOST_TEST(name(Content::kJson) == "json");
  BOOST_TEST(name(Content::kPdf) == "pdf");
  BOOST_TEST(name(Content::kZip) == "docx");
}

BOOST_AUTO_TEST_CASE(sniff_ready_waits_for_enough_of_the_head) {
  // A { stream is ready at its first newline (JSON Lines on a slow pipe).
  BOOST_TEST(!sniff_ready("{\"id\":\"a\"", false));
  BOOST_TEST(sniff_ready("{\"id\":\"a\"}\n", false));
  BOOST_TEST(sniff_ready("\xEF\xBB\xBF\n\n {\"id\":\"a\"}\n", false));
  BOOST_TEST(!sniff_ready("\xEF\xBB\xBF\n\n {", false));
  // Leading white space alone is not ready; nor is a [ (it needs as much as text).
  BOOST_TEST(!sniff_ready("", false));
  BOOST_TEST(!sniff_ready("\n\n\n", false));
  BOOST_TEST(!sniff_ready("[{\"id\":\"a\"}\n", false));
  // Text needs 4,096 bytes (after the leading white space), or the end.
  BOOST_TEST(!sniff_ready(std::string(4095, 'x'), false));
  BOOST_TEST(sniff_ready(std::string(4096, 'x'), false));
  BOOST_TEST(!sniff_ready(std::string(10, '\n') + std::string(4095, 'x'), false));
  BOOST_TEST(sniff_ready("short", true));
  BOOST_TEST(sniff_ready("", true));
  BOOST_TEST(sniff_ready(std::string(jobmatch::kSniffBytes, ' '), false));
  BOOST_TEST(!sniff_ready(std::string(jobmatch::kSniffBytes - 1, ' '), false));
}

BOOST_AUTO_TEST_CASE(text_is_html_cases) {
  BOOST_TEST(text_is_html("<p>Wir suchen</p>"));
  BOOST_TEST(text_is_html("  \n<div>x"));
  BOOST_TEST(text_is_html("Wir suchen<br>Data Scientists"));
  BOOST_TEST(text_is_html("Wir suchen<br/>x"));
  BOOST_TEST(text_is_html("Wir suchen<br />x"));
  BOOST_TEST(text_is_html("Aufgaben: Python</li>"));
  BOOST_TEST(text_is_html("erster Absatz</p>zweiter"));
  BOOST_TEST(text_is_html("x</div>"));
  BOOST_TEST(text_is_html("<!-- c -->text"));
  BOOST_TEST(!text_is_html("Wir suchen Data Scientists (m/w/d)."));
  BOOST_TEST(!text_is_html("a < b and c > d"));
  BOOST_TEST(!text_is_html("<Python> und <R>"));
  BOOST_TEST(!text_is_html("Kenntnisse in HTML <p> Tags"));  // an opening <p> alone is no mark
  BOOST_TEST(!text_is_html(""));
  // Only the first 64 KiB are looked through for closing marks.
  BOOST_TEST(text_is_html(std::string(jobmatch::kSniffBytes - 4, 'x') + "</p>"));
  BOOST_TEST(!text_is_html(std::string(jobmatch::kSniffBytes, 'x') + "</p>"));
}

BOOST_AUTO_TEST_CASE(extension_of_paths) {
  BOOST_TEST(extension_of("posting.md") == "md");
  BOOST_TEST(extension_of("dir/Posting.MD") == "md");
  BOOST_TEST(extension_of("a.b/c") == "");  // a dot in a folder name is no extension
  BOOST_TEST(extension_of("a.b/c.TXT") == "txt");
  BOOST_TEST(extension_of("no_extension") == "");
  BOOST_TEST(extension_of("trailing.") == "");
  BOOST_TEST(extension_of(".bashrc") == "");  // a dotfile's name is not an extension
  BOOST_TEST(extension_of("dir/.hidden") == "");
  BOOST_TEST(extension_of(".hidden.json") == "json");
  BOOST_TEST(extension_of("") == "");
  BOOST_TEST(extension_of("-") == "");
  // Compression suffixes: kept unless asked to strip them, and only one is stripped.
  BOOST_TEST(extension_of("postings.jsonl.gz") == "gz");
  BOOST_TEST(extension_of("postings.jsonl.gz", true) == "jsonl");
  BOOST_TEST(extension_of("postings.JSON.ZST", true) == "json");
  BOOST_TEST(extension_of("a.md.xz", true) == "md");
  BOOST_TEST(extension_of("a.txt.bz2", true) == "txt");
  BOOST_TEST(extension_of("a.gz.gz", true) == "gz");
  BOOST_TEST(extension_of("archive.gz", true) == "");
  BOOST_TEST(extension_of(".md.gz", true) == "");  // a dotfile under the suffix
  BOOST_TEST(extension_of("a.tar.gz", true) == "tar");
  BOOST_TEST(extension_of("a.zip", true) == "zip");
  BOOST_TEST(extension_of("a.gzip", true) == "gzip");
  BOOST_TEST(extension_of("dir.gz/file", true) == "");
}

BOOST_AUTO_TEST_SUITE_END()
