// Reading RE2 syntax for what the matcher needs to know of a re: pattern: how many token
// boundaries a match can cross (re_max_spaces) and which literals every match holds
// (literal_elements). Declared in pattern.h.
#include "lexicon/pattern.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "text/text_util.h"

namespace jobmatch {

namespace {

// re_max_spaces, by recursive descent over RE2's syntax.
class SpaceReach {
 public:
  explicit SpaceReach(std::string_view re) : m_re(re) {}
  size_t run(size_t* col) {
    const size_t n = alternation();
    *col = m_col;
    return n;
  }

 private:
  static constexpr size_t kInf = SIZE_MAX;
  static size_t add(size_t a, size_t b) { return a == kInf || b == kInf ? kInf : a + b; }
  static size_t mul(size_t a, size_t b) {
    if (a == 0 || b == 0) return 0;
    return a == kInf || b == kInf || a > kInf / b ? kInf : a * b;
  }
  bool done() const { return m_i >= m_re.size(); }

  size_t alternation() {
    size_t best = sequence();
    while (!done() && m_re[m_i] == '|') {
      ++m_i;
      best = std::max(best, sequence());
    }
    return best;
  }
  size_t sequence() {
    size_t total = 0;
    while (!done() && m_re[m_i] != '|' && m_re[m_i] != ')') {
      const size_t start = m_i;
      size_t n = atom();
      n = repeat(n, start);
      total = add(total, n);
    }
    return total;
  }
  // A quantifier after an atom that can hold n spaces.
  size_t repeat(size_t n, size_t start) {
    while (!done()) {
      const char c = m_re[m_i];
      size_t times;
      if (c == '*' || c == '+') {
        times = kInf;
        ++m_i;
      } else if (c == '?') {
        times = 1;
        ++m_i;
      } else if (c == '{' && m_re.find('}', m_i) != std::string_view::npos &&
                 std::isdigit(static_cast<unsigned char>(m_re[m_i + 1 < m_re.size() ? m_i + 1 : m_i]))) {
        const size_t close = m_re.find('}', m_i);
        const std::string_view inner = m_re.substr(m_i + 1, close - m_i - 1);
        const size_t comma = inner.find(',');
        const std::string_view max = comma == std::string_view::npos ? inner : inner.substr(comma + 1);
        times = max.empty() ? kInf : 0;
        for (const char d : max) times = times * 10 + static_cast<size_t>(d - '0');
        m_i = close + 1;
      } else {
        return n;
      }
      if (!done() && m_re[m_i] == '?') ++m_i;  // lazy
      const size_t total = mul(n, times);
      if (total > m_worst) {
        m_worst = total;
        m_col = start;
      }
      n = total;
    }
    return n;
  }
  // One atom: how many spaces it can hold.
  size_t atom() {
    const char c = m_re[m_i];
    if (c == '(') {
      ++m_i;
      if (!done() && m_re[m_i] == '?') {
        // (?:...), (?P<name>...), (?i), (?i:...)
        size_t k = m_i + 1;
        if (k < m_re.size() && m_re[k] == 'P') {
          k = m_re.find('>', k);
          m_i = k == std::string_view::npos ? m_re.size() : k + 1;
        } else {
          while (k < m_re.size() && m_re[k] != ':' && m_re[k] != ')') ++k;
          if (k < m_re.size() && m_re[k] == ')') {  // flags alone: zero width
            m_i = k + 1;
            return 0;
          }
          m_i = k + 1;
        }
      }
      const size_t n = alternation();
      if (!done() && m_re[m_i] == ')') ++m_i;
      return n;
    }
    if (c == '[') return char_class();
    if (c == '.') {
      ++m_i;
      return 1;
    }
    if (c == '^' || c == '$') {
      ++m_i;
      return 0;
    }
    if (c == '\\') return escape();
    ++m_i;
    return c == ' ' ? 1 : 0;
  }
  // An escape at m_re[m_i] == '\\': 1 if it can match a space. In a class, sets m_last to the
  // character it stands for (or -1).
  size_t escape() {
    m_last = -1;
    if (m_i + 1 >= m_re.size()) {
      m_i = m_re.size();
      return 0;
    }
    const char e = m_re[m_i + 1];
    m_i += 2;
    switch (e) {
      case 'd': case 'w': case 'S': case 'b': case 'B': case 'A': case 'z': case 'n': case 't':
      case 'r': case 'f': case 'v': case 'a':
        return 0;
      case 's': case 'D': case 'W': case 'C':
        return 1;
      case 'Q': {
        const size_t end = m_re.find("\\E", m_i);
        const std::string_view lit = m_re.substr(m_i, end == std::string_view::npos ? std::string_view::npos : end - m_i);
        m_i = end == std::string_view::npos ? m_re.size() : end + 2;
        return static_cast<size_t>(std::count(lit.begin(), lit.end(), ' '));
      }
      case 'x': {
        size_t value = 0;
        if (m_i < m_re.size() && m_re[m_i] == '{') {
          const size_t close = m_re.find('}', m_i);
          for (size_t k = m_i + 1; k < close && k < m_re.size(); ++k)
            value = value * 16 + static_cast<size_t>(std::isdigit(static_cast<unsigned char>(m_re[k]))
                                                         ? m_re[k] - '0'
                                                         : (std::tolower(static_cast<unsigned char>(m_re[k])) - 'a' + 10));
          m_i = close == std::string_view::npos ? m_re.size() : close + 1;
        } else {
          for (size_t k = 0; k < 2 && m_i < m_re.size(); ++k, ++m_i)
            value = value * 16 + static_cast<size_t>(std::isdigit(static_cast<unsigned char>(m_re[m_i]))
                                                         ? m_re[m_i] - '0'
                                                         : (std::tolower(static_cast<unsigned char>(m_re[m_i])) - 'a' + 10));
        }
        m_last = value < 0x80 ? static_cast<int>(value) : 0x80;
        return value == ' ' ? 1 : 0;
      }
      case 'p': case 'P': {
        // \pN, \p{Greek}, \P{L}: a space only in Z (and anything negated but Z).
        std::string_view name;
        if (m_i < m_re.size() && m_re[m_i] == '{') {
          const size_t close = m_re.find('}', m_i);
          name = m_re.substr(m_i + 1, close == std::string_view::npos ? 0 : close - m_i - 1);
          m_i = close == std::string_view::npos ? m_re.size() : close + 1;
        } else if (m_i < m_re.size()) {
          name = m_re.substr(m_i++, 1);
        }
        const bool negated = (e == 'P') != name.starts_with('^');
        if (name.starts_with('^')) name.remove_prefix(1);
        const bool z = name.starts_with('Z') || name == "Any" || name == "Common";
        return z != negated ? 1 : 0;
      }
      default:
        if (std::isdigit(static_cast<unsigned char>(e))) return 1;  // octal: read as a space
        m_last = static_cast<unsigned char>(e);
        return e == ' ' ? 1 : 0;
    }
  }
  // [...]: 1 if it can match a space.
  size_t char_class() {
    ++m_i;
    bool negated = false;
    if (!done() && m_re[m_i] == '^') {
      negated = true;
      ++m_i;
    }
    bool space = false;
    bool first = true;
    int prev = -1;
    while (!done() && (m_re[m_i] != ']' || first)) {
      first = false;
      const char c = m_re[m_i];
      int ch = -1;
      if (c == '[' && m_i + 1 < m_re.size() && m_re[m_i + 1] == ':') {
        const size_t end = m_re.find(":]", m_i);
        const std::string_view name = m_re.substr(m_i + 2, end == std::string_view::npos ? 0 : end - m_i - 2);
        m_i = end == std::string_view::npos ? m_re.size() : end + 2;
        const bool neg = name.starts_with('^');
        const std::string_view n = neg ? name.substr(1) : name;
        const bool has = n == "space" || n == "blank" || n == "print" || n == "ascii";
        space |= has != neg;
        prev = -1;
        continue;
      }
      if (c == '\\') {
        space |= escape() != 0;
        ch = m_last;
      } else {
        ch = static_cast<unsigned char>(c);
        ++m_i;
      }
      if (ch == '-' && prev >= 0 && !done() && m_re[m_i] != ']') {
        // a range prev-next
        int hi;
        if (m_re[m_i] == '\\') {
          space |= escape() != 0;
          hi = m_last < 0 ? 0x10FFFF : m_last;
        } else {
          size_t len;
          const char32_t cp = decode_utf8(m_re, m_i, &len);
          hi = static_cast<int>(cp);
          m_i += len;
        }
        space |= prev <= ' ' && hi >= ' ';
        prev = -1;
        continue;
      }
      if (ch >= 0x80 && c != '\\') {  // a UTF-8 character: never a space
        size_t len;
        decode_utf8(m_re, m_i - 1, &len);
        m_i += len - 1;
      }
      space |= ch == ' ';
      prev = ch;
    }
    if (!done()) ++m_i;  // ']'
    return space != negated ? 1 : 0;
  }

  std::string_view m_re;
  size_t m_i = 0;
  int m_last = -1;
  size_t m_worst = 0;
  size_t m_col = 0;
};

}  // namespace

size_t re_max_spaces(std::string_view re, size_t* col) { return SpaceReach(re).run(col); }

namespace {

// Where the group or class that opens at re[i] ('(' or '[') closes, or npos.
size_t closing(std::string_view re, size_t i) {
  if (re[i] == '[') {
    size_t k = i + 1;
    if (k < re.size() && re[k] == '^') ++k;
    if (k < re.size() && re[k] == ']') ++k;  // a leading ']' is literal
    for (; k < re.size(); ++k) {
      if (re[k] == '\\') ++k;
      else if (re[k] == '[' && k + 1 < re.size() && re[k + 1] == ':') {  // [:alpha:]
        const size_t e = re.find(":]", k + 2);
        if (e == std::string_view::npos) return e;
        k = e + 1;
      } else if (re[k] == ']') return k;
    }
    return std::string_view::npos;
  }
  int depth = 0;
  for (size_t k = i; k < re.size(); ++k) {
    if (re[k] == '\\') ++k;
    else if (re[k] == '[') {
      k = closing(re, k);
      if (k == std::string_view::npos) return k;
    } else if (re[k] == '(') ++depth;
    else if (re[k] == ')' && --depth == 0) return k;
  }
  return std::string_view::npos;
}

// re split at its top-level '|'.
std::vector<std::string_view> top_alternatives(std::string_view re) {
  std::vector<std::string_view> out;
  size_t from = 0;
  for (size_t k = 0; k < re.size(); ++k) {
    if (re[k] == '\\') ++k;
    else if (re[k] == '[' || re[k] == '(') {
      k = closing(re, k);
      if (k == std::string_view::npos) return {};
    } else if (re[k] == '|') {
      out.push_back(re.substr(from, k - from));
      from = k + 1;
    }
  }
  out.push_back(re.substr(from));
  return out;
}

bool is_quantifier(char c) { return c == '?' || c == '*' || c == '+' || c == '{'; }

bool sequence_prefixes(std::string_view seq, std::vector<std::string>* out);

// One literal character at seq[i], into *c, and where the next atom starts: a printable ASCII
// character that is not special in RE2, or an escaped ASCII punctuation character. Anything
// else (a class, '.', \d, \x41, \Q, a byte from 0x80) is false.
bool literal_at(std::string_view seq, size_t i, char* c, size_t* next) {
  const auto b = static_cast<unsigned char>(seq[i]);
  if (b == '\\') {
    if (i + 1 >= seq.size() || !std::ispunct(static_cast<unsigned char>(seq[i + 1]))) return false;
    *c = seq[i + 1];
    *next = i + 2;
    return true;
  }
  if (b >= 0x80 || !std::isprint(b) || std::string_view(".+*?()|[]{}^$").find(seq[i]) != std::string_view::npos)
    return false;
  *c = seq[i];
  *next = i + 1;
  return true;
}

bool alternation_prefixes(std::string_view re, std::vector<std::string>* out) {
  const std::vector<std::string_view> alts = top_alternatives(re);
  if (alts.empty()) return false;
  for (const std::string_view alt : alts)
    if (!sequence_prefixes(alt, out)) return false;
  return true;
}

// The literal a sequence (no top-level '|') starts with, or the prefixes of its leading group.
bool sequence_prefixes(std::string_view seq, std::vector<std::string>* out) {
  if (seq.starts_with("(?:")) {
    const size_t close = closing(seq, 0);
    if (close == std::string_view::npos) return false;
    if (close + 1 < seq.size() && is_quantifier(seq[close + 1]) && seq[close + 1] != '+') return false;
    return alternation_prefixes(seq.substr(3, close - 3), out);
  }
  std::string lit;
  for (size_t i = 0; i < seq.size();) {
    char c;
    size_t next;
    if (!literal_at(seq, i, &c, &next)) break;
    if (is_boundary(c)) break;  // the first part ends here
    if (next < seq.size() && is_quantifier(seq[next])) {
      if (seq[next] != '+') break;  // optional: the literal ends before it
      lit += c;                     // one or more: it is there once, then maybe again
      break;
    }
    lit += c;
    i = next;
  }
  if (lit.size() < 2) return false;
  out->push_back(std::move(lit));
  return true;
}

// True if the class atom ("[ /.'-]") holds only boundary characters.
bool boundary_class(std::string_view atom) {
  if (atom.size() < 3 || atom[1] == '^') return false;
  const std::string_view body = atom.substr(1, atom.size() - 2);
  for (size_t k = 0; k < body.size(); ++k) {
    char c = body[k];
    if (c == '\\') {
      if (++k >= body.size()) return false;
      c = body[k];
    } else if (c == '-' && k + 1 < body.size()) {
      return false;  // a range
    }
    if (!is_boundary(c)) return false;
  }
  return true;
}

// True if every alternative of the group atom "(?:...)" ends with a boundary it cannot skip.
bool group_ends_with_boundary(std::string_view atom) {
  const std::vector<std::string_view> alts = top_alternatives(atom.substr(3, atom.size() - 4));
  if (alts.empty()) return false;
  for (const std::string_view alt : alts) {
    if (alt.ends_with(' ') && !alt.ends_with("\\ ")) continue;
    const size_t open = alt.rfind('[');
    if (open != std::string_view::npos && closing(alt, open) == alt.size() - 1 && boundary_class(alt.substr(open)))
      continue;
    return false;
  }
  return true;
}

// The elements after the first of a sequence (no top-level '|'): walks its atoms, knowing
// whether the next one starts a part, and takes each required literal or alternation of
// literals that does. Stops at anything it cannot read.
void later_elements(std::string_view seq, std::vector<std::vector<std::string>>* out) {
  bool at_start = true;
  for (size_t i = 0; i < seq.size();) {
    enum { kGroup, kClass, kLiteral } kind;
    size_t atom_end;
    char lit = 0;
    if (seq.substr(i).starts_with("(?:")) {
      const size_t close = closing(seq, i);
      if (close == std::string_view::npos) return;
      kind = kGroup, atom_end = close + 1;
    } else if (seq[i] == '[') {
      const size_t close = closing(seq, i);
      if (close == std::string_view::npos) return;
      kind = kClass, atom_end = close + 1;
    } else if (literal_at(seq, i, &lit, &atom_end)) {
      kind = kLiteral;
    } else {
      return;
    }
    size_t next = atom_end;
    bool optional = false;
    if (next < seq.size() && is_quantifier(seq[next])) {
      optional = seq[next] != '+';
      if (seq[next] == '{') {
        next = seq.find('}', next);
        if (next == std::string_view::npos) return;
      }
      ++next;
      if (next < seq.size() && seq[next] == '?') ++next;  // lazy
    }
    const std::string_view atom = seq.substr(i, atom_end - i);
    const bool boundary = (kind == kLiteral && is_boundary(lit)) || (kind == kClass && boundary_class(atom));
    if (i > 0 && at_start && !optional && !boundary && kind != kClass) {
      std::vector<std::string> prefixes;
      if (sequence_prefixes(kind == kGroup ? atom : seq.substr(i), &prefixes)) out->push_back(std::move(prefixes));
    }
    const bool ends_at_boundary = boundary || (kind == kGroup && group_ends_with_boundary(atom));
    at_start = optional ? at_start && ends_at_boundary : ends_at_boundary;
    i = next;
  }
}

}  // namespace

bool literal_elements(std::string_view regex, std::vector<std::vector<std::string>>* elements) {
  elements->assign(1, {});
  if (!alternation_prefixes(regex, &elements->front())) return false;
  for (std::vector<std::string>& set : *elements) {
    std::sort(set.begin(), set.end());
    set.erase(std::unique(set.begin(), set.end()), set.end());
  }
  // Later elements only where there is one sequence to walk: "(?:seq)" as compile_pattern
  // writes a re: pattern, or seq itself.
  std::string_view seq = regex;
  if (seq.starts_with("(?:") && closing(seq, 0) == seq.size() - 1) seq = seq.substr(3, seq.size() - 4);
  if (top_alternatives(seq).size() == 1) {
    std::vector<std::vector<std::string>> later;
    later_elements(seq, &later);
    for (std::vector<std::string>& set : later) {
      std::sort(set.begin(), set.end());
      set.erase(std::unique(set.begin(), set.end()), set.end());
      elements->push_back(std::move(set));
    }
  }
  return true;
}

}  // namespace jobmatch
