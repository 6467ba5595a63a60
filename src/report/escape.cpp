#include "report/escape.h"

#include <cstring>

#include "text/simd.h"

namespace jobmatch {

std::string display_id(std::string_view id) { return escape_invalid_utf8(id); }

// A lone "-" (standard input's id) cannot be a formula and stays as it is.
std::string safe_cell(std::string_view raw) {
  const std::string s = escape_for_display(raw, true);
  std::string out;
  out.reserve(s.size() + 1);
  if (s.size() > 1 && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
                       s[0] == '\r'))
    out += '\'';
  for (const char c : s) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

namespace {

// -42, -4.2, -.5: what a spreadsheet reads as a negative number, not as a formula.
bool is_negative_number(std::string_view s) {
  if (s.size() < 2 || s[0] != '-') return false;
  bool digit = false, point = false;
  for (const char c : s.substr(1)) {
    if (c >= '0' && c <= '9') digit = true;
    else if (c == '.' && !point) point = true;
    else return false;
  }
  return digit;
}

}  // namespace

std::string safe_id_cell(std::string_view id) {
  const std::string s = escape_for_display(id, true);
  std::string out;
  out.reserve(s.size() + 1);
  const bool formula = !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '@' || s[0] == '\t' || s[0] == '\r' ||
                                      (s[0] == '-' && s.size() > 1 && !is_negative_number(s)));
  if (formula) out += '\'';
  for (const char c : s) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

namespace {

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// True if s[i] == '&' starts what CommonMark reads as an entity or a numeric character
// reference: & then # or a letter, alphanumerics, and ;.
bool starts_entity(std::string_view s, size_t i) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '#') ++j;
  const size_t first = j;
  while (j < s.size() && is_ascii_alnum(s[j])) ++j;
  return j > first && j < s.size() && s[j] == ';';
}

}  // namespace

std::string markdown_text(std::string_view raw) {
  const std::string s = escape_for_display(raw, true);
  std::string out;
  out.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' || c == '[' || c == ']' || c == '|') out += '\\', out += c;
    else if (c == '\n' || c == '\r' || c == '\t') out += ' ';
    else if (c == '`') out += '\'';
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&' && starts_entity(s, i)) out += "&amp;";
    else out += c;
  }
  return out;
}

std::string markdown_code(std::string_view raw) {
  const std::string s = escape_for_display(raw, true);
  std::string out;
  out.reserve(s.size() + 8);
  for (const char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r' || c == '\t') out += ' ';
    else if (c == '`') out += '\'';
    else out += c;
  }
  return out;
}

std::string github_escape_data(std::string_view raw) {
  std::string out;
  for (const char c : escape_for_display(raw, true)) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string github_escape_property(std::string_view s) {
  std::string out;
  for (const char c : github_escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string json_escape_display(std::string json) {
  static const char* hex = "0123456789abcdef";
  // The lead bytes of every character of the policy (DEL included); anything else, ASCII or a
  // character that starts with another byte, is copied as it is.
  const auto may_escape = [](unsigned char b) {
    return b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE1 || b == 0xE2 || b == 0xEF || b == 0xF3;
  };
  // Where to look next: DEL is ASCII, so when the text has one, every byte is looked at;
  // otherwise only bytes from 0x80, found sixteen at a time (simd.h).
  const bool has_del = std::memchr(json.data(), 0x7F, json.size()) != nullptr;
  const auto next = [&](size_t i) { return has_del ? i : simd::skip_ascii(json, i); };
  std::string out;
  size_t copied = 0;  // json[copied, i) is still to be copied into out
  for (size_t i = next(0); i < json.size(); i = next(i)) {
    if (!may_escape(static_cast<unsigned char>(json[i]))) {
      ++i;  // byte by byte: continuation bytes (0x80-0xBF) are none of the lead bytes above
      continue;
    }
    size_t len;
    const char32_t cp = decode_utf8(json, i, &len);
    if ((len > 1 || cp == 0x7F) && is_display_unsafe(cp)) {
      if (out.empty()) out.reserve(json.size() + 16);
      out.append(json, copied, i - copied);
      const auto unit = [&](uint32_t u) {
        out += "\\u";
        for (int k = 0; k < 4; ++k) out += hex[(u >> (12 - 4 * k)) & 15];
      };
      if (cp > 0xFFFF) {
        unit(0xD800 + ((cp - 0x10000) >> 10));
        unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
      } else {
        unit(cp);
      }
      copied = i + len;
    }
    i += len;  // an invalid byte stays as it is (len 1): the serializer's business
  }
  if (copied == 0) return json;  // nothing escaped
  out.append(json, copied, std::string::npos);
  return out;
}

}  // namespace jobmatch
