// The translation of re: patterns (RE2 over the token stream) into Rust regex over raw text, as
// export.h describes.
#include <cctype>

#include "lexicon/rg_syntax.h"
#include "text/text_util.h"

namespace jobmatch::rg {
namespace {

class ReTranslator {
 public:
  explicit ReTranslator(std::string_view re) : m_re(re) {}

  Expected<std::string> run() {
    while (m_i < m_re.size())
      if (!atom()) return Error(m_error);
    return std::move(m_out);
  }

 private:
  enum class Next { kItem, kEnd, kError };  // what class_item found

  bool fail(std::string message) {
    m_error = std::move(message) + " (at offset " + std::to_string(m_i) + " of the re: pattern)";
    return false;
  }

  Next fail_item(std::string message) {
    fail(std::move(message));
    return Next::kError;
  }

  bool is_quantifier_at(size_t i) const {
    if (i >= m_re.size()) return false;
    const char c = m_re[i];
    return c == '?' || c == '*' || c == '+' || (c == '{' && repetition_end(i) != 0);
  }

  // If m_re[i] starts a repetition {n}, {n,} or {n,m}, the offset just past it; else 0.
  size_t repetition_end(size_t i) const {
    size_t j = i + 1;
    const size_t digits = j;
    while (j < m_re.size() && std::isdigit(static_cast<unsigned char>(m_re[j]))) ++j;
    if (j == digits) return 0;
    if (j < m_re.size() && m_re[j] == ',') {
      ++j;
      while (j < m_re.size() && std::isdigit(static_cast<unsigned char>(m_re[j]))) ++j;
    }
    return j < m_re.size() && m_re[j] == '}' ? j + 1 : 0;
  }

  // A literal character of the token stream, outside a class.
  void literal(std::string_view ch) {
    if (ch == " ") m_out += "(?:" + kSepRe + ")";  // the space between tokens
    else append_literal(m_out, ch);
  }

  bool atom() {
    const char c = m_re[m_i];
    // re: patterns are written folded: give each ae/oe/ue/ss of a literal run its umlaut.
    if ((c == 'a' || c == 'o' || c == 'u' || c == 's') && m_i + 1 < m_re.size() &&
        m_re[m_i + 1] == (c == 's' ? 's' : 'e') && !is_quantifier_at(m_i + 2)) {
      const std::string_view pair = m_re.substr(m_i, 2);
      m_out += "(?:";
      m_out += pair;
      m_out += '|';
      m_out += umlaut_of(pair);
      m_out += ')';
      m_i += 2;
      return true;
    }
    switch (c) {
      case '\\':
        return escape();
      case '[':
        return char_class();
      case '(':
        return group_open();
      case '{': {
        const size_t end = repetition_end(m_i);
        if (end) {
          m_out += m_re.substr(m_i, end - m_i);
          m_i = end;
        } else {
          m_out += "\\{";
          ++m_i;
        }
        return true;
      }
      case '}':
        m_out += "\\}";
        ++m_i;
        return true;
      case ')': case '|': case '^': case '$': case '.': case '*': case '+': case '?':
        m_out += c;
        ++m_i;
        return true;
      default: {
        size_t len;
        decode_utf8(m_re, m_i, &len);
        literal(m_re.substr(m_i, len));
        m_i += len;
        return true;
      }
    }
  }

  bool group_open() {
    if (m_re.substr(m_i).starts_with("(?P<") || m_re.substr(m_i).starts_with("(?<")) {
      // Named groups become plain groups: names would clash once rg joins all patterns.
      const size_t close = m_re.find('>', m_i);
      if (close == std::string_view::npos) return fail("unterminated group name");
      m_out += "(?:";
      m_i = close + 1;
      return true;
    }
    if (m_re.substr(m_i).starts_with("(?")) {  // (?: (?i) (?i: (?-s:
      size_t j = m_i + 2;
      while (j < m_re.size() && m_re[j] != ':' && m_re[j] != ')') ++j;
      if (j >= m_re.size()) return fail("unterminated group");
      m_out += m_re.substr(m_i, j + 1 - m_i);
      m_i = j + 1;
      return true;
    }
    m_out += '(';
    ++m_i;
    return true;
  }

  // An escape of the re: pattern, read the same way in and outside a class.
  struct Escape {
    enum Kind {
      kSpace,     // \s: the separator of the token stream
      kClass,     // \d \D \w \W \S
      kVerbatim,  // \n \t \r \f \v \a, \p{..} \P{..} \x..: the same in Rust
      kPunct,     // an escaped punctuation character: text is the character
      kOther,     // any other letter: the caller decides (an assertion, \Q, or no equivalent)
    } kind;
    char letter;            // the character after the backslash
    std::string_view text;  // as written (kPunct: the character alone)
    size_t end;             // offset just past it (may be past the pattern for a truncated \x)
  };

  // The escape at m_re[m_i] ('\\'); false (with the error set) if it is not one.
  bool read_escape(Escape* out) {
    if (m_i + 1 >= m_re.size()) return fail("trailing backslash");
    const char e = m_re[m_i + 1];
    size_t end = m_i + 2;
    Escape::Kind kind = Escape::kOther;
    if (e == 's') {
      kind = Escape::kSpace;
    } else if (std::string_view("dDwWS").find(e) != std::string_view::npos) {
      kind = Escape::kClass;
    } else if (std::string_view("ntrfva").find(e) != std::string_view::npos) {
      kind = Escape::kVerbatim;
    } else if (e == 'p' || e == 'P' || e == 'x') {
      kind = Escape::kVerbatim;
      if (end < m_re.size() && m_re[end] == '{') {
        const size_t close = m_re.find('}', end);
        if (close == std::string_view::npos) return fail("unterminated escape");
        end = close + 1;
      } else {
        end += e == 'x' ? 2 : 1;
      }
    } else if (!std::isalnum(static_cast<unsigned char>(e))) {
      *out = Escape{Escape::kPunct, e, m_re.substr(m_i + 1, 1), end};
      return true;
    }
    *out = Escape{kind, e, m_re.substr(m_i, end - m_i), end};
    return true;
  }

  // A class escape (\d \D \w \W \S) as a Rust class, outside a class.
  static std::string class_escape(char letter) {
    switch (letter) {
      case 'd': return "[0-9]";
      case 'D': return "[^0-9]";
      case 'w': return "[" + std::string(kWordInner) + "]";
      case 'W': return "[^" + std::string(kWordInner) + "]";
      default: return "[" + kTokenClassInner + "]";  // \S: a token character
    }
  }

  bool no_equivalent(char letter) { return fail(std::string("escape \\") + letter + " has no Rust equivalent"); }

  bool escape() {
    Escape e;
    if (!read_escape(&e)) return false;
    switch (e.kind) {
      case Escape::kSpace:  // in the token stream, the space between tokens
        m_out += "(?:" + kSepRe + ")";
        break;
      case Escape::kClass:
        m_out += class_escape(e.letter);
        break;
      case Escape::kVerbatim:
        if (e.end > m_re.size()) return fail("truncated escape");
        m_out += e.text;
        break;
      case Escape::kPunct:  // RE2 allows any escaped punctuation; Rust only its meta characters
        literal(e.text);
        break;
      case Escape::kOther:
        switch (e.letter) {
          case 'A': case 'z':
            m_out += e.text;
            break;
          case 'b':
            m_out += kB;
            break;
          case 'B':
            m_out += kNotB;
            break;
          case 'Q': {  // \Q...\E: literal text
            const size_t end = m_re.find("\\E", m_i + 2);
            const size_t stop = end == std::string_view::npos ? m_re.size() : end;
            for (size_t k = m_i + 2; k < stop;) {
              size_t len;
              decode_utf8(m_re, k, &len);
              literal(m_re.substr(k, len));
              k += len;
            }
            m_i = end == std::string_view::npos ? m_re.size() : end + 2;
            return true;
          }
          case 'C':
            return fail("\\C (any byte) has no Rust equivalent");
          default:
            return no_equivalent(e.letter);
        }
        break;
    }
    m_i = e.end;
    return true;
  }

  // One item of a character class, in Rust class syntax, at m_i; false at the closing ']'.
  struct ClassItem {
    std::string text;
    bool space = false;           // ' ' or \s: the separator of the token stream
    bool ascii_nonword = false;   // a single ASCII non-word character (a joiner, punctuation)
  };

  static std::string class_char(std::string_view ch) {
    std::string out;
    if (ch.size() == 1 && std::string_view("[]\\-^&~").find(ch[0]) != std::string_view::npos) out += '\\';
    out += ch;
    return out;
  }

  Next class_item(ClassItem* item, bool first) {
    if (m_i >= m_re.size()) return fail_item("unterminated character class");
    const char c = m_re[m_i];
    if (c == ']' && !first) {
      ++m_i;
      return Next::kEnd;
    }
    *item = ClassItem{};
    if (m_re.substr(m_i).starts_with("[:")) {
      const size_t close = m_re.find(":]", m_i + 2);
      if (close == std::string_view::npos) return fail_item("unterminated [: :] class");
      item->text = m_re.substr(m_i, close + 2 - m_i);  // [:alpha:], the same in Rust
      m_i = close + 2;
      return Next::kItem;
    }
    std::string_view ch;
    if (c == '\\') {
      Escape e;
      if (!read_escape(&e)) return Next::kError;
      switch (e.kind) {
        case Escape::kSpace:
          item->space = true;
          m_i = e.end;
          return Next::kItem;
        case Escape::kClass:  // \d and \w as the inside of this class, the others nested
          item->text = e.letter == 'd' ? std::string("0-9")
                       : e.letter == 'w' ? std::string(kWordInner)
                                         : class_escape(e.letter);
          m_i = e.end;
          return Next::kItem;
        case Escape::kVerbatim:
          item->text = e.text;
          m_i = e.end;
          return Next::kItem;
        case Escape::kOther:
          no_equivalent(e.letter);
          return Next::kError;
        case Escape::kPunct:
          ch = e.text;
          m_i = e.end;
          break;
      }
    } else {
      size_t len;
      decode_utf8(m_re, m_i, &len);
      ch = m_re.substr(m_i, len);
      m_i += len;
    }
    // A range a-z (a '-' before the closing ']' is literal).
    if (m_i + 1 < m_re.size() && m_re[m_i] == '-' && m_re[m_i + 1] != ']') {
      ++m_i;
      std::string_view hi;
      if (m_re[m_i] == '\\' && m_i + 1 < m_re.size()) {
        hi = m_re.substr(m_i + 1, 1);
        m_i += 2;
      } else {
        size_t len;
        decode_utf8(m_re, m_i, &len);
        hi = m_re.substr(m_i, len);
        m_i += len;
      }
      item->text = class_char(ch) + "-" + class_char(hi);
      return Next::kItem;
    }
    if (ch == " ") {
      item->space = true;
      return Next::kItem;
    }
    item->text = class_char(ch);
    item->ascii_nonword = ch.size() == 1 && !is_ascii_word(ch[0]);
    return Next::kItem;
  }

  bool char_class() {
    ++m_i;  // '['
    bool negated = false;
    if (m_i < m_re.size() && m_re[m_i] == '^') {
      negated = true;
      ++m_i;
    }
    bool has_space = false, others_nonword = true;
    std::string others;
    for (bool first = true;; first = false) {
      ClassItem item;
      const Next next = class_item(&item, first);
      if (next == Next::kError) return false;
      if (next == Next::kEnd) break;
      if (item.space) {
        has_space = true;
        continue;
      }
      others += item.text;
      others_nonword &= item.ascii_nonword;
    }
    if (!has_space) {
      m_out += negated ? "[^" : "[";
      m_out += others;
      m_out += ']';
    } else if (negated) {
      // Not the separator: a token character, minus whatever else the class excludes.
      if (others.empty()) {
        m_out += "[";
        m_out += kTokenClassInner;
        m_out += "]";
      } else {
        m_out += "[[";
        m_out += kTokenClassInner;
        m_out += "]--[" + others + "]]";
      }
    } else if (others.empty() || others_nonword) {
      // The separator or a joiner: one token boundary, i.e. a run of non-word characters.
      m_out += "(?:" + kSepRe + ")";
    } else {
      m_out += "(?:" + kSepRe + "|[" + others + "])";
    }
    return true;
  }

  std::string_view m_re;
  size_t m_i = 0;
  std::string m_out;
  std::string m_error;
};


}  // namespace

Expected<std::string> re_to_rg(std::string_view body) { return ReTranslator(body).run(); }

std::string_view re_lead(std::string_view re) {
  size_t i = 0;
  while (i < re.size() && re[i] == '(') {  // skip group openings: "(", "(?:", "(?i)"
    if (i + 1 < re.size() && re[i + 1] == '?') {
      const size_t j = re.find_first_of(":)", i);
      if (j == std::string_view::npos) break;
      i = j + 1;
    } else {
      ++i;
    }
  }
  if (i >= re.size()) return kB;
  const char c = re[i];
  if (c == '\\' && i + 1 < re.size() && !std::isalnum(static_cast<unsigned char>(re[i + 1])))
    return kNotB;
  if (static_cast<unsigned char>(c) < 0x80 && !is_ascii_word(c) &&
      std::string_view("[(.\\").find(c) == std::string_view::npos)
    return kNotB;
  return kB;
}

std::string_view re_trail(std::string_view re) {
  if (re.empty()) return kB;
  const char c = re.back();
  const bool escaped = re.size() >= 2 && re[re.size() - 2] == '\\' &&
                       (re.size() < 3 || re[re.size() - 3] != '\\');
  if (escaped) return std::isalnum(static_cast<unsigned char>(c)) ? kB : kNotB;
  if (static_cast<unsigned char>(c) < 0x80 && !is_ascii_word(c) &&
      std::string_view(")]?*+}.").find(c) == std::string_view::npos)
    return kNotB;
  return kB;
}
}  // namespace jobmatch::rg
