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

// A literal piece of a word, normalized as documents are.
bool compile_literal(std::string_view piece, size_t col, std::string* regex, std::string* error,
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
  *regex += RE2::QuoteMeta(norm);
  return true;
}

}  // namespace

bool compile_pattern(std::string_view pattern, std::string* regex, std::string* error,
                     size_t* col) {
  regex->clear();
  if (pattern.empty()) {
    *error = "empty pattern";
    *col = 0;
    return false;
  }
  if (pattern.starts_with("re:")) {
    const std::string_view body = pattern.substr(3);
    RE2 re(std::string(body), RE2::Quiet);
    if (!re.ok()) {
      *error = "invalid regular expression: " + re.error();
      *col = 3;
      return false;
    }
    *regex = "(?:" + std::string(body) + ")";
  } else {
    size_t i = 0;
    bool first_word = true;
    while (i < pattern.size()) {
      if (pattern[i] == ' ') {
        ++i;
        continue;
      }
      size_t end = pattern.find(' ', i);
      if (end == std::string_view::npos) end = pattern.size();
      if (!first_word) *regex += kBoundary;
      first_word = false;
      size_t p = i;
      while (p < end) {
        if (pattern[p] == '*') {
          *regex += kWordRun;
          ++p;
          continue;
        }
        size_t q = pattern.find('*', p);
        if (q == std::string_view::npos || q > end) q = end;
        if (!compile_literal(pattern.substr(p, q - p), p, regex, error, col)) return false;
        p = q;
      }
      i = end;
    }
  }
  RE2 whole("^(?:" + *regex + ")$", RE2::Quiet);
  if (!whole.ok()) {
    *error = "invalid regular expression: " + whole.error();
    *col = 0;
    return false;
  }
  if (RE2::FullMatch("", whole)) {
    *error = "pattern matches the empty string";
    *col = 0;
    return false;
  }
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
