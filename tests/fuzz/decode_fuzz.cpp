// decode(): any bytes give either an error or UTF-8 text whose offset map is exact: it starts
// inside the input, never decreases, and ends at the input's size.
#include <unicode/uchar.h>

#include "input/decode.h"
#include "fuzz_check.h"
#include "text/text_util.h"

using namespace jobmatch;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  const std::string_view in = fuzz::as_view(data, size);
  Decoded d;
  decode(in, &d);
  if (d.error) {
    FUZZ_CHECK(!d.error->kind.empty() && !d.error->message.empty());
    FUZZ_CHECK(d.text.empty());
    return 0;
  }
  FUZZ_CHECK(!d.encoding.empty());
  const auto n = static_cast<uint32_t>(d.text.size());
  FUZZ_CHECK(d.to_input(n) == size);
  for (uint32_t i = 0; i < n; ++i) {
    FUZZ_CHECK(d.to_input(i) <= d.to_input(i + 1));
    FUZZ_CHECK(d.to_input(i) < size);
  }
  if (!d.encoding.starts_with("utf-8")) FUZZ_CHECK(is_valid_utf8(d.text));
  for (const std::string& w : d.warnings) FUZZ_CHECK(is_valid_utf8(w));
  if (d.encoding == "utf-8" && d.m_map.empty()) FUZZ_CHECK(d.text == in);
  // Stream-safe: never more than kMaxNonStarters combining marks in a row.
  size_t run = 0;
  for (size_t i = 0; i < d.text.size();) {
    size_t len;
    const char32_t cp = decode_utf8(d.text, i, &len);
    const bool mark = !(cp == 0xFFFD && len == 1) && u_getCombiningClass(static_cast<UChar32>(cp)) != 0;
    run = mark ? run + 1 : 0;
    FUZZ_CHECK(run <= kMaxNonStarters);
    i += len;
  }
  return 0;
}
