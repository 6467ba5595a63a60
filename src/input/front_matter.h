// Front matter: the YAML (---) or TOML (+++) block at the top of a published Markdown file
// (Jekyll, Hugo), and the one key jobmatch reads from it, the top-level `title`: plain, quoted
// ("…" with escapes, '…' with ''), or a YAML block scalar (>, |); a nested title (seo: title:)
// and a TOML title inside a [table] do not count.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "text/source_map.h"

namespace jobmatch {

struct FrontMatter {
  size_t end = 0;       // where the text after it starts (past its closing line); 0: none
  std::string title;    // valid UTF-8, one line, at most 200 bytes; empty if none
  size_t title_at = 0;  // where the title's value starts in the document
};

// The front matter at md[start] (after a BOM, if any). A block that never closes is no front
// matter.
FrontMatter read_front_matter(std::string_view md, size_t start);

// Appends front.title (not empty) to *text as a line of its own, as a text posting's title
// stands, and maps its bytes into the front matter of md: each to the next byte of the value
// that equals it (quotes and escapes are skipped over); a space, which may stand for a folded
// line break or an escape, and a byte not found map to the last one mapped. The line break maps
// to front.end.
void append_title_line(std::string_view md, const FrontMatter& front, std::string* text, SourceMap* map);

}  // namespace jobmatch
