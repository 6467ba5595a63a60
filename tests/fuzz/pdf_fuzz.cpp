// extract_pdf(): any bytes give an error record or valid UTF-8 text whose page starts are sorted,
// inside the text and each (but the first) just after a form feed; page_of() agrees with them.
#include "fuzz_check.h"
#include "input/document.h"
#include "text/text_util.h"

using namespace jobmatch;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  const std::string_view in = fuzz::as_view(data, size);
  ExtractedText out;
  extract_pdf(in, &out);
  FUZZ_CHECK(is_valid_utf8(out.text));
  FUZZ_CHECK(is_valid_utf8(out.title));
  if (out.error) {
    FUZZ_CHECK(out.error->kind == "pdf");
    FUZZ_CHECK(is_valid_utf8(out.error->message));
    FUZZ_CHECK(out.text.empty() && out.page_starts.empty());
    return 0;
  }
  FUZZ_CHECK(!out.page_starts.empty() && out.page_starts[0] == 0);
  for (size_t k = 0; k < out.page_starts.size(); ++k) {
    const uint32_t s = out.page_starts[k];
    FUZZ_CHECK(s <= out.text.size());
    if (k > 0) {
      FUZZ_CHECK(s > out.page_starts[k - 1]);
      FUZZ_CHECK(out.text[s - 1] == '\f');
      FUZZ_CHECK(page_of(out.page_starts, s) == k + 1);
      FUZZ_CHECK(page_of(out.page_starts, s - 1) == k);
    }
  }
  size_t form_feeds = 0;
  for (const char c : out.text) form_feeds += c == '\f';
  FUZZ_CHECK(form_feeds + 1 == out.page_starts.size());
  FUZZ_CHECK(out.text.find('\r') == std::string::npos);
  FUZZ_CHECK(out.text.find(" \n") == std::string::npos);
  return 0;
}
