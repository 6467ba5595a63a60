// normalize() and tokenize(): every offset maps back inside the input and onto the first byte of
// a character (an invalid byte counts as a character of its own); maps never decrease; the
// output is valid UTF-8; the fast path equals the all-ICU reference path; and the parts tokenize
// notes are those split_parts finds in the token text.
#include <vector>

#include "fuzz_check.h"
#include "match/phrase_index.h"
#include "text/normalize.h"
#include "text/text_util.h"
#include "text/tokenize.h"

using namespace jobmatch;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  const std::string_view in = fuzz::as_view(data, size);
  // Character boundaries of the input, as decode_utf8 walks it (plus the end).
  std::vector<bool> boundary(size + 1, false);
  for (size_t i = 0; i < size;) {
    boundary[i] = true;
    size_t len;
    decode_utf8(in, i, &len);
    i += len;
  }
  boundary[size] = true;

  Normalized norm;
  normalize(in, &norm);
  const std::vector<uint32_t> src = norm.map.expand(norm.text);
  FUZZ_CHECK(src.size() == norm.text.size() + 1);
  FUZZ_CHECK(src.back() == size);
  FUZZ_CHECK(is_valid_utf8(norm.text));
  for (size_t i = 0; i < norm.text.size(); ++i) {
    FUZZ_CHECK(src[i] <= src[i + 1]);
    FUZZ_CHECK(src[i] < size);
    FUZZ_CHECK(boundary[src[i]]);
    FUZZ_CHECK(norm.src(i) == src[i]);
  }
  Normalized ref;
  normalize_reference(in, &ref);
  FUZZ_CHECK(ref.text == norm.text);
  FUZZ_CHECK(ref.map.expand(ref.text) == src);

  TokenStream ts;
  tokenize(norm, &ts);
  FUZZ_CHECK(ts.norm_starts.size() == ts.token_count());
  FUZZ_CHECK(!ts.text.empty() && ts.text.front() == ' ' && ts.text.back() == ' ');
  FUZZ_CHECK(is_valid_utf8(ts.text));
  FUZZ_CHECK(ts.input_at(norm, ts.text.size()) == size);
  for (size_t i = 0; i < ts.text.size(); ++i) {
    const uint32_t at = ts.input_at(norm, i);
    FUZZ_CHECK(at <= ts.input_at(norm, i + 1));
    FUZZ_CHECK(boundary[at]);
    // A token's bytes are the normalized text's.
    if (ts.text[i] != ' ') FUZZ_CHECK(norm.text[ts.norm_offset(i, norm.text.size())] == ts.text[i]);
  }
  for (size_t k = 0; k < ts.starts.size(); ++k) {
    const uint32_t s = ts.starts[k];
    FUZZ_CHECK(s > 0 && s < ts.text.size() && ts.text[s - 1] == ' ' && ts.text[s] != ' ');
    if (k) FUZZ_CHECK(ts.starts[k - 1] < s);
    FUZZ_CHECK(ts.token_at(s) == k);
    const size_t e = ts.text.find(' ', s);
    FUZZ_CHECK(e != std::string::npos);
    const uint32_t b = ts.input_begin(norm, s), end = ts.input_end(norm, s, e);
    FUZZ_CHECK(b <= end && end <= size);
  }
  UninitVector<Part> buffer;
  const std::span<const Part> parts = split_parts(ts.text, &buffer);
  FUZZ_CHECK(parts.size() == ts.parts.size());
  for (size_t k = 0; k < parts.size(); ++k)
    FUZZ_CHECK(parts[k].begin == ts.parts[k].begin && parts[k].end == ts.parts[k].end);
  return 0;
}
