// markdown_to_text(): any bytes give valid UTF-8 text and a one-line title, every text byte
// maps to an offset inside the document, the offsets never decreasing, and the result is the
// byte-by-byte reference's (markdown_to_text_reference).
#include "fuzz_check.h"
#include "input/markdown.h"
#include "text/text_util.h"

#include <vector>

using namespace jobmatch;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  const std::string_view in = fuzz::as_view(data, size);
  MarkdownText out;
  markdown_to_text(in, &out);
  const std::vector<uint32_t> src = out.map.expand(out.text);
  FUZZ_CHECK(src.size() == out.text.size() + 1);
  FUZZ_CHECK(src.back() == size);
  for (size_t i = 0; i < src.size(); ++i) {
    FUZZ_CHECK(src[i] <= size);
    FUZZ_CHECK(i == 0 || src[i - 1] <= src[i]);
  }
  FUZZ_CHECK(is_valid_utf8(out.text));
  FUZZ_CHECK(is_valid_utf8(out.title));
  FUZZ_CHECK(out.title.find('\n') == std::string::npos);
  FUZZ_CHECK(out.title.size() <= 200);
  // Reusing the buffers gives the same result.
  MarkdownText again;
  markdown_to_text(in, &again);
  markdown_to_text(in, &again);
  FUZZ_CHECK(again.text == out.text && again.map.expand(again.text) == src && again.title == out.title);
  MarkdownText reference;
  markdown_to_text_reference(in, &reference);
  FUZZ_CHECK(reference.text == out.text && reference.map.expand(reference.text) == src &&
             reference.map.run_count() == out.map.run_count() && reference.title == out.title);
  return 0;
}
