#include "report/json_text.h"

#include <array>
#include <charconv>
#include <cstring>

#include <nlohmann/json.hpp>

#include "text/text_util.h"

namespace jobmatch {
namespace {

// The bytes of nlohmann-json's dump() of one value; invalid UTF-8 is replaced, never thrown on.
std::string dumped(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// A direct-mapped cache of the text of doubles, one per thread (records are rendered on the
// workers).
struct NumberCache {
  struct Entry {
    uint64_t bits = 0;
    uint8_t len = 0;  // 0: empty
    char text[31];
  };
  std::array<Entry, 1024> entries;
};

}  // namespace

void append_json(std::string& o, std::string_view s) {
  if (!is_valid_utf8(s)) {
    o += dumped(nlohmann::ordered_json(std::string(s)));
    return;
  }
  static const char* hex = "0123456789abcdef";
  o += '"';
  size_t plain = 0;  // start of the run of bytes copied as they are
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    o.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': o += "\\\""; break;
      case '\\': o += "\\\\"; break;
      case '\b': o += "\\b"; break;
      case '\t': o += "\\t"; break;
      case '\n': o += "\\n"; break;
      case '\f': o += "\\f"; break;
      case '\r': o += "\\r"; break;
      default:
        o += "\\u00";
        o += hex[c >> 4];
        o += hex[c & 15];
    }
  }
  o.append(s.data() + plain, s.size() - plain);
  o += '"';
}

void append_json(std::string& o, double v) {
  thread_local NumberCache cache;
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  NumberCache::Entry& e = cache.entries[(bits ^ (bits >> 29) ^ (bits >> 47)) % cache.entries.size()];
  if (e.len == 0 || e.bits != bits) {
    const std::string text = dumped(nlohmann::ordered_json(v));
    if (text.size() > sizeof e.text) {  // never for a double; written uncached all the same
      o += text;
      return;
    }
    e.bits = bits;
    e.len = static_cast<uint8_t>(text.size());
    std::memcpy(e.text, text.data(), text.size());
  }
  o.append(e.text, e.len);
}

void append_json(std::string& o, uint64_t v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  o.append(buf, r.ptr);
}

void append_json(std::string& o, const std::vector<std::string>& strings) {
  o += '[';
  for (size_t i = 0; i < strings.size(); ++i) {
    if (i) o += ',';
    append_json(o, std::string_view(strings[i]));
  }
  o += ']';
}

}  // namespace jobmatch
