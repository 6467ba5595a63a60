#include "input/html_bound.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <unordered_map>

namespace jobmatch {
namespace {

constexpr size_t kMaxDepth = 256;
// Formatting elements in SVG or MathML content stay (they end it); gumbo clones each one still
// open in front of every paragraph, so only this many.
constexpr size_t kMaxFormatting = 8;
constexpr size_t kMaxAttributes = 256;

bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// What the model needs to know of a tag name, as bits.
enum : uint16_t {
  kVoid = 1,            // never has content
  kFormatting = 2,      // on gumbo's list of active formatting elements
  kScope = 4,           // where gumbo's "has an element in scope" stops looking
  kSpecial = 8,         // stops an end tag of another, ordinary name
  kClosesP = 16,        // its start tag closes an open <p>
  kRawText = 32,        // its content is text up to its end tag (in HTML, not in SVG/MathML)
  kBreakout = 64,       // its start tag ends SVG or MathML content
  kHeading = 128,       // h1-h6
  kIntegration = 256,   // SVG or MathML element whose content is HTML again
  kTable = 512,         // table, html, template: table scope
  kListScope = 1024,    // ol, ul: list item scope
  kButton = 2048,       // button scope
  kRow = 4096,          // tr
  kOrdinary = 8192,     // address, div, p: special, but not where li, dd, dt stop looking
  kTablePart = 16384,   // caption, col, colgroup, tbody, td, tfoot, th, thead, tr
};

const std::unordered_map<std::string_view, uint16_t>& known_names() {
  static const std::unordered_map<std::string_view, uint16_t> names = [] {
    std::unordered_map<std::string_view, uint16_t> m;
    auto add = [&](std::initializer_list<std::string_view> list, uint16_t bit) {
      for (const std::string_view n : list) m[n] |= bit;
    };
    add({"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input",
         "keygen", "link", "menuitem", "meta", "param", "source", "track", "wbr"},
        kVoid | kSpecial);
    add({"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"},
        kFormatting);
    add({"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"}, kScope | kSpecial);
    add({"address", "article", "aside", "blockquote", "body", "button", "center", "colgroup", "dd", "details",
         "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2",
         "h3", "h4", "h5", "h6", "head", "header", "hgroup", "iframe", "li", "listing", "main", "menu", "nav",
         "noembed", "noframes", "noscript", "ol", "p", "plaintext", "pre", "script", "section", "select", "style",
         "summary", "tbody", "textarea", "tfoot", "thead", "title", "tr", "ul", "xmp"},
        kSpecial);
    add({"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
         "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
         "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "li", "dd",
         "dt", "listing", "plaintext", "xmp"},
        kClosesP);
    add({"script", "style", "xmp", "iframe", "noembed", "noframes", "title", "textarea", "plaintext"}, kRawText);
    add({"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
         "blockquote", "body", "br", "center", "dd", "div", "dl", "dt", "embed", "h1", "h2", "h3", "h4", "h5", "h6",
         "head", "hr", "img", "li", "listing", "menu", "meta", "ol", "p", "pre", "ruby", "span", "sub", "sup",
         "table", "ul", "var"},
        kBreakout);
    add({"h1", "h2", "h3", "h4", "h5", "h6"}, kHeading);
    add({"foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml"}, kIntegration);
    add({"html", "table", "template"}, kTable);
    add({"ol", "ul"}, kListScope);
    add({"button"}, kButton);
    add({"tr"}, kRow);
    add({"address", "div", "p"}, kOrdinary);
    add({"caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr"}, kTablePart);
    return m;
  }();
  return names;
}

class Bounder {
 public:
  Bounder(std::string_view html, Bounded* out, size_t chunk) : m_html(html), m_out(out), m_chunk(chunk) {}

  void run() {
    const size_t n = m_html.size();
    size_t i = 0, last_cut = 0;
    while (i < n) {
      const void* lt = std::memchr(m_html.data() + i, '<', n - i);
      if (!lt) break;
      i = static_cast<size_t>(static_cast<const char*>(lt) - m_html.data());
      i = markup(i);
      if (m_open.empty() && m_buried_total == 0 && i - last_cut >= m_chunk && n - i >= m_chunk) {
        m_out->cuts.push_back(static_cast<uint32_t>(i));
        last_cut = i;
      }
    }
  }

 private:
  // Tag names as small integers: the stack holds those, and a name's bits are one load away.
  uint32_t id_of(std::string_view name) {
    const auto [it, added] = m_ids.try_emplace(std::string(name), static_cast<uint32_t>(m_flags.size()));
    if (added) {
      const auto& known = known_names();
      const auto k = known.find(name);
      m_flags.push_back(k == known.end() ? 0 : k->second);
      m_open_count.push_back(0);
      m_buried.push_back(0);
    }
    return it->second;
  }
  bool has(uint32_t id, uint16_t bits) const { return (m_flags[id] & bits) != 0; }

  // The markup at html[i] == '<': returns where text resumes.
  size_t markup(size_t i) {
    const size_t n = m_html.size();
    const std::string_view rest = m_html.substr(i);
    if (rest.starts_with("<!--")) {
      if (rest.starts_with("<!-->")) return i + 5;
      if (rest.starts_with("<!--->")) return i + 6;
      size_t k = i + 4;
      for (;;) {
        const size_t e = m_html.find("--", k);
        if (e == std::string_view::npos) return n;
        if (e + 2 < n && m_html[e + 2] == '>') return e + 3;
        if (e + 3 < n && m_html[e + 2] == '!' && m_html[e + 3] == '>') return e + 4;
        k = e + 1;
      }
    }
    if (rest.size() > 1 && (rest[1] == '!' || rest[1] == '?')) return bogus_comment(i + 2);
    if (rest.size() > 1 && rest[1] == '/') {
      if (rest.size() > 2 && ascii_alpha(rest[2])) return tag(i, true);
      if (rest.size() > 2 && rest[2] == '>') return i + 3;
      return bogus_comment(i + 2);
    }
    if (rest.size() > 1 && ascii_alpha(rest[1])) return tag(i, false);
    return i + 1;
  }

  size_t bogus_comment(size_t k) {
    const size_t e = m_html.find('>', k);
    return e == std::string_view::npos ? m_html.size() : e + 1;
  }

  // A start or end tag at html[i]; returns where text resumes.
  size_t tag(size_t i, bool end) {
    const size_t n = m_html.size();
    size_t k = i + (end ? 2 : 1);
    m_name.clear();
    while (k < n && !ascii_space(m_html[k]) && m_html[k] != '/' && m_html[k] != '>') {
      char c = m_html[k++];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      m_name += c;
    }
    // Attributes as gumbo's tokenizer reads them: names up to = / > or white space, values
    // quoted or up to white space or >.
    size_t attrs = 0, cut_from = 0, cut_to = 0;
    bool self_closing = false;  // "/>": in SVG and MathML, an element without content
    const bool merged = !end && (m_name == "html" || m_name == "body");
    for (;;) {
      while (k < n && (ascii_space(m_html[k]) || m_html[k] == '/')) ++k;
      if (k >= n) return n;  // gumbo drops a tag cut off by the end of the page
      if (m_html[k] == '>') {
        self_closing = m_html[k - 1] == '/';
        break;
      }
      const size_t attr_start = k;
      ++k;  // a name's first character may be '='
      while (k < n && !ascii_space(m_html[k]) && m_html[k] != '/' && m_html[k] != '>' && m_html[k] != '=') ++k;
      size_t v = k;
      while (v < n && ascii_space(m_html[v])) ++v;
      if (v < n && m_html[v] == '=') {
        k = v + 1;
        while (k < n && ascii_space(m_html[k])) ++k;
        if (k < n && (m_html[k] == '"' || m_html[k] == '\'')) {
          const size_t close = m_html.find(m_html[k], k + 1);
          if (close == std::string_view::npos) return n;
          k = close + 1;
        } else {
          while (k < n && !ascii_space(m_html[k]) && m_html[k] != '>') ++k;
        }
      }
      ++attrs;
      if (merged) ++m_merged_attributes;
      if (attrs > kMaxAttributes || (merged && m_merged_attributes > kMaxAttributes)) {
        if (!cut_to) cut_from = attr_start;
        cut_to = k;
      }
    }
    const size_t close = k + 1;  // after '>'
    const uint32_t id = id_of(m_name);
    if (!(end ? end_tag(id, i, close) : start_tag(id, self_closing, i, close))) return close;
    if (cut_to) blank(cut_from, cut_to);  // gumbo reads an end tag's attributes too, then drops them
    if (!end && has(id, kRawText) && !m_tag_foreign) {
      if (m_name == "plaintext") return n;
      // Up to "</name" followed by white space, / or >.
      for (size_t e = close;;) {
        e = find_end_tag(e);
        if (e == std::string_view::npos) return n;
        const size_t after = e + 2 + m_name.size();
        if (after >= n || ascii_space(m_html[after]) || m_html[after] == '/' || m_html[after] == '>') return e;
        e = after;
      }
    }
    return close;
  }

  // The next "</" + m_name from `from`, in any case.
  size_t find_end_tag(size_t from) const {
    const std::string_view s = m_html;
    for (size_t k = from; k + 2 + m_name.size() <= s.size(); ++k) {
      const void* lt = std::memchr(s.data() + k, '<', s.size() - k);
      if (!lt) return std::string_view::npos;
      k = static_cast<size_t>(static_cast<const char*>(lt) - s.data());
      if (k + 2 + m_name.size() > s.size()) return std::string_view::npos;
      if (s[k + 1] != '/') continue;
      bool same = true;
      for (size_t j = 0; j < m_name.size() && same; ++j) {
        char c = s[k + 2 + j];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        same = c == m_name[j];
      }
      if (same) return k;
    }
    return std::string_view::npos;
  }

  // Pops the open elements down to (and with) the topmost `id` if it is open above every
  // element with a `barrier` bit but no `except` bit; true if it was.
  bool close(uint32_t id, uint16_t barrier, uint16_t except = 0) {
    if (m_open_count[id] == 0) return false;
    for (size_t k = m_open.size(); k-- > 0;) {
      if (m_open[k] == id && !m_foreign[k]) {
        while (m_open.size() > k) pop();
        return true;
      }
      if (has(m_open[k], barrier) && !has(m_open[k], except)) return false;
    }
    return false;
  }
  void pop() {
    --m_open_count[m_open.back()];
    m_open.pop_back();
    m_foreign.pop_back();
  }
  void push(uint32_t id, bool foreign) {
    ++m_open_count[id];
    m_open.push_back(id);
    m_foreign.push_back(foreign);
  }

  // True where a tag is read as SVG or MathML: the current element is one, and not one of
  // those whose content is HTML again.
  bool foreign() const { return !m_foreign.empty() && m_foreign.back() && !has(m_open.back(), kIntegration); }

  // False if the tag is dropped (it became a space).
  bool start_tag(uint32_t id, bool self_closing, size_t at, size_t end) {
    if (id == m_html_id || id == m_body || id == m_head || has(id, kVoid)) return true;
    bool in_foreign = foreign();
    m_tag_foreign = in_foreign;
    if (has(id, kFormatting) && !in_foreign) {
      to_nothing(at, end);
      return false;
    }
    if (has(id, kFormatting) && has(id, kBreakout)) {
      // It ends the SVG or MathML it stands in, so gumbo must see it (and keeps it open, as
      // its end tag is taken out): the first kMaxFormatting of them.
      if (m_formatting_kept == kMaxFormatting) {
        to_nothing(at, end);
        return false;
      }
      ++m_formatting_kept;
      while (foreign()) pop();
      m_tag_foreign = false;
      return true;
    }
    if (in_foreign) {
      if (self_closing) return true;
      if (has(id, kBreakout)) {  // an HTML element: it ends the SVG or MathML it stands in
        while (foreign()) pop();
        in_foreign = m_tag_foreign = false;
      }
    }
    if (!in_foreign && has(id, kTablePart) && m_open_count[m_table] + m_open_count[m_template] == 0)
      return true;  // outside a table gumbo ignores it
    if (has(id, kClosesP)) close(m_p, kScope | kButton);
    // li, dd, dt close the one before unless another special element stands in between.
    if (id == m_li) close(m_li, kSpecial, kOrdinary);
    if (id == m_dd || id == m_dt) {
      close(m_dd, kSpecial, kOrdinary);
      close(m_dt, kSpecial, kOrdinary);
    }
    if (id == m_option || id == m_optgroup) {
      if (!m_open.empty() && m_open.back() == m_option) pop();
      if (id == m_optgroup && !m_open.empty() && m_open.back() == m_optgroup) pop();
    }
    if (id == m_td || id == m_th) {
      close(m_td, kTable | kRow);
      close(m_th, kTable | kRow);
    }
    if (id == m_tr || id == m_tbody || id == m_thead || id == m_tfoot) {
      close(m_td, kTable);
      close(m_th, kTable);
      close(m_tr, kTable);
      if (id != m_tr) {
        close(m_tbody, kTable);
        close(m_thead, kTable);
        close(m_tfoot, kTable);
      }
    }
    if (has(id, kHeading) && !m_open.empty() && has(m_open.back(), kHeading)) pop();
    // Past the depth limit, the element and everything in it go (else each tag in it would
    // be one more element beside the last: 40,000 nested lists, 40,000 items).
    if (m_buried_total > 0 || m_open.size() >= kMaxDepth) {
      blank(at, end);
      ++m_buried[id];
      ++m_buried_total;
      return false;
    }
    push(id, in_foreign || id == m_svg || id == m_math);
    return true;
  }

  // False if the tag is dropped (it closes a dropped element).
  bool end_tag(uint32_t id, size_t at, size_t end) {
    if (has(id, kFormatting) && !foreign()) {
      to_nothing(at, end);
      return false;
    }
    if (m_buried[id] > 0) {
      --m_buried[id];
      --m_buried_total;
      blank(at, end);
      return false;
    }
    if (m_buried_total > 0) {  // an end tag inside what went goes too
      blank(at, end);
      return false;
    }
    // In SVG or MathML an end tag closes the nearest foreign element of its name.
    for (size_t k = m_open.size(); k-- > 0 && m_foreign[k];) {
      if (m_open[k] == id) {
        while (m_open.size() > k) pop();
        return true;
      }
    }
    if (has(id, kFormatting)) return true;  // in SVG or MathML: gumbo's business
    if (id == m_p) {
      close(id, kScope | kButton);
    } else if (id == m_li) {
      close(id, kScope | kListScope);
    } else if (id == m_table || id == m_tbody || id == m_thead || id == m_tfoot || id == m_tr) {
      close(id, kTable);
    } else {
      // An element closes across elements of its kind only: an ordinary one (span) stops at
      // any special element, a special one at the scope boundaries.
      close(id, has(id, kSpecial) ? kScope : kSpecial);
    }
    return true;
  }

  // html[at, end) becomes spaces (a tag: a word boundary).
  void blank(size_t at, size_t end) {
    change();
    std::fill(m_out->text.begin() + static_cast<ptrdiff_t>(at), m_out->text.begin() + static_cast<ptrdiff_t>(end), ' ');
  }
  // The tag html[at, end) becomes NUL bytes, which gumbo reads as characters and drops (in
  // HTML content: formatting tags in SVG and MathML are left alone): no node, no word boundary.
  void to_nothing(size_t at, size_t end) {
    change();
    std::fill(m_out->text.begin() + static_cast<ptrdiff_t>(at), m_out->text.begin() + static_cast<ptrdiff_t>(end), '\0');
  }
  void change() {
    if (!m_out->changed) m_out->text.assign(m_html);
    m_out->changed = true;
  }

  std::string_view m_html;
  Bounded* m_out;
  size_t m_chunk;
  std::string m_name;
  std::unordered_map<std::string, uint32_t> m_ids;
  std::vector<uint16_t> m_flags;
  std::vector<uint32_t> m_open;  // the open elements, by id
  std::vector<bool> m_foreign;   // per open element: SVG or MathML
  bool m_tag_foreign = false;    // the last start tag was read as SVG or MathML
  std::vector<uint32_t> m_open_count;  // by id
  size_t m_formatting_kept = 0;        // formatting start tags left to gumbo (in SVG or MathML)
  // Start tags blanked past the depth limit, and those inside them, not yet ended: by id, and
  // all. While any is open every tag is blanked.
  std::vector<uint32_t> m_buried;
  size_t m_buried_total = 0;
  size_t m_merged_attributes = 0;
  const uint32_t m_html_id = id_of("html"), m_body = id_of("body"), m_head = id_of("head"), m_p = id_of("p"),
                 m_li = id_of("li"), m_dd = id_of("dd"), m_dt = id_of("dt"), m_option = id_of("option"),
                 m_optgroup = id_of("optgroup"), m_td = id_of("td"), m_th = id_of("th"), m_tr = id_of("tr"),
                 m_tbody = id_of("tbody"), m_thead = id_of("thead"), m_tfoot = id_of("tfoot"),
                 m_table = id_of("table"), m_a = id_of("a"), m_nobr = id_of("nobr"), m_svg = id_of("svg"),
                 m_math = id_of("math"), m_template = id_of("template");
};

}  // namespace

Bounded bound_markup(std::string_view html, size_t chunk) {
  Bounded out;
  Bounder(html, &out, chunk).run();
  return out;
}

}  // namespace jobmatch
