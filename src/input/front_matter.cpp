#include "input/front_matter.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "text/text_util.h"

namespace jobmatch {
namespace {

constexpr size_t kMaxTitleBytes = 200;

// The line at s[i]: its end (before "\n" or "\r\n") and the start of the next line.
void next_line(std::string_view s, size_t i, size_t* end, size_t* next) {
  size_t e = s.find('\n', i);
  *next = e == std::string_view::npos ? s.size() : e + 1;
  if (e == std::string_view::npos) e = s.size();
  if (e > i && s[e - 1] == '\r') --e;
  *end = e;
}

// Trailing spaces and tabs off.
std::string_view rtrim(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A quoted value (YAML or TOML) starting at v[0] (the quote): its unescaped content. A missing
// closing quote takes the rest of the line.
std::string unquote(std::string_view v) {
  std::string out;
  const char q = v.front();
  for (size_t i = 1; i < v.size(); ++i) {
    const char c = v[i];
    if (q == '\'' && c == '\'') {
      if (i + 1 < v.size() && v[i + 1] == '\'') {  // YAML: '' is one quote
        out += '\'';
        ++i;
        continue;
      }
      break;
    }
    if (q == '"' && c == '"') break;
    if (q == '"' && c == '\\' && i + 1 < v.size()) {
      const char e = v[++i];
      switch (e) {
        case 'n': case 't': case 'r': out += ' '; break;
        case 'u': case 'U': {
          const size_t n = e == 'u' ? 4 : 8;
          uint32_t cp = 0;
          size_t k = 0;
          for (; k < n && i + 1 + k < v.size() && std::isxdigit(static_cast<unsigned char>(v[i + 1 + k])); ++k) {
            const char h = v[i + 1 + k];
            cp = cp * 16 + static_cast<uint32_t>(h <= '9' ? h - '0' : (std::tolower(static_cast<unsigned char>(h)) - 'a' + 10));
          }
          i += k;
          if (k == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
          append_utf8(out, static_cast<char32_t>(cp));
          break;
        }
        default: out += e;  // \" \\ \/ and the rest: the character itself
      }
      continue;
    }
    out += c;
  }
  return out;
}

// A YAML plain or TOML bare value without its comment.
std::string_view strip_comment(std::string_view v) {
  for (size_t i = 0; i < v.size(); ++i)
    if (v[i] == '#' && (i == 0 || v[i - 1] == ' ' || v[i - 1] == '\t')) return rtrim(v.substr(0, i));
  return v;
}

// One line of valid UTF-8 of at most kMaxTitleBytes: controls become spaces, runs of spaces one.
std::string clean_title(std::string_view raw) {
  std::string spaced;
  spaced.reserve(raw.size());
  for (const char c : raw) {
    const bool space = static_cast<unsigned char>(c) < 0x20 || c == 0x7F || c == ' ';
    if (space) {
      if (!spaced.empty() && spaced.back() != ' ') spaced += ' ';
    } else {
      spaced += c;
    }
  }
  const std::string valid = sanitize_utf8(trim(spaced));
  return std::string(trim(utf8_prefix(valid, kMaxTitleBytes)));
}

}  // namespace

FrontMatter read_front_matter(std::string_view md, size_t start) {
  FrontMatter fm;
  std::string* title = &fm.title;
  size_t* title_at = &fm.title_at;
  size_t end, next;
  next_line(md, start, &end, &next);
  const std::string_view open = rtrim(md.substr(start, end - start));
  const bool yaml = open == "---";
  if (!yaml && open != "+++") return fm;
  if (next == md.size() && md.back() != '\n') return fm;  // "---" and nothing else
  std::string_view title_value;
  size_t title_line_next = 0;
  bool toml_top = true;  // TOML: before the first [table] header
  for (size_t i = next; i < md.size(); i = next) {
    next_line(md, i, &end, &next);
    const std::string_view line = md.substr(i, end - i);
    const std::string_view bare = rtrim(line);
    if (yaml ? (bare == "---" || bare == "...") : bare == "+++") {
      if (!title_value.empty()) {
        std::string value;
        if (title_value.front() == '"' || title_value.front() == '\'') {
          value = unquote(title_value);
        } else if (yaml && (title_value.front() == '|' || title_value.front() == '>')) {
          // A block scalar: the indented lines that follow, joined.
          for (size_t j = title_line_next, jn; j < i; j = jn) {
            size_t je;
            next_line(md, j, &je, &jn);
            const std::string_view l = md.substr(j, je - j);
            if (!trim(l).empty() && l.front() != ' ' && l.front() != '\t') break;
            value += trim(l);
            value += ' ';
          }
        } else {
          value = strip_comment(title_value);
        }
        *title = clean_title(value);
        *title_at = static_cast<size_t>(title_value.data() - md.data());
      }
      fm.end = next;
      return fm;
    }
    if (!title_value.empty()) continue;  // the first title counts
    std::string_view key = line;
    if (yaml) {
      if (!key.starts_with("title")) continue;  // top-level keys only: no indentation
      key.remove_prefix(5);
      const size_t colon = key.find_first_not_of(" \t");
      if (colon == std::string_view::npos || key[colon] != ':') continue;
      const std::string_view rest = key.substr(colon + 1);
      if (!rest.empty() && rest.front() != ' ' && rest.front() != '\t') continue;  // "title:x" is no key
      title_value = trim(rest);
    } else {
      key = trim(key);
      if (key.starts_with('[')) toml_top = false;
      if (!toml_top || !key.starts_with("title")) continue;
      key.remove_prefix(5);
      const size_t eq = key.find_first_not_of(" \t");
      if (eq == std::string_view::npos || key[eq] != '=') continue;
      title_value = trim(key.substr(eq + 1));
    }
    title_line_next = next;  // an empty value ("title:" over a nested map) is no title
  }
  return FrontMatter{};  // never closed: no front matter
}


void append_title_line(std::string_view md, const FrontMatter& front, std::string* text, SourceMap* map) {
  const std::string_view value = md.substr(front.title_at, std::min<size_t>(front.end - front.title_at, 4096));
  size_t at = 0, last = 0;
  for (const char c : front.title) {
    const size_t found = c == ' ' ? std::string_view::npos : value.find(c, at);
    if (found != std::string_view::npos) last = found, at = found + 1;
    *text += c;
    map->append(text->size(), static_cast<uint32_t>(front.title_at + last), true);
  }
  *text += '\n';
  map->append(text->size(), static_cast<uint32_t>(front.end), true);
}

}  // namespace jobmatch
