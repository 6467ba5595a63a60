// html_to_text(): any bytes give valid UTF-8 text and title, and every text byte maps to an
// offset inside the page.
#include "fuzz_check.h"
#include "html.h"
#include "text_util.h"

using namespace jobmatch;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  const std::string_view in = fuzz::as_view(data, size);
  (void)looks_like_html(in);
  HtmlText out;
  html_to_text(in, &out);
  FUZZ_CHECK(out.src.size() == out.text.size() + 1);
  FUZZ_CHECK(out.src.back() == size);
  for (const uint32_t s : out.src) FUZZ_CHECK(s <= size);
  FUZZ_CHECK(is_valid_utf8(out.text));
  FUZZ_CHECK(is_valid_utf8(out.title));
  // Reusing the buffers gives the same result.
  HtmlText again;
  html_to_text(in, &again);
  html_to_text(in, &again);
  FUZZ_CHECK(again.text == out.text && again.src == out.src && again.title == out.title);
  return 0;
}
