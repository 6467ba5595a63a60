// Text out of office documents: PDF (poppler) and DOCX (libzip + pugixml). The text is what the
// pipeline reads; evidence offsets of such a posting are offsets into this extracted text (the
// record says so with its `page` field for PDF), not into the file, which is compressed.
//   - PDF: the text of each page in reading order, one line per text line (every line ends in
//     '\n', blocks are separated by one blank line), pages separated by a form feed ('\f');
//     an encrypted PDF, one with no text (scanned images) or one that does not parse is an
//     error record that says which. The title is the document information's Title.
//   - DOCX: the main document part (word/document.xml): paragraphs as lines, list paragraphs as
//     "- " lines, headings kept as lines, table rows as lines with cells separated by " | ";
//     deleted revisions are left out, a text box's paragraphs come before the paragraph that
//     holds it; the core properties' title (docProps/core.xml), if any, is the title.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "input/decode.h"

namespace jobmatch {

struct ExtractedText {
  std::string text;                    // valid UTF-8
  std::vector<uint32_t> page_starts;   // PDF: offset in text where each page starts; else empty
  std::string title;                   // the document's own title (metadata), if any
  std::optional<InputError> error;     // kind "pdf" or "docx", message says what is wrong
};

// Both never throw, whatever the bytes, but for std::bad_alloc and DeadlineExceeded. A DOCX
// takes time and memory bounded by a small multiple of its size (parts that inflate past
// max_bytes are an error, not a bomb). A PDF's memory is bounded (a file that claims more
// objects than it can hold is refused), its time is not: poppler cannot be stopped inside a
// page, and a page may draw a form that draws another, a hundred times at each level. The
// pipeline reads PDFs with read_pdf (pdf_process.h), in a process it can stop.
void extract_pdf(std::string_view bytes, ExtractedText* out);
void extract_docx(std::string_view bytes, size_t max_bytes, ExtractedText* out);

// The 1-based page of a text offset (1 if there are no page starts).
uint32_t page_of(const std::vector<uint32_t>& page_starts, uint32_t offset);

}  // namespace jobmatch
