#include "report/check.h"

#include <algorithm>
#include <cstdio>

#include "report/escape.h"
#include "report/writer.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

constexpr size_t kHeaviestShown = 3;

std::string concept_name(const Engine& engine, size_t c) {
  const Concept& k = engine.lexicon().concepts[c];
  return k.id + " (" + k.label + ")";
}

// 1-based line of the first non-blank line of text.
uint32_t first_content_line(std::string_view text) {
  uint32_t line = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch == '\n') ++line;
    else if (ch != ' ' && ch != '\t' && ch != '\r') return line;
  }
  return 1;
}

bool below_floor(const CheckVerdict& v) {
  for (const CheckFinding& f : v.findings)
    if (f.kind == CheckFinding::kBelowFloor) return true;
  return false;
}

std::string floor_text(double f) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", f);
  return buf;
}

std::string join_names(const Engine& engine, const std::vector<size_t>& concepts) {
  std::string out;
  for (size_t i = 0; i < concepts.size(); ++i) out += (i ? ", " : "") + concept_name(engine, concepts[i]);
  return out;
}

}  // namespace

CheckVerdict check_posting(const Result& r, const Engine& engine, const CheckSpec& spec, bool is_file) {
  CheckVerdict v;
  v.id = display_id(r.id);
  v.is_file = is_file;
  if (r.error) {
    v.readable = false;
    v.pass = false;
    v.findings.push_back({CheckFinding::kUnreadable, 0, 0, r.error->kind + ": " + r.error->message});
    return v;
  }
  v.score = r.score;
  v.title = r.title;
  v.title_line = r.encoding.find("+html") == std::string::npos ? first_content_line(r.text) : 1;
  if (spec.floor && r.score < *spec.floor)
    v.findings.push_back({CheckFinding::kBelowFloor, 0, v.title_line,
                          "score " + format_score(r.score) + " is below the floor of " + floor_text(*spec.floor)});
  for (const size_t c : spec.required) {
    const bool found = std::any_of(r.matched.begin(), r.matched.end(),
                                   [&](const MatchedConcept& m) { return m.concept_index == c; });
    if (found) continue;
    auto ignored = std::find_if(r.ignored.begin(), r.ignored.end(),
                                [&](const MatchedConcept& m) { return m.concept_index == c; });
    if (ignored != r.ignored.end() && !ignored->spans.empty()) {
      const Evidence& e = ignored->spans.front();
      v.findings.push_back({CheckFinding::kNegatedRequired, c, e.line,
                            "required " + concept_name(engine, c) + " is mentioned only negated (\"" + e.text +
                                "\", line " + std::to_string(e.line) + ")"});
    } else {
      v.findings.push_back({CheckFinding::kMissingRequired, c, v.title_line,
                            "required " + concept_name(engine, c) + " is not mentioned"});
    }
  }
  v.pass = v.findings.empty();
  v.missing_must = r.missing_must;
  // The missing concepts that would add most: section weight x concept weight / section need.
  const Profile& p = engine.profile();
  std::vector<std::pair<double, size_t>> gains;
  for (const size_t c : r.missing)
    for (const Section& s : p.sections)
      for (const ProfileConcept& pc : s.concepts)
        if (pc.concept_index == c) gains.emplace_back(s.weight * std::min(1.0, pc.weight / s.need), c);
  std::stable_sort(gains.begin(), gains.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = 0; i < gains.size() && v.heaviest_missing.size() < kHeaviestShown; ++i)
    if (std::find(v.heaviest_missing.begin(), v.heaviest_missing.end(), gains[i].second) == v.heaviest_missing.end())
      v.heaviest_missing.push_back(gains[i].second);
  return v;
}

std::string render_check(const std::vector<CheckVerdict>& verdicts, const Engine& engine,
                         const CheckSpec& spec, CheckFormat format, bool color) {
  size_t failed = 0;
  for (const CheckVerdict& v : verdicts) failed += !v.pass;
  const size_t n = verdicts.size();
  const std::string summary = n == 1        ? (failed ? "the ad fails" : "the ad passes")
                              : failed == 0 ? "all " + std::to_string(n) + " ads pass"
                                            : std::to_string(failed) + " of " + std::to_string(n) + " ads fail";
  std::string floor_note = spec.floor ? "floor " + floor_text(*spec.floor) : "no floor";
  if (!spec.required.empty()) {
    floor_note += ", required: ";
    for (size_t i = 0; i < spec.required.size(); ++i)
      floor_note += (i ? ", " : "") + engine.lexicon().concepts[spec.required[i]].id;
  }
  std::string out;
  if (format == CheckFormat::kText) {
    const auto paint = [&](const char* code, const std::string& s) {
      return color ? std::string("\033[") + code + "m" + s + "\033[0m" : s;
    };
    for (const CheckVerdict& v : verdicts) {
      const std::string shown_id = escape_for_terminal(v.id);
      if (!v.readable) {
        out += paint("1;31", "FAIL") + "  " + shown_id + "  cannot be read: " + escape_for_terminal(v.findings.front().message) + "\n";
        continue;
      }
      out += (v.pass ? paint("1;32", "PASS") : paint("1;31", "FAIL")) + "  " + shown_id + "  score " +
             format_score(v.score) + "  " + escape_for_terminal(v.title) + "\n";
      for (const CheckFinding& f : v.findings) out += "      " + escape_for_terminal(f.message) + "\n";
      if (!v.missing_must.empty())
        out += "      must-haves missing: " + escape_for_terminal(join_names(engine, v.missing_must)) + "\n";
      if (below_floor(v) && !v.heaviest_missing.empty())
        out += "      would add most: " + escape_for_terminal(join_names(engine, v.heaviest_missing)) + "\n";
    }
    out += "jobmatch check: " + summary + " (" + floor_note + ")\n";
  } else if (format == CheckFormat::kGithub) {
    for (const CheckVerdict& v : verdicts) {
      const auto where = [&](uint32_t line) {
        if (!v.is_file) return std::string(" title=jobmatch check ") + github_escape_property(v.id);
        std::string s = " file=" + github_escape_property(v.id);
        if (line > 0) s += ",line=" + std::to_string(line);
        return s + ",title=jobmatch check";
      };
      for (const CheckFinding& f : v.findings) {
        std::string message = f.message;
        if (f.kind == CheckFinding::kBelowFloor && !v.heaviest_missing.empty())
          message += "; would add most: " + join_names(engine, v.heaviest_missing);
        out += "::error" + where(f.line) + "::" + github_escape_data(message) + "\n";
      }
      if (v.readable && !v.missing_must.empty())
        out += "::warning" + where(v.title_line) + "::" +
               github_escape_data("must-haves missing: " + join_names(engine, v.missing_must)) + "\n";
      if (v.pass)
        out += "::notice" + where(v.title_line) + "::" +
               github_escape_data("score " + format_score(v.score) + " passes (" + floor_note + ")") + "\n";
    }
    out += "jobmatch check: " + summary + " (" + floor_note + ")\n";
  } else {
    out += std::string("### ") + (failed ? "❌" : "✅") + " jobmatch check: " + summary + "\n\n";
    out += markdown_text(floor_note) + ", profile " + markdown_text(engine.profile().name) + ", lexicon " + engine.hash() + "\n\n";
    out += "| | Ad | Score | Title | What is missing |\n|---|---|---:|---|---|\n";
    for (const CheckVerdict& v : verdicts) {
      std::string missing;
      for (const CheckFinding& f : v.findings)
        if (f.kind != CheckFinding::kBelowFloor) missing += (missing.empty() ? "" : "; ") + f.message;
      if (!v.missing_must.empty())
        missing += (missing.empty() ? "" : "; ") + std::string("must-haves: ") + join_names(engine, v.missing_must);
      if (below_floor(v) && !v.heaviest_missing.empty())
        missing += (missing.empty() ? "" : "; ") + std::string("would add most: ") + join_names(engine, v.heaviest_missing);
      out += std::string("| ") + (v.pass ? "✅" : "❌") + " | `" + markdown_code(v.id) + "` | " +
             (!v.readable ? "–" : below_floor(v) ? format_score(v.score) + " < " + floor_text(*spec.floor)
                                                 : format_score(v.score)) + " | " + markdown_text(v.title) + " | " +
             (missing.empty() ? "–" : markdown_text(missing)) + " |\n";
    }
  }
  return out;
}

}  // namespace jobmatch
