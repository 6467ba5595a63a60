#include "lexicon/hint.h"

#include <algorithm>

namespace jobmatch {

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string closest_name(std::string_view name, const std::vector<std::string_view>& candidates) {
  size_t best = std::min<size_t>(3, (name.size() + 1) / 2);  // a distance must be below this
  std::string_view found;
  for (const std::string_view c : candidates) {
    if (c == name) continue;
    if (const size_t d = edit_distance(name, c); d < best) {
      best = d;
      found = c;
    }
  }
  return std::string(found);
}

std::string did_you_mean(std::string_view name, const std::vector<std::string_view>& candidates) {
  const std::string found = closest_name(name, candidates);
  return found.empty() ? "" : "did you mean '" + found + "'?";
}

}  // namespace jobmatch
