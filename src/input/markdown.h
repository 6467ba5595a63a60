// Markdown to text, for postings published as Markdown (job boards on GitHub, Jekyll _posts/,
// Hugo content/): a CommonMark parser (md4c) reads the document; YAML (---) or TOML (+++) front
// matter is dropped from the text but its `title`, which becomes the text's first line (so it is
// the title zone, as in a text posting); headings become lines of their own that
// start "# " (so zones such as "## Your tasks" are found, as in a text posting), list items "- "
// lines, table rows one line each;
// emphasis marks, link targets, images' URLs, code-span backticks, HTML tags and template tags
// ({% %}, {{ }}, <? ?>, <% %>) are dropped as markup, the words inside them kept. Every output
// byte keeps the offset of the Markdown byte it came from, so evidence points into the .md file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "text/source_map.h"

namespace jobmatch {

struct MarkdownText {
  std::string text;   // UTF-8 plain text
  SourceMap map;      // text's bytes back to the Markdown: src(i)
  std::string title;  // the front matter's title, if any (valid UTF-8, one line); it is also
                      // the first line of text

  // The offset in the Markdown of the character text[i] belongs to; src(text.size()) is its
  // size.
  uint32_t src(size_t i) const { return map.at(text, i); }
};

// Converts md (UTF-8; invalid bytes become U+FFFD) into *out, reusing its buffers. Time and
// memory linear in md.size(). text and title are always valid UTF-8.
void markdown_to_text(std::string_view md, MarkdownText* out);

// The same conversion writing every byte on its own (no runs written at once). Used by tests to
// prove the runs identical.
void markdown_to_text_reference(std::string_view md, MarkdownText* out);

}  // namespace jobmatch
