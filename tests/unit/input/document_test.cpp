// PDF and DOCX text extraction on documents built here, byte by byte: lines, lists, tables,
// umlauts, titles, and an error record (never an exception) for everything that is not a
// readable document.
#include "input/document.h"

#include <boost/test/unit_test.hpp>

#include <zip.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "pipeline/analyze.h"
#include "input/pdf_maker.h"
#include "test_helpers.h"
#include "text/text_util.h"

using jobmatch::ExtractedText;
using jobmatch::test::make_pdf;
using jobmatch::test::PdfOptions;
using jobmatch::test::show_bytes;
using jobmatch::test::text_stream;

namespace {

// ---- DOCX ---------------------------------------------------------------------------------

// A ZIP archive of the given members, built in memory with libzip.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& members) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  BOOST_TEST_REQUIRE(src != nullptr);
  zip_source_keep(src);  // still ours after zip_close, to read the archive back
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  BOOST_TEST_REQUIRE(za != nullptr);
  for (const auto& [name, data] : members) {
    zip_source_t* part = zip_source_buffer(za, data.data(), data.size(), 0);
    BOOST_TEST_REQUIRE(part != nullptr);
    BOOST_TEST_REQUIRE(zip_file_add(za, name.c_str(), part, ZIP_FL_ENC_UTF_8) >= 0);
  }
  BOOST_TEST_REQUIRE(zip_close(za) == 0);
  std::string bytes;
  BOOST_TEST_REQUIRE(zip_source_open(src) == 0);
  char buf[4096];
  for (zip_int64_t n; (n = zip_source_read(src, buf, sizeof buf)) > 0;) bytes.append(buf, static_cast<size_t>(n));
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&error);
  return bytes;
}

const char* const kContentTypes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "</Types>";

std::string document_xml(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
         "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
         "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
         "xmlns:v=\"urn:schemas-microsoft-com:vml\"><w:body>" +
         body + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>";
}

// A paragraph of one run; pPr is put in as is.
std::string para(const std::string& text, const std::string& ppr = "") {
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + "<w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

std::string make_docx(const std::string& body, const std::map<std::string, std::string>& extra = {}) {
  std::vector<std::pair<std::string, std::string>> members = {{"[Content_Types].xml", kContentTypes},
                                                              {"word/document.xml", document_xml(body)}};
  for (const auto& [name, data] : extra) members.emplace_back(name, data);
  return make_zip(members);
}

ExtractedText docx(std::string_view bytes, size_t max_bytes = 1 << 20) {
  ExtractedText out;
  BOOST_CHECK_NO_THROW(jobmatch::extract_docx(bytes, max_bytes, &out));
  BOOST_TEST(jobmatch::is_valid_utf8(out.text), show_bytes(out.text));
  BOOST_TEST(jobmatch::is_valid_utf8(out.title));
  BOOST_TEST(out.page_starts.empty());
  if (out.error) {
    BOOST_TEST(out.error->kind == "docx");
    BOOST_TEST(jobmatch::is_valid_utf8(out.error->message));
  }
  return out;
}

std::string docx_text(const std::string& body, const std::map<std::string, std::string>& extra = {}) {
  const ExtractedText t = docx(make_docx(body, extra));
  BOOST_TEST(!t.error.has_value(), (t.error ? t.error->message : ""));
  return t.text;
}

// ---- PDF ----------------------------------------------------------------------------------

ExtractedText pdf(std::string_view bytes) {
  ExtractedText out;
  BOOST_CHECK_NO_THROW(jobmatch::extract_pdf(bytes, &out));
  BOOST_TEST(jobmatch::is_valid_utf8(out.text), show_bytes(out.text));
  BOOST_TEST(jobmatch::is_valid_utf8(out.title));
  BOOST_TEST(std::is_sorted(out.page_starts.begin(), out.page_starts.end()));
  for (const uint32_t s : out.page_starts) BOOST_TEST(s <= out.text.size());
  if (out.error) {
    BOOST_TEST(out.error->kind == "pdf");
    BOOST_TEST(out.text.empty());
  }
  return out;
}

const std::vector<std::string> kPage1 = {"Machine Learning Engineer (m/w/d)", "Python und Bayes-Statistik",
                                         "Ausprägung der Größe: süß"};
const std::vector<std::string> kPage2 = {"Ihr Profil", "Erfahrung mit PyTorch"};

// The words of a text, lower case ASCII letters, digits and any non-ASCII bytes (bullets "•"
// dropped: the DOCX writes list items with "- " instead).
std::vector<std::string> words_of(std::string text) {
  for (size_t at; (at = text.find("\u2022")) != std::string::npos;) text.replace(at, 3, " ");
  std::vector<std::string> out;
  std::string word;
  for (const char ch : text + " ") {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      word += static_cast<char>(std::tolower(c));
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  return out;
}

// The length of the longest common subsequence of a and b.
size_t common_in_order(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<size_t> row(b.size() + 1, 0), prev(b.size() + 1, 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    std::swap(row, prev);
    for (size_t j = 1; j <= b.size(); ++j) {
      row[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], row[j - 1]);
    }
  }
  return row[b.size()];
}

}  // namespace

BOOST_AUTO_TEST_SUITE(document)

// ---- DOCX ---------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(docx_paragraphs_are_lines) {
  const std::string body =
      para("Machine Learning Engineer", "<w:pStyle w:val=\"Heading1\"/><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs>") +
      "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Python</w:t></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
      "<w:r><w:t>und</w:t><w:tab/><w:t>Bayes</w:t><w:noBreakHyphen/><w:t>Statistik</w:t></w:r></w:p>"
      "<w:p/>" + para("Erste Zeile") +
      "<w:p><w:r><w:t>oben</w:t><w:br/><w:t>unten</w:t></w:r>"
      "<w:r><w:instrText> HYPERLINK \"https://example.com\" </w:instrText></w:r></w:p>";
  BOOST_TEST(docx_text(body) ==
             "Machine Learning Engineer\nPython und Bayes-Statistik\n\nErste Zeile\noben\nunten\n");
}

BOOST_AUTO_TEST_CASE(docx_umlauts_stay_utf8) {
  BOOST_TEST(docx_text(para("Ausprägung, Größe, süß – ÄÖÜ ẞ")) == "Ausprägung, Größe, süß – ÄÖÜ ẞ\n");
  // Character references and a UTF-16 part come out as UTF-8 as well.
  BOOST_TEST(docx_text(para("Ausspr&#xE4;che &amp; Gr&#246;&#223;e")) == "Ausspräche & Größe\n");
  std::string xml = document_xml(para("Größe"));
  xml.replace(xml.find("UTF-8"), 5, "UTF-16");
  std::string utf16 = "\xFF\xFE";
  for (size_t i = 0, len = 0; i < xml.size(); i += len) {
    const char32_t cp = jobmatch::decode_utf8(xml, i, &len);
    utf16 += static_cast<char>(cp & 0xFF);
    utf16 += static_cast<char>(cp >> 8);
  }
  const ExtractedText t = docx(make_zip({{"word/document.xml", utf16}}));
  BOOST_TEST(!t.error.has_value());
  BOOST_TEST(t.text == "Größe\n");
}

BOOST_AUTO_TEST_CASE(docx_list_items_start_with_a_dash) {
  const std::string numbered = "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr>";
  const std::string unnumbered = "<w:numPr><w:numId w:val=\"0\"/></w:numPr>";
  const std::string body = para("Ihre Aufgaben", "<w:pStyle w:val=\"Heading2\"/>") + para("Python", numbered) +
                           para("SQL", "<w:pStyle w:val=\"Bullets\"/>") +
                           para("Deutsch", "<w:pStyle w:val=\"Aufzhlungszeichen\"/>") +
                           para("kein Punkt", "<w:pStyle w:val=\"Bullets\"/>" + unnumbered) + para("Text");
  // "Bullets" is a list style through its numPr in styles.xml (python-docx's List Bullet works
  // this way); Aufzhlungszeichen by its name, even without styles.xml.
  const std::string styles =
      "<?xml version=\"1.0\"?><w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:style w:type=\"paragraph\" w:styleId=\"Bullets\"><w:name w:val=\"My Bullets\"/>"
      "<w:basedOn w:val=\"Base\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Base\"><w:name w:val=\"Base\"/><w:pPr><w:numPr>"
      "<w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Loop\"><w:basedOn w:val=\"Loop\"/></w:style></w:styles>";
  BOOST_TEST(docx_text(body, {{"word/styles.xml", styles}}) ==
             "Ihre Aufgaben\n- Python\n- SQL\n- Deutsch\nkein Punkt\nText\n");
  // Without styles.xml, "Bullets" says nothing.
  BOOST_TEST(docx_text(para("SQL", "<w:pStyle w:val=\"Bullets\"/>") + para("Python", numbered)) == "SQL\n- Python\n");
}

BOOST_AUTO_TEST_CASE(docx_table_rows_are_lines) {
  const auto cell = [](const std::string& inner) { return "<w:tc><w:tcPr><w:tcW w:w=\"100\"/></w:tcPr>" + inner + "</w:tc>"; };
  const std::string body = para("Vorher") + "<w:tbl><w:tblPr><w:tblStyle w:val=\"T\"/></w:tblPr><w:tblGrid/>"
                           "<w:tr>" + cell(para("Sprache")) + cell(para("Niveau")) + "</w:tr>"
                           "<w:tr>" + cell(para("Python") + para("Pandas")) + cell(para("sehr gut")) + "</w:tr>"
                           "<w:tr>" + cell("<w:tbl><w:tr>" + cell(para("innen")) + cell(para("auch")) + "</w:tr></w:tbl>") +
                           cell("<w:p/>") + "</w:tr></w:tbl>" + para("Nachher");
  BOOST_TEST(docx_text(body) == "Vorher\nSprache | Niveau\nPython Pandas | sehr gut\ninnen | auch |\nNachher\n");
}

BOOST_AUTO_TEST_CASE(docx_deleted_revisions_are_dropped) {
  const std::string body =
      "<w:p><w:r><w:t xml:space=\"preserve\">Erfahrung mit </w:t></w:r>"
      "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>Java</w:delText></w:r></w:del>"
      "<w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t>Python</w:t></w:r></w:ins>"
      "<w:moveFrom w:id=\"3\"><w:r><w:t>Perl</w:t></w:r></w:moveFrom></w:p>";
  BOOST_TEST(docx_text(body) == "Erfahrung mit Python\n");
}

BOOST_AUTO_TEST_CASE(docx_text_box_alternatives_come_once) {
  const std::string box = "<w:txbxContent>" + para("Im Kasten") + "</w:txbxContent>";
  const std::string body =
      "<w:p><w:r><w:t xml:space=\"preserve\">Vor dem Kasten </w:t></w:r><w:r><mc:AlternateContent>"
      "<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>" + box + "</wps:txbx></w:drawing></mc:Choice>"
      "<mc:Fallback><w:pict><v:textbox>" + box + "</v:textbox></w:pict></mc:Fallback>"
      "</mc:AlternateContent></w:r></w:p>"
      // only a fallback: taken
      "<w:p><w:r><mc:AlternateContent><mc:Fallback><w:t>Ersatz</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>";
  const std::string text = docx_text(body);
  BOOST_TEST(text == "Im Kasten\nVor dem Kasten\nErsatz\n");
  // Several choices: the first; a fallback written first still loses to a choice.
  BOOST_TEST(docx_text("<w:p><w:r><mc:AlternateContent><mc:Fallback><w:t>drei</w:t></mc:Fallback>"
                       "<mc:Choice Requires=\"a\"><w:t>eins</w:t></mc:Choice><mc:Choice Requires=\"b\">"
                       "<w:t>zwei</w:t></mc:Choice></mc:AlternateContent></w:r></w:p>") == "eins\n");
}

BOOST_AUTO_TEST_CASE(docx_title_from_core_properties) {
  const std::string core =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><cp:coreProperties "
      "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>HR</dc:creator>"
      "<dc:title> Data Scientist (m/w/d) – Prüfung </dc:title></cp:coreProperties>";
  const ExtractedText t = docx(make_docx(para("Text"), {{"docProps/core.xml", core}}));
  BOOST_TEST(!t.error.has_value());
  BOOST_TEST(t.title == "Data Scientist (m/w/d) – Prüfung");
  BOOST_TEST(docx(make_docx(para("Text"))).title.empty());
  // A broken core.xml only costs the title.
  const ExtractedText broken = docx(make_docx(para("Text"), {{"docProps/core.xml", "<cp:core"}}));
  BOOST_TEST(!broken.error.has_value());
  BOOST_TEST(broken.text == "Text\n");
  BOOST_TEST(broken.title.empty());
}

BOOST_AUTO_TEST_CASE(docx_that_is_not_a_zip_is_an_error) {
  for (const std::string& bytes : {std::string(), std::string("Hello, world"), std::string("PK\x03\x04garbage", 11),
                                  make_pdf({text_stream({"x"})})}) {
    const ExtractedText t = docx(bytes);
    BOOST_TEST_REQUIRE(t.error.has_value());
    BOOST_TEST(t.error->message.starts_with("not a ZIP archive: "), t.error->message);
    BOOST_TEST(t.text.empty());
  }
  const ExtractedText doc = docx(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'));
  BOOST_TEST_REQUIRE(doc.error.has_value());
  BOOST_TEST(doc.error->message == "not a ZIP archive: an OLE compound file (a Word 97-2003 .doc?)");
}

BOOST_AUTO_TEST_CASE(docx_zip_without_document_xml_is_an_error) {
  const ExtractedText t = docx(make_zip({{"[Content_Types].xml", kContentTypes}, {"word/other.xml", "<a/>"}}));
  BOOST_TEST_REQUIRE(t.error.has_value());
  BOOST_TEST(t.error->message == "a ZIP archive without word/document.xml: not a DOCX");
}

BOOST_AUTO_TEST_CASE(docx_malformed_xml_is_an_error) {
  const ExtractedText t = docx(make_zip({{"word/document.xml", "<w:document><w:body><w:p></w:body>"}}));
  BOOST_TEST_REQUIRE(t.error.has_value());
  BOOST_TEST(t.error->message.starts_with("malformed word/document.xml: "), t.error->message);
  BOOST_TEST(t.error->message.find("offset") != std::string::npos, t.error->message);
  // Well-formed, but not a WordprocessingML document.
  const ExtractedText other = docx(make_zip({{"word/document.xml", "<html><body/></html>"}}));
  BOOST_TEST_REQUIRE(other.error.has_value());
  BOOST_TEST(other.error->message.find("not a DOCX") != std::string::npos, other.error->message);
}

BOOST_AUTO_TEST_CASE(docx_part_larger_than_the_limit_is_an_error) {
  std::string body;
  for (int i = 0; i < 2000; ++i) body += para("Python Python Python");
  const std::string bytes = make_docx(body);
  BOOST_TEST(bytes.size() < 20000);  // it compresses well: the inflated size counts
  BOOST_TEST(!docx(bytes, 1 << 20).error.has_value());
  const ExtractedText t = docx(bytes, 20000);
  BOOST_TEST_REQUIRE(t.error.has_value());
  BOOST_TEST(t.error->message.find("more than the limit of 20000 bytes") != std::string::npos, t.error->message);

  // An archive that lies about the size (the central directory says 100 bytes): reading still
  // stops past the limit.
  std::string lying = bytes;
  for (size_t at = lying.find("PK\x01\x02"); at != std::string::npos; at = lying.find("PK\x01\x02", at + 4)) {
    if (lying.compare(at + 46, 17, "word/document.xml") != 0) continue;
    lying[at + 24] = 100;
    lying[at + 25] = lying[at + 26] = lying[at + 27] = 0;
  }
  BOOST_TEST(lying != bytes);
  const ExtractedText l = docx(lying, 20000);
  BOOST_TEST_REQUIRE(l.error.has_value());
  BOOST_TEST(l.text.empty());
}

BOOST_AUTO_TEST_CASE(docx_deep_nesting_does_not_overflow_the_stack) {
  const int depth = 200000;
  std::string body;
  for (int i = 0; i < depth; ++i) body += "<w:sdt><w:sdtContent>";
  body += para("tief");
  for (int i = 0; i < depth; ++i) body += "</w:sdtContent></w:sdt>";
  BOOST_TEST(docx(make_docx(body), 64 << 20).text == "tief\n");
  // Paragraphs inside paragraphs (text boxes in text boxes): the innermost comes first.
  std::string nested;
  for (int i = 0; i < 20000; ++i) nested += "<w:p><w:r><w:t>" + std::to_string(i) + "</w:t>";
  for (int i = 0; i < 20000; ++i) nested += "</w:r></w:p>";
  const ExtractedText t = docx(make_docx(nested), 64 << 20);
  BOOST_TEST_REQUIRE(!t.error.has_value());
  BOOST_TEST(t.text.starts_with("19999\n19998\n"));
  BOOST_TEST(t.text.ends_with("\n1\n0\n"));
}

BOOST_AUTO_TEST_CASE(docx_damaged_archives_never_throw) {
  const std::string good = make_docx(para("Machine Learning") + para("Python", "<w:numPr><w:numId w:val=\"1\"/></w:numPr>"));
  BOOST_TEST(docx(good).text == "Machine Learning\n- Python\n");
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string bytes = good;
    const auto flips = static_cast<uint32_t>(1 + rng() % 8);
    for (uint32_t k = 0; k < flips; ++k) bytes[rng() % bytes.size()] = static_cast<char>(rng());
    if (round % 3 == 0) bytes.resize(rng() % bytes.size());
    docx(bytes);
  }
}

// ---- PDF ----------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(pdf_pages_in_order_with_form_feeds) {
  const ExtractedText t = pdf(make_pdf({text_stream(kPage1), text_stream(kPage2)}));
  BOOST_TEST_REQUIRE(!t.error.has_value(), t.error->message);
  BOOST_TEST(t.text ==
                 "Machine Learning Engineer (m/w/d)\nPython und Bayes-Statistik\nAusprägung der Größe: süß\n"
                 "\fIhr Profil\nErfahrung mit PyTorch\n",
             show_bytes(t.text));
  BOOST_TEST_REQUIRE(t.page_starts.size() == 2u);
  BOOST_TEST(t.page_starts[0] == 0u);
  BOOST_TEST(t.text.substr(t.page_starts[1]).starts_with("Ihr Profil"));
  BOOST_TEST(t.text[t.page_starts[1] - 1] == '\f');
  BOOST_TEST(jobmatch::page_of(t.page_starts, static_cast<uint32_t>(t.text.find("PyTorch"))) == 2u);
  BOOST_TEST(jobmatch::page_of(t.page_starts, static_cast<uint32_t>(t.text.find("Python"))) == 1u);
  BOOST_TEST(t.title.empty());
}

// poppler sizes its table of objects (some 40 bytes an entry) by numbers the file states. Made
// to claim 30 million objects, a trailer's /Size or an object's header made `jobmatch score`
// peak at 1.2 GB for a file of under 1 KB (9 million: 370 MB). Such a file is refused before
// poppler opens it; the same file with a number it can hold is read.
const char kTooMany[] = "not a readable PDF: it claims more objects than the file can hold";

// `bytes` with its first `from` replaced by `to`.
std::string with(std::string bytes, std::string_view from, std::string_view to) {
  const size_t at = bytes.find(from);
  BOOST_TEST_REQUIRE(at != std::string::npos, from);
  return bytes.replace(at, from.size(), to);
}

bool refused_for_objects(std::string_view bytes) {
  const ExtractedText t = pdf(bytes);
  return t.error.has_value() && t.error->message == kTooMany;
}

BOOST_AUTO_TEST_CASE(pdf_xref_table_that_claims_millions_of_objects_is_refused) {
  // A subsection header "0 00" and then a damaged entry that reads as the header of 65,535
  // objects from number 9,000,000.
  const std::string good = make_pdf({text_stream(kPage1)});
  const size_t table = good.find("xref\n");
  BOOST_TEST_REQUIRE(table != std::string::npos);
  const size_t entries = good.find('\n', good.find('\n', table) + 1) + 1;
  std::string bytes = good;
  bytes.replace(table, entries - table, "xref\n0 00\n009000000 65535 f \n");
  BOOST_TEST(refused_for_objects(bytes));
  // The header as poppler's lexer reads it: a sign, a comment between the numbers.
  BOOST_TEST(refused_for_objects(with(good, "xref\n0 ", "xref\n+8999999 %x\n")));
  BOOST_TEST(!pdf(good).error.has_value());
}

BOOST_AUTO_TEST_CASE(pdf_trailer_or_stream_that_claims_millions_of_objects_is_refused) {
  const std::string good = make_pdf({text_stream(kPage1)});
  BOOST_TEST_REQUIRE(good.find("/Size 6 ") != std::string::npos);
  BOOST_TEST(refused_for_objects(with(good, "/Size 6 ", "/Size 30000000 ")));
  BOOST_TEST(refused_for_objects(with(good, "/Size 6 ", "/S#69ze %c\n+30000000 ")));  // #69 is 'i'
  BOOST_TEST(!pdf(with(good, "/Size 6 ", "/Size 60 ")).error.has_value());
  // A function's /Size is an array: not a count of objects.
  BOOST_TEST(!refused_for_objects(with(good, "/Size 6 ", "/Size 6 /Fn << /Size [30000000 2] >> ")));
  // A cross-reference stream's /Index pairs, whose elements poppler reads through references,
  // and an object stream's /N.
  BOOST_TEST(refused_for_objects(with(good, "/Size 6 ", "/Size 6 /Index [0 6 29999999 2] ")));
  BOOST_TEST(refused_for_objects(with(good, "/Size 6 ", "/Size 6 /Index [0 6 7 0 R] ")));
  BOOST_TEST(!pdf(with(good, "/Size 6 ", "/Size 6 /Index [0 6] ")).error.has_value());
  BOOST_TEST(refused_for_objects(with(good, "/Size 6 ", "/Size 6 /N 30000000 ")));
}

BOOST_AUTO_TEST_CASE(pdf_damaged_file_with_an_object_numbered_in_millions_is_refused) {
  // No cross-reference table: poppler rebuilds one from the headers "num gen obj" it finds.
  std::string good = make_pdf({text_stream(kPage1)});
  good.erase(good.find("xref\n"), good.find("trailer\n") - good.find("xref\n"));
  good = with(good, "startxref\n", "startxref\n0\n%");
  BOOST_TEST_REQUIRE(!pdf(good).error.has_value());
  BOOST_TEST(refused_for_objects(with(good, "3 0 obj", "30000000 0 obj")));
  // poppler reads lines 255 bytes at a time: the number may be on a line of its own, or only
  // part of a run of digits (here "30000000" after a piece of 255 bytes, or the run of "0obj").
  BOOST_TEST(refused_for_objects(with(good, "3 0 obj", "30000000\n0\nobj")));
  BOOST_TEST(refused_for_objects(with(good, "3 0 obj", "300000000 obj")));
  BOOST_TEST(refused_for_objects(with(good, "3 0 obj", "30000000 0obj")));
  BOOST_TEST(!refused_for_objects(with(good, "3 0 obj", "3 0 obj % 30000000 0 R\n")));
}

BOOST_AUTO_TEST_CASE(pdf_compressed_stream_and_title) {
  PdfOptions opt;
  opt.title = "Data Scientist (m/w/d) – Größe";  // the dash is 0x85 in PDFDocEncoding
  opt.flate_first = true;
  const ExtractedText t = pdf(make_pdf({text_stream(kPage1), text_stream(kPage2)}, opt));
  BOOST_TEST_REQUIRE(!t.error.has_value(), t.error->message);
  BOOST_TEST(t.text.starts_with("Machine Learning Engineer (m/w/d)\nPython und Bayes-Statistik\n"), show_bytes(t.text));
  BOOST_TEST(t.title == "Data Scientist (m/w/d) – Größe", show_bytes(t.title));
  BOOST_TEST(t.page_starts.size() == 2u);
  opt.title = " Größe – ẞ € ";
  opt.title_utf16 = true;
  BOOST_TEST(pdf(make_pdf({text_stream(kPage1)}, opt)).title == "Größe – ẞ €");
}

// The title of a PDF is its information Title when the text starts with it, however many lines
// the heading wraps onto; those lines are the title zone. A Title the text does not start with
// leaves the first line as the title.
BOOST_AUTO_TEST_CASE(pdf_title_wrapped_over_two_lines) {
  auto loaded = jobmatch::Engine::load(jobmatch::EngineOptions{});
  BOOST_TEST_REQUIRE(loaded.ok());
  const std::unique_ptr<jobmatch::Engine> engine = std::move(*loaded);
  jobmatch::Analyzer analyzer(*engine);
  const auto analyze = [&](const std::string& title) {
    PdfOptions opt;
    opt.title = title;
    jobmatch::Input in;
    in.id = "ad.pdf";
    in.format = jobmatch::DocFormat::kPdf;
    in.bytes = make_pdf({text_stream({"Data Scientist (m/w/d) mit", "Deep Learning", "Wir nutzen Python."})}, opt);
    return analyzer.analyze(in);
  };
  const auto zone_of = [](const jobmatch::Result& r, std::string_view text) -> std::string_view {
    for (const auto& m : r.matched)
      for (const auto& e : m.spans)
        if (e.text == text) return jobmatch::zone_name(e.zone);
    return "none";
  };
  const jobmatch::Result wrapped = analyze("Data Scientist (m/w/d) mit Deep Learning");
  BOOST_TEST_REQUIRE(!wrapped.error.has_value(), wrapped.error->message);
  BOOST_TEST(wrapped.title == "Data Scientist (m/w/d) mit Deep Learning");
  BOOST_TEST(zone_of(wrapped, "Deep Learning") == "title");
  BOOST_TEST(zone_of(wrapped, "Python") == "intro");
  for (const std::string other : {"", "Microsoft Word - Dokument1", "Data Scientist (m/w/d) mit Deep"}) {
    const jobmatch::Result r = analyze(other);
    BOOST_TEST(r.title == "Data Scientist (m/w/d) mit", other);
    BOOST_TEST(zone_of(r, "Deep Learning") == "intro", other);
  }
}

BOOST_AUTO_TEST_CASE(pdf_empty_page_keeps_its_place) {
  const ExtractedText t = pdf(make_pdf({text_stream({"eins"}), "", text_stream({"drei"})}));
  BOOST_TEST_REQUIRE(!t.error.has_value());
  BOOST_TEST(t.text == "eins\n\f\fdrei\n");
  BOOST_TEST(t.page_starts == (std::vector<uint32_t>{0, 6, 7}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(pdf_without_text_needs_ocr) {
  const ExtractedText t = pdf(make_pdf({"0 0 1 rg 72 72 200 300 re f\n", "q 1 0 0 1 0 0 cm Q\n"}));
  BOOST_TEST_REQUIRE(t.error.has_value());
  BOOST_TEST(t.error->message == "no text in this PDF (scanned images?): it needs OCR first");
  BOOST_TEST(t.page_starts.empty());
}

BOOST_AUTO_TEST_CASE(pdf_encrypted_is_an_error) {
  PdfOptions opt;
  opt.encrypted = true;
  const ExtractedText t = pdf(make_pdf({text_stream(kPage1)}, opt));
  BOOST_TEST_REQUIRE(t.error.has_value());
  BOOST_TEST(t.error->message == "encrypted PDF (password protected): cannot read its text");
}

BOOST_AUTO_TEST_CASE(pdf_garbage_is_an_error) {
  for (const std::string& bytes : {std::string(), std::string("hello world"), std::string("%PDF-1.4\n%%EOF\n"),
                                  std::string("\x00\xff\x00\xff", 4), make_docx(para("x"))}) {
    const ExtractedText t = pdf(bytes);
    BOOST_TEST_REQUIRE(t.error.has_value(), show_bytes(bytes));
    BOOST_TEST(t.error->message.starts_with("not a readable PDF"), t.error->message);
  }
}

BOOST_AUTO_TEST_CASE(pdf_damaged_files_never_throw) {
  const std::string good = make_pdf({text_stream(kPage1), text_stream(kPage2)});
  // Cut anywhere: poppler may rebuild the cross-reference table and read what is left.
  for (size_t cut = 0; cut < good.size(); cut += 37) pdf(good.substr(0, cut));
  std::mt19937 rng(11);
  for (int round = 0; round < 300; ++round) {
    std::string bytes = good;
    const auto flips = static_cast<uint32_t>(1 + rng() % 6);
    for (uint32_t k = 0; k < flips; ++k) bytes[rng() % bytes.size()] = static_cast<char>(rng());
    pdf(bytes);
  }
}

BOOST_AUTO_TEST_CASE(page_of_finds_the_page) {
  BOOST_TEST(jobmatch::page_of({}, 0) == 1u);
  BOOST_TEST(jobmatch::page_of({}, 99) == 1u);
  const std::vector<uint32_t> starts = {0, 10, 20};
  BOOST_TEST(jobmatch::page_of(starts, 0) == 1u);
  BOOST_TEST(jobmatch::page_of(starts, 9) == 1u);
  BOOST_TEST(jobmatch::page_of(starts, 10) == 2u);
  BOOST_TEST(jobmatch::page_of(starts, 19) == 2u);
  BOOST_TEST(jobmatch::page_of(starts, 20) == 3u);
  BOOST_TEST(jobmatch::page_of(starts, 1000) == 3u);
  BOOST_TEST(jobmatch::page_of({5}, 0) == 1u);
}

// With JOBMATCH_DOC_DIR set to a folder made by tests/gen/make_documents.py from samples/*.txt,
// each NAME.pdf and NAME.docx there is read and compared with samples/NAME.txt: the share of the
// sample's words that the extracted text has in the same order. Skipped when it is not set.
BOOST_AUTO_TEST_CASE(generated_documents_read_like_their_samples) {
  const char* dir = std::getenv("JOBMATCH_DOC_DIR");
  if (dir == nullptr || *dir == '\0') {
    BOOST_TEST_MESSAGE("JOBMATCH_DOC_DIR is not set: no generated documents to compare");
    return;
  }
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  size_t compared = 0;
  for (const fs::path& file : files) {
    const std::string ext = file.extension().string();
    const fs::path sample = fs::path(JOBMATCH_SOURCE_DIR) / "samples" / (file.stem().string() + ".txt");
    if ((ext != ".pdf" && ext != ".docx") || !fs::exists(sample)) continue;
    const std::string bytes = jobmatch::test::read_whole_file(file);
    const ExtractedText t = ext == ".pdf" ? pdf(bytes) : docx(bytes);
    BOOST_TEST_REQUIRE(!t.error.has_value(), file << ": " << t.error->message);
    const std::vector<std::string> want = words_of(jobmatch::test::read_whole_file(sample));
    const std::vector<std::string> got = words_of(t.text);
    const double share = static_cast<double>(common_in_order(want, got)) / static_cast<double>(want.size());
    BOOST_TEST_MESSAGE(file.filename().string() << ": " << got.size() << " words for " << want.size()
                                                << ", " << share * 100 << "% of them in order; title "
                                                << (t.title.empty() ? "(none)" : t.title));
    BOOST_TEST(share >= 0.98, file << ": only " << share * 100 << "% of the words in order");
    ++compared;
  }
  BOOST_TEST(compared > 0u);
}

BOOST_AUTO_TEST_SUITE_END()
