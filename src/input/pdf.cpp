// extract_pdf(): the text of a PDF with poppler-cpp, page by page; page_of(). See document.h.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <exception>
#include <memory>
#include <new>
#include <mutex>
#include <string>

#include "pipeline/deadline.h"
#include "input/document.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

void ignore_poppler_message(const std::string& /*message*/, void* /*closure*/) {}

void fail(ExtractedText* out, std::string message) {
  out->text.clear();
  out->page_starts.clear();
  out->title.clear();
  out->error = InputError{"pdf", sanitize_utf8(message)};
}

std::string utf8_of(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  return sanitize_utf8(std::string_view(bytes.data(), bytes.size()));
}

// A document information string as UTF-8. poppler-cpp decodes UTF-16 strings (with their byte
// order mark) but passes the bytes of a PDFDocEncoding string through as if they were Latin-1:
// reportlab's title "A – B" comes out with U+0085 for the dash. PDFDocEncoding agrees with
// Latin-1 except for 0x18-0x1F and 0x80-0xA0; those become the characters they stand for. A
// string with a code unit past U+00FF came from UTF-16 and is left alone; so is 0xA0 (the euro
// sign in PDFDocEncoding, but more likely a no-break space from UTF-16).
std::string info_utf8(poppler::ustring s) {
  static const char16_t low[8] = {0x02D8, 0x02C7, 0x02C6, 0x02D9, 0x02DD, 0x02DB, 0x02DA, 0x02DC};
  static const char16_t high[32] = {
      0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203A, 0x2212,
      0x2030, 0x201E, 0x201C, 0x201D, 0x2018, 0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141,
      0x0152, 0x0160, 0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E, 0xFFFD};
  bool byte_string = true;
  for (const unsigned short c : s) byte_string = byte_string && c <= 0xFF;
  if (byte_string) {
    for (unsigned short& c : s) {
      if (c >= 0x18 && c <= 0x1F) c = low[c - 0x18];
      else if (c >= 0x80 && c <= 0x9F) c = high[c - 0x80];
    }
  }
  return utf8_of(s);
}

// Appends one page's text: CRLF and CR as '\n', no trailing spaces on a line, no form feed inside
// a page (it separates pages), at most one blank line in a row, no blank lines at either end;
// every line ends in '\n'. Returns false if the page has no text but white space.
bool append_page(std::string_view page, std::string* out) {
  bool any = false;
  size_t blank_lines = 0;
  bool started = false;
  size_t i = 0;
  while (i <= page.size()) {
    size_t end = i;
    while (end < page.size() && page[end] != '\n' && page[end] != '\r' && page[end] != '\f' && page[end] != '\v') ++end;
    std::string_view line = page.substr(i, end - i);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty()) {
      if (started) ++blank_lines;
    } else {
      if (blank_lines > 0) *out += '\n';
      blank_lines = 0;
      started = true;
      *out += line;
      *out += '\n';
      any = true;  // the line ends in a character that is not a space
    }
    if (end >= page.size()) break;
    i = end + (page[end] == '\r' && end + 1 < page.size() && page[end + 1] == '\n' ? 2 : 1);
  }
  return any;
}

// A PDF of one empty page, for keep_global_parameters in extract(). Its table's offsets are
// the objects' true offsets.
constexpr std::string_view kSmallestPdf =
    "%PDF-1.4\n"
    "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
    "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>\nendobj\n"
    "xref\n0 4\n"
    "0000000000 65535 f \n"
    "0000000009 00000 n \n"
    "0000000058 00000 n \n"
    "0000000115 00000 n \n"
    "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n184\n%%EOF\n";

// The most objects a PDF of `size` bytes can hold: every object takes more than 8 bytes
// ("1 0 obj" ... "endobj"), with room for sparse numbering in small files.
size_t max_objects(size_t size) { return size / 8 + 4096; }

bool pdf_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' || c == '\0';
}

bool pdf_delimiter(char c) {
  return pdf_space(c) || c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
         c == '}' || c == '/' || c == '%';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads the bytes of a PDF as poppler's lexer does, as far as the numbers that size its table
// of objects need: white space and comments, integers, names.
class Lexer {
 public:
  explicit Lexer(std::string_view b) : b_(b) {}

  // The first byte at or after i that is neither white space nor inside a comment.
  size_t skip_space(size_t i) const {
    while (i < b_.size()) {
      if (pdf_space(b_[i])) {
        ++i;
      } else if (b_[i] == '%') {
        while (i < b_.size() && b_[i] != '\r' && b_[i] != '\n') ++i;
      } else {
        break;
      }
    }
    return i;
  }

  // An integer at i (a sign, then digits; a negative one reads as 0, which claims nothing) and
  // where it ends; npos if there is none. The value saturates far above any limit.
  size_t number(size_t i, uint64_t* v) const {
    *v = 0;
    bool negative = false;
    if (i < b_.size() && (b_[i] == '+' || b_[i] == '-')) negative = b_[i++] == '-';
    const size_t digits = i;
    while (i < b_.size() && b_[i] >= '0' && b_[i] <= '9') {
      *v = std::min<uint64_t>(*v * 10 + static_cast<uint64_t>(b_[i] - '0'), UINT64_MAX / 20);
      ++i;
    }
    if (i == digits) return std::string_view::npos;
    if (negative) *v = 0;
    return i;
  }

  // The name that starts after the '/' at i, with its #xx escapes decoded (at most 16 bytes of
  // it: longer names are none of those looked for), and where it ends.
  size_t name(size_t i, std::string* out) const {
    out->clear();
    ++i;
    while (i < b_.size() && !pdf_delimiter(b_[i])) {
      char c = b_[i++];
      if (c == '#' && i + 1 < b_.size() && hex_value(b_[i]) >= 0 && hex_value(b_[i + 1]) >= 0) {
        c = static_cast<char>(hex_value(b_[i]) * 16 + hex_value(b_[i + 1]));
        i += 2;
      }
      if (out->size() < 16) *out += c;
    }
    return i;
  }

 private:
  std::string_view b_;
};

// True if a subsection header of a classic cross-reference table claims objects past `limit`.
// Headers are read as poppler reads them: pairs of numbers after "xref", each followed by its
// count of three-token entries, until "trailer".
bool xref_table_claims_too_much(std::string_view b, const Lexer& lex, uint64_t limit) {
  for (size_t at = b.find("xref"); at != std::string_view::npos; at = b.find("xref", at + 4)) {
    size_t i = lex.skip_space(at + 4);
    for (;;) {
      uint64_t first, count;
      const size_t a = lex.number(i, &first);
      if (a == std::string_view::npos) break;
      const size_t c = lex.number(lex.skip_space(a), &count);
      if (c == std::string_view::npos) break;
      if (first + count > limit) return true;
      i = lex.skip_space(c);
      // Its entries: offset, generation, and n or f.
      for (uint64_t e = 0; e < count && i < b.size(); ++e) {
        uint64_t v;
        const size_t o = lex.number(i, &v);
        if (o == std::string_view::npos) break;
        const size_t g = lex.number(lex.skip_space(o), &v);
        if (g == std::string_view::npos) break;
        i = lex.skip_space(g);
        if (i < b.size() && (b[i] == 'n' || b[i] == 'f')) i = lex.skip_space(i + 1);
      }
    }
  }
  return false;
}

// True if /Size (of a trailer or a cross-reference stream), a pair of /Index or /N (the objects
// of an object stream) claims more than `limit`. poppler reads an element of /Index through a
// reference, so an /Index array that is not all numbers claims too much as well.
bool dictionaries_claim_too_much(std::string_view b, const Lexer& lex, uint64_t limit) {
  std::string key;
  for (size_t at = b.find('/'); at != std::string_view::npos; at = b.find('/', at)) {
    at = lex.name(at, &key);
    if (key == "Size" || key == "N") {
      uint64_t v;
      if (lex.number(lex.skip_space(at), &v) != std::string_view::npos && v > limit) return true;
    } else if (key == "Index") {
      size_t i = lex.skip_space(at);
      if (i >= b.size() || b[i] != '[') continue;
      for (i = lex.skip_space(i + 1); i < b.size() && b[i] != ']'; i = lex.skip_space(i)) {
        uint64_t first, count;
        i = lex.number(i, &first);
        if (i == std::string_view::npos) return true;
        i = lex.number(lex.skip_space(i), &count);
        if (i == std::string_view::npos) return true;
        if (first + count > limit) return true;
      }
    }
  }
  return false;
}

// True if the header of an object, "num gen obj", names a number past `limit`: poppler sizes
// its table by them when it rebuilds the table of a damaged file. It reads such a file 255
// bytes at a time and takes a number wherever a piece starts with a digit, so num may be any
// part of a run of digits, and the generation's run may be num's; the value of the whole run
// bounds that of any part of it. So both runs before "obj" count.
bool object_headers_claim_too_much(std::string_view b, const Lexer& lex, uint64_t limit) {
  auto is_digit = [&](size_t i) { return b[i] >= '0' && b[i] <= '9'; };
  for (size_t at = b.find("obj"); at != std::string_view::npos; at = b.find("obj", at + 3)) {
    size_t i = at;
    for (int run = 0; run < 2; ++run) {
      const size_t end = i;
      while (i > 0 && pdf_space(b[i - 1])) --i;
      if (run == 1 && i == end) break;  // two runs with nothing between are one
      const size_t digits_end = i;
      while (i > 0 && is_digit(i - 1)) --i;
      if (i == digits_end) break;
      uint64_t v;
      lex.number(i, &v);  // the run, from its first digit
      if (v > limit) return true;
    }
  }
  return false;
}

// True if the file names an object number no file of its size can hold, in any of the places
// poppler sizes its table of objects by (some 40 bytes an entry, written before it is used):
// "9000000 0 obj" in a damaged file of 150 bytes took 370 MB, "30000000 0 obj" 1.2 GB (40
// million poppler refused itself). Such a file is refused before it is opened.
bool claims_too_many_objects(std::string_view b) {
  const uint64_t limit = max_objects(b.size());
  const Lexer lex(b);
  return xref_table_claims_too_much(b, lex, limit) || dictionaries_claim_too_much(b, lex, limit) ||
         object_headers_claim_too_much(b, lex, limit);
}

void extract(std::string_view bytes, ExtractedText* out) {
  // poppler writes its complaints about damaged files to stderr unless told otherwise.
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function(ignore_poppler_message, nullptr); });
  // poppler-cpp builds its global parameters (font tables, encodings: 3.5 M instructions) when
  // a document is opened while no other is, and drops them when the last one closes: once per
  // PDF, where one thread reads them one after another (a PDF reader's process does). A
  // document of its own kept open for the life of the process keeps them.
  static const std::unique_ptr<poppler::document> keep_global_parameters(
      poppler::document::load_from_raw_data(kSmallestPdf.data(), static_cast<int>(kSmallestPdf.size())));

  if (bytes.size() > static_cast<size_t>(INT_MAX)) return fail(out, "not a readable PDF: larger than 2 GiB");
  if (claims_too_many_objects(bytes))
    return fail(out, "not a readable PDF: it claims more objects than the file can hold");
  // load_from_raw_data does not copy: `bytes` outlives the document.
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    return fail(out, bytes.starts_with("%PDF-") ? "not a readable PDF: damaged beyond repair"
                                                 : "not a readable PDF: no PDF header or cross-reference table");
  }
  if (doc->is_locked()) return fail(out, "encrypted PDF (password protected): cannot read its text");

  std::string text;
  std::vector<uint32_t> starts;
  bool any_text = false;
  const int pages = doc->pages();
  for (int i = 0; i < pages; ++i) {
    check_deadline();  // between pages only (read_pdf stops a helper process from outside)
    if (i > 0) text += '\f';
    starts.push_back(static_cast<uint32_t>(text.size()));
    const std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    // Of poppler's three layouts, non_raw_non_physical_layout (what pdftotext gives by default)
    // reads like the ad: one line per text line in reading order, blocks separated by a blank
    // line, and a two-column page comes out column by column. physical_layout pads lines with
    // spaces to keep their horizontal position and puts the lines of side-by-side columns on one
    // line; raw_order_layout keeps the order of the content stream, in which a producer may
    // draw a header last or two columns line by line. text_list() gives words with boxes: the
    // grouping into lines and columns would have to be redone here.
    const std::string page_text =
        utf8_of(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
    if (append_page(page_text, &text)) any_text = true;
  }
  if (!any_text) {
    return fail(out, pages == 0 ? "not a readable PDF: it has no pages"
                                : "no text in this PDF (scanned images?): it needs OCR first");
  }
  if (text.size() > UINT32_MAX) return fail(out, "not a readable PDF: more than 4 GiB of text");
  out->text = std::move(text);
  out->page_starts = std::move(starts);
  out->title = std::string(trim(info_utf8(doc->info_key("Title"))));
  out->error.reset();
}

}  // namespace

void extract_pdf(std::string_view bytes, ExtractedText* out) {
  try {
    extract(bytes, out);
  } catch (const std::bad_alloc&) {
    throw;  // the posting's fault, not the file's: a resource error record
  } catch (const DeadlineExceeded&) {
    throw;
  } catch (const std::exception& e) {
    fail(out, std::string("not a readable PDF: ") + e.what());
  } catch (...) {
    fail(out, "not a readable PDF");
  }
}

uint32_t page_of(const std::vector<uint32_t>& page_starts, uint32_t offset) {
  if (page_starts.empty()) return 1;
  const size_t k = upper_bound_u32(page_starts.data(), page_starts.size(), offset);
  return static_cast<uint32_t>(k == 0 ? 1 : k);
}

}  // namespace jobmatch
