// Stage 1b: decoding. Turns a document's bytes into UTF-8 text, and keeps what is needed to map
// offsets in that text back to offsets in the bytes the user has.
//
//   - UTF-8, with or without BOM;
//   - UTF-16 LE/BE with BOM;
//   - text that is not UTF-8 and holds no valid multi-byte sequence: Windows-1252 (a superset of
//     Latin-1 for printable text), the usual encoding of German text from Windows tools;
//   - otherwise invalid UTF-8 is kept, each bad byte read as U+FFFD, with a warning;
//   - a NUL byte in text that is not UTF-16 means binary: an error, not a document.
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

  std::string_view text;   // UTF-8 (may hold invalid bytes only when encoding is "utf-8")
  std::string storage;     // owns text when it had to be converted
  std::string encoding;    // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"
  std::vector<std::string> warnings;
  std::optional<InputError> error;

  // The input byte offset of text offset i (0 <= i <= text.size()).
  uint32_t to_input(uint32_t i) const { return m_map.empty() ? i + m_shift : m_map[i]; }

  std::vector<uint32_t> m_map;  // per text byte, plus one past the end; empty: identity + shift
  uint32_t m_shift = 0;
};

// Decodes bytes into *out (which must be fresh). out->text may point into bytes: keep them alive.
void decode(std::string_view bytes, Decoded* out);

}  // namespace jobmatch
