#include "decode.h"

#include <cstring>

#include "text_util.h"

namespace jobmatch {
namespace {

// Windows-1252 0x80..0x9F; the rest of the upper half is Latin-1.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

void decode_utf16(std::string_view bytes, bool big_endian, Decoded* d) {
  d->encoding = big_endian ? "utf-16be" : "utf-16le";
  std::string& out = d->storage;
  out.reserve(bytes.size());
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
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD, ++bad;
    append_utf8(out, cp);
    d->m_map.resize(out.size(), static_cast<uint32_t>(i));
    i += len;
  }
  if (i < bytes.size()) d->warnings.push_back("odd trailing byte at offset " + std::to_string(i) + " ignored");
  if (bad) d->warnings.push_back(std::to_string(bad) + " unpaired UTF-16 surrogate(s) read as U+FFFD");
  d->m_map.push_back(static_cast<uint32_t>(bytes.size()));
  d->text = out;
}

void decode_cp1252(std::string_view bytes, Decoded* d) {
  d->encoding = "windows-1252";
  std::string& out = d->storage;
  out.reserve(bytes.size() + bytes.size() / 16);
  d->m_map.reserve(bytes.size() + bytes.size() / 16 + 1);
  for (size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    const char32_t cp = b < 0x80 ? b : (b < 0xA0 ? kCp1252High[b - 0x80] : b);
    append_utf8(out, cp);
    d->m_map.resize(out.size(), static_cast<uint32_t>(i));
  }
  d->m_map.push_back(static_cast<uint32_t>(bytes.size()));
  d->text = out;
}

}  // namespace

void decode(std::string_view bytes, Decoded* out) {
  Decoded& d = *out;
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
      static_cast<unsigned char>(bytes[1]) == 0xFE) {
    decode_utf16(bytes, false, &d);
    return;
  }
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
      static_cast<unsigned char>(bytes[1]) == 0xFF) {
    decode_utf16(bytes, true, &d);
    return;
  }
  if (const void* nul = std::memchr(bytes.data(), 0, bytes.size())) {
    const auto at = static_cast<const char*>(nul) - bytes.data();
    d.error = InputError{"binary", "NUL byte at offset " + std::to_string(at) + " (binary file)"};
    return;
  }
  std::string_view body = bytes;
  d.encoding = "utf-8";
  if (body.starts_with("\xEF\xBB\xBF")) {
    body.remove_prefix(3);
    d.m_shift = 3;
    d.encoding = "utf-8-bom";
  }
  d.text = body;
  // Count well-formed multi-byte sequences and bad bytes to tell broken UTF-8 from 8-bit text.
  size_t good_multi = 0, bad = 0, first_bad = 0;
  for (size_t i = 0; i < body.size();) {
    if (static_cast<unsigned char>(body[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    const char32_t cp = decode_utf8(body, i, &len);
    if (cp == 0xFFFD && len == 1) {
      if (!bad++) first_bad = i;
    } else {
      ++good_multi;
    }
    i += len;
  }
  if (bad == 0) return;
  if (good_multi == 0 && d.m_shift == 0) {
    decode_cp1252(body, &d);
    return;
  }
  d.warnings.push_back("invalid UTF-8 at offset " + std::to_string(first_bad + d.m_shift) + " (" +
                       std::to_string(bad) + " bad byte(s) read as U+FFFD)");
}

}  // namespace jobmatch
