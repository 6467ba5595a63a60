#include "input/sniff.h"

#include <array>
#include <cctype>
#include <nlohmann/json.hpp>

#include "text/text_util.h"

namespace jobmatch {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

// head without a UTF-8 BOM and leading white space.
std::string_view content_start(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  size_t i = 0;
  while (i < head.size() && is_space(head[i])) ++i;
  return head.substr(i);
}

bool starts_with_icase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

// <tag followed by '>', '/', or white space: an HTML element this project's postings start with.
bool starts_with_html_tag(std::string_view s) {
  if (starts_with_icase(s, "<!doctype html") || s.starts_with("<!--")) return true;
  static constexpr std::array<std::string_view, 22> kTags = {
      "html", "head", "body", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
      "table", "section", "article", "main", "meta", "span", "br", "strong", "b"};
  if (s.empty() || s[0] != '<') return false;
  for (std::string_view tag : kTags) {
    if (!starts_with_icase(s.substr(1), tag)) continue;
    const size_t after = 1 + tag.size();
    if (after < s.size() && (s[after] == '>' || s[after] == '/' || is_space(s[after]))) return true;
  }
  return false;
}

// A closed front-matter block: "---" (YAML) or "+++" (TOML) on the first line, a key on the
// next, a closing line later in head.
bool has_front_matter(std::string_view s) {
  for (std::string_view fence : {std::string_view("---"), std::string_view("+++")}) {
    if (!s.starts_with(fence)) continue;
    size_t eol = s.find('\n');
    if (eol == std::string_view::npos || !trim(s.substr(fence.size(), eol - fence.size())).empty()) continue;
    const std::string close = "\n" + std::string(fence);
    const size_t end = s.find(close, eol);
    if (end == std::string_view::npos || end == eol) continue;
    const std::string_view first = s.substr(eol + 1, s.find('\n', eol + 1) - eol - 1);
    if (first.find(fence[0] == '-' ? ':' : '=') != std::string_view::npos) return true;
  }
  return false;
}

// How many kinds of Markdown mark head has: ATX headings, **strong** or __strong__, inline
// links or images, fenced code, and "* " bullets.
int markdown_marks(std::string_view s) {
  bool heading = false, strong = false, link = false, fence = false;
  for (size_t start = 0; start < s.size();) {
    size_t end = s.find('\n', start);
    if (end == std::string_view::npos) end = s.size();
    std::string_view line = s.substr(start, end - start);
    size_t hashes = 0;
    while (hashes < line.size() && hashes < 7 && line[hashes] == '#') ++hashes;
    if (hashes >= 1 && hashes <= 6 && hashes < line.size() && line[hashes] == ' ') heading = true;
    if (line.starts_with("```") || line.starts_with("~~~")) fence = true;
    start = end + 1;
  }
  const size_t bold = s.find("**");
  if (bold != std::string_view::npos && s.find("**", bold + 3) != std::string_view::npos) strong = true;
  const size_t under = s.find("__");
  if (under != std::string_view::npos && s.find("__", under + 3) != std::string_view::npos) strong = true;
  const size_t paren = s.find("](");
  if (paren != std::string_view::npos && s.rfind('[', paren) != std::string_view::npos) link = true;
  return int{heading} + int{strong} + int{link} + int{fence};
}

bool first_line_is_json(std::string_view s) {
  const size_t eol = s.find('\n');
  if (eol == std::string_view::npos) return false;
  return nlohmann::json::accept(s.substr(0, eol));
}

}  // namespace

const char* content_name(Content c) {
  switch (c) {
    case Content::kText: return "text";
    case Content::kMarkdown: return "markdown";
    case Content::kHtml: return "html";
    case Content::kJsonl: return "jsonl";
    case Content::kJson: return "json";
    case Content::kPdf: return "pdf";
    case Content::kZip: return "docx";
  }
  return "text";
}

Content sniff_content(std::string_view head, std::string_view ext) {
  if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return Content::kPdf;
  if (head.starts_with("PK\x03\x04")) return Content::kZip;
  const std::string_view s = content_start(head);
  const bool json_ext = ext == "json", jsonl_ext = ext == "jsonl" || ext == "ndjson";
  // An object starts {"key" or is {}: a text posting may start with a brace too ("{Firma} sucht").
  const std::string_view inside = s.empty() ? s : content_start(s.substr(1));
  const bool object = s.starts_with("{") && (inside.empty() || inside[0] == '"' || inside[0] == '}');
  if (object) {
    // One object per line is JSON Lines; a pretty-printed object is one JSON document. A file
    // that is a single line: JSON Lines too (one record), unless it is called .json.
    // (A line ending, or blank lines, after the one line do not make it two.)
    const size_t eol = s.find('\n');
    const bool one_line = eol == std::string_view::npos || content_start(s.substr(eol)).empty();
    if (json_ext && one_line) return Content::kJson;
    if (first_line_is_json(s)) return Content::kJsonl;
    if (eol == std::string_view::npos) return Content::kJsonl;
    return Content::kJson;
  }
  if (s.starts_with("[") && (inside.empty() || inside[0] == '{' || inside[0] == ']')) return Content::kJson;
  // Named JSON but not shaped like it (empty, or broken from its first byte): read as what it is
  // named, so each bad line or the broken document is an error record, not a text posting.
  if (jsonl_ext) return Content::kJsonl;
  if (json_ext) return Content::kJson;
  const bool md_ext = ext == "md" || ext == "markdown" || ext == "mdown" || ext == "mkd";
  if (starts_with_html_tag(s) && !md_ext) return Content::kHtml;
  if (md_ext || has_front_matter(s)) return Content::kMarkdown;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Content::kHtml;
  if (ext.empty() && markdown_marks(s) >= 2) return Content::kMarkdown;
  return Content::kText;
}

bool sniff_ready(std::string_view head, bool at_end) {
  if (at_end || head.size() >= kSniffBytes) return true;
  const std::string_view s = content_start(head);
  if (s.empty()) return false;
  // JSON Lines on a slow pipe: the first line is enough (the stream is then read line by line).
  if (s[0] == '{') return s.find('\n') != std::string_view::npos;
  return s.size() >= 4096;
}

bool text_is_html(std::string_view text) {
  const std::string_view s = content_start(text);
  if (starts_with_html_tag(s)) return true;
  // One pass over the '<'s (not one search per mark: this runs for every JSON record).
  const std::string_view h = s.substr(0, kSniffBytes);
  for (size_t at = h.find('<'); at != std::string_view::npos; at = h.find('<', at + 1))
    for (std::string_view mark : {"</p>", "</li>", "</div>", "<br>", "<br/>", "<br />"})
      if (h.substr(at).starts_with(mark)) return true;
  return false;
}

std::string extension_of(std::string_view path, bool strip_compression) {
  const size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (int round = 0; round < 2; ++round) {
    const size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == name.size()) return "";
    std::string ext(name.substr(dot + 1));
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (round == 0 && strip_compression && (ext == "gz" || ext == "zst" || ext == "xz" || ext == "bz2")) {
      name = name.substr(0, dot);
      continue;
    }
    return ext;
  }
  return "";
}

}  // namespace jobmatch
