#include "match/phrase_index.h"

#include <algorithm>
#include <cstddef>

#include "match/found.h"
#include "text/simd.h"

namespace jobmatch {

std::span<const Part> split_parts(std::string_view text, UninitVector<Part>* buffer) {
  UninitVector<Part>& parts = *buffer;
  // At most one part per byte: written without push_back's checks, into room for at least 16
  // more, checked before each. Most text has a boundary every few bytes; the buffer grows when
  // it has more.
  if (const size_t want = std::max<size_t>(64, text.size() / 4); parts.size() < want) parts.resize(want);
  Part* out = parts.data();
  const auto room_for_16 = [&] {
    const auto used = static_cast<size_t>(out - parts.data());
    if (used + 16 > parts.size()) {
      parts.resize(std::min<size_t>(std::max(2 * parts.size(), used + 16), text.size() + 16));
      out = parts.data() + used;
    }
  };
  uint32_t begin = 1;
  // The bytes of is_boundary (lexicon/pattern.h), sixteen at a time where SIMD is built in.
  simd::for_each_of<' ', '/', '.', '\'', '-'>(text, 1, [&](size_t i) {
    room_for_16();
    const auto at = static_cast<uint32_t>(i);
    *out++ = Part{begin, at};
    begin = at + 1;
  });
  return std::span<const Part>(parts.data(), out);
}

Glob::Glob(std::string t) : text(std::move(t)) {
  const size_t first = text.find('*');
  if (first == std::string::npos) return;
  star = true;
  if (text.find_first_of("&+#") != std::string::npos)
    regex = std::make_shared<const RE2>(words_regex(WordPattern{{text}, ""}), span_options());
  const size_t last = text.rfind('*');
  const std::string_view v = text;
  head = v.substr(0, first);
  tail = v.substr(last + 1);
  for (size_t g = first + 1; g < last;) {
    const size_t next = text.find('*', g);
    if (next > g) middles.push_back(v.substr(g, next - g));
    g = next + 1;
  }
  min_size = head.size() + tail.size();
  for (const std::string_view m : middles) min_size += m.size();
}

void PhraseIndex::add_phrase(const WordPattern& words, uint32_t group) {
  std::string key = words.seps;
  for (const std::string& part : words.parts) key += '\0' + part;
  const auto [it, added] = m_phrase_ids.try_emplace(std::move(key), static_cast<uint32_t>(m_phrases.size()));
  if (!added) {
    std::vector<uint32_t>& g = m_phrases[it->second].groups;
    if (std::find(g.begin(), g.end(), group) == g.end()) g.push_back(group);
    return;
  }
  Phrase p{words, {}, {group}};
  for (const std::string& part : words.parts) p.globs.emplace_back(part);
  m_phrases.push_back(std::move(p));
}

void PhraseIndex::add_trigger(std::string_view literal, uint32_t trigger) {
  m_triggers.emplace_back(literal, trigger);
}

void PhraseIndex::add_affix(std::string_view key, bool tail, Entry e) {
  m_affixes.add(affix_key(key, tail), e);
  if (tail) m_tail_lengths[fold_pair(key[key.size() - 2], key.back())] |= static_cast<uint8_t>(1u << key.size());
  else m_head_lengths[fold_pair(key[0], key[1])] |= static_cast<uint8_t>(1u << key.size());
  if (key.size() == kMaxAffix) (tail ? m_tail4 : m_head4).add(key4_hash(load4(key.data())));
}

namespace {

// Sets e's near check (Entry::near) from the first of these parts of its phrase whose pattern
// starts with a literal: part `after` (the one after the anchor, or after a pair's second part),
// the one before the anchor. A '*' part with & + # is left out: a regex decides it.
void set_near(Entry* e, const std::vector<Glob>& globs, size_t after) {
  for (const size_t k : {after, size_t{e->anchor} - 1}) {  // (anchor - 1 wraps around for anchor 0)
    if (k >= globs.size() || globs[k].regex) continue;
    const std::string_view head = globs[k].star ? globs[k].head : std::string_view(globs[k].text);
    if (head.empty()) continue;
    e->near = static_cast<int8_t>(static_cast<ptrdiff_t>(k) - static_cast<ptrdiff_t>(e->anchor));
    e->near_bytes = static_cast<uint8_t>(std::min<size_t>(head.size(), 8));
    e->near_check = packed_bytes(head);
    return;
  }
}

}  // namespace

void PhraseIndex::finish() {
  for (uint32_t p = 0; p < m_phrases.size(); ++p) {
    const std::vector<Glob>& globs = m_phrases[p].globs;
    // Two adjacent exact parts, the longest pair, anchor the phrase at the first.
    size_t pair = globs.size(), pair_size = 0;
    for (size_t k = 0; k + 1 < globs.size(); ++k)
      if (!globs[k].star && !globs[k + 1].star && globs[k].text.size() + globs[k + 1].text.size() > pair_size)
        pair = k, pair_size = globs[k].text.size() + globs[k + 1].text.size();
    if (pair < globs.size()) {
      Entry e{p, static_cast<uint32_t>(pair)};
      set_near(&e, globs, pair + 2);
      m_pairs.add(pair_key(hash_part(globs[pair].text), hash_part(globs[pair + 1].text)), e);
      continue;
    }
    // The best anchor: exact parts first, longest first; then the longest literal affix.
    size_t best = 0, best_score = 0;
    for (size_t k = 0; k < globs.size(); ++k) {
      const Glob& g = globs[k];
      const size_t score = g.star ? std::max(g.head.size(), g.tail.size()) : 1000 + g.text.size();
      if (score > best_score) best = k, best_score = score;
    }
    const Glob& g = globs[best];
    Entry e{p, static_cast<uint32_t>(best)};
    set_near(&e, globs, best + 1);
    if (!g.star) {
      m_exact.add(g.text, e);
    } else if (best_score < 2) {
      std::string_view needle = g.head.size() >= g.tail.size() ? g.head : g.tail;
      for (const std::string_view m : g.middles)
        if (m.size() > needle.size()) needle = m;
      if (needle.empty()) m_everywhere.push_back(e);
      else m_anywhere.push_back({e, std::string(needle)});
    } else if (g.head.size() >= g.tail.size()) {
      const std::string_view key = g.head.substr(0, std::min(g.head.size(), kMaxAffix));
      set_check(&e, g.head, false);
      add_affix(key, false, e);
    } else {
      const std::string_view key = g.tail.substr(g.tail.size() - std::min(g.tail.size(), kMaxAffix));
      set_check(&e, g.tail, true);
      add_affix(key, true, e);
    }
  }
  // The triggers after the phrases, so a part's entries list its phrases first.
  for (const auto& [literal, trigger] : m_triggers) {
    Entry e{trigger, 0, EntryKind::kTrigger};
    set_check(&e, literal, false);
    add_affix(std::string_view(literal).substr(0, kMaxAffix), false, e);
  }
  m_pairs.finish();
  m_exact.finish();
  m_affixes.finish();
  m_phrase_ids.clear();
  m_triggers.clear();
}

}  // namespace jobmatch
