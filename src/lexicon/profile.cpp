#include "lexicon/profile.h"

#include <algorithm>
#include <unordered_map>

#include "lexicon/pattern.h"

namespace jobmatch {

// The largest weight or need a profile may give: sums and products of weights stay finite, so
// no score can be NaN or infinite (a weight of 1e308 made every score NaN, which passed every
// gate).
constexpr double kMaxWeight = 10000;

Status parse_profile(const SourceFile& file, const Lexicon& lexicon, Profile* profile) {
  std::vector<Diagnostic> diags;
  auto error = [&](const DataLine& line, size_t col, std::string message) {
    diags.push_back(diagnostic_at(file, line, col, std::move(message)));
  };
  std::unordered_map<size_t, std::string> placed;  // concept -> section it stands in
  std::vector<DataLine> must_lines;                // where each of profile->musts was declared
  bool seen_profile = false;
  bool in_title = false;
  Section* section = nullptr;
  const std::vector<DataLine> lines = split_data_lines(file);
  for (const DataLine& line : lines) {
    const std::string key(line.key);
    if (key == "profile") {
      if (seen_profile) {
        error(line, line.key_col, "a profile file holds one profile");
        continue;
      }
      seen_profile = true;
      profile->name = std::string(line.value);
      if (profile->name.empty()) error(line, line.value_col, "profile needs a name");
      continue;
    }
    if (!seen_profile) {
      error(line, line.key_col, "expected 'profile NAME' first");
      return Error(std::move(diags));
    }
    if (key == "title") {
      if (in_title || profile->title.weight > 0) error(line, line.key_col, "a profile has one 'title' block");
      in_title = true;
      section = nullptr;
      continue;
    }
    if (key == "section") {
      in_title = false;
      if (line.value.empty()) {
        error(line, line.value_col, "section needs a name");
        continue;
      }
      for (const Section& s : profile->sections)
        if (s.name == line.value) error(line, line.value_col, "duplicate section '" + s.name + "'");
      profile->sections.push_back(
          Section{std::string(line.value), std::string(line.value), 1, 1, {}, line.line});
      section = &profile->sections.back();
      continue;
    }
    if (key.find('.') != std::string::npos && in_title) {  // a title concept: ID VALUE
      const auto it = lexicon.by_id.find(key);
      double v;
      if (it == lexicon.by_id.end()) error(line, line.key_col, "unknown concept '" + key + "' (not in the lexicon)");
      else if (!parse_number(line.value, &v) || v <= 0 || v > 1)
        error(line, line.value_col, "a title concept's value must be a number in (0, 1]");
      else profile->title.concepts.push_back({it->second, v});
      continue;
    }
    if (key.find('.') != std::string::npos) {  // a concept line: ID WEIGHT [must]
      if (!section) {
        error(line, line.key_col, "concept '" + key + "' stands before any 'section'");
        continue;
      }
      const auto it = lexicon.by_id.find(key);
      if (it == lexicon.by_id.end()) {
        error(line, line.key_col, "unknown concept '" + key + "' (not in the lexicon)");
        continue;
      }
      if (placed.count(it->second)) {
        error(line, line.key_col,
              "concept '" + key + "' already stands in section '" + placed[it->second] + "'");
        continue;
      }
      std::string_view rest = line.value;
      const size_t sp = rest.find_first_of(" \t");
      const std::string_view weight_text = rest.substr(0, sp);
      ProfileConcept pc;
      pc.concept_index = it->second;
      if (!parse_number(weight_text, &pc.weight) || pc.weight <= 0 || pc.weight > kMaxWeight) {
        error(line, line.value_col, "weight must be a positive number of at most 10000");
        continue;
      }
      if (sp != std::string_view::npos) {
        const size_t flag_start = rest.find_first_not_of(" \t", sp);
        const std::string_view flag = rest.substr(flag_start);
        if (flag == "must") {
          profile->musts.push_back({it->second});
          must_lines.push_back(line);
        } else {
          error(line, line.value_col + flag_start, "expected 'must' or nothing after the weight");
          continue;
        }
      }
      placed[it->second] = section->name;
      section->concepts.push_back(pc);
      continue;
    }
    if (key == "must") {  // must A | B | C: one must-have, met by any of them
      if (section || in_title) {
        error(line, line.key_col, "'must' belongs to the profile, before any section");
        continue;
      }
      std::vector<size_t> group;
      const std::vector<Alternative> ids = split_alternatives(line.value);
      for (const Alternative& id : ids) {
        const auto it = lexicon.by_id.find(std::string(id.text));
        if (id.text.empty())
          error(line, line.value_col + id.col, "'must' needs concept ids, separated by ' | '");
        else if (it == lexicon.by_id.end())
          error(line, line.value_col + id.col, "unknown concept '" + std::string(id.text) + "' (not in the lexicon)");
        else if (std::find(group.begin(), group.end(), it->second) == group.end())
          group.push_back(it->second);
      }
      if (!group.empty()) {
        profile->musts.push_back(std::move(group));
        must_lines.push_back(line);
      }
      continue;
    }
    if (key == "roles" || key == "contrast") {  // roles A | B: other profiles to score against
      if (section || in_title) {
        error(line, line.key_col, "'" + key + "' belongs to the profile, before any section");
        continue;
      }
      for (const Alternative& name : split_alternatives(line.value)) {
        if (name.text.empty()) {
          error(line, line.value_col + name.col, "'" + key + "' needs profile names, separated by ' | '");
          continue;
        }
        const auto same = std::find_if(profile->roles.begin(), profile->roles.end(),
                                       [&](const RoleRef& r) { return r.name == name.text; });
        if (name.text == profile->name)
          error(line, line.value_col + name.col, "a profile is not a role of its own");
        else if (same != profile->roles.end() && (same->contrast || key == "roles"))
          error(line, line.value_col + name.col, "role '" + std::string(name.text) + "' is named twice");
        else if (same != profile->roles.end())
          same->contrast = true;  // listed under roles, and contrasted
        else
          profile->roles.push_back({std::string(name.text), key == "contrast", line.line, line.value_col + name.col});
      }
      continue;
    }
    // key value lines of the profile or the current section
    if (key != "label" && key != "penalty" && key != "contrast_weight" && key != "weight" && key != "need") {
      error(line, line.key_col,
            "unknown key '" + key +
                "' (expected label, penalty, must, roles, contrast, contrast_weight, section, weight, need or a concept id)");
      continue;
    }
    if (line.value.empty()) {
      error(line, line.value_col, "'" + key + "' needs a value");
      continue;
    }
    if (key == "label") {
      if (in_title) error(line, line.key_col, "a title block has a 'weight' and concept lines");
      else (section ? section->label : profile->label) = std::string(line.value);
      continue;
    }
    double v;
    if (!parse_number(line.value, &v)) {
      error(line, line.value_col, "'" + key + "' must be a number");
      continue;
    }
    if (in_title) {
      if (key != "weight") error(line, line.key_col, "a title block has a 'weight' and concept lines");
      else if (v < 0 || v > kMaxWeight) error(line, line.value_col, "'weight' must be from 0 to 10000");
      else profile->title.weight = v;
      continue;
    }
    if (key == "penalty" || key == "contrast_weight") {
      if (section) error(line, line.key_col, "'" + key + "' belongs to the profile, before any section");
      else if (v < 0 || v > 1) error(line, line.value_col, key + " must be between 0 and 1");
      else (key == "penalty" ? profile->penalty : profile->contrast_weight) = v;
    } else if (!section) {
      error(line, line.key_col, "'" + key + "' belongs to a section");
    } else if (v <= 0 || v > kMaxWeight) {
      error(line, line.value_col, "'" + key + "' must be greater than 0 and at most 10000");
    } else {
      (key == "weight" ? section->weight : section->need) = v;
    }
  }
  if (!seen_profile) {
    diags.push_back(Diagnostic{file.name, 1, 1, "no 'profile NAME' line", ""});
  } else if (profile->sections.empty()) {
    diags.push_back(Diagnostic{file.name, 1, 1, "profile '" + profile->name + "' has no sections", ""});
  }
  for (const Section& s : profile->sections)
    if (s.concepts.empty())
      diags.push_back(Diagnostic{file.name, s.line, 1, "section '" + s.name + "' has no concepts", ""});
  // A must-have's concepts stand in sections (their strength is what meets it), each in one
  // must-have only.
  std::unordered_map<size_t, size_t> must_of;  // concept -> its must-have
  for (size_t m = 0; m < profile->musts.size(); ++m)
    for (const size_t c : profile->musts[m]) {
      const std::string& id = lexicon.concepts[c].id;
      const DataLine& line = must_lines[m];
      if (!placed.count(c))
        diags.push_back(diagnostic_at(file, line, line.key_col,
                                      "must-have concept '" + id + "' stands in no section"));
      else if (!must_of.try_emplace(c, m).second)
        diags.push_back(diagnostic_at(file, line, line.key_col, "concept '" + id + "' is in two must-haves"));
    }
  for (Section& s : profile->sections)
    for (ProfileConcept& pc : s.concepts) pc.must = must_of.count(pc.concept_index) > 0;
  if (!diags.empty()) return Error(std::move(diags));
  return {};
}

}  // namespace jobmatch
