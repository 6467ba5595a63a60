// PhraseLists: lists of literal phrases searched together in a text (the cue, heading and
// boilerplate phrases of the evidence stage).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jobmatch {

// Up to 32 lists of literal phrases (of two bytes or more), searched together: which lists have
// a phrase occurring in a text, and where the first occurrence of any starts. Plain substring
// search, byte for byte, with no set-up per call. Each phrase is looked for by its rarest pair
// of adjacent bytes (byte_pair_rarity, text/lang.h: by letter frequency in German and English
// text), so few places are checked. find, with at most 16 such pairs, tests sixteen bytes at a
// time where SIMD is built in (text/simd.h); otherwise, and in match, each place is tested with
// two table loads and no branch, 64 places at a time.
class PhraseLists {
 public:
  PhraseLists(const std::vector<std::vector<std::string_view>>& lists);
  // Bit k set: list k has a phrase in s. With `late`, also the lists with a phrase that starts
  // at or after s[split], into *late.
  uint32_t match(std::string_view s, size_t split = 0, uint32_t* late = nullptr) const;
  // Where the leftmost phrase occurrence in s that starts at or after `from` starts, or npos.
  size_t find(std::string_view s, size_t from = 0) const;

 private:
  struct Phrase {
    std::string text;
    uint32_t list;
    uint32_t offset = 0;               // of its key pair in text
    uint32_t head = 0, head_mask = 0;  // its first (up to) four bytes, as a little-endian load sees them
  };
  // True if p occurs at s[i].
  static bool at(const Phrase& p, std::string_view s, size_t i);
  // Calls f(start, phrase) for every phrase whose key pair is at s[i] and that would start at or
  // after `from`; stops when f returns true.
  template <typename F>
  bool candidates_at(std::string_view s, size_t i, size_t from, F&& f) const;
  // Calls f(i) for every i >= from, in order, where s[i], s[i + 1] may be a key pair (with at
  // most 64 key pairs: is one); stops when f returns true.
  template <typename F>
  bool for_each_key_at(std::string_view s, size_t from, F&& f) const;
  // The phrases whose key pair folds (fold_pair) to k: m_phrases[m_first[k], m_first[k + 1]).
  std::array<uint16_t, (1 << 12) + 1> m_first{};
  std::vector<Phrase> m_phrases;
  std::vector<std::array<char, 2>> m_pairs;  // the distinct key pairs, if at most 16
  // The n-th distinct key pair (a, b) sets bit n % 64 of m_key_first[a] and of m_key_second[b]:
  // bytes x, y can be a key pair only if m_key_first[x] & m_key_second[y] is not 0, and with at
  // most 64 key pairs only if they are one.
  std::array<uint64_t, 256> m_key_first{}, m_key_second{};
  uint32_t m_max_offset = 0;
};

}  // namespace jobmatch
