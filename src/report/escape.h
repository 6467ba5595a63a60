// The display policy (text_util.h, escape_for_display) applied by each output format, in one
// place: every text cell and message that comes from outside (titles, ids, file names, labels
// of a user lexicon or labels file, error messages quoting them) goes through one of these.
// JSON stays exact: there the policy's characters are written as JSON \u escapes, which parse
// back to the same string.
#pragma once

#include <string>
#include <string_view>

#include "text/text_util.h"

namespace jobmatch {

// The id as valid UTF-8: bytes that are not UTF-8 are shown as \xNN (never silently replaced).
// Exact otherwise: for JSON, which escapes the rest itself.
std::string display_id(std::string_view id);

// A TSV or CSV text cell (a title, a message, a kept field): the display policy (tabs and line
// breaks become spaces), and a leading = + - @ tab or CR gets a ' in front (the OWASP rule
// against formula injection); a lone "-" stays.
std::string safe_cell(std::string_view s);

// A TSV or CSV id cell: written as it is (the display policy, tabs and line breaks as spaces), so that it
// joins back to the input, unless a spreadsheet would read it as a formula: it starts with = + @
// tab or CR, or with - and is not a number (-42 and -4.2 stay; -2+3 and -A1 get the ').
std::string safe_id_cell(std::string_view id);

// Markdown (GitHub Flavored) text in a table cell: the display policy, then no line breaks,
// and nothing the renderer would turn into markup: \ [ ] | escaped with a backslash (no link,
// image or broken cell), < > as &lt; &gt; (no HTML tag), & as &amp; where it would start an
// entity (&#x202e; is a character reference), ` as '.
std::string markdown_text(std::string_view s);
// The same for the inside of a code span, where backslashes and entities are literal: the
// display policy, no line breaks, | as \| (tables split cells before code spans), ` as '.
std::string markdown_code(std::string_view s);

// GitHub workflow-command escaping (actions/toolkit) after the display policy (line breaks
// kept for it): % \r \n in the message; also : and , in property values.
std::string github_escape_data(std::string_view s);
std::string github_escape_property(std::string_view s);

// JSON text (as nlohmann-json dumps it) with every character of the display policy that is
// still raw written as a \u escape (a surrogate pair above U+FFFF): nlohmann escapes C0
// controls but writes DEL, C1 controls, bidi controls and U+2028/U+2029 as they are. The value
// is the same; the bytes cannot drive a terminal or break a line-splitting reader. Valid for
// any JSON text, since those characters can only stand inside strings.
std::string json_escape_display(std::string json);

}  // namespace jobmatch
