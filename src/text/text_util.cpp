#include "text/text_util.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

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

namespace {

// How rare a pair of adjacent bytes is in German and English text, roughly: letters by
// frequency (rarest last), less for the pairs that begin or end common words, and least with
// a space.
int rarity(char a, char b) {
  static constexpr std::string_view kLetters = "eniartsoldhucgmpfbwkvyzjxq";
  static constexpr std::string_view kCommonPairs[] = {
      "th", "he", "in", "er", "an", "re", "on", "at", "en", "nd", "ti", "es", "or", "te", "of", "ed",
      "is", "it", "al", "ar", "st", "to", "nt", "ng", "se", "ha", "as", "ou", "io", "le", "ve", "co",
      "me", "de", "hi", "ri", "ro", "ic", "ne", "ea", "ra", "ce", "ch", "ei", "ie", "ge", "be", "un",
      "au", "di", "sc", "da", "ns", "si", "ss", "ll", "we", "wi", "ab", "no", "nn"};
  auto letter = [](char c) {
    const size_t at = kLetters.find(c);
    return at != std::string_view::npos ? static_cast<int>(at) : c == ' ' ? -10 : 12;
  };
  int r = letter(a) + letter(b);
  for (const std::string_view pair : kCommonPairs)
    if (pair[0] == a && pair[1] == b) r -= 20;
  return r;
}

}  // namespace

PhraseLists::PhraseLists(const std::vector<std::vector<std::string_view>>& lists) {
  if (lists.size() > 32) throw std::logic_error("PhraseLists: more than 32 lists");
  uint32_t list = 0;
  for (const auto& phrases : lists) {
    for (const std::string_view p : phrases) {
      if (p.size() < 2) throw std::logic_error("PhraseLists: a phrase shorter than two bytes");
      Phrase ph{std::string(p), list};
      const size_t n = std::min<size_t>(p.size(), 4);
      std::memcpy(&ph.head, p.data(), n);
      ph.head_mask = n == 4 ? 0xFFFFFFFFu : (1u << (8 * n)) - 1;
      int best = -100;
      for (size_t k = 0; k + 1 < p.size(); ++k)
        if (const int r = rarity(p[k], p[k + 1]); r > best) best = r, ph.offset = static_cast<uint32_t>(k);
      m_max_offset = std::max(m_max_offset, ph.offset);
      m_phrases.push_back(std::move(ph));
    }
    ++list;
  }
  if (m_phrases.size() >= 0xFFFF) throw std::logic_error("PhraseLists: too many phrases");
  auto key_of = [](const Phrase& p) { return fold_pair(p.text[p.offset], p.text[p.offset + 1]); };
  std::stable_sort(m_phrases.begin(), m_phrases.end(),
                   [&](const Phrase& a, const Phrase& b) { return key_of(a) < key_of(b); });
  for (const Phrase& p : m_phrases) ++m_first[key_of(p) + 1];
  for (size_t k = 1; k < m_first.size(); ++k) m_first[k] = static_cast<uint16_t>(m_first[k] + m_first[k - 1]);
  for (const Phrase& p : m_phrases) {
    const std::array<char, 2> pair{p.text[p.offset], p.text[p.offset + 1]};
    if (std::find(m_pairs.begin(), m_pairs.end(), pair) == m_pairs.end()) m_pairs.push_back(pair);
  }
  if (m_pairs.size() > 16) m_pairs.clear();
}

bool PhraseLists::at(const Phrase& p, std::string_view s, size_t i) {
  if (p.text.size() > s.size() - i) return false;
  if (s.size() - i >= 4) {
    uint32_t v;
    std::memcpy(&v, s.data() + i, 4);
    if ((v & p.head_mask) != p.head) return false;
    if (p.text.size() <= 4) return true;
  }
  return std::memcmp(p.text.data(), s.data() + i, p.text.size()) == 0;
}

template <typename F>
bool PhraseLists::candidates_at(std::string_view s, size_t i, size_t from, F&& f) const {
  const uint32_t k = fold_pair(s[i], s[i + 1]);
  for (size_t p = m_first[k]; p < m_first[k + 1]; ++p) {
    const Phrase& ph = m_phrases[p];
    if (i < from + ph.offset) continue;
    if (at(ph, s, i - ph.offset) && f(i - ph.offset, ph)) return true;
  }
  return false;
}

uint32_t PhraseLists::match(std::string_view s, size_t split, uint32_t* late) const {
  uint32_t found = 0, found_late = 0;
  for (size_t i = 0; i + 1 < s.size(); ++i)
    candidates_at(s, i, 0, [&](size_t start, const Phrase& ph) {
      found |= 1u << ph.list;
      if (start >= split) found_late |= 1u << ph.list;
      return false;
    });
  if (late) *late = found_late;
  return found;
}

size_t PhraseLists::find(std::string_view s, size_t from) const {
  // Key pairs come in order of where they are, not of where their phrases start: an occurrence
  // found is the leftmost once no later pair could belong to a phrase starting before it.
  size_t best = std::string_view::npos;
  auto take = [&](size_t start, const Phrase&) {
    best = std::min(best, start);
    return false;
  };
  auto visit = [&](size_t i) {
    if (best != std::string_view::npos && i > best + m_max_offset) return true;
    candidates_at(s, i, from, take);
    return false;
  };
  if (!m_pairs.empty()) {
    simd::for_each_pair(s, from, m_pairs, visit);
  } else {
    for (size_t i = from; i + 1 < s.size(); ++i)
      if (visit(i)) break;
  }
  return best;
}

}  // namespace jobmatch
