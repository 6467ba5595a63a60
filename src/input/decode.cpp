#include "input/decode.h"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "text/text_util.h"

namespace jobmatch {
namespace {

std::string at_offset(size_t offset) { return "at offset " + std::to_string(offset); }

void set_binary(Decoded* d, size_t offset, const char* what) {
  d->error = InputError{"binary", std::string(what) + " " + at_offset(offset) + " (binary file)"};
  d->text = {};
  d->storage.clear();
  d->m_map.clear();
}

// ---- UTF-16 with BOM --------------------------------------------------------------------------

void decode_utf16(std::string_view bytes, bool big_endian, Decoded* d) {
  d->encoding = big_endian ? "utf-16be" : "utf-16le";
  std::string& out = d->storage;
  out.reserve(bytes.size());
  d->m_map.reserve(bytes.size() + 1);
  auto unit = [&](size_t i) -> char16_t {
    const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return static_cast<char16_t>(big_endian ? (a << 8) | b : (b << 8) | a);
  };
  size_t bad = 0;
  size_t i = 2;  // after the BOM
  for (; i + 1 < bytes.size();) {
    char32_t cp = unit(i);
    size_t len = 2;
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
      const char16_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        len = 4;
      }
    }
    if (cp == 0) return set_binary(d, i, "NUL character");
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD, ++bad;
    append_utf8(out, cp);
    d->m_map.resize(out.size(), static_cast<uint32_t>(i));
    i += len;
  }
  if (i < bytes.size()) d->warnings.push_back("odd trailing byte " + at_offset(i) + " ignored");
  if (bad) d->warnings.push_back(std::to_string(bad) + " unpaired UTF-16 surrogate(s) read as U+FFFD");
  d->m_map.push_back(static_cast<uint32_t>(bytes.size()));
  d->text = out;
}

// ---- ICU conversion (legacy 8-bit and multi-byte charsets, UTF-32) ----------------------------

struct Substitutions {
  size_t count = 0;
};

// Replaces every unassigned or illegal sequence by U+FFFD (never U+001A) and counts them.
void substitute_and_count(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                          UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone
  ++static_cast<Substitutions*>(const_cast<void*>(context))->count;
  *err = U_ZERO_ERROR;
  static const UChar kReplacement = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// Converts bytes[start..] from charset (an ICU name) into d->storage with an exact offset map.
// With c1_is_bad, C1 control characters (which a legacy text never means; Windows-1252's
// undefined bytes come out as them) are read as U+FFFD too. Returns false (d->error set) if
// ICU cannot open the converter or the text holds U+0000.
bool convert_with_icu(std::string_view bytes, size_t start, const char* charset, bool c1_is_bad,
                      Decoded* d) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open(charset, &status));
  if (U_FAILURE(status) || !cnv) {
    d->error = InputError{"encoding", std::string("cannot convert from ") + charset + ": " +
                                          u_errorName(status)};
    return false;
  }
  Substitutions subs;
  status = U_ZERO_ERROR;
  ucnv_setToUCallBack(cnv.get(), substitute_and_count, &subs, nullptr, nullptr, &status);

  std::string& out = d->storage;
  std::vector<uint32_t>& map = d->m_map;
  out.clear();
  map.clear();
  out.reserve(bytes.size() - start + (bytes.size() - start) / 8);
  map.reserve(out.capacity() + 1);

  constexpr size_t kChunk = 1 << 14;
  std::vector<UChar> units(kChunk);
  std::vector<int32_t> offsets(kChunk);
  const char* src = bytes.data() + start;
  const char* const src_limit = bytes.data() + bytes.size();
  uint32_t last = static_cast<uint32_t>(start);  // offsets only grow
  char16_t pending_high = 0;                     // a high surrogate waiting for its pair
  uint32_t pending_at = 0;
  size_t c1 = 0, first_c1 = 0;
  bool nul = false;
  size_t nul_at = 0;
  auto emit = [&](char32_t cp, uint32_t at) {
    if (cp == 0 && !nul) nul = true, nul_at = at;
    if (c1_is_bad && cp >= 0x80 && cp <= 0x9F) {
      if (!c1++) first_c1 = at;
      cp = 0xFFFD;
    }
    append_utf8(out, cp);
    map.resize(out.size(), at);
  };
  for (;;) {
    UChar* target = units.data();
    const char* call_start = src;
    status = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &target, units.data() + units.size(), &src, src_limit, offsets.data(),
                   /*flush=*/true, &status);
    const size_t n = static_cast<size_t>(target - units.data());
    const size_t base = static_cast<size_t>(call_start - bytes.data());
    for (size_t k = 0; k < n; ++k) {
      // -1: a unit ICU held back from an earlier call; it belongs to the character before.
      if (offsets[k] >= 0) last = std::max(last, static_cast<uint32_t>(base + static_cast<size_t>(offsets[k])));
      const char16_t u = units[k];
      if (pending_high) {
        if (u >= 0xDC00 && u <= 0xDFFF) {
          emit(0x10000 + ((static_cast<char32_t>(pending_high) - 0xD800) << 10) + (u - 0xDC00), pending_at);
          pending_high = 0;
          continue;
        }
        emit(0xFFFD, pending_at);
        pending_high = 0;
      }
      if (u >= 0xD800 && u <= 0xDBFF) {
        pending_high = u;
        pending_at = last;
      } else {
        emit(u >= 0xDC00 && u <= 0xDFFF ? 0xFFFD : u, last);
      }
    }
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    break;
  }
  if (pending_high) emit(0xFFFD, pending_at);
  if (nul) {
    set_binary(d, nul_at, "NUL character");
    return false;
  }
  map.push_back(static_cast<uint32_t>(bytes.size()));
  d->text = out;
  if (subs.count)
    d->warnings.push_back(std::to_string(subs.count) + " byte sequence(s) not valid in " + d->encoding +
                          " read as U+FFFD");
  if (c1)
    d->warnings.push_back(std::to_string(c1) + " byte(s) undefined in " + d->encoding + " read as U+FFFD (first " +
                          at_offset(first_c1) + ")");
  return true;
}

// ---- Telling broken UTF-8 from 8-bit text -----------------------------------------------------

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

struct Utf8Census {
  size_t good_multi = 0;  // well-formed multi-byte sequences
  size_t utf8_like = 0;   // bad sequences shaped like UTF-8: overlong, surrogate, truncated
  size_t legacy_like = 0; // bad bytes shaped like 8-bit text: a high byte amid ASCII
  size_t bad_bytes = 0;   // bytes later stages read as U+FFFD
  size_t first_bad = 0;
};

Utf8Census take_census(std::string_view s) {
  Utf8Census c;
  const size_t n = s.size();
  size_t valid_end = SIZE_MAX;  // where the last well-formed multi-byte sequence ended
  for (size_t i = 0; i < n;) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      i = skip_ascii(s, i + 1);
      continue;
    }
    size_t len;
    if (decode_utf8(s, i, &len) != 0xFFFD || len != 1) {
      ++c.good_multi;
      i += len;
      valid_end = i;
      continue;
    }
    if (!c.bad_bytes) c.first_bad = i;
    // Broken UTF-8: a lead byte followed by continuation bytes that do not make a valid
    // character (overlong forms, surrogates, > U+10FFFF, a sequence cut short, also by the end
    // of the text), or continuation bytes right after a valid character. Each such error counts
    // once, however many bytes it has. A lone lead byte is not counted so: Latin-1 letters
    // (ä = 0xE4, ß = 0xDF) are lead bytes, and "Viel Spaß" may end a file.
    size_t k = i + 1;
    while (k < n && k < i + 4 && is_continuation(static_cast<unsigned char>(s[k]))) ++k;
    const bool lead = b >= 0xC0 && b <= 0xF7;
    if ((lead && k > i + 1) || (is_continuation(b) && i == valid_end)) {
      ++c.utf8_like;
      c.bad_bytes += k - i;
      i = k;
    } else {  // a high byte amid other text: what 8-bit encodings look like
      ++c.legacy_like;
      ++c.bad_bytes;
      ++i;
    }
  }
  return c;
}

// ---- Charset detection ------------------------------------------------------------------------

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// ICU's detector reads at most 8 KiB. For longer text, show it the neighbourhoods of the
// non-ASCII bytes, which are what tells the encodings apart.
std::string detector_sample(std::string_view s) {
  constexpr size_t kMax = 8000, kReach = 48;
  if (s.size() <= kMax) return std::string(s);
  std::string sample;
  size_t covered = 0;
  for (size_t p = 0; p < s.size() && sample.size() < kMax; ++p) {
    if (static_cast<unsigned char>(s[p]) < 0x80) continue;
    size_t from = std::max(covered, p >= kReach ? p - kReach : 0);
    const size_t space = s.substr(from, p - from).find_last_of(" \t\r\n");
    if (space != std::string_view::npos) from += space + 1;
    const size_t to = std::min(s.size(), p + kReach);
    if (from > covered && !sample.empty()) sample += '\n';
    sample.append(s.substr(from, to - from));
    covered = to;
    p = to - 1;
  }
  if (sample.size() > kMax) sample.resize(kMax);
  return sample;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The ICU name of the 8-bit (or legacy multi-byte) encoding of s.
std::string detect_legacy(std::string_view s) {
  constexpr int32_t kMinConfidence = 20;
  std::string chosen;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&status));
  const std::string sample = detector_sample(s);
  if (U_SUCCESS(status)) ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  int32_t n = 0;
  const UCharsetMatch** matches = U_SUCCESS(status) ? ucsdet_detectAll(det.get(), &n, &status) : nullptr;
  for (int32_t k = 0; matches && U_SUCCESS(status) && k < n; ++k) {
    UErrorCode st = U_ZERO_ERROR;
    if (ucsdet_getConfidence(matches[k], &st) < kMinConfidence) break;  // sorted, best first
    const char* name = ucsdet_getName(matches[k], &st);
    if (U_FAILURE(st) || !name) continue;
    const std::string_view v = name;
    // Not Unicode (the text is not valid UTF-8, and has no BOM), not EBCDIC (which would remap
    // the ASCII letters around a few stray bytes).
    if (v.starts_with("UTF-") || v.starts_with("IBM42")) continue;
    chosen = name;
    break;
  }
  if (chosen.empty()) return "windows-1252";  // the usual 8-bit encoding of German Windows text
  // Like ICU's own recognizer: Latin-1 text with bytes in 0x80..0x9F is Windows-1252.
  if (chosen == "ISO-8859-1" &&
      std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80 && static_cast<unsigned char>(c) <= 0x9F; }))
    return "windows-1252";
  return chosen;
}

// ---- Stream-safe text (UAX #15) -----------------------------------------------------------------

// If d->text has more than kMaxNonStarters combining marks in a row, rewrites it with U+034F
// after every kMaxNonStarters of them (mapped to the input offset of the mark that follows).
void make_stream_safe(Decoded* d) {
  const std::string_view t = d->text;
  size_t run = 0, first = 0;
  bool needed = false;
  for (size_t i = 0; i < t.size() && !needed;) {
    if (static_cast<unsigned char>(t[i]) < 0x80) {
      run = 0;
      i = skip_ascii(t, i + 1);
      continue;
    }
    size_t len;
    const char32_t cp = decode_utf8(t, i, &len);
    if (u_getCombiningClass(static_cast<UChar32>(cp)) == 0 || (cp == 0xFFFD && len == 1)) {
      run = 0;
    } else if (++run > kMaxNonStarters) {
      needed = true;
      first = i;
    }
    i += len;
  }
  if (!needed) return;
  std::string out;
  std::vector<uint32_t> map;
  out.reserve(t.size() + t.size() / 16);
  map.reserve(out.capacity() + 1);
  run = 0;
  size_t splits = 0;
  for (size_t i = 0; i < t.size();) {
    size_t len = 1;
    const char32_t cp = static_cast<unsigned char>(t[i]) < 0x80 ? static_cast<char32_t>(t[i]) : decode_utf8(t, i, &len);
    const bool mark = cp >= 0x80 && !(cp == 0xFFFD && len == 1) && u_getCombiningClass(static_cast<UChar32>(cp)) != 0;
    if (!mark) {
      run = 0;
    } else if (run == kMaxNonStarters) {
      append_utf8(out, 0x034F);
      map.resize(out.size(), d->to_input(static_cast<uint32_t>(i)));
      run = 1;
      ++splits;
    } else {
      ++run;
    }
    for (size_t k = 0; k < len; ++k) {
      out += t[i + k];
      map.push_back(d->to_input(static_cast<uint32_t>(i + k)));
    }
    i += len;
  }
  map.push_back(d->to_input(static_cast<uint32_t>(t.size())));
  d->storage = std::move(out);  // t may point into the old storage: no longer used
  d->m_map = std::move(map);
  d->m_shift = 0;
  d->text = d->storage;
  d->warnings.push_back("more than " + std::to_string(kMaxNonStarters) + " combining marks in a row " +
                        at_offset(d->to_input(static_cast<uint32_t>(first))) + ": U+034F inserted " +
                        std::to_string(splits) + " time(s) (UAX #15 stream-safe text)");
}

bool has_prefix(std::string_view s, std::initializer_list<unsigned char> prefix) {
  if (s.size() < prefix.size()) return false;
  size_t i = 0;
  for (const unsigned char b : prefix)
    if (static_cast<unsigned char>(s[i++]) != b) return false;
  return true;
}

void decode_impl(std::string_view bytes, Decoded& d) {
  if (bytes.size() >= UINT32_MAX) {
    d.error = InputError{"too_large", "larger than 4 GiB"};
    return;
  }
  // UTF-32 before UTF-16: FF FE 00 00 is the UTF-32LE BOM.
  if (has_prefix(bytes, {0xFF, 0xFE, 0x00, 0x00}) || has_prefix(bytes, {0x00, 0x00, 0xFE, 0xFF})) {
    const bool le = static_cast<unsigned char>(bytes[0]) == 0xFF;
    d.encoding = le ? "utf-32le" : "utf-32be";
    convert_with_icu(bytes, 4, le ? "UTF-32LE" : "UTF-32BE", false, &d);
    return;
  }
  if (has_prefix(bytes, {0xFF, 0xFE})) return decode_utf16(bytes, false, &d);
  if (has_prefix(bytes, {0xFE, 0xFF})) return decode_utf16(bytes, true, &d);
  if (const void* nul = std::memchr(bytes.data(), 0, bytes.size()))
    return set_binary(&d, static_cast<size_t>(static_cast<const char*>(nul) - bytes.data()), "NUL byte");
  std::string_view body = bytes;
  d.encoding = "utf-8";
  if (body.starts_with("\xEF\xBB\xBF")) {
    body.remove_prefix(3);
    d.m_shift = 3;
    d.encoding = "utf-8-bom";
  }
  d.text = body;
  const Utf8Census c = take_census(body);
  if (c.bad_bytes == 0) return;
  if (d.m_shift == 0 && c.legacy_like > c.good_multi + c.utf8_like) {
    d.encoding = lower(detect_legacy(body));
    convert_with_icu(bytes, 0, d.encoding.c_str(), true, &d);
    return;
  }
  d.warnings.push_back("invalid UTF-8 " + at_offset(c.first_bad + d.m_shift) + " (" +
                       std::to_string(c.bad_bytes) + " bad byte(s) read as U+FFFD)");
}

}  // namespace

void decode(std::string_view bytes, Decoded* out) {
  Decoded& d = *out;
  decode_impl(bytes, d);
  if (!d.error) make_stream_safe(&d);
}

}  // namespace jobmatch
