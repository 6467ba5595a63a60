#include "lexicon/profile.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "lexicon/hint.h"
#include "lexicon/pattern.h"
#include "text/text_util.h"

namespace jobmatch {

// The largest weight or need a profile may give: sums and products of weights stay finite, so
// no score can be NaN or infinite (a weight of 1e308 made every score NaN, which passed every
// gate).
constexpr double kMaxWeight = 10000;

namespace {

// "unknown concept 'ID' (not in the lexicon)", with a hint if ID looks like a typo of one.
std::string unknown_concept(const Lexicon& lexicon, std::string_view id) {
  const std::string hint = did_you_mean(id, concept_ids(lexicon));
  return "unknown concept '" + std::string(id) + "' (not in the lexicon" + (hint.empty() ? "" : "; " + hint) + ")";
}

// Takes concept c out of every must-have (a must-have left with none goes, with its line).
void drop_from_musts(Profile* profile, std::vector<DataLine>* must_lines, size_t c) {
  for (size_t m = profile->musts.size(); m-- > 0;) {
    std::vector<size_t>& group = profile->musts[m];
    group.erase(std::remove(group.begin(), group.end(), c), group.end());
    if (group.empty()) {
      profile->musts.erase(profile->musts.begin() + static_cast<std::ptrdiff_t>(m));
      must_lines->erase(must_lines->begin() + static_cast<std::ptrdiff_t>(m));
    }
  }
}

}  // namespace

ProfileHeader profile_header(const SourceFile& file) {
  ProfileHeader header;
  const std::vector<DataLine> lines = split_data_lines(file);
  if (lines.empty() || lines[0].key != "profile") return header;
  header.name = std::string(lines[0].value);
  if (lines.size() > 1 && lines[1].key == "extends") header.parent = std::string(lines[1].value);
  return header;
}

Status parse_profile(const SourceFile& file, const Lexicon& lexicon, Profile* profile, const ParentLookup& lookup) {
  std::vector<Diagnostic> diags;
  auto error = [&](const DataLine& line, size_t col, std::string message) {
    diags.push_back(diagnostic_at(file, line, col, std::move(message)));
  };
  std::unordered_map<size_t, std::string> placed;  // concept -> section it stands in
  std::vector<DataLine> must_lines;                // where each of profile->musts was declared
  std::unordered_set<size_t> named_here;           // concepts this file places (not its parent)
  std::unordered_set<std::string> sections_here;   // sections this file names (new or the parent's)
  std::unordered_set<std::string> new_sections;    // sections this file starts
  std::optional<DataLine> extends_line;            // where the parent is named
  bool seen_profile = false;
  bool seen_title = false;
  bool in_title = false;
  size_t data_line = 0;  // this line is the file's data_line-th (1-based): `extends` must be the 2nd
  Section* section = nullptr;
  const std::vector<DataLine> lines = split_data_lines(file);
  for (const DataLine& line : lines) {
    const std::string key(line.key);
    ++data_line;
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
    if (key == "extends") {  // extends PARENT: this profile starts as a copy of PARENT
      if (data_line != 2) {
        error(line, line.key_col, "'extends' stands right after the 'profile' line");
        continue;
      }
      if (line.value.empty()) {
        error(line, line.value_col, "'extends' needs a profile name");
        continue;
      }
      Expected<Profile> parent =
          lookup ? lookup(line.value) : Expected<Profile>(Error("no other profile is loaded to extend"));
      if (!parent.ok() && !parent.error().diagnostics.empty()) {  // the parent does not load
        diags.insert(diags.end(), parent.error().diagnostics.begin(), parent.error().diagnostics.end());
        return Error(std::move(diags));
      }
      if (!parent.ok()) {
        error(line, line.value_col, parent.error().message);
        return Error(std::move(diags));
      }
      const std::string name = profile->name;
      *profile = std::move(*parent);
      profile->name = name;
      for (const Section& s : profile->sections)
        for (const ProfileConcept& pc : s.concepts) placed[pc.concept_index] = s.name;
      must_lines.assign(profile->musts.size(), line);  // inherited must-haves: told of here
      extends_line = line;
      continue;
    }
    if (key == "drop") {  // drop CONCEPT, drop section NAME: takes out what the parent has
      if (section || in_title) {
        error(line, line.key_col, "'drop' belongs to the profile, before any section");
        continue;
      }
      if (!extends_line) {
        error(line, line.key_col, "'drop' is for a profile that extends another");
        continue;
      }
      const std::string what(line.value);
      if (what.starts_with("section ")) {
        const std::string name(trim(std::string_view(what).substr(8)));
        const auto s = std::find_if(profile->sections.begin(), profile->sections.end(),
                                    [&](const Section& x) { return x.name == name; });
        if (s == profile->sections.end()) {
          std::vector<std::string_view> names;
          for (const Section& x : profile->sections) names.push_back(x.name);
          const std::string hint = did_you_mean(name, names);
          error(line, line.value_col + 8, "no section '" + name + "' to drop" + (hint.empty() ? "" : " (" + hint + ")"));
          continue;
        }
        for (const ProfileConcept& pc : s->concepts) {
          placed.erase(pc.concept_index);
          drop_from_musts(profile, &must_lines, pc.concept_index);
        }
        profile->sections.erase(s);
        continue;
      }
      const auto it = lexicon.by_id.find(what);
      if (it == lexicon.by_id.end()) {
        error(line, line.value_col, what.empty() ? "'drop' needs a concept id or 'section NAME'" : unknown_concept(lexicon, what));
        continue;
      }
      auto& titles = profile->title.concepts;
      const auto in_title_list = std::find_if(titles.begin(), titles.end(), [&](const auto& t) { return t.first == it->second; });
      if (!placed.count(it->second) && in_title_list == titles.end()) {
        error(line, line.value_col, "concept '" + what + "' is not in the profile '" + std::string(extends_line->value) + "'");
        continue;
      }
      if (in_title_list != titles.end()) titles.erase(in_title_list);
      if (const auto p = placed.find(it->second); p != placed.end()) {
        for (Section& s : profile->sections)
          if (s.name == p->second)
            std::erase_if(s.concepts, [&](const ProfileConcept& pc) { return pc.concept_index == it->second; });
        placed.erase(p);
        drop_from_musts(profile, &must_lines, it->second);
      }
      continue;
    }
    if (key == "title") {
      if (seen_title) error(line, line.key_col, "a profile has one 'title' block");
      seen_title = in_title = true;
      section = nullptr;
      continue;
    }
    if (key == "section") {
      in_title = false;
      if (line.value.empty()) {
        error(line, line.value_col, "section needs a name");
        continue;
      }
      const std::string name(line.value);
      if (sections_here.count(name)) {
        error(line, line.value_col, "duplicate section '" + name + "'");
        continue;
      }
      sections_here.insert(name);
      // A section of the parent: what follows changes it.
      const auto inherited = std::find_if(profile->sections.begin(), profile->sections.end(),
                                          [&](const Section& x) { return x.name == name; });
      if (inherited != profile->sections.end()) {
        section = &*inherited;
        continue;
      }
      new_sections.insert(name);
      profile->sections.push_back(Section{name, name, 1, 1, {}, line.line});
      section = &profile->sections.back();
      continue;
    }
    if (key.find('.') != std::string::npos && in_title) {  // a title concept: ID VALUE
      const auto it = lexicon.by_id.find(key);
      double v;
      if (it == lexicon.by_id.end()) {
        error(line, line.key_col, unknown_concept(lexicon, key));
      } else if (!parse_number(line.value, &v) || v < 0 || v > 1) {
        error(line, line.value_col, "a title concept's value must be a number in [0, 1]");
      } else {
        auto& titles = profile->title.concepts;
        const auto same = std::find_if(titles.begin(), titles.end(), [&](const auto& t) { return t.first == it->second; });
        if (same != titles.end()) same->second = v;  // the parent's: a new value
        else titles.push_back({it->second, v});
      }
      continue;
    }
    if (key.find('.') != std::string::npos) {  // a concept line: ID WEIGHT [must]
      if (!section) {
        error(line, line.key_col, "concept '" + key + "' stands before any 'section'");
        continue;
      }
      const auto it = lexicon.by_id.find(key);
      if (it == lexicon.by_id.end()) {
        error(line, line.key_col, unknown_concept(lexicon, key));
        continue;
      }
      // The parent's concept in the same section: a new weight. Anywhere else: drop it first.
      const bool reweighed = placed.count(it->second) && !named_here.count(it->second) && placed[it->second] == section->name;
      if (placed.count(it->second) && !reweighed) {
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
      named_here.insert(it->second);
      if (reweighed) {
        for (ProfileConcept& old : section->concepts)
          if (old.concept_index == pc.concept_index) old.weight = pc.weight;
      } else {
        section->concepts.push_back(pc);
      }
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
          error(line, line.value_col + id.col, unknown_concept(lexicon, id.text));
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
          profile->roles.push_back({std::string(name.text), key == "contrast", line.line, line.value_col + name.col,
                                    file.name, std::string(line.text)});
      }
      continue;
    }
    if (key == "floor") {  // floor ROLE FACTOR: the score is at least FACTOR x the role's score
      if (section || in_title) {
        error(line, line.key_col, "'floor' belongs to the profile, before any section");
        continue;
      }
      const size_t space = line.value.find_first_of(" \t");
      const std::string_view role = line.value.substr(0, space);
      const std::string_view factor =
          space == std::string_view::npos ? std::string_view() : trim(line.value.substr(space));
      double v;
      if (role.empty() || factor.empty()) {
        error(line, line.value_col, "'floor' needs a role and a factor ('floor data-scientist 0.3')");
      } else if (!parse_number(factor, &v) || v < 0 || v > 1) {
        error(line, line.value_col + static_cast<size_t>(factor.data() - line.value.data()),
              "the floor's factor must be a number from 0 to 1");
      } else {
        profile->floor_role = {std::string(role), false, line.line, line.value_col, file.name, std::string(line.text)};
        profile->floor = v;
      }
      continue;
    }
    // key value lines of the profile or the current section
    if (key != "label" && key != "penalty" && key != "contrast_weight" && key != "weight" && key != "need") {
      const std::string hint = did_you_mean(key, {"label", "penalty", "must", "roles", "contrast", "contrast_weight",
                                                  "floor", "section", "weight", "need", "title", "extends", "drop"});
      error(line, line.key_col,
            "unknown key '" + key + "' (" + (hint.empty() ? "" : hint + " ") +
                "expected label, penalty, must, roles, contrast, contrast_weight, floor, section, weight, need, "
                "title, extends, drop or a concept id)");
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
    if (s.concepts.empty() && new_sections.count(s.name) == 0 && extends_line)  // emptied by drops
      diags.push_back(diagnostic_at(file, *extends_line, extends_line->key_col,
                                    "section '" + s.name + "' has no concepts left ('drop section " + s.name + "')"));
    else if (s.concepts.empty())
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
  // The floor's role is one of the profile's roles (named before or after it).
  if (const RoleRef& f = profile->floor_role;
      !f.name.empty() &&
      std::none_of(profile->roles.begin(), profile->roles.end(), [&](const RoleRef& r) { return r.name == f.name; }))
    diags.push_back(Diagnostic{f.file, f.line, f.col + 1,
                               "the floor's role '" + f.name +
                                   "' is none of this profile's roles (name it in 'roles' or 'contrast')",
                               f.line_text});
  if (!diags.empty()) return Error(std::move(diags));
  return {};
}

}  // namespace jobmatch
