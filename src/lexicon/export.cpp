#include "lexicon/export.h"

#include <cctype>

#include "lexicon/pattern.h"
#include "lexicon/rg_syntax.h"
#include "text/normalize.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

using rg::append_literal;
using rg::is_ascii_word;
using rg::kB;
using rg::kNotB;
using rg::kSepRe;
using rg::kWordRunRe;
using rg::umlaut_of;

struct Unit {
  enum Kind { kLiteral, kUmlaut, kStar, kSeparator } kind;
  std::string text;     // kLiteral: one character; kUmlaut: the folded pair ("ae")
  std::string umlaut;   // kUmlaut: the character it was folded from ("ä")
};

// The units of one literal piece of a word, normalized as the lexicon normalizes patterns.
void literal_units(std::string_view piece, std::vector<Unit>* units) {
  Normalized n;
  normalize(piece, &n);
  const std::string& t = n.text;
  const std::vector<uint32_t> src = n.map.expand(t);
  for (size_t i = 0; i < t.size();) {
    if (i + 1 < t.size() && src[i] == src[i + 1] && src[i] < piece.size() &&
        static_cast<unsigned char>(piece[src[i]]) >= 0x80) {
      const std::string_view pair(t.data() + i, 2);
      const std::string_view u = umlaut_of(pair);
      // Only a pair both of whose bytes came from one non-ASCII character ("ä", "ß").
      if (!u.empty() && (i + 2 >= src.size() || src[i + 2] != src[i])) {
        units->push_back({Unit::kUmlaut, std::string(pair), std::string(u)});
        i += 2;
        continue;
      }
    }
    size_t len;
    decode_utf8(t, i, &len);
    units->push_back({Unit::kLiteral, t.substr(i, len), ""});
    i += len;
  }
}

void append_unit(std::string& out, const Unit& u, bool lead, bool trail) {
  switch (u.kind) {
    case Unit::kSeparator:
      out += kSepRe;
      return;
    case Unit::kStar:
      out += kWordRunRe;
      return;
    case Unit::kLiteral:
      append_literal(out, u.text);
      return;
    case Unit::kUmlaut:
      // The folded spelling is ASCII, the umlaut is not: each gets its own boundary test.
      out += "(?:";
      if (lead) out += kB;
      out += u.text;
      if (trail) out += kB;
      out += '|';
      if (lead) out += kNotB;
      out += u.umlaut;
      if (trail) out += kNotB;
      out += ')';
      return;
  }
}

// The boundary before (or after) a pattern whose first (or last) unit is u; empty for an umlaut,
// which carries its own.
std::string_view edge_boundary(const Unit& u) {
  switch (u.kind) {
    case Unit::kStar:
      return kB;
    case Unit::kLiteral:
      return u.text.size() == 1 && is_ascii_word(u.text[0]) ? kB : kNotB;
    case Unit::kUmlaut:
    case Unit::kSeparator:
      return {};
  }
  return {};
}

Expected<std::string> plain_to_rg(std::string_view pattern) {
  std::vector<Unit> units;
  for (size_t at = 0; const WrittenWord word = next_written_word(pattern, &at);) {
    if (!units.empty() && units.back().kind != Unit::kSeparator) units.push_back({Unit::kSeparator, "", ""});
    for (size_t p = 0; p < word.text.size();) {
      const std::string_view piece = next_written_piece(word.text, &p);
      if (piece == "*") units.push_back({Unit::kStar, "", ""});
      else literal_units(piece, &units);
    }
  }
  while (!units.empty() && units.back().kind == Unit::kSeparator) units.pop_back();
  if (units.empty()) return Error("empty pattern");
  std::string out(edge_boundary(units.front()));
  for (size_t k = 0; k < units.size(); ++k)
    append_unit(out, units[k], k == 0, k + 1 == units.size());
  out += edge_boundary(units.back());
  return out;
}

}  // namespace

Expected<std::string> pattern_to_rg(std::string_view pattern) {
  if (!pattern.starts_with("re:")) return plain_to_rg(pattern);
  const std::string_view body = pattern.substr(3);
  Expected<std::string> translated = rg::re_to_rg(body);
  if (!translated.ok()) return translated;
  if (translated->empty()) return Error("empty pattern");
  return std::string(rg::re_lead(body)) + "(?:" + *translated + ")" + std::string(rg::re_trail(body));
}

std::vector<ExportedPattern> export_patterns(const Lexicon& lexicon,
                                             const std::vector<size_t>& concepts) {
  std::vector<ExportedPattern> out;
  for (const size_t ci : concepts) {
    const Concept& c = lexicon.concepts.at(ci);
    for (const bool weak : {false, true})
      for (const Pattern& p : weak ? c.weak : c.strong) {
        ExportedPattern e;
        e.concept_index = ci;
        e.weak = weak;
        e.source = p.source;
        Expected<std::string> translated = pattern_to_rg(p.source);
        if (translated.ok()) e.rg = std::move(*translated);
        else e.error = translated.error().message;
        out.push_back(std::move(e));
      }
  }
  return out;
}

}  // namespace jobmatch
