#include "text/text_util.h"

#include "text/simd.h"

namespace jobmatch {

char32_t decode_utf8(std::string_view s, size_t i, size_t* len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  *len = 1;
  if (b0 < 0x80) return b0;
  size_t need;
  char32_t cp;
  char32_t min;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1, cp = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2, cp = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3, cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0xFFFD;
  }
  if (i + need >= s.size()) return 0xFFFD;
  for (size_t k = 1; k <= need; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
  *len = need + 1;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

size_t skip_ascii(std::string_view s, size_t i) { return simd::skip_ascii(s, i); }

bool is_valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    if (decode_utf8(s, i, &len) == 0xFFFD && len == 1) return false;
    i += len;
  }
  return true;
}

std::string sanitize_utf8(std::string_view s) {
  if (is_valid_utf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size();) {
    size_t len;
    const char32_t cp = decode_utf8(s, i, &len);
    append_utf8(out, cp);
    i += len;
  }
  return out;
}

std::string escape_invalid_utf8(std::string_view s) {
  if (is_valid_utf8(s)) return std::string(s);
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() + 16);
  for (size_t i = 0; i < s.size();) {
    size_t len;
    const char32_t cp = decode_utf8(s, i, &len);
    if (cp == 0xFFFD && len == 1) {
      const auto b = static_cast<unsigned char>(s[i]);
      out += "\\x";
      out += hex[b >> 4];
      out += hex[b & 15];
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

bool is_display_unsafe(char32_t cp) {
  if (cp < 0x20 || cp == 0x7F) return true;                 // C0 controls (ESC, BEL, TAB, LF...), DEL
  if (cp < 0x80) return false;
  if (cp < 0xA0) return true;                               // C1 controls (CSI 0x9B, OSC 0x9D...)
  if (cp < 0x061C) return false;
  if (cp == 0x061C || cp == 0x180E) return true;            // Arabic letter mark, Mongolian vowel separator
  if (cp < 0x200B) return false;
  if (cp <= 0x200F) return true;                            // zero width space/non-joiner/joiner, LRM, RLM
  if (cp >= 0x2028 && cp <= 0x202E) return true;            // line/paragraph separators, bidi embeddings
  if (cp >= 0x2060 && cp <= 0x206F) return cp != 0x2065;   // word joiner, invisible operators, isolates
  if (cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB)) return true;  // BOM/ZWNBSP, annotation marks
  return cp >= 0xE0000 && cp <= 0xE007F;                    // tag characters (invisible ASCII)
}

std::string escape_for_display(std::string_view s, bool keep_whitespace) {
  static const char* hex = "0123456789abcdef";
  // Fast path: printable ASCII and characters that are not in the policy come back unchanged.
  size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b < 0x7F) {
      ++i;
      continue;
    }
    if (b < 0x80) {
      if (keep_whitespace && (b == '\t' || b == '\n' || b == '\r')) {
        ++i;
        continue;
      }
      break;
    }
    size_t len;
    const char32_t cp = decode_utf8(s, i, &len);
    if ((cp == 0xFFFD && len == 1) || is_display_unsafe(cp)) break;
    i += len;
  }
  if (i == s.size()) return std::string(s);
  std::string out(s.substr(0, i));
  out.reserve(s.size() + 16);
  while (i < s.size()) {
    size_t len;
    const char32_t cp = decode_utf8(s, i, &len);
    if (cp == 0xFFFD && len == 1 && static_cast<unsigned char>(s[i]) >= 0x80) {
      const auto b = static_cast<unsigned char>(s[i]);
      out += "\\x";
      out += hex[b >> 4];
      out += hex[b & 15];
    } else if (!is_display_unsafe(cp) || (keep_whitespace && (cp == '\t' || cp == '\n' || cp == '\r'))) {
      out.append(s.substr(i, len));
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x80) {
      out += "\\x";
      out += hex[cp >> 4];
      out += hex[cp & 15];
    } else if (cp <= 0xFFFF) {
      out += "\\u";
      for (int k = 0; k < 4; ++k) out += hex[(cp >> (12 - 4 * k)) & 15];
    } else {
      out += "\\U";
      for (int k = 0; k < 8; ++k) out += hex[(cp >> (28 - 4 * k)) & 15];
    }
    i += len;
  }
  return out;
}

std::string escape_for_terminal(std::string_view s) { return escape_for_display(s, false); }

std::string_view utf8_prefix(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

size_t utf8_width(std::string_view s) {
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string_view trim(std::string_view s) {
  // (find_first_not_of would call memchr on the set of spaces for every byte it looks at.)
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
  size_t b = 0, e = s.size();
  while (b < e && space(s[b])) ++b;
  while (e > b && space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

}  // namespace jobmatch
