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

// The most objects a PDF of `size` bytes can hold: every object takes more than 8 bytes
// ("1 0 obj" ... "endobj"), with room for sparse numbering in small files.
size_t max_objects(size_t size) { return size / 8 + 4096; }

// True if a classic cross-reference table of the file names an object number no file of its
// size can hold. poppler sizes its table by the highest number a subsection header claims
// ("9000000 65535" asks for 9 million entries, some 640 MB, in a 2 KB file), so such a file
// is refused before it is opened. Headers are read as poppler reads them: pairs of numbers
// after "xref", each followed by its count of three-token entries, until "trailer".
bool xref_claims_too_much(std::string_view b) {
  const size_t limit = max_objects(b.size());
  auto skip_space = [&](size_t i) {
    while (i < b.size() && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n' || b[i] == '\f' || b[i] == '\0')) ++i;
    return i;
  };
  // A run of digits at i as a number (saturating), and where it ends; npos if none.
  auto number = [&](size_t i, uint64_t* v) {
    size_t j = i;
    *v = 0;
    while (j < b.size() && b[j] >= '0' && b[j] <= '9') *v = std::min<uint64_t>(*v * 10 + static_cast<uint64_t>(b[j++] - '0'), UINT64_MAX / 20);
    return j > i ? j : std::string_view::npos;
  };
  for (size_t at = b.find("xref"); at != std::string_view::npos; at = b.find("xref", at + 4)) {
    size_t i = skip_space(at + 4);
    for (;;) {
      uint64_t first, count;
      const size_t a = number(i, &first);
      if (a == std::string_view::npos) break;
      const size_t c = number(skip_space(a), &count);
      if (c == std::string_view::npos) break;
      if (first + count > limit) return true;
      i = skip_space(c);
      // Its entries: offset, generation, and n or f.
      for (uint64_t e = 0; e < count && i < b.size(); ++e) {
        uint64_t v;
        const size_t o = number(i, &v);
        if (o == std::string_view::npos) break;
        const size_t g = number(skip_space(o), &v);
        if (g == std::string_view::npos) break;
        i = skip_space(g);
        if (i < b.size() && (b[i] == 'n' || b[i] == 'f')) i = skip_space(i + 1);
      }
    }
  }
  return false;
}

void extract(std::string_view bytes, ExtractedText* out) {
  // poppler writes its complaints about damaged files to stderr unless told otherwise.
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function(ignore_poppler_message, nullptr); });

  if (bytes.size() > static_cast<size_t>(INT_MAX)) return fail(out, "not a readable PDF: larger than 2 GiB");
  if (xref_claims_too_much(bytes))
    return fail(out, "not a readable PDF: its cross-reference table claims more objects than the file can hold");
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
    check_deadline();  // poppler cannot be stopped inside a page, only between pages
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
