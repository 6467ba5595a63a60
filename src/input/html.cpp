#include "input/html.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <unordered_map>

#include "input/html_bound.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BR: case GUMBO_TAG_DD: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HR: case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_TABLE: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

bool is_dropped(GumboTag t) {
  return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT ||
         t == GUMBO_TAG_TEMPLATE || t == GUMBO_TAG_TITLE || t == GUMBO_TAG_IFRAME ||
         t == GUMBO_TAG_SVG || t == GUMBO_TAG_OBJECT;
}

class Builder {
 public:
  // runs: write runs of plain bytes at once (false: character by character, the reference for
  // tests).
  Builder(HtmlText* out, bool runs) : m_out(out), m_runs(runs) {}

  void line_break(uint32_t at) {
    if (m_out->text.empty() || m_out->text.back() == '\n') return;
    while (!m_out->text.empty() && m_out->text.back() == ' ') m_out->text.pop_back();
    m_out->map.truncate(m_out->text.size());
    put('\n', at);
  }

  void put(char c, uint32_t at) { put(std::string_view(&c, 1), at); }
  // One character, from offset at of the piece of the page being parsed.
  void put(std::string_view c, uint32_t at) {
    m_out->text += c;
    m_out->map.append(m_out->text.size(), m_base + at, true);
  }
  // Where in the page the piece being parsed starts.
  void set_base(uint32_t base) { m_base = base; }

  // A text node: decoded text aligned with the original bytes it came from.
  void text(const GumboText& t) {
    const std::string_view decoded = t.text;
    const std::string_view orig(t.original_text.data, t.original_text.length);
    const uint32_t base = static_cast<uint32_t>(t.start_pos.offset);
    size_t j = 0;  // position in orig
    for (size_t i = 0; i < decoded.size();) {
      while (j < orig.size() && orig[j] == '\0') ++j;  // a tag the bounding pass took out
      // A run of plain bytes (ASCII, visible, no '&') that the page holds as they are: what the
      // rest of this loop makes of each, one by one, written at once (each maps to its own
      // byte). Character by character, our part of reading a page cost a third of gumbo's.
      if (m_runs) {
        size_t k = 0;
        while (i + k < decoded.size() && j + k < orig.size() && decoded[i + k] == orig[j + k] &&
               plain(decoded[i + k]))
          ++k;
        if (k > 1) {
          m_out->text.append(decoded.substr(i, k));
          m_out->map.append(m_out->text.size(), m_base + base + static_cast<uint32_t>(j), true);
          i += k;
          j += k;
          continue;
        }
      }
      size_t len;
      const char32_t cp = decode_utf8(decoded, i, &len);
      uint32_t at = base + static_cast<uint32_t>(std::min(j, orig.empty() ? 0 : orig.size() - 1));
      if (j < orig.size() && orig[j] == '&' && is_entity(orig.substr(j))) {
        j += entity_length(orig.substr(j));
      } else if (j < orig.size() && orig.substr(j, len) == decoded.substr(i, len)) {
        j += len;
      } else if (j < orig.size()) {
        size_t olen;
        decode_utf8(orig, j, &olen);
        j += olen;
      }
      const bool space = decoded[i] == ' ' || decoded[i] == '\n' || decoded[i] == '\t' ||
                         decoded[i] == '\r' || decoded[i] == '\f';
      if (space) {
        if (!m_out->text.empty() && m_out->text.back() != ' ' && m_out->text.back() != '\n')
          put(' ', at);
      } else if (cp == 0xFFFD && len == 1) {
        // gumbo passes some malformed input through as bytes (a numeric character reference
        // beyond U+10FFFF, say): the text stays valid UTF-8.
        put("\xEF\xBF\xBD", at);
      } else {
        put(decoded.substr(i, len), at);
      }
      i += len;
    }
  }

 private:
  static bool plain(char c) { return c > ' ' && c < 0x7F && c != '&'; }
  static bool is_entity(std::string_view s) { return entity_length(s) > 1; }
  static size_t entity_length(std::string_view s) {
    size_t k = 1;
    if (k < s.size() && s[k] == '#') ++k;
    while (k < s.size() && k < 40 && std::isalnum(static_cast<unsigned char>(s[k]))) ++k;
    if (k < s.size() && s[k] == ';') return k + 1;
    return k > 2 ? k : 1;  // legacy entities without ';' ("&amp")
  }

  HtmlText* m_out;
  const bool m_runs;
  uint32_t m_base = 0;
};

}  // namespace

bool looks_like_html(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const size_t b = text.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return false;
  std::string head;
  for (size_t i = b; i < text.size() && head.size() < 14; ++i)
    head += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
  return head.starts_with("<!doctype html") || head.starts_with("<html");
}

namespace {

// Appends the text of a parsed piece of the page (size bytes) to b and out->title; `last`: no
// piece follows (else the body gumbo ends with the piece goes on in the next one).
void walk(const GumboNode* root, size_t size, bool last, Builder& b, HtmlText* out) {
  // Iterative walk (no recursion: deeply nested markup must not exhaust the stack).
  struct Frame {
    const GumboNode* node;
    size_t next_child;
  };
  std::vector<Frame> stack{{root, 0}};
  auto end_offset = [&](const GumboNode* n) {
    return static_cast<uint32_t>(std::min<size_t>(n->v.element.end_pos.offset, size));
  };
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboNode* n = f.node;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      b.text(n->v.text);
      stack.pop_back();
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT &&
        n->type != GUMBO_NODE_TEMPLATE) {
      stack.pop_back();  // comments
      continue;
    }
    const GumboVector& children =
        n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
    if (f.next_child == 0 && n->type == GUMBO_NODE_ELEMENT) {
      const GumboTag tag = n->v.element.tag;
      const auto at = static_cast<uint32_t>(std::min<size_t>(n->v.element.start_pos.offset, size));
      if (tag == GUMBO_TAG_TITLE && out->title.empty()) {
        for (unsigned k = 0; k < children.length; ++k) {
          const auto* c = static_cast<const GumboNode*>(children.data[k]);
          if (c->type == GUMBO_NODE_TEXT) out->title += c->v.text.text;
        }
      }
      if (is_dropped(tag)) {
        stack.pop_back();
        continue;
      }
      if (is_block(tag)) b.line_break(at);
      if (tag == GUMBO_TAG_LI) {
        b.put('-', at);
        b.put(' ', at);
      }
    }
    if (f.next_child < children.length) {
      const auto* child = static_cast<const GumboNode*>(children.data[f.next_child++]);
      stack.push_back({child, 0});
      continue;
    }
    if (n->type == GUMBO_NODE_ELEMENT && is_block(n->v.element.tag) && (last || n->v.element.tag != GUMBO_TAG_BODY))
      b.line_break(end_offset(n));
    stack.pop_back();
  }
}

// Where gumbo ends <body> in the last piece of a page: at its end tag, else at the end. (Parsed
// as the content of <body>, the piece has no body element of its own to end.)
size_t body_end(std::string_view piece) {
  for (size_t at = piece.rfind("</"); at != std::string_view::npos; at = at ? piece.rfind("</", at - 1) : std::string_view::npos) {
    std::string name;
    for (size_t k = at + 2; k < piece.size() && k < at + 6; ++k)
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(piece[k])));
    if (name == "body") return at;
    if (name != "html") break;  // only </html> may follow it
  }
  return piece.size();
}

}  // namespace

namespace {

void convert(std::string_view html, HtmlText* out, size_t chunk, bool runs) {
  out->text.clear();
  out->map.clear();
  out->title.clear();
  Bounded bounded = bound_markup(html, chunk);
  const std::string_view page = bounded.changed ? std::string_view(bounded.text) : html;
  // gumbo's tree takes some 10 bytes per byte of a page (and 30 for one that is all tags): a
  // large page is parsed a piece at a time, each after the first as the content of <body>.
  Builder b(out, runs);
  bounded.cuts.push_back(static_cast<uint32_t>(page.size()));
  uint32_t from = 0;
  for (const uint32_t to : bounded.cuts) {
    const std::string_view piece = page.substr(from, to - from);
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    if (from > 0) {
      options.fragment_context = GUMBO_TAG_BODY;
      options.fragment_namespace = GUMBO_NAMESPACE_HTML;
    }
    GumboOutput* parsed = gumbo_parse_with_options(&options, piece.data(), piece.size());
    b.set_base(from);
    const bool last = to == page.size();
    walk(parsed->root, piece.size(), last, b, out);
    if (from > 0 && last) b.line_break(static_cast<uint32_t>(body_end(piece)));
    gumbo_destroy_output(&options, parsed);
    from = to;
  }
  out->map.finish(static_cast<uint32_t>(html.size()));
  out->title = sanitize_utf8(trim(out->title));
}

}  // namespace

void html_to_text(std::string_view html, HtmlText* out, size_t chunk) { convert(html, out, chunk, true); }

void html_to_text_reference(std::string_view html, HtmlText* out, size_t chunk) {
  convert(html, out, chunk, false);
}

}  // namespace jobmatch
