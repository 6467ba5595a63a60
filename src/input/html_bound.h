// The page as gumbo gets it (html.cpp parses what this returns). gumbo's tree builder walks its
// stack of open elements and its list of active formatting elements for many tags, and compares
// each attribute with the tag's others:
// 80,000 nested <div>s took 29 s, 3 million <b>s ran for hours, a <p> with 200,000 attributes
// over a minute, and it clones every open formatting element (<b id=…>, with its attributes) in
// front of each new paragraph. So a linear pass first follows the page the way gumbo's tokenizer
// reads it (tags, comments, raw text):
//   - formatting tags (b, i, a, font, …), which only style the text, become NUL bytes, which
//     gumbo drops: no node, no word boundary (in SVG and MathML they stay, as they end that
//     content);
//   - a model of the open elements never counts fewer than gumbo keeps open by more than a
//     constant factor (implied end tags of p, li, dd, dt, td, th, tr, option are applied; an
//     end tag closes only what gumbo would close, within the same scope). A start tag that would
//     open more than kMaxDepth (256) elements becomes spaces (a text boundary), and so does every tag
//     after it up to the end tag that closes it;
//   - attributes past kMaxAttributes (256) of a tag (or of all <html>/<body> tags, which gumbo
//     merges) are overwritten with spaces: the text never reads attributes.
// Offsets into what gumbo reads are offsets into the page. A page without any of this is left
// as it is (`changed` false).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jobmatch {

struct Bounded {
  std::string text;      // the page with what gumbo must not see overwritten with spaces
  bool changed = false;  // else text is empty and gumbo reads the page itself
  // Where to cut the page into pieces parsed one at a time (html_to_text): at least `chunk`
  // bytes apart, after a tag that leaves no element open but html and body.
  std::vector<uint32_t> cuts;
};

// One linear pass over html; cuts at least `chunk` bytes apart.
Bounded bound_markup(std::string_view html, size_t chunk);

}  // namespace jobmatch
