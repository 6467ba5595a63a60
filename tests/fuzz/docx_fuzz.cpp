// extract_docx(): any bytes give an error record or valid UTF-8 text and title, no page starts,
// and the same result when run again on the same record.
#include "fuzz_check.h"
#include "input/document.h"
#include "text/text_util.h"

using namespace jobmatch;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  const std::string_view in = fuzz::as_view(data, size);
  // A small limit, so inflating parts past it is reached often.
  const size_t max_bytes = 1 << 16;
  ExtractedText out;
  extract_docx(in, max_bytes, &out);
  FUZZ_CHECK(is_valid_utf8(out.text));
  FUZZ_CHECK(is_valid_utf8(out.title));
  FUZZ_CHECK(out.page_starts.empty());
  if (out.error) {
    FUZZ_CHECK(out.error->kind == "docx");
    FUZZ_CHECK(is_valid_utf8(out.error->message));
    FUZZ_CHECK(out.text.empty());
  } else {
    FUZZ_CHECK(out.text.empty() || out.text.back() == '\n');
    FUZZ_CHECK(out.text.find(" \n") == std::string::npos);
  }
  // Reusing the record gives the same result.
  ExtractedText again;
  extract_docx(in, max_bytes, &again);
  extract_docx(in, max_bytes, &again);
  FUZZ_CHECK(again.text == out.text && again.title == out.title && again.error.has_value() == out.error.has_value());
  return 0;
}
