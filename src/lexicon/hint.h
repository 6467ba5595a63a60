// "Did you mean" hints for names a user mistyped: a concept id, a profile, a section, a key of a
// data file, a command, a --format value.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jobmatch {

// Levenshtein distance in bytes.
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to name if it is close enough to be a typo of it (at most 2 edits, and
// fewer than half of name's length rounded up: "ex" is no typo of "en"), else "". The first of
// equally close ones wins.
std::string closest_name(std::string_view name, const std::vector<std::string_view>& candidates);

// "did you mean 'NAME'?" for closest_name's answer, or "" if there is none.
std::string did_you_mean(std::string_view name, const std::vector<std::string_view>& candidates);

// " (did you mean 'NAME'?)", to end a message with, or "": names is any range of strings.
template <typename Names>
std::string did_you_mean_suffix(std::string_view name, const Names& names) {
  std::vector<std::string_view> candidates;
  for (const auto& n : names) candidates.emplace_back(n);
  const std::string hint = did_you_mean(name, candidates);
  return hint.empty() ? "" : " (" + hint + ")";
}

}  // namespace jobmatch
