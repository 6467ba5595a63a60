// Content sniffing: what a file or stream holds, judged from its first bytes (after any
// compression is taken off), with the file name's extension only breaking a tie. In order:
//   %PDF- in the first 1,024 bytes          PDF
//   PK\3\4                                  ZIP: read as DOCX (the reader says if it is not one)
//   {" or {} with the first line one value  JSON Lines (one posting per line)
//   {" otherwise, or [ {  or [ ]            JSON: an array of postings, or one or more objects
//                                             (a .json file of one line is JSON)
//   .jsonl/.ndjson or .json                 JSON Lines or JSON, when the content is not JSON-
//                                             shaped (empty, or broken from its first byte)
//   a leading HTML tag (<!doctype, <html,   HTML (a .md file stays Markdown: Markdown may
//     <div, <p, <!--, ...)                    begin with HTML)
//   YAML/TOML front matter                  Markdown
//   .md/.markdown, or (with no other         Markdown
//     extension) several Markdown marks:
//     headings, **strong**, [links](…), ```
//   anything else                           plain text (decoding finds binary and encodings)
#pragma once

#include <string>
#include <string_view>

namespace jobmatch {

enum class Content { kText, kMarkdown, kHtml, kJsonl, kJson, kPdf, kZip };

const char* content_name(Content c);  // "text", "markdown", "html", "jsonl", "json", "pdf", "docx"

// head: the first bytes (all of them if the input is shorter than a sniff block); ext: the
// lower-case extension without the dot ("" for standard input), after a compression suffix is
// taken off (postings.jsonl.gz: "jsonl").
Content sniff_content(std::string_view head, std::string_view ext);

// Whether a sniff of head can be trusted: true once head holds kSniffBytes, the end of the
// input, or (for JSON) its first line. Lets standard input be sniffed without waiting for 64 KiB
// of a slow stream.
bool sniff_ready(std::string_view head, bool at_end);
inline constexpr size_t kSniffBytes = 64u << 10;

// Whether a JSON text field holds HTML rather than text: it starts with a tag, or its first
// 64 KiB close a paragraph, a list item or a div, or break a line with <br>.
bool text_is_html(std::string_view text);

// The lower-case extension of a path ("" if none); a compression suffix (.gz, .zst, .xz, .bz2)
// is taken off first when strip_compression is set.
std::string extension_of(std::string_view path, bool strip_compression = false);

}  // namespace jobmatch
