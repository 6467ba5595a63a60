// extract_docx(): the text of a DOCX (a ZIP archive of XML parts), read from memory with libzip
// and parsed with pugixml. See document.h for what the text looks like.
#include <zip.h>

#include <pugixml.hpp>

#include <algorithm>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "pipeline/deadline.h"
#include "input/document.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

constexpr const char* kDocumentPart = "word/document.xml";
constexpr const char* kStylesPart = "word/styles.xml";
constexpr const char* kCorePart = "docProps/core.xml";
constexpr const char* kMarkupCompatibilityNs = "http://schemas.openxmlformats.org/markup-compatibility/2006";

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// Why a part could not be read; empty `error` with found == false: the part is not there.
struct Part {
  bool found = false;
  std::string bytes;
  std::string error;
};

// Reads one archive member, refusing to inflate past max_bytes: the size the archive states is
// checked first, and reading stops at max_bytes + 1 in case that size lies.
Part read_part(zip_t* za, const char* name, size_t max_bytes) {
  Part part;
  zip_int64_t index = zip_name_locate(za, name, 0);
  if (index < 0) index = zip_name_locate(za, name, ZIP_FL_NOCASE);
  if (index < 0) return part;
  part.found = true;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(za, static_cast<zip_uint64_t>(index), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
      st.size > max_bytes) {
    part.error = std::string(name) + " inflates to " + std::to_string(st.size) +
                 " bytes, more than the limit of " + std::to_string(max_bytes) + " bytes";
    return part;
  }
  std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(za, static_cast<zip_uint64_t>(index), 0));
  if (!file) {
    part.error = std::string("cannot open ") + name + " in the ZIP archive: " + zip_strerror(za);
    return part;
  }
  const size_t limit = max_bytes == SIZE_MAX ? max_bytes : max_bytes + 1;
  char buf[65536];
  while (part.bytes.size() < limit) {
    const size_t want = std::min(sizeof buf, limit - part.bytes.size());
    const zip_int64_t got = zip_fread(file.get(), buf, want);
    if (got < 0) {
      part.error = std::string("a damaged ZIP entry ") + name + ": " + zip_file_strerror(file.get());
      return part;
    }
    if (got == 0) break;
    part.bytes.append(buf, static_cast<size_t>(got));
  }
  if (part.bytes.size() > max_bytes) {
    part.error = std::string(name) + " inflates to more than the limit of " + std::to_string(max_bytes) + " bytes";
  }
  return part;
}

// The part of a qualified XML name after prefix + ':' (the whole name if prefix is empty and the
// name has no colon), or "" if the name has another prefix.
std::string_view local_name(const char* qname, std::string_view prefix) {
  const std::string_view q(qname);
  if (prefix.empty()) return q.find(':') == std::string_view::npos ? q : std::string_view();
  if (q.size() > prefix.size() && q.compare(0, prefix.size(), prefix) == 0 && q[prefix.size()] == ':') {
    return q.substr(prefix.size() + 1);
  }
  return {};
}

std::string_view prefix_of(const char* qname) {
  const std::string_view q(qname);
  const size_t colon = q.find(':');
  return colon == std::string_view::npos ? std::string_view() : q.substr(0, colon);
}

// The value of the attribute `prefix:local` (or plain `local`) of node.
const char* attr(const pugi::xml_node& node, std::string_view prefix, std::string_view local) {
  for (const pugi::xml_attribute a : node.attributes()) {
    if (local_name(a.name(), prefix) == local || std::string_view(a.name()) == local) return a.value();
  }
  return "";
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view prefix, std::string_view local) {
  for (const pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element && local_name(c.name(), prefix) == local) return c;
  }
  return {};
}

bool starts_with_nocase(std::string_view s, std::string_view head) {
  if (s.size() < head.size()) return false;
  for (size_t i = 0; i < head.size(); ++i) {
    const auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(head[i]);
    if ((a >= 'A' && a <= 'Z' ? a + 32 : a) != (b >= 'A' && b <= 'Z' ? b + 32 : b)) return false;
  }
  return true;
}

// A style id or name that says "list item": English List Bullet/List Number/List Paragraph and
// German Aufzählungszeichen/Listenabsatz (whose ids lose the umlaut: "Aufzhlungszeichen").
bool list_style_name(std::string_view s) {
  return starts_with_nocase(s, "list") || starts_with_nocase(s, "aufz");
}

// A numPr element that numbers its paragraph (numId 0 explicitly removes the numbering).
bool numbers(const pugi::xml_node& num_pr, std::string_view w) {
  if (!num_pr) return false;
  const pugi::xml_node id = child(num_pr, w, "numId");
  return !id || std::string_view(attr(id, w, "val")) != "0";
}

// The paragraph styles of word/styles.xml that make list items: those with numbering in their
// paragraph properties (or in a style they are based on) and those named like list styles.
std::set<std::string> list_styles(const std::string& xml) {
  std::set<std::string> out;
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default)) return out;
  const pugi::xml_node root = doc.document_element();
  const std::string_view w = prefix_of(root.name());
  struct Style {
    std::string based_on;
    bool numbered = false;
  };
  std::unordered_map<std::string, Style> styles;
  for (const pugi::xml_node s : root.children()) {
    if (s.type() != pugi::node_element || local_name(s.name(), w) != "style") continue;
    if (std::string_view(attr(s, w, "type")) != "paragraph") continue;
    const std::string id = attr(s, w, "styleId");
    Style& st = styles[id];
    st.based_on = attr(child(s, w, "basedOn"), w, "val");
    st.numbered = numbers(child(child(s, w, "pPr"), w, "numPr"), w);
    if (list_style_name(attr(child(s, w, "name"), w, "val"))) st.numbered = true;
  }
  for (const auto& [id, st] : styles) {
    // Follow basedOn a few steps (a cycle or a long chain stops the search).
    const Style* s = &st;
    for (int step = 0; s && step < 16; ++step) {
      if (s->numbered) {
        out.insert(id);
        break;
      }
      const auto it = styles.find(s->based_on);
      s = it == styles.end() ? nullptr : &it->second;
    }
  }
  return out;
}

// The text of docProps/core.xml's dc:title, trimmed ("" if none).
std::string core_title(const std::string& xml) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single)) return {};
  for (const pugi::xml_node n : doc.document_element().children()) {
    if (n.type() != pugi::node_element) continue;
    const std::string_view name(n.name());
    const size_t colon = name.find(':');
    if (name.substr(colon == std::string_view::npos ? 0 : colon + 1) == "title") {
      std::string t;
      for (const pugi::xml_node c : n.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) t += c.value();
      }
      return std::string(trim(t));
    }
  }
  return {};
}

// Builds the text while the walk enters and leaves the elements of w:body.
class Builder {
 public:
  Builder(std::string_view w, std::string_view mc, const std::set<std::string>& list_styles)
      : m_w(w), m_mc(mc), m_list_styles(list_styles) {}

  // Called before the children of n; false: skip them (leave() is still called).
  bool enter(const pugi::xml_node& n) {
    const pugi::xml_node_type type = n.type();
    if (type == pugi::node_pcdata || type == pugi::node_cdata) {
      if (local_name(n.parent().name(), m_w) == "t") put(n.value());
      return false;
    }
    if (type != pugi::node_element) return false;
    const std::string_view mc = local_name(n.name(), m_mc);
    if (!mc.empty()) {
      // Alternate renderings of the same content (text boxes as DrawingML and as VML): the first
      // mc:Choice, or the mc:Fallback when there is none, so the text comes once. Chosen when
      // entering mc:AlternateContent, so many alternatives cost one pass over them.
      if (mc == "AlternateContent") {
        pugi::xml_node chosen = child(n, m_mc, "Choice");
        if (!chosen) chosen = child(n, m_mc, "Fallback");
        m_chosen[n.internal_object()] = chosen.internal_object();
        return true;
      }
      if (mc == "Choice" || mc == "Fallback") {
        const auto it = m_chosen.find(n.parent().internal_object());
        return it != m_chosen.end() && it->second == n.internal_object();
      }
      return true;
    }
    const std::string_view w = local_name(n.name(), m_w);
    if (w.empty()) return true;  // other vocabularies (drawings, VML) may hold text boxes
    // Properties (pPr, rPr, sectPr, tblPr, ...; their w:tab elements are tab stops), deleted
    // revisions and moved-away text, field instructions.
    if (w.ends_with("Pr") || w.ends_with("PrChange") || w == "del" || w == "moveFrom" || w == "delText" ||
        w == "instrText" || w == "delInstrText") {
      return false;
    }
    if (w == "p") {
      m_paras.push_back({std::string(), is_list_item(n)});
    } else if (w == "tr") {
      m_rows.emplace_back();
    } else if (w == "tc") {
      m_cells.push_back({std::string(), m_paras.size()});
    } else if (w == "tab" || w == "ptab") {
      put(" ");
    } else if (w == "br" || w == "cr") {
      put("\n");
    } else if (w == "noBreakHyphen") {
      put("-");
    }
    return true;
  }

  void leave(const pugi::xml_node& n) {
    if (n.type() != pugi::node_element) return;
    const std::string_view w = local_name(n.name(), m_w);
    if (w == "p" && !m_paras.empty()) {
      Para p = std::move(m_paras.back());
      m_paras.pop_back();
      if (in_cell()) {
        append_words(m_cells.back().text, p.text);
      } else {
        emit(p.text, p.list);
      }
    } else if (w == "tc" && !m_cells.empty()) {
      Cell c = std::move(m_cells.back());
      m_cells.pop_back();
      if (!m_rows.empty()) m_rows.back().push_back(std::string(trim(c.text)));
    } else if (w == "tr" && !m_rows.empty()) {
      std::vector<std::string> row = std::move(m_rows.back());
      m_rows.pop_back();
      std::string line;
      for (const std::string& cell : row) {
        if (!line.empty()) line += " | ";
        line += cell;
      }
      // A row of a table inside a cell is part of that cell.
      if (in_cell()) {
        append_words(m_cells.back().text, line);
      } else {
        emit(line, false);
      }
    }
  }

  std::string finish() {
    flush_loose();
    while (!m_paras.empty()) {
      emit(m_paras.back().text, m_paras.back().list);
      m_paras.pop_back();
    }
    while (!m_out.empty() && m_out.back() == '\n') m_out.pop_back();
    if (!m_out.empty()) m_out += '\n';
    return std::move(m_out);
  }

 private:
  struct Para {
    std::string text;
    bool list = false;
  };
  struct Cell {
    std::string text;
    size_t paras_below = 0;  // m_paras.size() when the cell began
  };

  // True if text now goes to a table cell rather than a paragraph outside the table.
  bool in_cell() const { return !m_cells.empty() && m_paras.size() <= m_cells.back().paras_below; }

  bool is_list_item(const pugi::xml_node& p) const {
    const pugi::xml_node ppr = child(p, m_w, "pPr");
    if (!ppr) return false;
    const pugi::xml_node num_pr = child(ppr, m_w, "numPr");
    if (num_pr) return numbers(num_pr, m_w);
    const std::string style = attr(child(ppr, m_w, "pStyle"), m_w, "val");
    if (style.empty()) return false;
    return m_list_styles.count(style) != 0 || list_style_name(style);
  }

  void put(std::string_view s) {
    if (!m_paras.empty()) {
      m_paras.back().text += s;
    } else if (!m_cells.empty()) {
      m_cells.back().text += s;
    } else {
      m_loose += s;  // text outside any paragraph: its own line before the next one
    }
  }

  // Joins a paragraph into a cell: line breaks become spaces, parts separated by one space.
  static void append_words(std::string& to, std::string_view text) {
    std::string t(trim(text));
    std::replace(t.begin(), t.end(), '\n', ' ');
    if (t.empty()) return;
    if (!to.empty()) to += ' ';
    to += t;
  }

  // One paragraph (or row) as lines: trimmed, list items marked, runs of blank lines as one.
  void flush_loose() {
    if (m_loose.empty()) return;
    const std::string loose = std::move(m_loose);
    m_loose.clear();
    emit(loose, false);
  }

  void emit(std::string_view text, bool list) {
    flush_loose();
    std::string_view t = trim(text);
    bool first = true;
    do {
      const size_t nl = t.find('\n');
      const std::string_view line = trim(t.substr(0, nl));
      if (line.empty()) {
        if (!m_out.empty() && !m_out.ends_with("\n\n")) m_out += '\n';
      } else {
        if (list && first) m_out += "- ";
        m_out += line;
        m_out += '\n';
      }
      first = false;
      t = nl == std::string_view::npos ? std::string_view() : t.substr(nl + 1);
    } while (!t.empty());
  }

  std::string_view m_w, m_mc;
  const std::set<std::string>& m_list_styles;
  std::unordered_map<const pugi::xml_node_struct*, const pugi::xml_node_struct*> m_chosen;
  std::vector<Para> m_paras;
  std::vector<std::vector<std::string>> m_rows;
  std::vector<Cell> m_cells;
  std::string m_loose;
  std::string m_out;
};

void fail(ExtractedText* out, std::string message) {
  out->text.clear();
  out->page_starts.clear();
  out->title.clear();
  out->error = InputError{"docx", sanitize_utf8(message)};
}

void extract(std::string_view bytes, size_t max_bytes, ExtractedText* out) {
  if (bytes.empty()) return fail(out, "not a ZIP archive: the file is empty");
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) {
    const std::string msg = std::string("not a ZIP archive: ") + zip_error_strerror(&error);
    zip_error_fini(&error);
    return fail(out, msg);
  }
  std::unique_ptr<zip_t, ZipCloser> za(zip_open_from_source(src, ZIP_RDONLY, &error));
  if (!za) {
    zip_source_free(src);
    std::string msg = "not a ZIP archive: ";
    if (bytes.starts_with("\xD0\xCF\x11\xE0")) {
      msg += "an OLE compound file (a Word 97-2003 .doc?)";
    } else if (zip_error_code_zip(&error) == ZIP_ER_NOZIP) {
      msg += "no ZIP central directory found";
    } else {
      msg += zip_error_strerror(&error);
    }
    zip_error_fini(&error);
    return fail(out, msg);
  }
  zip_error_fini(&error);

  Part doc_part = read_part(za.get(), kDocumentPart, max_bytes);
  if (!doc_part.found) return fail(out, "a ZIP archive without word/document.xml: not a DOCX");
  if (!doc_part.error.empty()) return fail(out, doc_part.error);

  // Styles and core properties help but are not needed: a broken one is ignored.
  std::set<std::string> styles;
  if (Part p = read_part(za.get(), kStylesPart, max_bytes); p.found && p.error.empty()) {
    styles = list_styles(p.bytes);
  }
  std::string title;
  if (Part p = read_part(za.get(), kCorePart, max_bytes); p.found && p.error.empty()) {
    title = core_title(p.bytes);
  }
  za.reset();

  pugi::xml_document doc;
  // parse_ws_pcdata_single keeps a run whose text is a single space (<w:t xml:space="preserve">
  // </w:t>), which parse_default would drop, gluing the words around it together.
  const pugi::xml_parse_result parsed = doc.load_buffer_inplace(
      doc_part.bytes.data(), doc_part.bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!parsed) {
    return fail(out, std::string("malformed word/document.xml: ") + parsed.description() + " at offset " +
                         std::to_string(parsed.offset));
  }
  const pugi::xml_node root = doc.document_element();
  const std::string_view w = prefix_of(root.name());
  if (local_name(root.name(), w) != "document") {
    return fail(out, "word/document.xml is not a w:document: not a DOCX");
  }
  const pugi::xml_node body = child(root, w, "body");
  std::string mc = "mc";
  for (const pugi::xml_attribute a : root.attributes()) {
    const std::string_view name(a.name());
    if (name.starts_with("xmlns:") && std::strcmp(a.value(), kMarkupCompatibilityNs) == 0) {
      mc = std::string(name.substr(6));
    }
  }

  Builder b(w, mc, styles);
  // Document order without recursion (the XML may nest arbitrarily deep): down to the first
  // child, else on to the next sibling, else up, leaving each element after its children.
  if (body) {
    pugi::xml_node n = body;
    bool done = false;
    while (!done) {
      if (b.enter(n) && n.first_child()) {
        n = n.first_child();
        continue;
      }
      for (;;) {
        b.leave(n);
        if (n == body) {
          done = true;
          break;
        }
        if (n.next_sibling()) {
          n = n.next_sibling();
          break;
        }
        n = n.parent();
      }
    }
  }
  out->text = sanitize_utf8(b.finish());
  out->page_starts.clear();
  out->title = sanitize_utf8(title);
  out->error.reset();
}

}  // namespace

void extract_docx(std::string_view bytes, size_t max_bytes, ExtractedText* out) {
  try {
    extract(bytes, max_bytes, out);
  } catch (const std::bad_alloc&) {
    throw;  // the posting's fault, not the file's: a resource error record
  } catch (const DeadlineExceeded&) {
    throw;
  } catch (const std::exception& e) {
    fail(out, std::string("cannot read this DOCX: ") + e.what());
  } catch (...) {
    fail(out, "cannot read this DOCX");
  }
}

}  // namespace jobmatch
