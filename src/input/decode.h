// Stage 1b: decoding. Turns a document's bytes into UTF-8 text, and keeps what is needed to map
// offsets in that text back to offsets in the bytes the user has.
//
//   - UTF-8, with or without BOM;
//   - UTF-16 LE/BE and UTF-32 LE/BE with BOM;
//   - text that is not valid UTF-8 is classified: if its bad bytes look like broken UTF-8
//     (overlong forms, surrogates, truncated sequences) at least as often as like 8-bit text, or
//     it has a UTF-8 BOM, it stays UTF-8: each bad byte is read as U+FFFD, with a warning naming
//     the first bad offset. Otherwise it is 8-bit text: ICU's charset detector (ucsdet) names the
//     encoding (German text gives "iso-8859-1" or "windows-1252"; a guess below confidence 20
//     falls back to "windows-1252") and ICU's converter converts it, offsets exact;
//   - a NUL byte in text that is not UTF-16/32, or a U+0000 character in any text, means binary:
//     an error, not a document;
//   - runs of more than 30 combining marks get a U+034F COMBINING GRAPHEME JOINER after every
//     30 (the Stream-Safe Text Format of UAX #15), so normalization stays linear on hostile
//     input; NFKC_Casefold removes the joiner again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jobmatch {

struct InputError {
  std::string kind;     // "binary", "io", "not_found", "too_large", "not_regular", "json", ...
  std::string message;  // says what and where: "NUL byte at offset 12"
};

struct Decoded {
  Decoded() = default;
  Decoded(const Decoded&) = delete;  // text may point into storage
  Decoded& operator=(const Decoded&) = delete;

  std::string_view text;   // UTF-8 (may hold invalid bytes only when encoding is "utf-8*")
  std::string storage;     // owns text when it had to be converted
  // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "utf-32le", "utf-32be", or the legacy encoding
  // found by the detector, lower case: "windows-1252", "iso-8859-1", "iso-8859-2", "koi8-r", ...
  std::string encoding;
  std::vector<std::string> warnings;
  std::optional<InputError> error;

  // The input byte offset of text offset i (0 <= i <= text.size()). Non-decreasing in i;
  // to_input(text.size()) is the input's size.
  uint32_t to_input(uint32_t i) const { return m_map.empty() ? i + m_shift : m_map[i]; }

  std::vector<uint32_t> m_map;  // per text byte, plus one past the end; empty: identity + shift
  uint32_t m_shift = 0;
};

// Decodes bytes into *out (which must be fresh). out->text may point into bytes: keep them alive.
// Never throws for any input.
void decode(std::string_view bytes, Decoded* out);

// The most combining marks (characters of canonical combining class > 0) in a row that decode
// leaves alone; a longer run gets U+034F after every kMaxNonStarters of them.
inline constexpr size_t kMaxNonStarters = 30;

}  // namespace jobmatch
