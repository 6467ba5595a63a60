#include "pattern.h"

#include <re2/re2.h>

#include "normalize.h"
#include "text_util.h"
#include "tokenize.h"

namespace jobmatch {

std::vector<Alternative> split_alternatives(std::string_view value) {
  std::vector<Alternative> out;
  size_t start = 0;
  for (;;) {
    const size_t bar = value.find(" | ", start);
    const size_t end = bar == std::string_view::npos ? value.size() : bar;
    std::string_view piece = value.substr(start, end - start);
    size_t col = start;
    while (!piece.empty() && (piece.front() == ' ' || piece.front() == '\t')) {
      piece.remove_prefix(1);
      ++col;
    }
    while (!piece.empty() && (piece.back() == ' ' || piece.back() == '\t')) piece.remove_suffix(1);
    out.push_back({piece, col});
    if (bar == std::string_view::npos) break;
    start = bar + 3;
  }
  return out;
}

namespace {

bool valid_token_char(char32_t cp) {
  return is_word_char(cp) || cp == '-' || cp == '/' || cp == '.' || cp == '\'' || cp == '&' ||
         cp == '+' || cp == '#';
}

// A literal piece of a word, normalized as documents are, appended to *out.
bool normalize_literal(std::string_view piece, size_t col, std::string* out, std::string* error,
                       size_t* err_col) {
  const std::string norm = normalize_text(piece);
  for (size_t i = 0; i < norm.size();) {
    size_t len;
    const char32_t cp = decode_utf8(norm, i, &len);
    if (!valid_token_char(cp)) {
      *error = "character that never occurs inside a token (write words separated by spaces)";
      *err_col = col;
      return false;
    }
    i += len;
  }
  *out += norm;
  return true;
}

}  // namespace

bool parse_words(std::string_view pattern, WordPattern* out, std::string* error, size_t* col) {
  out->parts.clear();
  out->seps.clear();
  auto fail = [&](std::string message, size_t at) {
    *error = std::move(message);
    *col = at;
    return false;
  };
  if (pattern.empty()) return fail("empty pattern", 0);
  // Literals are normalized and the classes fixed, so the words need no regex compile to be
  // checked. A pattern can match the empty string only as a single word without a literal.
  size_t words = 0;
  bool literal = false;
  size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == ' ') {
      ++i;
      continue;
    }
    size_t end = pattern.find(' ', i);
    if (end == std::string_view::npos) end = pattern.size();
    const std::string_view word = pattern.substr(i, end - i);
    // Joiners only join word characters, so a token never starts or ends with one (".net"'s
    // leading dot aside).
    if (word.find_first_of("&/-'") == 0)
      return fail(std::string("a word cannot start with '") + word.front() +
                      "': it only joins word characters",
                  i);
    if (word.find_last_of("&/-.'") == word.size() - 1)
      return fail(std::string("a word cannot end with '") + word.back() +
                      "': it only joins word characters",
                  end - 1);
    if (words++) out->seps += '\0';
    out->parts.emplace_back();
    std::string text;  // the word, literals normalized, '*' kept
    size_t p = i;
    while (p < end) {
      if (pattern[p] == '*') {
        text += '*';
        ++p;
        continue;
      }
      size_t q = pattern.find('*', p);
      if (q == std::string_view::npos || q > end) q = end;
      const size_t before = text.size();
      if (!normalize_literal(pattern.substr(p, q - p), p, &text, error, col)) return false;
      literal |= text.size() > before;
      p = q;
    }
    // A joiner inside the word is a boundary the match must cross, as that very joiner.
    for (const char c : text) {
      if (is_boundary(c)) {
        out->seps += c;
        out->parts.emplace_back();
      } else {
        out->parts.back() += c;
      }
    }
    i = end;
  }
  if (words == 1 && !literal) return fail("pattern matches the empty string", 0);
  return true;
}

std::string words_regex(const WordPattern& words) {
  std::string re;
  for (size_t k = 0; k < words.parts.size(); ++k) {
    if (k)
      re += words.seps[k - 1] ? RE2::QuoteMeta(std::string(1, words.seps[k - 1])) : std::string(kBoundary);
    const std::string& part = words.parts[k];
    for (size_t p = 0; p < part.size();) {
      if (part[p] == '*') {
        re += kWordRun;
        ++p;
        continue;
      }
      const size_t q = std::min(part.find('*', p), part.size());
      re += RE2::QuoteMeta(part.substr(p, q - p));
      p = q;
    }
  }
  return re;
}

bool compile_pattern(std::string_view pattern, std::string* regex, std::string* error,
                     size_t* col) {
  regex->clear();
  if (pattern.starts_with("re:")) {
    const std::string_view body = pattern.substr(3);
    *col = 0;
    RE2 alone(std::string(body), RE2::Quiet);
    if (!alone.ok()) {
      *error = "invalid regular expression: " + alone.error();
      *col = 3;
      return false;
    }
    *regex = "(?:" + std::string(body) + ")";
    RE2 whole("^" + *regex + "$", RE2::Quiet);
    if (RE2::FullMatch("", whole)) {
      *error = "pattern matches the empty string";
      return false;
    }
    return true;
  }
  WordPattern words;
  if (!parse_words(pattern, &words, error, col)) return false;
  *regex = words_regex(words);
  return true;
}

std::string wrap_in_boundaries(const std::vector<std::string>& fragments) {
  std::string re(kBoundary);
  re += '(';
  for (size_t i = 0; i < fragments.size(); ++i) {
    if (i) re += '|';
    re += fragments[i];
  }
  re += ')';
  re += kBoundary;
  return re;
}

}  // namespace jobmatch
