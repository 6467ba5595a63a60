#include "match/re_triggers.h"

#include <algorithm>

#include "lexicon/pattern.h"
#include "pipeline/deadline.h"
#include "text/lang.h"
#include "text/simd.h"

namespace jobmatch {
namespace {

// A word nearly every posting has: a stop word of either language, or "in" (both languages', so
// in neither list).
bool everywhere(const std::string& word) {
  if (word == "in") return true;
  for (const auto list : {german_stop_words(), english_stop_words()})
    if (std::find(list.begin(), list.end(), word) != list.end()) return true;
  return false;
}

}  // namespace

Status ReTriggers::add(const std::string& regex, std::vector<std::vector<std::string>> elements, uint32_t group,
                       PhraseIndex* index) {
  const auto [it, added] = m_ids.try_emplace(regex, static_cast<uint32_t>(m_anchored.size()));
  if (!added) {
    std::vector<uint32_t>& gs = m_anchored[it->second].groups;
    if (std::find(gs.begin(), gs.end(), group) == gs.end()) gs.push_back(group);
    return {};
  }
  auto re = std::make_unique<const RE2>(wrap_in_boundaries({regex}), span_options());
  if (!re->ok()) {
    m_ids.erase(it);
    return Error(re->error());
  }
  Anchored a;
  a.groups = {group};
  a.re = std::move(re);
  size_t col;
  a.max_spaces = re_max_spaces(regex, &col);
  for (size_t k = 0; k < elements.size() && k < kMaxElements; ++k) {
    // An element with a word every posting has ("in", "to", "zu") would prune no try, and
    // would be looked up at every part that starts with it: it is left out.
    if (k && std::any_of(elements[k].begin(), elements[k].end(), everywhere)) continue;
    if (k) {
      a.needs |= 1u << k;
      Anchored::Needed& n = a.needed.emplace_back();
      n.literals = elements[k];
      for (const std::string& l : n.literals) n.heads |= head_bit(l);
    }
    for (std::string& prefix : elements[k]) {
      index->add_trigger(prefix, static_cast<uint32_t>(m_triggers.size()));
      m_triggers.push_back({std::move(prefix), it->second, static_cast<uint32_t>(k)});
    }
  }
  m_anchored.push_back(std::move(a));
  return {};
}

void ReTriggers::try_anchored(uint32_t pattern, uint32_t begin, Scratch* s, GroupMatches* out) const {
  const TokenStream& ts = *s->tokens;
  const std::string_view text = ts.text;
  const re2::StringPiece input(text.data(), text.size());
  const size_t start = begin - 1;  // the boundary before the part
  const size_t t = ts.token_at(begin);
  size_t end = t + kReReachTokens < ts.token_count() ? ts.starts[t + kReReachTokens] : text.size();
  end = std::min(end, start + kReReachBytes + 2);
  const Anchored& a = m_anchored[pattern];
  if (!a.needed.empty()) {
    // A match holds at most max_spaces spaces: it ends within tokens t .. t + max_spaces, and
    // each element's literal begins a part inside it.
    size_t reach = end;
    if (a.max_spaces < kReReachTokens && t + a.max_spaces + 1 < ts.token_count())
      reach = std::min(reach, static_cast<size_t>(ts.starts[t + a.max_spaces + 1]));
    if (!has_needed(a, text.substr(begin, reach - begin))) return;
  }
  re2::StringPiece match;
  if (!a.re->Match(input, start, end, RE2::ANCHOR_START, &match, 1)) return;
  const TextSpan span{static_cast<uint32_t>(start + 1), static_cast<uint32_t>(start + match.size() - 1)};
  for (const uint32_t g : a.groups) out->keep(g, span);
}

bool ReTriggers::has_needed(const Anchored& a, std::string_view window) {
  uint32_t missing = (uint32_t{1} << a.needed.size()) - 1;  // at most kMaxElements - 1 of them
  const auto part_at = [&](size_t i) {
    const std::string_view rest = window.substr(i);
    if (rest.size() < 2) return;  // every literal has two bytes or more
    const uint64_t bit = head_bit(rest);
    for (size_t k = 0; k < a.needed.size(); ++k)
      if ((missing >> k & 1) && (a.needed[k].heads & bit))
        for (const std::string& l : a.needed[k].literals)
          if (rest.starts_with(l)) {
            missing &= ~(uint32_t{1} << k);
            break;
          }
  };
  // The parts start at the window's start and after each boundary (split_parts' bytes).
  part_at(0);
  simd::for_each_of<' ', '/', '.', '\'', '-'>(window, 0, [&](size_t i) { part_at(i + 1); });
  return missing == 0;
}

void ReTriggers::see_all_elements(const PhraseIndex& index, std::span<const Part> parts, std::string_view text,
                                  Scratch* s) const {
  for (const Part& p : parts) {
    poll_deadline();
    const std::string_view part = text.substr(p.begin, p.end - p.begin);
    index.for_affix_entries(part, [&](const Entry& e) {
      if (e.kind != EntryKind::kTrigger) return;
      const Trigger& t = m_triggers[e.id];
      if (t.element != 0 && part.starts_with(t.prefix)) s->seen[t.pattern] |= 1u << t.element;
    });
  }
  s->seen_all = true;
}

void ReTriggers::find_waiting(std::span<const Part> parts, Scratch* s, GroupMatches* out) const {
  std::sort(s->waiting.begin(), s->waiting.end());
  s->waiting.erase(std::unique(s->waiting.begin(), s->waiting.end()), s->waiting.end());
  for (const auto& [pattern, j] : s->waiting)
    if ((s->seen[pattern] & m_anchored[pattern].needs) == m_anchored[pattern].needs)
      try_anchored(pattern, parts[j].begin, s, out);
  s->waiting.clear();
}

void find_not_near(const RE2& around, const TokenStream& ts, std::span<const TextSpan> spans, size_t overlap,
                   NotNearScratch* s) {
  s->windows.clear();
  for (const TextSpan& sp : spans) {
    const size_t t0 = ts.token_at(sp.begin);
    s->windows.push_back({t0 > overlap ? t0 - overlap : 0, ts.token_at(sp.end - 1) + 1 + overlap});
  }
  std::sort(s->windows.begin(), s->windows.end());
  s->near.clear();
  for (size_t i = 0; i < s->windows.size();) {
    size_t from = s->windows[i].first, to = s->windows[i].second;
    for (++i; i < s->windows.size() && s->windows[i].first <= to; ++i) to = std::max(to, s->windows[i].second);
    size_t offset;
    const std::string_view window = token_window(ts, from, to, &offset);
    const size_t first = s->near.size();
    Matcher::find_all(around, window, &s->near, kReReachBytes);
    for (size_t k = first; k < s->near.size(); ++k) {
      s->near[k].begin += static_cast<uint32_t>(offset);
      s->near[k].end += static_cast<uint32_t>(offset);
    }
  }
  // The matches by start (they are: windows are disjoint and searched in order), and the
  // furthest end of each prefix: a span overlaps one of those starting before its end exactly
  // if that prefix reaches past its start.
  s->reach.resize(s->near.size());
  for (size_t k = 0; k < s->near.size(); ++k) s->reach[k] = std::max(s->near[k].end, k ? s->reach[k - 1] : 0u);
}

}  // namespace jobmatch
