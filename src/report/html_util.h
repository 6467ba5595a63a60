// Small helpers for writing a self-contained HTML page: escaping for text, attributes and inline
// JSON, and packing data compactly (zlib + base64, unpacked in the page by the browser's own
// DecompressionStream). No project knowledge lives here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jobmatch {

// Text for HTML element content or a quoted attribute value (also SVG/XML): & < > " ' escaped,
// invalid UTF-8 and C0/C1 control characters (except tab and line feed) replaced by U+FFFD, the
// other characters of the display policy (bidi controls, invisible characters; text_util.h)
// shown as escapes (\u202e).
std::string html_escape(std::string_view s);
void append_html_escaped(std::string& out, std::string_view s);

// JSON text made safe inside <script type="application/json">: <, >, & and U+2028/U+2029 become
// \u escapes, so no value can close the script element or start a comment. Only valid for JSON
// whose structural characters contain none of them (any JSON does: they occur only in strings).
std::string json_for_script(std::string_view json);

// Standard base64 (RFC 4648, with padding).
std::string base64_encode(std::string_view bytes);

// zlib format (RFC 1950), which the page unpacks with DecompressionStream("deflate").
std::string zlib_compress(std::string_view bytes, int level = 9);
// The inverse, for tests; false if the data is not a complete zlib stream.
bool zlib_decompress(std::string_view packed, std::string* out);

// s as valid UTF-8 (invalid bytes become U+FFFD, one per byte) together with, for every byte
// offset of s and one past its end, the offset in UTF-16 code units of the result: what a byte
// range of the text is in a JavaScript string.
struct Utf16Text {
  std::string text;             // valid UTF-8
  std::vector<uint32_t> utf16;  // size s.size() + 1: byte offset in s -> UTF-16 offset
};
Utf16Text to_utf16_offsets(std::string_view s);

// A number with at most `decimals` decimals and no trailing zeros ("0.9", "12", "0.125").
std::string format_number(double v, int decimals = 3);

}  // namespace jobmatch
