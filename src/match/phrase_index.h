// Internal to the matcher: the word-language patterns (pattern.h's WordPattern) as phrases, each
// indexed by a pair of adjacent parts or by one anchor part, and the check of a phrase at a
// place in the text.
//
// A text is read as parts, the stretches between boundaries (TokenStream::parts, which the
// tokenizer notes; split_parts defines them). Each phrase is found through its longest pair of
// adjacent parts without '*', else through one of its parts, its anchor: the longest part
// without '*', else the '*' part with the longest literal head or tail (rarer words, fewer
// phrases to try at each part of the text). Pairs are looked up by the hashes of two adjacent
// parts of the text ("machine learning": the many phrases with "learning" or "data" are not
// tried at every "learning" or "data"), exact anchors by the whole part, the others by the first
// or last 2-4 bytes of their literal head or tail; anchors with neither are searched for by their
// longest literal (infixes). The affix keys also hold the literals of anchored `re:` patterns
// (re_triggers.h): an Entry says which of the two it is. Most parts of a text key nothing: filters
// tell them apart a block of parts at a time before any lookup, and an entry found by an affix
// compares up to eight bytes of the part before its phrase or trigger is read.
//
// The lookups and the phrase check run for every part of every document, so they are defined
// here, inline; building the index is in phrase_index.cpp.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "base/uninit.h"
#include "lexicon/pattern.h"
#include "match/match.h"
#include "pipeline/deadline.h"
#include "text/text_util.h"

namespace jobmatch {

// The parts (text/tokenize.h) of text (" tok tok ... "), empty ones included (" .net" has one
// before its dot), written into *parts (grown as needed, never shrunk) and returned as a view of
// it: the definition of TokenStream::parts, which tokenize finds on its way (tests hold the two
// to each other).
std::span<const Part> split_parts(std::string_view text, UninitVector<Part>* parts);

// One part of a word pattern, taken apart for matching: head * middle * ... * tail.
struct Glob {
  std::string text;  // as in WordPattern::parts
  bool star = false;
  std::shared_ptr<const RE2> regex;  // if a literal has & + #: this decides (no shipped pattern)
  std::string_view head, tail;
  std::vector<std::string_view> middles;
  size_t min_size = 0;  // of a part it can match: its literals' bytes

  explicit Glob(std::string t);
  Glob(const Glob& o) : Glob(o.text) {}  // the views point into this->text
  Glob& operator=(const Glob&) = delete;

  // part: a stretch of text between boundaries.
  bool matches(std::string_view part) const {
    if (!star) return part == text;
    if (part.size() < min_size) return false;
    if (regex) return RE2::FullMatch(re2::StringPiece(part.data(), part.size()), *regex);
    if (!part.starts_with(head) || !part.ends_with(tail)) return false;  // most parts fail here
    std::string_view rest = part.substr(head.size(), part.size() - head.size() - tail.size());
    for (const std::string_view lit : middles) {
      const size_t at = rest.find(lit);
      if (at == std::string_view::npos) return false;
      rest.remove_prefix(at + lit.size());
    }
    // A star never takes & + #, and no literal here has them. (find_first_of would call
    // memchr on "&+#" for every byte of the part.)
    return std::none_of(part.begin(), part.end(), [](char c) { return c == '&' || c == '+' || c == '#'; });
  }
};

// A word-language pattern and the groups it belongs to (the same words may serve several: a
// concept's strong patterns are its near context too).
struct Phrase {
  WordPattern words;
  std::vector<Glob> globs;  // one per part
  std::vector<uint32_t> groups;
};

// A 64-bit hash of a short string: its first and last eight bytes and its length, mixed. Most
// parts are short words, so this reads each once.
inline uint64_t mix_part(uint64_t first8, uint64_t last8, size_t size) {
  const uint64_t h = (first8 ^ (last8 * 0xff51afd7ed558ccdULL) ^ size) * 0x9e3779b97f4a7c15ULL;
  return h ^ (h >> 29);
}
inline uint64_t hash_part(std::string_view s) {
  uint64_t a = 0, b = 0;
  if (s.size() >= 8) {
    std::memcpy(&a, s.data(), 8);
    std::memcpy(&b, s.data() + s.size() - 8, 8);
  } else {
    for (size_t i = 0; i < s.size(); ++i) a |= static_cast<uint64_t>(static_cast<unsigned char>(s[i])) << (8 * i);
  }
  return mix_part(a, b, s.size());
}
// hash_part of text[begin, end): a part shorter than eight bytes is read with one load and a
// mask where the text goes on for eight bytes.
inline uint64_t hash_part_at(std::string_view text, size_t begin, size_t end) {
  const size_t n = end - begin;
  if (n >= 8 || begin + 8 > text.size()) return hash_part(text.substr(begin, n));
  uint64_t a;
  std::memcpy(&a, text.data() + begin, 8);
  return mix_part(n ? a & (~uint64_t{0} >> (64 - 8 * n)) : 0, 0, n);
}

// A set of 64-bit hashes that may answer yes wrongly, never no: a bit per 15-bit slice of a
// hash, 4 KiB that stay in the L1 cache.
class HashFilter {
 public:
  void add(uint64_t h) { m_bits[bit(h) >> 6] |= uint64_t{1} << (bit(h) & 63); }
  bool may_hold(uint64_t h) const { return m_bits[bit(h) >> 6] >> (bit(h) & 63) & 1; }

 private:
  static uint32_t bit(uint64_t h) { return static_cast<uint32_t>(h >> 49); }
  std::array<uint64_t, 512> m_bits{};
};

// The hash of four bytes as one load reads them, for HashFilter.
inline uint64_t key4_hash(uint32_t v) { return (v | uint64_t{1} << 32) * 0x9e3779b97f4a7c15ULL; }

// hash_part_at, with no branch that depends on the part's size: most parts are shorter than
// eight bytes, many are not. (The masks come from a table: written as a choice, the compiler
// made a branch of it, mispredicted for one part in three.)
inline uint64_t hash_part_branchless(std::string_view text, size_t begin, size_t end) {
  if (begin + 8 > text.size() || end < 8) return hash_part_at(text, begin, end);  // (rare)
  // By min(size, 8): the bytes of the first eight the hash takes, and whether it takes the
  // last eight.
  static constexpr uint64_t kFirst[9] = {0,
                                         0xFF,
                                         0xFFFF,
                                         0xFFFFFF,
                                         0xFFFFFFFF,
                                         0xFFFFFFFFFF,
                                         0xFFFFFFFFFFFF,
                                         0xFFFFFFFFFFFFFF,
                                         ~uint64_t{0}};
  static constexpr uint64_t kLast[9] = {0, 0, 0, 0, 0, 0, 0, 0, ~uint64_t{0}};
  const size_t n = end - begin;
  const size_t m = std::min<size_t>(n, 8);
  uint64_t a, b;
  std::memcpy(&a, text.data() + begin, 8);
  std::memcpy(&b, text.data() + end - 8, 8);
  return mix_part(a & kFirst[m], b & kLast[m], n);
}

// The key of two adjacent parts, from their hash_part values.
inline uint64_t pair_key(uint64_t first, uint64_t second) {
  return first * 0xc2b2ae3d27d4eb4fULL ^ (second << 31 | second >> 33);
}

// What an index entry stands for: a phrase to try with its anchor here, or a literal of an
// anchored re: pattern (re_triggers.h).
enum class EntryKind : uint8_t { kPhrase, kTrigger };

// A phrase to try where its anchor part matches, or a trigger.
struct Entry {
  uint32_t id;      // kPhrase: into PhraseIndex::phrase; kTrigger: into ReTriggers' triggers
  uint32_t anchor;  // kPhrase: which of the phrase's parts is the anchor
  EntryKind kind = EntryKind::kPhrase;
  // An entry keyed by an affix: the part's first (last, with check_tail) check_bytes bytes, at
  // most eight, must be `check`, the first (last) bytes of the anchor's head (tail) or of the
  // trigger's literal. One comparison tells most parts with the same 2-4 key bytes ("prod" of
  // "products" for "production*") from the ones the entry is for, before the phrase, its
  // globs or the trigger are read.
  bool check_tail = false;
  uint8_t check_bytes = 0;
  // A phrase entry's near check: the part `near` parts from the anchor (0: none) must start
  // with the near_bytes bytes of near_check, the first (at most eight) of the literal its
  // pattern part starts with. A third of the phrases tried fail there (1.17 M of 3.65 M on the
  // bulk JSONL), told from the entry alone, before the phrase is read.
  int8_t near = 0;
  uint8_t near_bytes = 0;
  uint64_t check = 0;       // the affix check's bytes
  uint64_t near_check = 0;  // the near check's bytes
};

// The first min(8, s.size()) bytes of s as a little-endian load sees them, the rest zero: what
// Entry's checks compare.
inline uint64_t packed_bytes(std::string_view s) {
  uint64_t v = 0;
  std::memcpy(&v, s.data(), std::min<size_t>(s.size(), 8));
  return v;
}
// The low n bytes of v (n <= 8).
inline uint64_t low_bytes(uint64_t v, size_t n) { return n == 8 ? v : v & ((uint64_t{1} << (8 * n)) - 1); }

// Sets e's check to the first (last, with tail) min(8, s.size()) bytes of s.
inline void set_check(Entry* e, std::string_view s, bool tail) {
  const size_t n = std::min<size_t>(s.size(), 8);
  e->check_tail = tail;
  e->check_bytes = static_cast<uint8_t>(n);
  e->check = packed_bytes(s.substr(tail ? s.size() - n : 0));
}

// Open addressing from a key (a whole part, or a packed head or tail of one) to the entries
// anchored there.
template <typename Key>
class AnchorIndex {
 public:
  void add(const Key& key, Entry e) {
    const auto [it, added] = m_building.try_emplace(key, m_lists.size());
    if (added) m_lists.push_back({key, {}});
    m_lists[it->second].second.push_back(e);
  }
  void finish() {
    m_building.clear();
    size_t cap = 64;
    while (cap < m_lists.size() * 4) cap *= 2;
    m_slots.assign(cap, Slot{});
    m_mask = cap - 1;
    m_filter = HashFilter();
    for (uint32_t l = 0; l < m_lists.size(); ++l) {
      const uint64_t h = hash(m_lists[l].first);
      m_filter.add(h);
      size_t i = h & m_mask;
      while (m_slots[i].list != kEmpty) i = (i + 1) & m_mask;
      m_slots[i] = Slot{static_cast<uint32_t>(h >> 32), l};
    }
  }
  template <typename Probe>
  const std::vector<Entry>* find(const Probe& key) const {
    return find(key, hash(key));
  }
  // False if no key has hash h, as find takes it (true may be wrong).
  bool may_hold(uint64_t h) const { return m_filter.may_hold(h); }
  template <typename Probe>
  bool may_hold_key(const Probe& key) const { return m_filter.may_hold(hash(key)); }
  template <typename Probe>
  const std::vector<Entry>* find(const Probe& key, uint64_t h) const {
    if (!m_filter.may_hold(h)) return nullptr;
    const auto tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & m_mask;; i = (i + 1) & m_mask) {
      const Slot& s = m_slots[i];
      if (s.list == kEmpty) return nullptr;
      if (s.tag == tag && m_lists[s.list].first == key) return &m_lists[s.list].second;
    }
  }

 private:
  static constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();
  // Every key's hash: most parts of a text are no key, and this stays in the L1 cache, where
  // the slots (and the lists behind them) do not.
  HashFilter m_filter;
  struct Slot {
    uint32_t tag = 0;
    uint32_t list = kEmpty;
  };
  static uint64_t hash(std::string_view s) { return hash_part(s); }
  static uint64_t hash(uint64_t k) {
    const uint64_t h = k * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 29);
  }
  std::vector<std::pair<Key, std::vector<Entry>>> m_lists;
  std::map<Key, size_t> m_building;  // key -> index into m_lists, until finish()
  std::vector<Slot> m_slots;
  size_t m_mask = 0;
};

// The key of a part's first (or last) n bytes, 2 <= n <= 4, with where they come from.
constexpr size_t kMaxAffix = 4;
inline uint64_t affix_key(std::string_view bytes, bool tail) {
  uint64_t k = static_cast<uint64_t>(tail) << 40 | static_cast<uint64_t>(bytes.size()) << 32;
  for (size_t i = 0; i < bytes.size(); ++i) k |= static_cast<uint64_t>(static_cast<unsigned char>(bytes[i])) << (8 * i);
  return k;
}
// affix_key from one load of four bytes, for parts of four bytes or more: the key of the first
// n bytes of p is head_word_key(load4(p), n), of the last n tail_word_key(load4(end - 4), n).
inline uint32_t load4(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
inline uint64_t head_word_key(uint32_t head4, size_t n) {
  return static_cast<uint64_t>(n) << 32 | (n == 4 ? head4 : head4 & ((1u << (8 * n)) - 1));
}
inline uint64_t tail_word_key(uint32_t tail4, size_t n) {
  return uint64_t{1} << 40 | static_cast<uint64_t>(n) << 32 | (tail4 >> (8 * (4 - n)));
}

class PhraseIndex {
 public:
  // Adds the words as a phrase of group g (the same words in several groups are one phrase).
  void add_phrase(const WordPattern& words, uint32_t group);
  // Keys a trigger (an anchored re: pattern's literal, at least two bytes) by its first bytes:
  // parts that start with them give an Entry{kTrigger, trigger}.
  void add_trigger(std::string_view literal, uint32_t trigger);
  // Chooses each phrase's anchor and builds the lookups; call once, after every add.
  void finish();

  const Phrase& phrase(uint32_t p) const { return m_phrases[p]; }

  // Calls visit(entry, j, anchor_checked) for every entry keyed by part j, part by part: by
  // the pair of parts that ends with it (anchored at the first, whose bytes are not checked: a
  // pair's key is only a hash), by the whole part (its anchor already checked), by its first or
  // last bytes, and the phrases with no literal anchor at all.
  //
  // Most parts of a text key nothing. They are told apart a block of parts at a time, with
  // filters only and no branch per part (a part that keys something is written down and the
  // count moves on by one, a part that does not is overwritten); the lookups then run for the
  // parts written down. A branch per part that goes either way at random would cost more than
  // the filters.
  template <class Visit>
  void visit_parts(std::string_view text, std::span<const Part> parts, Visit&& visit) const {
    constexpr size_t kBlock = 256;
    uint64_t hashes[kBlock + 1];  // hashes[0]: of the part before the block
    uint32_t keyed[kBlock];       // the block's parts that may key something
    hashes[0] = 0;
    const bool everywhere = !m_everywhere.empty();
    for (size_t b = 0; b < parts.size(); b += kBlock) {
      poll_deadline();
      const size_t end = std::min(parts.size(), b + kBlock);
      size_t count = 0;
      for (size_t j = b; j < end; ++j) {
        const uint64_t h = hash_part_branchless(text, parts[j].begin, parts[j].end);
        hashes[j - b + 1] = h;
        const bool pair = j > 0 && m_pairs.may_hold_key(pair_key(hashes[j - b], h));
        keyed[count] = static_cast<uint32_t>(j);
        count += static_cast<size_t>(pair | m_exact.may_hold(h) | may_key_affix(text, parts[j]) | everywhere);
      }
      for (size_t k = 0; k < count; ++k) {
        const size_t j = keyed[k];
        const std::string_view part = text.substr(parts[j].begin, parts[j].end - parts[j].begin);
        const uint64_t h = hashes[j - b + 1];
        if (j > 0)
          if (const auto* list = m_pairs.find(pair_key(hashes[j - b], h)))
            for (const Entry& e : *list) visit(e, j - 1, false);
        if (const auto* list = m_exact.find(part, h))
          for (const Entry& e : *list) visit(e, j, true);
        for_affix_entries(part, [&](const Entry& e) { visit(e, j, false); });
        for (const Entry& e : m_everywhere) visit(e, j, false);
      }
      hashes[0] = hashes[end - b];
    }
  }

  // Calls visit(entry, j) for every phrase anchored by an infix ("*prototyp*") at each part j its
  // literal occurs in (once per part, however often).
  template <class Visit>
  void visit_infixes(std::string_view text, std::span<const Part> parts, Visit&& visit) const {
    for (const Infix& a : m_anywhere) {
      // memmem, not string_view::find, which stops at every occurrence of the first byte.
      auto next = [&](size_t from) -> size_t {
        if (from >= text.size()) return std::string_view::npos;
        const void* hit = memmem(text.data() + from, text.size() - from, a.needle.data(), a.needle.size());
        return hit ? static_cast<size_t>(static_cast<const char*>(hit) - text.data()) : std::string_view::npos;
      };
      for (size_t at = next(0); at != std::string_view::npos;) {
        // The part it occurs in (a needle never holds a boundary).
        const size_t j = static_cast<size_t>(
            std::upper_bound(parts.begin(), parts.end(), static_cast<uint32_t>(at),
                             [](uint32_t v, const Part& p) { return v < p.begin; }) - parts.begin()) - 1;
        visit(a.entry, j);
        at = next(parts[j].end);
      }
    }
  }

  // False if no affix key is the first or last 2-4 bytes of part p of text (true may be
  // wrong), with no branch on the part's bytes: a filter of the four-byte keys, and
  // for_affix_entries' tables for the two- and three-byte ones.
  bool may_key_affix(std::string_view text, Part p) const {
    const size_t size = p.end - p.begin;
    if (size < 2) return false;  // (few parts)
    const char* s = text.data() + p.begin;
    const unsigned short_keys = (m_head_lengths[fold_pair(s[0], s[1])] | m_tail_lengths[fold_pair(s[size - 2], s[size - 1])]) &
                                0b1100u;
    if (p.begin + kMaxAffix > text.size()) return true;  // (the end of the text)
    // A part of fewer than four bytes has no four-byte key: the four bytes read from its start
    // count for nothing.
    const bool four = size >= kMaxAffix;
    const uint32_t head4 = load4(s), tail4 = load4(s + (four ? size - kMaxAffix : 0));
    const bool long_keys = four & (static_cast<unsigned>(m_head4.may_hold(key4_hash(head4))) |
                                    static_cast<unsigned>(m_tail4.may_hold(key4_hash(tail4))));
    return short_keys != 0 || long_keys;
  }

  // Calls f with every entry keyed by the first or last 2-4 bytes of part.
  template <class F>
  void for_affix_entries(std::string_view part, F&& f) const {
    if (part.size() < 2) return;
    const unsigned heads = m_head_lengths[fold_pair(part[0], part[1])];
    const unsigned tails = m_tail_lengths[fold_pair(part[part.size() - 2], part.back())];
    if (!((heads | tails) >> 2)) return;
    // The part's first and last eight bytes (if it is shorter: all of it, the rest zero), read
    // at the first key found.
    uint64_t first8 = 0, last8 = 0;
    bool read = false;
    const auto visit = [&](uint64_t key) {
      const auto* list = m_affixes.find(key);
      if (!list) return;
      if (!read) {
        read = true;
        read_ends(part, &first8, &last8);
      }
      for (const Entry& e : *list)
        if (passes_check(e, first8, last8, part.size())) f(e);
    };
    if (part.size() >= kMaxAffix) {  // most parts: each affix is a mask or shift of one load
      const uint32_t head4 = load4(part.data()), tail4 = load4(part.data() + part.size() - 4);
      for (size_t len = 2; len <= kMaxAffix; ++len) {
        if (heads >> len & 1) visit(head_word_key(head4, len));
        if (tails >> len & 1) visit(tail_word_key(tail4, len));
      }
      return;
    }
    for (size_t len = 2; len <= part.size(); ++len) {
      if (heads >> len & 1) visit(affix_key(part.substr(0, len), false));
      if (tails >> len & 1) visit(affix_key(part.substr(part.size() - len), true));
    }
  }

  // A part's first and last eight bytes, as for_affix_entries reads them for passes_check.
  static void read_ends(std::string_view part, uint64_t* first8, uint64_t* last8) {
    if (part.size() >= 8) {
      std::memcpy(first8, part.data(), 8);
      std::memcpy(last8, part.data() + part.size() - 8, 8);
      return;
    }
    *first8 = 0;
    for (size_t i = 0; i < part.size(); ++i)
      *first8 |= static_cast<uint64_t>(static_cast<unsigned char>(part[i])) << (8 * i);
    *last8 = *first8;
  }
  // Entry::check against a part of `size` bytes whose ends read_ends read.
  static bool passes_check(const Entry& e, uint64_t first8, uint64_t last8, size_t size) {
    const size_t n = e.check_bytes;
    if (n == 0) return true;
    if (size < n) return false;
    if (!e.check_tail) return low_bytes(first8, n) == e.check;
    // last8's low min(size, 8) bytes are the part's last ones, and nothing is above them.
    return last8 >> (8 * (std::min<size_t>(size, 8) - n)) == e.check;
  }

  // The span of phrase e.id with its anchor at part j, if it matches there. anchor_checked: the
  // anchor part is known to match. The entry's near check comes first.
  bool try_phrase(const Entry& e, std::span<const Part> parts, size_t j, std::string_view text,
                  bool anchor_checked, TextSpan* span) const {
    if (e.near != 0) {
      // (j + near wraps around below part 0: no such part, and no room for the phrase.)
      const size_t k = j + static_cast<size_t>(static_cast<ptrdiff_t>(e.near));
      if (k >= parts.size()) return false;
      const Part& p = parts[k];
      if (p.end - p.begin < e.near_bytes) return false;
      uint64_t v;  // one eight-byte load where the text goes on for eight bytes
      if (p.begin + 8 <= text.size()) std::memcpy(&v, text.data() + p.begin, 8);
      else v = packed_bytes(text.substr(p.begin, e.near_bytes));
      if (low_bytes(v, e.near_bytes) != e.near_check) return false;
    }
    const Phrase& phrase = m_phrases[e.id];
    const size_t n = phrase.globs.size();
    if (j < e.anchor || j - e.anchor + n > parts.size()) return false;
    const size_t first = j - e.anchor;
    for (size_t k = 0; k < n; ++k) {
      if (k && phrase.words.seps[k - 1] && text[parts[first + k - 1].end] != phrase.words.seps[k - 1]) return false;
      if (k == e.anchor && anchor_checked) continue;
      const Part& part = parts[first + k];
      if (!phrase.globs[k].matches(text.substr(part.begin, part.end - part.begin))) return false;
    }
    *span = TextSpan{parts[first].begin, parts[first + n - 1].end};
    return true;
  }

 private:
  std::vector<Phrase> m_phrases;
  std::map<std::string, uint32_t> m_phrase_ids;  // by parts and separators, until finish()
  std::vector<std::pair<std::string, uint32_t>> m_triggers;  // (literal, trigger), until finish()
  AnchorIndex<uint64_t> m_pairs;  // by pair_key
  AnchorIndex<std::string> m_exact;
  AnchorIndex<uint64_t> m_affixes;
  // By a part's first (last) two bytes: bit n set if some head (tail) key has n bytes and starts
  // (ends) with them. Most parts need no affix lookup at all.
  std::vector<uint8_t> m_head_lengths = std::vector<uint8_t>(1 << 12), m_tail_lengths = std::vector<uint8_t>(1 << 12);
  // The four-byte head and tail keys, by key4_hash, for may_key_affix.
  HashFilter m_head4, m_tail4;
  // Keys e by key, a head (or tail) of 2-4 bytes, in m_affixes and the tables above.
  void add_affix(std::string_view key, bool tail, Entry e);
  // Anchors with no literal head or tail of two bytes ("*prototyp*"): found by searching the
  // whole text for their longest literal (needle) once per document, then tried at the parts
  // it occurs in; with no literal at all (m_everywhere), tried at every part.
  struct Infix {
    Entry entry;
    std::string needle;
  };
  std::vector<Infix> m_anywhere;
  std::vector<Entry> m_everywhere;
};

}  // namespace jobmatch
