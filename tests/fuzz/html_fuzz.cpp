// html_to_text(): any bytes give valid UTF-8 text and title, every text byte maps to an offset
// inside the page, and the result is the character-by-character reference's
// (html_to_text_reference).
#include "fuzz_check.h"
#include "input/html.h"
#include "text/text_util.h"

#include <vector>

using namespace jobmatch;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  const std::string_view in = fuzz::as_view(data, size);
  (void)looks_like_html(in);
  HtmlText out;
  html_to_text(in, &out);
  const std::vector<uint32_t> src = out.map.expand(out.text);
  FUZZ_CHECK(src.size() == out.text.size() + 1);
  FUZZ_CHECK(src.back() == size);
  // Not in order everywhere: text gumbo moves (out of a table, say) maps back to where it was.
  for (const uint32_t s : src) FUZZ_CHECK(s <= size);
  FUZZ_CHECK(is_valid_utf8(out.text));
  FUZZ_CHECK(is_valid_utf8(out.title));
  // Reusing the buffers gives the same result.
  HtmlText again;
  html_to_text(in, &again);
  html_to_text(in, &again);
  FUZZ_CHECK(again.text == out.text && again.map.expand(again.text) == src && again.title == out.title);
  HtmlText reference;
  html_to_text_reference(in, &reference);
  FUZZ_CHECK(reference.text == out.text && reference.map.expand(reference.text) == src &&
             reference.map.run_count() == out.map.run_count() && reference.title == out.title);
  return 0;
}
