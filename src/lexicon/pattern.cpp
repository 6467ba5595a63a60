#include "lexicon/pattern.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include <re2/re2.h>

#include "text/normalize.h"
#include "text/text_util.h"
#include "text/tokenize.h"

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

Error pattern_error(std::string message, size_t col) {
  return Error(std::vector<Diagnostic>{Diagnostic{"", 0, col + 1, std::move(message), ""}});
}

size_t pattern_error_col(const Error& error) {
  return error.diagnostics.empty() ? 0 : error.diagnostics.front().col - 1;
}

namespace {

bool valid_token_char(char32_t cp) {
  return is_word_char(cp) || cp == '-' || cp == '/' || cp == '.' || cp == '\'' || cp == '&' ||
         cp == '+' || cp == '#';
}

// A literal piece of a word at offset col of its pattern, normalized as documents are.
Expected<std::string> normalize_literal(std::string_view piece, size_t col) {
  std::string norm = normalize_text(piece);
  for (size_t i = 0; i < norm.size();) {
    size_t len;
    const char32_t cp = decode_utf8(norm, i, &len);
    if (!valid_token_char(cp))
      return pattern_error("character that never occurs inside a token (write words separated by spaces)", col);
    i += len;
  }
  return norm;
}

}  // namespace

Expected<WordPattern> parse_words(std::string_view pattern) {
  if (pattern.empty()) return pattern_error("empty pattern", 0);
  // Literals are normalized and the classes fixed, so the words need no regex compile to be
  // checked. A pattern can match the empty string only as a single word without a literal.
  WordPattern out;
  bool literal = false;
  size_t words = 0;
  for (size_t at = 0; const WrittenWord word = next_written_word(pattern, &at); ++words) {
    // Joiners only join word characters, so a token never starts or ends with one (".net"'s
    // leading dot aside).
    if (word.text.find_first_of("&/-'") == 0)
      return pattern_error(std::string("a word cannot start with '") + word.text.front() +
                               "': it only joins word characters",
                           word.col);
    if (word.text.find_last_of("&/-.'") == word.text.size() - 1)
      return pattern_error(std::string("a word cannot end with '") + word.text.back() +
                               "': it only joins word characters",
                           word.col + word.text.size() - 1);
    if (!out.parts.empty()) out.seps += '\0';
    out.parts.emplace_back();
    std::string text;  // the word, literals normalized, '*' kept
    for (size_t p = 0; p < word.text.size();) {
      const size_t col = word.col + p;
      const std::string_view piece = next_written_piece(word.text, &p);
      if (piece == "*") {
        text += '*';
        continue;
      }
      Expected<std::string> norm = normalize_literal(piece, col);
      if (!norm.ok()) return norm.error();
      literal |= !norm->empty();
      text += *norm;
    }
    // A joiner inside the word is a boundary the match must cross, as that very joiner.
    for (const char c : text) {
      if (is_boundary(c)) {
        out.seps += c;
        out.parts.emplace_back();
      } else {
        out.parts.back() += c;
      }
    }
  }
  if (words == 1 && !literal) return pattern_error("pattern matches the empty string", 0);
  return out;
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

Expected<std::string> compile_pattern(std::string_view pattern, WordPattern* words_out) {
  if (pattern.starts_with("re:")) {
    const std::string_view body = pattern.substr(3);
    RE2 alone(std::string(body), RE2::Quiet);
    if (!alone.ok()) return pattern_error("invalid regular expression: " + alone.error(), 3);
    size_t at = 0;
    if (const size_t spaces = re_max_spaces(body, &at); spaces >= kReReachTokens)
      return pattern_error(
          spaces == SIZE_MAX
              ? "this repeat can cross token boundaries without end, but a re: match spans at most " +
                    std::to_string(kReReachTokens) + " tokens: repeat within a token ([^ ]*) or count the tokens ((?:[^ ]+ ){0,4})"
              : "this repeat can cross " + std::to_string(spaces) + " token boundaries, but a re: match spans at most " +
                    std::to_string(kReReachTokens) + " tokens: count fewer",
          3 + at);
    std::string regex = "(?:" + std::string(body) + ")";
    RE2 whole("^" + regex + "$", RE2::Quiet);
    if (RE2::FullMatch("", whole)) return pattern_error("pattern matches the empty string", 0);
    return regex;
  }
  Expected<WordPattern> words = parse_words(pattern);
  if (!words.ok()) return words.error();
  std::string regex = words_regex(*words);
  if (words_out) *words_out = std::move(*words);
  return regex;
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
