#include "text/normalize.h"


#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "text/simd.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

const icu::Normalizer2& nfkc_casefold() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold is not available");
    return n;
  }();
  return *instance;
}

// Characters mapped before ICU sees them: typographic apostrophes and hyphens.
char32_t premap(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201B: case 0x02BC: case 0x00B4: case 0x2032:
      return U'\'';
    case 0x2010: case 0x2011:
      return U'-';
    default:
      return cp;
  }
}

// Appends one normalized code point with German folding.
void append_folded(std::string& out, char32_t cp) {
  switch (cp) {
    case 0x00E4: out += "ae"; return;
    case 0x00F6: out += "oe"; return;
    case 0x00FC: out += "ue"; return;
    case 0x2010: case 0x2011: out += '-'; return;
    default: append_utf8(out, cp);
  }
}

// ICU on one segment (a starter and the characters that combine with it).
void normalize_segment_icu(std::string_view segment, std::string& out) {
  // Fast exit for one premapped character.
  size_t len;
  const char32_t first = decode_utf8(segment, 0, &len);
  if (len == segment.size() && premap(first) != first) {
    append_utf8(out, premap(first));
    return;
  }
  icu::UnicodeString in;
  for (size_t i = 0; i < segment.size();) {
    const char32_t cp = decode_utf8(segment, i, &len);
    in.append(static_cast<UChar32>(premap(cp)));
    i += len;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString norm = nfkc_casefold().normalize(in, status);
  if (U_FAILURE(status)) {  // cannot happen for valid input; keep the text rather than lose it
    out.append(segment);
    return;
  }
  for (int32_t k = 0; k < norm.length();) {
    const UChar32 cp = norm.char32At(k);
    append_folded(out, static_cast<char32_t>(cp));
    k += U16_LENGTH(cp);
  }
}

// Single-character results for U+0080..U+2FFF: most non-ASCII text in job ads (umlauts, ß,
// dashes, bullets, quotes) is in that range and stands alone in its segment. Filled a block of
// 128 code points at a time, when one of the block is first met: a run touches a few blocks,
// and filling all 96 at start-up took ICU some 12 million instructions (about 1 ms of a 22 ms
// start-up).
constexpr char32_t kCacheEnd = 0x3000;
class SegmentCache {
 public:
  const std::string& out(char32_t cp) {  // 0x80 <= cp < kCacheEnd
    fill(cp / kBlock);
    return (*m_out[cp / kBlock])[cp % kBlock];
  }
  bool boundary_before(char32_t cp) {  // cp < kCacheEnd
    fill(cp / kBlock);
    return m_boundary_before[cp];
  }

 private:
  static constexpr char32_t kBlock = 128;
  void fill(size_t block) {
    if (m_filled[block].load(std::memory_order_acquire)) return;
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_filled[block].load(std::memory_order_relaxed)) return;
    const auto& n = nfkc_casefold();
    m_out[block] = std::make_unique<std::array<std::string, kBlock>>();
    for (char32_t cp = static_cast<char32_t>(block * kBlock); cp < (block + 1) * kBlock; ++cp) {
      m_boundary_before[cp] = n.hasBoundaryBefore(static_cast<UChar32>(cp));
      if (cp < 0x80 || (cp >= 0xD800 && cp <= 0xDFFF)) continue;
      std::string seg;
      append_utf8(seg, cp);
      normalize_segment_icu(seg, (*m_out[block])[cp % kBlock]);
    }
    m_filled[block].store(true, std::memory_order_release);
  }
  std::mutex m_mutex;
  std::array<std::atomic<bool>, kCacheEnd / kBlock> m_filled{};
  std::array<bool, kCacheEnd> m_boundary_before{};
  std::array<std::unique_ptr<std::array<std::string, kBlock>>, kCacheEnd / kBlock> m_out;  // below 0x80 unused
};
SegmentCache& cache() {
  static SegmentCache c;
  return c;
}

constexpr size_t kMaxSegment = 32;  // characters per normalization segment

bool boundary_before(char32_t cp, bool use_cache) {
  if (use_cache && cp < kCacheEnd) return cache().boundary_before(cp);
  return nfkc_casefold().hasBoundaryBefore(static_cast<UChar32>(cp));
}

bool is_ascii_alpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool is_letter_byte(char c) { return is_ascii_alpha(c) || static_cast<unsigned char>(c) >= 0x80; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c; }

// Does the normalized text so far end in a letter (any script)?
bool ends_with_letter(std::string_view t) {
  if (t.empty()) return false;
  size_t i = t.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) --i;
  size_t len;
  const char32_t cp = decode_utf8(t, i, &len);
  return cp < 0x80 ? is_ascii_alpha(static_cast<char>(cp)) : u_isalpha(static_cast<UChar32>(cp)) != 0;
}

bool is_gender_word(std::string_view w) {
  static constexpr std::string_view words[] = {
      "m", "w", "d", "f", "x", "i", "h", "n", "div", "divers", "diverse", "all", "alle",
      "genders", "gender", "geschlechter", "gn", "mwd", "mfd", "fmd", "wmd", "dmw", "mwx"};
  for (const auto g : words)
    if (w == g) return true;
  return false;
}

// Length of a gender marker at s[i]: "(m/w/d)", "(all genders)", "(w|m|d)" when paren,
// else a bare "m/w/d" (three or more single letters joined by '/'). 0 if there is none.
size_t gender_marker(std::string_view s, size_t i, bool paren) {
  size_t j = i + (paren ? 1 : 0);
  int items = 0;
  bool long_word = false;
  for (;;) {
    while (paren && j < s.size() && s[j] == ' ') ++j;
    std::string word;
    while (j < s.size() && is_ascii_alpha(s[j]) && word.size() < 14) word += lower(s[j++]);
    if (word.empty() || !is_gender_word(word)) return 0;
    if (!paren && word.size() != 1) return 0;
    long_word |= word.size() > 1 && word != "all" && word != "alle";
    ++items;
    while (paren && j < s.size() && s[j] == ' ') ++j;
    if (j < s.size() && (s[j] == '/' || (paren && (s[j] == ',' || s[j] == '|' || s[j] == '*')))) {
      ++j;
      continue;
    }
    if (paren && j < s.size() && is_ascii_alpha(s[j])) continue;  // "all genders"
    break;
  }
  if (paren) {
    if (j >= s.size() || s[j] != ')') return 0;
    if (items < 2 && !long_word) return 0;
    return j + 1 - i;
  }
  if (items < 3 || (j < s.size() && is_letter_byte(s[j]))) return 0;
  return j - i;
}

// Length of a gender suffix at s[i] after a word whose last normalized byte is prev: ":in",
// "*innen", "_in", "/in", "/-innen", "·in", "(in)", "(innen)", "(inn)" before "en"
// ("Kolleg(inn)en"), and "/r", ":r", "(r)" after -e ("Angestellte/r"). 0 if there is none.
size_t gender_suffix(std::string_view s, size_t i, char prev) {
  // Adjective forms after -e: "Angestellte/r", "Erfahrene:r", "Mitarbeitende(r)".
  if (prev == 'e' && i + 1 < s.size()) {
    const char c = s[i];
    size_t k = i + 1;
    if (c == '(' && k + 1 < s.size() && lower(s[k]) == 'r' && s[k + 1] == ')') {
      k += 2;
    } else if ((c == '/' || c == ':' || c == '*' || c == '_') && lower(s[k]) == 'r') {
      k += 1;
    } else {
      k = 0;
    }
    if (k && !(k < s.size() && is_letter_byte(s[k]))) return k - i;
  }
  size_t j = i;
  bool paren = false;
  if (s[j] == '(') {
    paren = true, ++j;
  } else if (s[j] == ':' || s[j] == '*' || s[j] == '_') {
    ++j;
  } else if (s[j] == '/') {
    ++j;
    if (j < s.size() && s[j] == '-') ++j;
  } else if (s.substr(j, 2) == "\xC2\xB7") {
    j += 2;
  } else {
    return 0;
  }
  if (j + 2 > s.size() || lower(s[j]) != 'i' || lower(s[j + 1]) != 'n') return 0;
  j += 2;
  // "Kolleg(inn)en": drop "(inn)" so that "kollegen" remains.
  if (paren && s.substr(j, 2) == "n)" && j + 4 <= s.size() && lower(s[j + 2]) == 'e' && lower(s[j + 3]) == 'n' &&
      !(j + 4 < s.size() && is_letter_byte(s[j + 4])))
    return j + 2 - i;
  if (j + 3 <= s.size() && lower(s[j]) == 'n' && lower(s[j + 1]) == 'e' && lower(s[j + 2]) == 'n')
    j += 3;
  if (paren) {
    if (j >= s.size() || s[j] != ')') return 0;
    ++j;
  }
  if (j < s.size() && is_letter_byte(s[j])) return 0;
  return j - i;
}

// Length of a CamelCase gender suffix "In"/"Innen" at s[i] (s[i] == 'I'), given the normalized
// text so far. Only after stems that take it ("EntwicklerInnen", "StudentInnen"), never in
// "LinkedIn" or "PlugIn".
size_t camel_gender_suffix(std::string_view s, size_t i, std::string_view out_so_far) {
  if (i == 0 || !(s[i - 1] >= 'a' && s[i - 1] <= 'z')) return 0;
  size_t len = 0;
  if (s.substr(i, 5) == "Innen") len = 5;
  else if (s.substr(i, 2) == "In") len = 2;
  else return 0;
  if (i + len < s.size() && is_letter_byte(s[i + len])) return 0;
  static constexpr std::string_view stems[] = {"er", "eur", "ent", "ant", "ist", "ekt", "oge",
                                               "ot", "at", "ar", "or", "ent"};
  for (const auto st : stems)
    if (out_so_far.size() > st.size() + 2 && out_so_far.ends_with(st)) return len;
  return 0;
}

template <bool kFast>
void normalize_impl(std::string_view in, Normalized* out) {
  if (in.size() >= UINT32_MAX) throw std::length_error("document larger than 4 GiB");
  std::string& t = out->text;
  SourceMap& src = out->map;
  t.clear();
  src.clear();
  t.reserve(in.size() + in.size() / 8);

  size_t i = 0;
  const size_t n = in.size();
  while (i < n) {
    if (kFast) {
      // A run of ASCII characters that start nothing below (no "(", no byte a gender suffix
      // starts with after a letter, no letter before a slash, no combining mark after them) is
      // just lowercased: copied in one go, then lowered in place. Below, such a byte that
      // starts no gender form is lowercased alone, as here.
      const size_t j = simd::skip_plain_ascii(in, i, !t.empty() && is_letter_byte(t.back()));
      if (j > i) {
        const size_t at = t.size();
        t.append(in.data() + i, j - i);
        simd::lower_ascii(t.data() + at, j - i);
        src.append(t.size(), static_cast<uint32_t>(i), true);
        i = j;
        continue;
      }
    }
    const char c = in[i];
    // Gender forms, all written in ASCII (the middle dot aside).
    const bool after_letter = !t.empty() && is_letter_byte(t.back());
    size_t marker = 0, suffix = 0;
    if (c == '(') {
      marker = gender_marker(in, i, true);
    } else if (i + 1 < n && in[i + 1] == '/' && is_ascii_alpha(c) && !ends_with_letter(t)) {
      marker = gender_marker(in, i, false);
    }
    if (!marker && after_letter) {
      if (c == 'I') {
        suffix = camel_gender_suffix(in, i, t);
      } else if (c == '(' || c == ':' || c == '*' || c == '_' || c == '/' || c == '\xC2') {
        suffix = gender_suffix(in, i, t.back());
      }
    }
    if (marker) {
      t += ' ';
      src.append(t.size(), static_cast<uint32_t>(i), true);
      i += marker;
      continue;
    }
    if (suffix) {
      i += suffix;
      continue;
    }
    // ASCII fast path, unless a non-ASCII character (maybe a combining mark) follows.
    if (kFast && static_cast<unsigned char>(c) < 0x80 &&
        (i + 1 >= n || static_cast<unsigned char>(in[i + 1]) < 0x80)) {
      t += lower(c);
      src.append(t.size(), static_cast<uint32_t>(i), true);
      ++i;
      continue;
    }
    // One segment: this character and every following one that combines with it.
    size_t len;
    const char32_t cp = decode_utf8(in, i, &len);
    const bool invalid = cp == 0xFFFD && len == 1;
    size_t end = i + len;
    // At most kMaxSegment characters: a run of thousands of combining marks would otherwise make
    // ICU's canonical reordering quadratic. Like Unicode's stream-safe format (UAX #15), longer
    // runs are cut and each piece normalized on its own.
    size_t count = 1;
    while (!invalid && end < n && static_cast<unsigned char>(in[end]) >= 0x80 && count < kMaxSegment) {
      size_t l2;
      const char32_t next = decode_utf8(in, end, &l2);
      if ((next == 0xFFFD && l2 == 1) || boundary_before(next, kFast)) break;
      end += l2;
      ++count;
    }
    const bool single = end == i + len;
    const size_t at = t.size();
    if (invalid) {
      append_utf8(t, 0xFFFD);
    } else if (kFast && single && cp < 0x80) {
      t += lower(c);
    } else if (kFast && single && cp < kCacheEnd) {
      t += cache().out(cp);
    } else {
      normalize_segment_icu(in.substr(i, end - i), t);
    }
    // One character that became one of the same length ("é", "ж") maps byte for byte, which
    // lets it continue the run of text around it; anything else maps to where it starts.
    size_t out_len = 0;
    const bool same = single && !invalid && t.size() - at == len &&
                      (decode_utf8(t, at, &out_len), out_len == len);
    src.append(t.size(), static_cast<uint32_t>(i), same);
    i = end;
  }
  src.finish(static_cast<uint32_t>(n));
}

}  // namespace

void normalize(std::string_view input, Normalized* out) { normalize_impl<true>(input, out); }

void normalize_reference(std::string_view input, Normalized* out) {
  normalize_impl<false>(input, out);
}

std::string normalize_text(std::string_view input) {
  Normalized n;
  normalize(input, &n);
  return std::move(n.text);
}

}  // namespace jobmatch
