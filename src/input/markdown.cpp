// Markdown to text with md4c. md4c calls back with pointers into the document for the text it
// passes on, so the offset of every text byte is `pointer - document`; the few strings md4c makes
// up itself (the "\n" ending a line of a code block, the indentation of a verbatim line) point
// elsewhere and take the offset of the last byte placed.
//
// Every byte of text passes one small state machine (class Builder) that drops what is markup:
// HTML tags and comments, script and style content, template tags ({% %}, {{ }}, <? ?>, <% %>).
// Its state lasts across md4c's callbacks, since a tag or template tag may be cut by a line
// break or by emphasis, and ends with the block it began in, so an unclosed `{{` or `<script>`
// cannot swallow the rest of the document. Line breaks, "# " heading marks, "- " bullets and
// " | " between table cells are owed, not written, until the next visible byte: they take its
// offset, there is never a trailing space or an empty bullet, and the offsets never decrease.
// A front matter title (input/front_matter.h) is written first, as the text's first line.
#include "input/markdown.h"

#include <md4c.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <limits>

#include "input/front_matter.h"
#include "input/markdown_entity.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

using namespace md;  // character references and ASCII tests (input/markdown_entity.h)

// ---------------------------------------------------------------------------------------------
// The text.

enum class Kind { kText, kHtml, kCode };

enum class State {
  kText,      // visible text
  kTag,       // inside <...>, until '>' outside quotes
  kSkip,      // inside a template tag, comment or script/style content, until m_closer
};

class Builder {
 public:
  // runs: write runs of plain bytes at once (false: byte by byte, the reference for tests).
  Builder(MarkdownText* out, std::string_view md, size_t doc_begin, bool runs)
      : m_out(out), m_md(md), m_doc(md.data() + doc_begin), m_doc_size(md.size() - doc_begin),
        m_last(static_cast<uint32_t>(doc_begin)), m_runs(runs) {}

  // ---- md4c callbacks

  void enter_block(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        brk(block_gap());
        ++m_list_depth;
        break;
      case MD_BLOCK_LI:
        brk(1);
        m_bullet = true;
        break;
      case MD_BLOCK_TR:
        brk(1);
        m_cell = 0;
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        if (m_cell++ > 0) m_sep = true;
        break;
      case MD_BLOCK_CODE:
        m_code_block = true;
        brk(block_gap());
        break;
      case MD_BLOCK_H:
        brk(block_gap());
        m_heading = true;
        break;
      case MD_BLOCK_DOC:
      case MD_BLOCK_THEAD:
      case MD_BLOCK_TBODY:
        break;
      default:  // paragraphs, headings, quotes, rules, HTML blocks, tables
        brk(block_gap());
        break;
    }
  }

  void leave_block(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        if (m_list_depth > 0) --m_list_depth;
        brk(block_gap());
        break;
      case MD_BLOCK_LI:
        m_bullet = false;  // an empty item leaves no "- " behind
        end_of_block();
        brk(1);
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        end_of_block();
        break;
      case MD_BLOCK_CODE:
        m_code_block = false;
        end_of_block();
        brk(block_gap());
        break;
      case MD_BLOCK_H:
        m_heading = false;  // an empty heading leaves no "# " behind
        end_of_block();
        brk(block_gap());
        break;
      case MD_BLOCK_DOC:
      case MD_BLOCK_THEAD:
      case MD_BLOCK_TBODY:
      case MD_BLOCK_TR:
        break;
      default:
        end_of_block();
        brk(block_gap());
        break;
    }
  }

  void text(MD_TEXTTYPE type, const char* p, size_t n) {
    // The offset of p[0], or -1 when md4c made the string up (it then gets m_last).
    int64_t base = -1;
    const auto doc = reinterpret_cast<uintptr_t>(m_doc), at_p = reinterpret_cast<uintptr_t>(p);
    if (at_p >= doc && at_p - doc <= m_doc_size && n <= m_doc_size - (at_p - doc))
      base = static_cast<int64_t>(at_p - reinterpret_cast<uintptr_t>(m_md.data()));
    const std::string_view s(p, n);
    switch (type) {
      case MD_TEXT_NULLCHAR:
        if (m_state == State::kText) put_str("\xEF\xBF\xBD", at(base, 0));
        break;
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR:
        if (m_state == State::kText) brk(1);
        break;
      case MD_TEXT_ENTITY:
        if (m_state == State::kText) entity(s, base, 0);
        break;
      case MD_TEXT_CODE:
        chars(s, base, Kind::kCode);
        break;
      case MD_TEXT_HTML:
        chars(s, base, Kind::kHtml);
        break;
      default:  // MD_TEXT_NORMAL, MD_TEXT_LATEXMATH
        chars(s, base, Kind::kText);
        break;
    }
  }

  void finish() {
    if (!m_out->text.empty() && m_out->text.back() != '\n') raw('\n', m_last);
    m_out->map.finish(static_cast<uint32_t>(m_md.size()));
  }

 private:
  int block_gap() const { return m_list_depth > 0 ? 1 : 2; }

  uint32_t at(int64_t base, size_t i) const {
    return base < 0 ? m_last : static_cast<uint32_t>(base + static_cast<int64_t>(i));
  }

  // A block ended: whatever markup was open in it is over.
  void end_of_block() {
    if (m_sticky) return;
    m_state = State::kText;
    m_space = false;
  }

  // ---- output

  void brk(int level) {
    m_break = std::max(m_break, level);
    m_space = false;
  }

  void raw(char c, uint32_t offset) {
    m_last = std::max(m_last, offset);
    m_out->text += c;
    m_out->map.append(m_out->text.size(), m_last, true);
  }

  // Writes what is owed (line breaks, a bullet, a cell separator, a space) before a visible byte
  // from `offset`.
  void settle(uint32_t offset) {
    std::string& t = m_out->text;
    if (m_break > 0) {
      if (!t.empty()) {
        if (t.back() != '\n') raw('\n', offset);
        if (m_break > 1 && (t.size() < 2 || t[t.size() - 2] != '\n')) raw('\n', offset);
      }
      m_break = 0;
      m_space = false;
    }
    const bool line_start = t.empty() || t.back() == '\n';
    if (m_heading) {
      // A heading keeps one mark, so the zone finder knows it for a heading (as in a text
      // posting written with "# Aufgaben").
      raw('#', offset);
      raw(' ', offset);
      m_heading = m_space = false;
    }
    if (m_bullet) {
      if (!line_start) raw('\n', offset);
      raw('-', offset);
      raw(' ', offset);
      m_bullet = m_sep = m_space = false;
    } else if (m_sep) {
      if (!line_start) {
        raw(' ', offset);
        raw('|', offset);
        raw(' ', offset);
      }
      m_sep = m_space = false;
    } else if (m_space) {
      if (!line_start && t.back() != ' ') raw(' ', m_space_at);
      m_space = false;
    }
  }

  void put(char c, uint32_t offset) {
    settle(offset);
    raw(c, offset);
  }

  void put_str(std::string_view s, uint32_t offset) {
    if (s.empty()) return;
    settle(offset);
    for (const char c : s) raw(c, offset);
  }

  void space(uint32_t offset) {
    if (m_space) return;
    m_space = true;
    m_space_at = std::max(m_last, offset);
  }

  // The character reference e, which starts at s[i] of a callback's text at offset base.
  void entity(std::string_view e, int64_t base, size_t i) {
    if (decode_entity(e, &m_scratch)) {
      put_str(m_scratch, at(base, i));
    } else {
      for (size_t k = 0; k < e.size(); ++k) visible(e, k, base < 0 ? base : base + static_cast<int64_t>(i));
    }
  }

  // One code point of visible text at s[i]; invalid UTF-8 becomes U+FFFD. Returns its length.
  size_t visible(std::string_view s, size_t i, int64_t base) {
    const char c = s[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      put(c, at(base, i));
      return 1;
    }
    size_t len;
    const char32_t cp = decode_utf8(s, i, &len);
    if (cp == 0xFFFD && len == 1) {
      put_str("\xEF\xBF\xBD", at(base, i));
    } else {
      settle(at(base, i));
      for (size_t k = 0; k < len; ++k) raw(s[i + k], at(base, i + k));
    }
    return len;
  }

  // ---- the markup filter

  void skip_until(std::string_view closer) {
    m_state = State::kSkip;
    m_closer = closer;
    m_window.fill('\0');
    m_head_len = 0;
  }

  // The template tag {% ... %} just skipped: a Liquid {% comment %} goes on, across blocks, up
  // to {% endcomment %}.
  void end_template() {
    std::string_view head(m_head.data(), m_head_len);
    while (!head.empty() && (head.front() == '-' || head.front() == ' ' || head.front() == '\t'))
      head.remove_prefix(1);
    if (head.starts_with("comment") && (head.size() == 7 || !is_alnum(head[7]))) {
      skip_until("endcomment");
      m_sticky = true;
    }
  }

  // The skipped byte c: true if it ends m_closer.
  bool closes(char c) {
    std::memmove(m_window.data(), m_window.data() + 1, m_window.size() - 1);
    m_window.back() = lower(c);
    const size_t n = m_closer.size();
    return std::string_view(m_window.data() + m_window.size() - n, n) == m_closer;
  }

  // A tag ended at '>': what it means for the text.
  void end_tag() {
    m_state = State::kText;
    const std::string_view name(m_tag.data(), m_tag_len);
    if (!m_tag_closing && !m_tag_self_closing) {
      if (name == "script") return skip_until("</script");
      if (name == "style") return skip_until("</style");
      if (name == "noscript") return skip_until("</noscript");
      if (name == "template") return skip_until("</template");
    }
    static constexpr std::string_view kBreaks[] = {
        "br", "p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
        "article", "header", "footer", "blockquote", "hr", "dl", "dt", "dd", "pre", "main"};
    if (name == "li") {
      brk(1);
      if (!m_tag_closing) m_bullet = true;
    } else if (name == "td" || name == "th") {
      if (!m_tag_closing) m_sep = true;
    } else if (std::find(std::begin(kBreaks), std::end(kBreaks), name) != std::end(kBreaks)) {
      brk(1);
    }
  }

  // Text of one callback: s starts at offset base (or was made up by md4c: base -1).
  void chars(std::string_view s, int64_t base, Kind kind) {
    for (size_t i = 0; i < s.size();) {
      const char c = s[i];
      switch (m_state) {
        case State::kSkip:
          if (m_head_len < m_head.size()) m_head[m_head_len++] = lower(c);
          if (closes(c)) {
            if (m_closer.starts_with("</")) {  // the end tag of script or style: up to its '>'
              start_tag(true);
              m_state = State::kTag;
            } else if (m_closer == "endcomment") {
              skip_until("%}");  // the rest of {% endcomment %}, still sticky
            } else {
              m_state = State::kText;
              if (m_sticky) m_sticky = false;
              else if (m_closer == "%}") end_template();
            }
          }
          ++i;
          continue;
        case State::kTag:
          if (m_quote != 0) {
            if (c == m_quote) m_quote = 0;
          } else if (c == '"' || c == '\'') {
            m_quote = c;
          } else if (c == '>') {
            end_tag();
          } else if (m_tag_naming && m_tag_len < m_tag.size() && (is_alnum(c) || c == '-' || c == ':')) {
            m_tag[m_tag_len++] = lower(c);
          } else if (c == '/' && m_tag_len == 0 && m_tag_naming) {
            m_tag_closing = true;
          } else {
            m_tag_naming = false;
            if (c == '/') m_tag_self_closing = true;
            else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') m_tag_self_closing = false;
          }
          ++i;
          continue;
        case State::kText:
          break;
      }
      // A run of plain bytes (ASCII, visible, none that may start markup: '{', '<', '&') from
      // the document, where nothing written maps further on: what visible() makes of each, one
      // by one (settle owes nothing after the first; each maps to its own offset), written at
      // once. Byte by byte, a Markdown posting spent more in these calls than md4c in parsing.
      if (m_runs && base >= 0 && m_last <= at(base, i)) {
        size_t j = i;
        while (j < s.size() && plain(s[j])) ++j;
        if (j - i > 1) {
          settle(at(base, i));
          m_last = at(base, j - 1);
          m_out->text.append(s.substr(i, j - i));
          m_out->map.append(m_out->text.size(), at(base, i), true);
          i = j;
          continue;
        }
      }
      const char next = i + 1 < s.size() ? s[i + 1] : '\0';
      if (kind != Kind::kCode) {
        // Template tags, in text and HTML alike.
        if (c == '{' && (next == '{' || next == '%')) {
          skip_until(next == '{' ? "}}" : "%}");
          i += 2;
          continue;
        }
        if (c == '<' && (next == '%' || next == '?')) {
          skip_until(next == '%' ? "%>" : "?>");
          i += 2;
          continue;
        }
      }
      if (kind == Kind::kHtml) {
        if (c == '<' && s.substr(i).starts_with("<!--")) {
          skip_until("-->");
          i += 4;
          continue;
        }
        if (c == '<' && (is_alpha(next) || next == '/' || next == '!')) {
          start_tag(false);
          m_state = State::kTag;
          ++i;
          if (next == '!') {
            m_tag_naming = false;
            ++i;
          }
          continue;
        }
        if (c == '&') {
          const size_t len = entity_length(s.substr(i));
          if (len > 0) {
            entity(s.substr(i, len), base, i);
            i += len;
            continue;
          }
        }
      }
      if (c == '\n') {
        if (kind == Kind::kHtml || (kind == Kind::kCode && !m_code_block)) space(at(base, i));
        else brk(1);
        ++i;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        space(at(base, i));
        ++i;
        continue;
      }
      i += visible(s, i, base);
    }
  }

  static bool plain(char c) { return c > ' ' && c < 0x7F && c != '{' && c != '<' && c != '&'; }

  void start_tag(bool closing) {
    m_tag_len = 0;
    m_tag_closing = closing;
    m_tag_self_closing = false;
    m_tag_naming = !closing;
    m_quote = 0;
  }

  MarkdownText* m_out;
  std::string_view m_md;
  const char* m_doc;  // where md4c's document starts (after the front matter)
  size_t m_doc_size;
  uint32_t m_last;  // the offset of the last byte written
  const bool m_runs;

  // Owed to the next visible byte.
  int m_break = 0;  // 1: a line break, 2: an empty line
  bool m_bullet = false, m_sep = false, m_space = false, m_heading = false;
  uint32_t m_space_at = 0;

  int m_list_depth = 0;
  unsigned m_cell = 0;
  bool m_code_block = false;

  State m_state = State::kText;
  std::string_view m_closer;
  std::array<char, 12> m_window{};
  std::array<char, 16> m_head{};  // the first bytes skipped (the name of a template tag)
  size_t m_head_len = 0;
  bool m_sticky = false;  // in a Liquid comment: the skipping outlasts the block
  std::array<char, 12> m_tag{};
  size_t m_tag_len = 0;
  bool m_tag_closing = false, m_tag_self_closing = false, m_tag_naming = false;
  char m_quote = 0;
  std::string m_scratch;
};

Builder& builder(void* userdata) { return *static_cast<Builder*>(userdata); }

}  // namespace

namespace {

void convert(std::string_view md, MarkdownText* out, bool runs) {
  out->text.clear();
  out->map.clear();
  out->title.clear();
  // Offsets are 32-bit (and so is md4c's MD_SIZE): a larger document is read up to 4 GiB - 1.
  if (md.size() >= std::numeric_limits<uint32_t>::max()) md = md.substr(0, std::numeric_limits<uint32_t>::max() - 1);
  out->text.reserve(md.size());

  size_t begin = md.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a BOM is no text
  const FrontMatter front = read_front_matter(md, begin);
  if (front.end > 0) {
    begin = front.end;
    out->title = front.title;
    // The title is the text's first line, as in a text posting, so it counts as the title zone.
    if (!out->title.empty()) append_title_line(md, front, &out->text, &out->map);
  }

  Builder b(out, md, begin, runs);
  MD_PARSER parser{};
  parser.flags = MD_DIALECT_GITHUB;
  parser.enter_block = [](MD_BLOCKTYPE type, void*, void* u) {
    builder(u).enter_block(type);
    return 0;
  };
  parser.leave_block = [](MD_BLOCKTYPE type, void*, void* u) {
    builder(u).leave_block(type);
    return 0;
  };
  // Spans need nothing: emphasis and strikethrough marks, link targets and code-span backticks
  // are not text to md4c; a link's text and an image's alt text come as text and are kept.
  parser.enter_span = [](MD_SPANTYPE, void*, void*) { return 0; };
  parser.leave_span = [](MD_SPANTYPE, void*, void*) { return 0; };
  parser.text = [](MD_TEXTTYPE type, const MD_CHAR* p, MD_SIZE n, void* u) {
    builder(u).text(type, p, n);
    return 0;
  };
  md_parse(md.data() + begin, static_cast<MD_SIZE>(md.size() - begin), &parser, &b);
  b.finish();
}

}  // namespace

void markdown_to_text(std::string_view md, MarkdownText* out) { convert(md, out, true); }

void markdown_to_text_reference(std::string_view md, MarkdownText* out) { convert(md, out, false); }

}  // namespace jobmatch
