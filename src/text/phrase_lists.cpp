#include "text/phrase_lists.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <stdexcept>

#include "text/lang.h"
#include "text/simd.h"
#include "text/text_util.h"

namespace jobmatch {

PhraseLists::PhraseLists(const std::vector<std::vector<std::string_view>>& lists) {
  if (lists.size() > 32) throw std::logic_error("PhraseLists: more than 32 lists");
  uint32_t list = 0;
  for (const auto& phrases : lists) {
    for (const std::string_view p : phrases) {
      if (p.size() < 2) throw std::logic_error("PhraseLists: a phrase shorter than two bytes");
      Phrase ph{std::string(p), list};
      const size_t n = std::min<size_t>(p.size(), 4);
      std::memcpy(&ph.head, p.data(), n);
      ph.head_mask = n == 4 ? 0xFFFFFFFFu : (1u << (8 * n)) - 1;
      int best = -100;
      for (size_t k = 0; k + 1 < p.size(); ++k)
        if (const int r = byte_pair_rarity(p[k], p[k + 1]); r > best) best = r, ph.offset = static_cast<uint32_t>(k);
      m_max_offset = std::max(m_max_offset, ph.offset);
      m_phrases.push_back(std::move(ph));
    }
    ++list;
  }
  if (m_phrases.size() >= 0xFFFF) throw std::logic_error("PhraseLists: too many phrases");
  auto key_of = [](const Phrase& p) { return fold_pair(p.text[p.offset], p.text[p.offset + 1]); };
  std::stable_sort(m_phrases.begin(), m_phrases.end(),
                   [&](const Phrase& a, const Phrase& b) { return key_of(a) < key_of(b); });
  for (const Phrase& p : m_phrases) ++m_first[key_of(p) + 1];
  for (size_t k = 1; k < m_first.size(); ++k) m_first[k] = static_cast<uint16_t>(m_first[k] + m_first[k - 1]);
  for (const Phrase& p : m_phrases) {
    const std::array<char, 2> pair{p.text[p.offset], p.text[p.offset + 1]};
    if (std::find(m_pairs.begin(), m_pairs.end(), pair) == m_pairs.end()) m_pairs.push_back(pair);
  }
  for (size_t n = 0; n < m_pairs.size(); ++n) {
    m_key_first[static_cast<unsigned char>(m_pairs[n][0])] |= uint64_t{1} << (n % 64);
    m_key_second[static_cast<unsigned char>(m_pairs[n][1])] |= uint64_t{1} << (n % 64);
  }
  if (m_pairs.size() > 16) m_pairs.clear();
}

bool PhraseLists::at(const Phrase& p, std::string_view s, size_t i) {
  if (p.text.size() > s.size() - i) return false;
  if (s.size() - i >= 4) {
    uint32_t v;
    std::memcpy(&v, s.data() + i, 4);
    if ((v & p.head_mask) != p.head) return false;
    if (p.text.size() <= 4) return true;
  }
  return std::memcmp(p.text.data(), s.data() + i, p.text.size()) == 0;
}

template <typename F>
bool PhraseLists::candidates_at(std::string_view s, size_t i, size_t from, F&& f) const {
  const uint32_t k = fold_pair(s[i], s[i + 1]);
  for (size_t p = m_first[k]; p < m_first[k + 1]; ++p) {
    const Phrase& ph = m_phrases[p];
    if (i < from + ph.offset) continue;
    if (at(ph, s, i - ph.offset) && f(i - ph.offset, ph)) return true;
  }
  return false;
}

template <typename F>
bool PhraseLists::for_each_key_at(std::string_view s, size_t from, F&& f) const {
  if (s.size() < 2) return false;
  const size_t last = s.size() - 1;  // the places that begin a pair: [from, last)
  for (size_t b = from; b < last; b += 64) {
    // Which of the next 64 places hold a key pair, a bit each (whether one does is a coin toss
    // for the branch predictor, so it is not asked one place at a time).
    const size_t n = std::min<size_t>(64, last - b);
    const char* p = s.data() + b;
    uint64_t hits = 0;
    for (size_t k = 0; k < n; ++k) {
      const uint64_t may = m_key_first[static_cast<unsigned char>(p[k])] & m_key_second[static_cast<unsigned char>(p[k + 1])];
      hits |= uint64_t{may != 0} << k;
    }
    for (; hits; hits &= hits - 1)
      if (f(b + static_cast<size_t>(std::countr_zero(hits)))) return true;
  }
  return false;
}

uint32_t PhraseLists::match(std::string_view s, size_t split, uint32_t* late) const {
  uint32_t found = 0, found_late = 0;
  for_each_key_at(s, 0, [&](size_t i) {
    return candidates_at(s, i, 0, [&](size_t start, const Phrase& ph) {
      found |= 1u << ph.list;
      if (start >= split) found_late |= 1u << ph.list;
      return false;
    });
  });
  if (late) *late = found_late;
  return found;
}

size_t PhraseLists::find(std::string_view s, size_t from) const {
  // Key pairs come in order of where they are, not of where their phrases start: an occurrence
  // found is the leftmost once no later pair could belong to a phrase starting before it.
  size_t best = std::string_view::npos;
  auto take = [&](size_t start, const Phrase&) {
    best = std::min(best, start);
    return false;
  };
  auto visit = [&](size_t i) {
    if (best != std::string_view::npos && i > best + m_max_offset) return true;
    candidates_at(s, i, from, take);
    return false;
  };
  if (!m_pairs.empty()) {
    simd::for_each_pair(s, from, m_pairs, visit);
  } else {
    for_each_key_at(s, from, visit);
  }
  return best;
}

}  // namespace jobmatch
