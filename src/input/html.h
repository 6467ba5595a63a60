// HTML to text, for postings saved from job boards: a real HTML5 parser (gumbo) builds the tree;
// script, style, noscript, iframe, object and SVG content are dropped, and so is the <title>
// (which becomes HtmlText::title); <template> content is read (gumbo makes it a node of its
// own, not an element). <head> is not dropped as a whole: the rest of it is read like the body
// (white space, a template: gumbo moves stray text into <body>). Entities are decoded, block
// elements become line breaks and list items "- " lines. Every output byte keeps the offset of
// the input byte it came from, so evidence still points into the HTML file (the text is in the
// order of gumbo's tree: text gumbo moves, out of a table say, maps back to a later offset than
// the text after it). Markup gumbo would not handle in linear time or memory is taken out first
// (input/html_bound.h), and a large page is parsed in pieces.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "text/source_map.h"

namespace jobmatch {

struct HtmlText {
  std::string text;  // UTF-8 plain text
  SourceMap map;     // text's bytes back to the HTML: src(i)
  std::string title;  // the <title>, if any

  // The offset in the HTML of the character text[i] belongs to; src(text.size()) is its size.
  uint32_t src(size_t i) const { return map.at(text, i); }
};

// Converts html (UTF-8; invalid bytes, and whatever gumbo lets through of malformed character
// references, become U+FFFD) into *out. text and title are always valid UTF-8. A page is parsed
// in pieces of at least `chunk` bytes, cut where no element is open but html and body, so that
// gumbo's tree (10 to 30 bytes per byte) stays small for a large page; a page under twice that
// is parsed whole.
void html_to_text(std::string_view html, HtmlText* out, size_t chunk = size_t{256} << 10);

// The same conversion writing every character on its own (no runs written at once). Used by
// tests to prove the runs identical.
void html_to_text_reference(std::string_view html, HtmlText* out, size_t chunk = size_t{256} << 10);

// True if text starts (after white space and a BOM) with "<!doctype html" or "<html".
bool looks_like_html(std::string_view text);

}  // namespace jobmatch
