#include "input/markdown_entity.h"

#include <cctype>
#include <cstdint>

#include "text/text_util.h"

namespace jobmatch::md {
namespace {

struct NamedEntity {
  const char* name;
  const char* utf8;  // "" for &shy; (dropped)
};

constexpr NamedEntity kNamedEntities[] = {
    {"amp", "&"},          {"lt", "<"},           {"gt", ">"},           {"quot", "\""},
    {"apos", "'"},         {"nbsp", "\u00A0"},    {"auml", "\u00E4"},    {"ouml", "\u00F6"},
    {"uuml", "\u00FC"},    {"Auml", "\u00C4"},    {"Ouml", "\u00D6"},    {"Uuml", "\u00DC"},
    {"szlig", "\u00DF"},   {"euro", "\u20AC"},    {"ndash", "\u2013"},   {"mdash", "\u2014"},
    {"hellip", "\u2026"},  {"bull", "\u2022"},    {"laquo", "\u00AB"},   {"raquo", "\u00BB"},
    {"bdquo", "\u201E"},   {"ldquo", "\u201C"},   {"rdquo", "\u201D"},   {"lsquo", "\u2018"},
    {"rsquo", "\u2019"},   {"copy", "\u00A9"},    {"reg", "\u00AE"},     {"trade", "\u2122"},
    {"middot", "\u00B7"},  {"shy", ""},           {"eacute", "\u00E9"},  {"Eacute", "\u00C9"},
    {"egrave", "\u00E8"},  {"agrave", "\u00E0"},  {"ccedil", "\u00E7"},  {"times", "\u00D7"},
};

}  // namespace

size_t entity_length(std::string_view s) {
  if (s.size() < 3 || s[0] != '&') return 0;
  size_t k = 1;
  if (s[k] == '#') {
    ++k;
    const bool hex = k < s.size() && (s[k] == 'x' || s[k] == 'X');
    if (hex) ++k;
    const size_t digits = k;
    while (k < s.size() && k - digits < 8 &&
           (hex ? std::isxdigit(static_cast<unsigned char>(s[k])) != 0 : (s[k] >= '0' && s[k] <= '9')))
      ++k;
    if (k == digits) return 0;
  } else {
    if (!is_alpha(s[k])) return 0;
    while (k < s.size() && k < 40 && is_alnum(s[k])) ++k;
  }
  return k < s.size() && s[k] == ';' ? k + 1 : 0;
}

bool decode_entity(std::string_view e, std::string* out) {
  out->clear();
  if (e.size() < 3 || e.front() != '&' || e.back() != ';') return false;
  const std::string_view body = e.substr(1, e.size() - 2);
  if (body.front() == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return false;
    uint32_t cp = 0;
    for (const char c : digits) {
      uint32_t d;
      if (c >= '0' && c <= '9') d = static_cast<uint32_t>(c - '0');
      else if (hex && c >= 'a' && c <= 'f') d = static_cast<uint32_t>(c - 'a' + 10);
      else if (hex && c >= 'A' && c <= 'F') d = static_cast<uint32_t>(c - 'A' + 10);
      else return false;
      cp = cp * (hex ? 16u : 10u) + d;  // at most 8 digits: no overflow
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x20 || cp == 0x7F) cp = ' ';  // a control character is at most a space
    if (cp == 0xAD) return true;            // soft hyphen: nothing
    append_utf8(*out, static_cast<char32_t>(cp));
    return true;
  }
  for (const NamedEntity& n : kNamedEntities)
    if (body == n.name) {
      *out = n.utf8;
      return true;
    }
  return false;
}

}  // namespace jobmatch::md
