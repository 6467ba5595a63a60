#include "lexicon/export.h"

#include <cctype>

#include "text/normalize.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

// ASCII word-boundary assertions: they keep Rust's regex in its lazy DFA on any text (a Unicode
// \b makes ripgrep 13 about 50 times slower on these patterns).
constexpr std::string_view kB = "(?-u:\\b)";
constexpr std::string_view kNotB = "(?-u:\\B)";
// Word characters in raw text, as the inside of a class: ASCII letters, digits and '_', the
// Latin-1 and Latin Extended-A/B letters (not × and ÷) and combining diacritics. Rust's Unicode
// \w would be closer, but 1,500 patterns with it exceed ripgrep's regex size limit, and its case
// folding under -i takes seconds; the postings are German and English.
constexpr std::string_view kWordInner =
    "0-9A-Za-z_\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}\\x{F8}-\\x{24F}\\x{300}-\\x{36F}";
// A token boundary in raw text: a run of non-word characters (punctuation between tokens is
// dropped by normalization, so any run of it separates two tokens).
const std::string kSepRe = "[^" + std::string(kWordInner) + "]+";
// What '*' means: a run of word characters within one word.
const std::string kWordRunRe = "[" + std::string(kWordInner) + "]*";
// A character that can stand inside a token: a word character or a joiner (what "[^ ]" means in
// the token stream).
const std::string kTokenClassInner = std::string(kWordInner) + "\\-/.'\\&+#";

bool is_ascii_word(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Characters Rust's regex syntax treats as meta characters outside a class (regex::escape).
bool is_rust_meta(char c) {
  return std::string_view("\\.+*?()|[]{}^$#&-~").find(c) != std::string_view::npos;
}

// Appends one literal character (UTF-8) for use outside a class.
void append_literal(std::string& out, std::string_view ch) {
  if (ch.size() == 1) {
    const char c = ch[0];
    if (c == '\'') {  // normalization maps typographic apostrophes to '
      out += "['\u2019]";
      return;
    }
    if (c == '-') {  // and typographic hyphens to -
      out += "[\\-\u2010\u2011]";
      return;
    }
    if (is_rust_meta(c)) out += '\\';
  }
  out += ch;
}

// ---------------------------------------------------------------- plain patterns

struct Unit {
  enum Kind { kLiteral, kUmlaut, kStar, kSeparator } kind;
  std::string text;     // kLiteral: one character; kUmlaut: the folded pair ("ae")
  std::string umlaut;   // kUmlaut: the character it was folded from ("ä")
};

std::string_view umlaut_of(std::string_view pair) {
  if (pair == "ae") return "\u00e4";
  if (pair == "oe") return "\u00f6";
  if (pair == "ue") return "\u00fc";
  if (pair == "ss") return "\u00df";
  return {};
}

// The units of one literal piece of a word, normalized as the lexicon normalizes patterns.
void literal_units(std::string_view piece, std::vector<Unit>* units) {
  Normalized n;
  normalize(piece, &n);
  const std::string& t = n.text;
  const std::vector<uint32_t> src = n.map.expand(t);
  for (size_t i = 0; i < t.size();) {
    if (i + 1 < t.size() && src[i] == src[i + 1] && src[i] < piece.size() &&
        static_cast<unsigned char>(piece[src[i]]) >= 0x80) {
      const std::string_view pair(t.data() + i, 2);
      const std::string_view u = umlaut_of(pair);
      // Only a pair both of whose bytes came from one non-ASCII character ("ä", "ß").
      if (!u.empty() && (i + 2 >= src.size() || src[i + 2] != src[i])) {
        units->push_back({Unit::kUmlaut, std::string(pair), std::string(u)});
        i += 2;
        continue;
      }
    }
    size_t len;
    decode_utf8(t, i, &len);
    units->push_back({Unit::kLiteral, t.substr(i, len), ""});
    i += len;
  }
}

void append_unit(std::string& out, const Unit& u, bool lead, bool trail) {
  switch (u.kind) {
    case Unit::kSeparator:
      out += kSepRe;
      return;
    case Unit::kStar:
      out += kWordRunRe;
      return;
    case Unit::kLiteral:
      append_literal(out, u.text);
      return;
    case Unit::kUmlaut:
      // The folded spelling is ASCII, the umlaut is not: each gets its own boundary test.
      out += "(?:";
      if (lead) out += kB;
      out += u.text;
      if (trail) out += kB;
      out += '|';
      if (lead) out += kNotB;
      out += u.umlaut;
      if (trail) out += kNotB;
      out += ')';
      return;
  }
}

// The boundary before (or after) a pattern whose first (or last) unit is u; empty for an umlaut,
// which carries its own.
std::string_view edge_boundary(const Unit& u) {
  switch (u.kind) {
    case Unit::kStar:
      return kB;
    case Unit::kLiteral:
      return u.text.size() == 1 && is_ascii_word(u.text[0]) ? kB : kNotB;
    case Unit::kUmlaut:
    case Unit::kSeparator:
      return {};
  }
  return {};
}

bool plain_to_rg(std::string_view pattern, std::string* out, std::string* error) {
  std::vector<Unit> units;
  size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == ' ') {
      ++i;
      continue;
    }
    size_t end = pattern.find(' ', i);
    if (end == std::string_view::npos) end = pattern.size();
    if (!units.empty() && units.back().kind != Unit::kSeparator) units.push_back({Unit::kSeparator, "", ""});
    for (size_t p = i; p < end;) {
      if (pattern[p] == '*') {
        units.push_back({Unit::kStar, "", ""});
        ++p;
        continue;
      }
      size_t q = pattern.find('*', p);
      if (q == std::string_view::npos || q > end) q = end;
      literal_units(pattern.substr(p, q - p), &units);
      p = q;
    }
    i = end;
  }
  while (!units.empty() && units.back().kind == Unit::kSeparator) units.pop_back();
  if (units.empty()) {
    *error = "empty pattern";
    return false;
  }
  out->clear();
  *out += edge_boundary(units.front());
  for (size_t k = 0; k < units.size(); ++k)
    append_unit(*out, units[k], k == 0, k + 1 == units.size());
  *out += edge_boundary(units.back());
  return true;
}

// ---------------------------------------------------------------- re: patterns

class ReTranslator {
 public:
  explicit ReTranslator(std::string_view re) : m_re(re) {}

  bool run(std::string* out, std::string* error) {
    while (m_i < m_re.size()) {
      if (!atom()) {
        *error = m_error;
        return false;
      }
    }
    *out = std::move(m_out);
    return true;
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

  bool escape() {
    if (m_i + 1 >= m_re.size()) return fail("trailing backslash");
    const char e = m_re[m_i + 1];
    switch (e) {
      case 'd': case 'D': case 'w': case 'W':
        m_out += e == 'd' ? "[0-9]" : e == 'D' ? "[^0-9]" : e == 'w' ? "[" + std::string(kWordInner) + "]"
                                                         : "[^" + std::string(kWordInner) + "]";
        m_i += 2;
        return true;
      case 'A': case 'z':
      case 'n': case 't': case 'r': case 'f': case 'v': case 'a':
        m_out += m_re.substr(m_i, 2);
        m_i += 2;
        return true;
      case 's':  // in the token stream, the space between tokens
        m_out += "(?:" + kSepRe + ")";
        m_i += 2;
        return true;
      case 'S':
        m_out += '[';
        m_out += kTokenClassInner;
        m_out += ']';
        m_i += 2;
        return true;
      case 'b':
        m_out += kB;
        m_i += 2;
        return true;
      case 'B':
        m_out += kNotB;
        m_i += 2;
        return true;
      case 'p': case 'P': case 'x': {
        size_t j = m_i + 2;
        if (j < m_re.size() && m_re[j] == '{') {
          const size_t close = m_re.find('}', j);
          if (close == std::string_view::npos) return fail("unterminated escape");
          j = close + 1;
        } else {
          j += e == 'x' ? 2 : 1;
        }
        if (j > m_re.size()) return fail("truncated escape");
        m_out += m_re.substr(m_i, j - m_i);
        m_i = j;
        return true;
      }
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
        if (std::isalnum(static_cast<unsigned char>(e)))
          return fail(std::string("escape \\") + e + " has no Rust equivalent");
        // An escaped punctuation character (RE2 allows any; Rust only its meta characters).
        literal(m_re.substr(m_i + 1, 1));
        m_i += 2;
        return true;
    }
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
      if (m_i + 1 >= m_re.size()) return fail_item("trailing backslash");
      const char e = m_re[m_i + 1];
      if (e == 's') {
        item->space = true;
        m_i += 2;
        return Next::kItem;
      }
      if (e == 'd' || e == 'D' || e == 'w' || e == 'W' || e == 'S') {
        item->text = e == 'd'   ? std::string("0-9")
                     : e == 'D' ? std::string("[^0-9]")
                     : e == 'w' ? std::string(kWordInner)
                     : e == 'W' ? "[^" + std::string(kWordInner) + "]"
                                : "[" + kTokenClassInner + "]";
        m_i += 2;
        return Next::kItem;
      }
      if (std::string_view("ntrfva").find(e) != std::string_view::npos) {
        item->text = m_re.substr(m_i, 2);
        m_i += 2;
        return Next::kItem;
      }
      if (e == 'p' || e == 'P' || e == 'x') {
        size_t j = m_i + 2;
        if (j < m_re.size() && m_re[j] == '{') {
          const size_t close = m_re.find('}', j);
          if (close == std::string_view::npos) return fail_item("unterminated escape");
          j = close + 1;
        } else {
          j += e == 'x' ? 2 : 1;
        }
        item->text = m_re.substr(m_i, j - m_i);
        m_i = j;
        return Next::kItem;
      }
      if (std::isalnum(static_cast<unsigned char>(e)))
        return fail_item(std::string("escape \\") + e + " has no Rust equivalent");
      ch = m_re.substr(m_i + 1, 1);
      m_i += 2;
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

// The boundary before a re: pattern: \B if it starts with a literal non-word character ("\+",
// "\.", "#"), else \b.
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

// The boundary after a re: pattern: \B if it ends with a literal non-word character, else \b.
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

}  // namespace

bool pattern_to_rg(std::string_view pattern, std::string* out, std::string* error) {
  if (!pattern.starts_with("re:")) return plain_to_rg(pattern, out, error);
  const std::string_view body = pattern.substr(3);
  std::string translated;
  if (!ReTranslator(body).run(&translated, error)) return false;
  if (translated.empty()) {
    *error = "empty pattern";
    return false;
  }
  *out = std::string(re_lead(body)) + "(?:" + translated + ")" + std::string(re_trail(body));
  return true;
}

std::vector<ExportedPattern> export_patterns(const Lexicon& lexicon,
                                             const std::vector<size_t>& concepts) {
  std::vector<ExportedPattern> out;
  for (const size_t ci : concepts) {
    const Concept& c = lexicon.concepts.at(ci);
    for (const bool weak : {false, true})
      for (const Pattern& p : weak ? c.weak : c.strong) {
        ExportedPattern e;
        e.concept_index = ci;
        e.weak = weak;
        e.source = p.source;
        if (!pattern_to_rg(p.source, &e.rg, &e.error)) e.rg.clear();
        out.push_back(std::move(e));
      }
  }
  return out;
}

}  // namespace jobmatch
