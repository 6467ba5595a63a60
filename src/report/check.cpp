#include "report/check.h"

#include <algorithm>
#include <cstdio>

#include "report/escape.h"
#include "report/json_text.h"
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
    v.error_kind = r.error->kind;
    v.error_message = r.error->message;
    v.findings.push_back({CheckFinding::kUnreadable, 0, 0, r.error->kind + ": " + r.error->message});
    return v;
  }
  v.score = r.score;
  v.title = r.title;
  v.title_line = r.encoding.find("+html") == std::string::npos ? first_content_line(r.text) : 1;
  if (spec.floor && r.score < *spec.floor)
    v.findings.push_back({CheckFinding::kBelowFloor, 0, v.title_line,
                          "score " + format_score(r.score) + " is below the floor of " + floor_text(*spec.floor)});
  const std::string what = spec.profile_musts ? "must-have " : "required ";
  for (const std::vector<size_t>& group : spec.required) {
    const auto in = [&](const MatchedConcept& m) {
      return std::find(group.begin(), group.end(), m.concept_index) != group.end();
    };
    if (std::any_of(r.matched.begin(), r.matched.end(), in)) continue;
    const size_t c = group.front();
    // Alternatives are named by count: the annotation stays one short line.
    const std::string nor = group.size() < 2 ? ""
                            : ", nor any of its " + std::to_string(group.size() - 1) + " alternative" +
                                  (group.size() == 2 ? "" : "s");
    auto ignored = std::find_if(r.ignored.begin(), r.ignored.end(),
                                [&](const MatchedConcept& m) { return in(m) && !m.spans.empty(); });
    if (ignored != r.ignored.end()) {
      const Evidence& e = ignored->spans.front();
      v.findings.push_back({CheckFinding::kNegatedRequired, c, e.line,
                            what + concept_name(engine, c) + " is mentioned only negated (\"" + e.text +
                                "\", line " + std::to_string(e.line) + ")" + nor});
    } else {
      v.findings.push_back({CheckFinding::kMissingRequired, c, v.title_line,
                            what + concept_name(engine, c) + " is not mentioned" + nor});
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

namespace {

// "floor 60, required: skill.python" / "floor 50 (default), must-haves of ml-engineer"
std::string spec_note(const Engine& engine, const CheckSpec& spec) {
  std::string note = spec.floor ? "floor " + floor_text(*spec.floor) + (spec.default_floor ? " (default)" : "")
                                : "no floor";
  if (spec.profile_musts) {
    if (!spec.required.empty()) note += ", must-haves of " + engine.profile().name;
  } else if (!spec.required.empty()) {
    note += ", required: ";
    for (size_t i = 0; i < spec.required.size(); ++i)
      note += (i ? ", " : "") + engine.lexicon().concepts[spec.required[i].front()].id;
  }
  return note;
}

std::string render_text(const std::vector<CheckVerdict>& verdicts, const Engine& engine, const CheckSpec& spec,
                        bool color) {
  const auto paint = [&](const char* code, const std::string& s) {
    return color ? std::string("\033[") + code + "m" + s + "\033[0m" : s;
  };
  std::string out;
  for (const CheckVerdict& v : verdicts) {
    const std::string shown_id = escape_for_terminal(v.id);
    if (!v.readable) {
      out += paint("1;31", "FAIL") + "  " + shown_id + "  cannot be read: " + escape_for_terminal(v.findings.front().message) + "\n";
      continue;
    }
    out += (v.pass ? paint("1;32", "PASS") : paint("1;31", "FAIL")) + "  " + shown_id + "  score " +
           format_score(v.score) + "  " + escape_for_terminal(v.title) + "\n";
    for (const CheckFinding& f : v.findings) out += "      " + escape_for_terminal(f.message) + "\n";
    if (!spec.profile_musts && !v.missing_must.empty())
      out += "      must-haves missing: " + escape_for_terminal(join_names(engine, v.missing_must)) + "\n";
    if (below_floor(v) && !v.heaviest_missing.empty())
      out += "      would add most: " + escape_for_terminal(join_names(engine, v.heaviest_missing)) + "\n";
  }
  return out;
}

// At most kAnnotationsPerAd findings of an ad become annotations, then a notice of the rest.
std::string render_github(const std::vector<CheckVerdict>& verdicts, const Engine& engine, const CheckSpec& spec,
                          const std::string& note) {
  std::string out;
  for (const CheckVerdict& v : verdicts) {
    const auto where = [&](uint32_t line) {
      if (!v.is_file) return std::string(" title=jobmatch check ") + github_escape_property(v.id);
      std::string s = " file=" + github_escape_property(v.id);
      if (line > 0) s += ",line=" + std::to_string(line);
      return s + ",title=jobmatch check";
    };
    std::vector<std::string> lines;
    for (const CheckFinding& f : v.findings) {
      std::string message = f.message;
      if (f.kind == CheckFinding::kBelowFloor && !v.heaviest_missing.empty())
        message += "; would add most: " + join_names(engine, v.heaviest_missing);
      lines.push_back("::error" + where(f.line) + "::" + github_escape_data(message) + "\n");
    }
    if (v.readable && !spec.profile_musts && !v.missing_must.empty())
      lines.push_back("::warning" + where(v.title_line) + "::" +
                      github_escape_data("must-haves missing: " + join_names(engine, v.missing_must)) + "\n");
    if (v.pass)
      lines.push_back("::notice" + where(v.title_line) + "::" +
                      github_escape_data("score " + format_score(v.score) + " passes (" + note + ")") + "\n");
    for (size_t i = 0; i < lines.size() && i < kAnnotationsPerAd; ++i) out += lines[i];
    if (lines.size() > kAnnotationsPerAd) {
      const size_t more = lines.size() - kAnnotationsPerAd;
      out += "::notice" + where(0) + "::" +
             github_escape_data(std::to_string(more) + " more finding" + (more == 1 ? "" : "s") + " in " + v.id +
                                " (the job summary and `jobmatch check " + v.id + "` list them all)") + "\n";
    }
  }
  return out;
}

std::string render_markdown(const std::vector<CheckVerdict>& verdicts, const Engine& engine, const CheckSpec& spec,
                            const std::string& note, const std::string& summary, bool failed) {
  std::string out = std::string("### ") + (failed ? "❌" : "✅") + " jobmatch check: " + summary + "\n\n";
  out += markdown_text(note) + ", profile " + markdown_text(engine.profile().name) + ", lexicon " + engine.hash() + "\n\n";
  out += "| | Ad | Score | Title | What is missing |\n|---|---|---:|---|---|\n";
  for (const CheckVerdict& v : verdicts) {
    std::string missing;
    for (const CheckFinding& f : v.findings)
      if (f.kind != CheckFinding::kBelowFloor) missing += (missing.empty() ? "" : "; ") + f.message;
    if (!spec.profile_musts && !v.missing_must.empty())
      missing += (missing.empty() ? "" : "; ") + std::string("must-haves: ") + join_names(engine, v.missing_must);
    if (below_floor(v) && !v.heaviest_missing.empty())
      missing += (missing.empty() ? "" : "; ") + std::string("would add most: ") + join_names(engine, v.heaviest_missing);
    out += std::string("| ") + (v.pass ? "✅" : "❌") + " | `" + markdown_code(v.id) + "` | " +
           (!v.readable ? "–" : below_floor(v) ? format_score(v.score) + " < " + floor_text(*spec.floor)
                                               : format_score(v.score)) + " | " + markdown_text(v.title) + " | " +
           (missing.empty() ? "–" : markdown_text(missing)) + " |\n";
  }
  return out;
}

std::vector<std::string> concept_ids(const Engine& engine, const std::vector<size_t>& concepts) {
  std::vector<std::string> ids;
  for (const size_t c : concepts) ids.push_back(engine.lexicon().concepts[c].id);
  return ids;
}

// One JSON object per ad (README.md, A CI gate, and src/report/check.schema.json).
std::string render_json(const std::vector<CheckVerdict>& verdicts, const Engine& engine, const CheckSpec& spec) {
  std::string out;
  for (const CheckVerdict& v : verdicts) {
    out += "{\"id\":";
    append_json(out, v.id);
    out += std::string(",\"pass\":") + (v.pass ? "true" : "false");
    if (!v.readable) {
      out += ",\"error\":{\"kind\":";
      append_json(out, v.error_kind);
      out += ",\"message\":";
      append_json(out, v.error_message);
      out += "}}\n";
      continue;
    }
    out += ",\"score\":";
    append_json(out, v.score);
    out += ",\"title\":";
    append_json(out, v.title);
    out += ",\"floor\":";
    if (spec.floor) append_json(out, *spec.floor);
    else out += "null";
    out += ",\"findings\":[";
    for (size_t i = 0; i < v.findings.size(); ++i) {
      const CheckFinding& f = v.findings[i];
      static const char* const kinds[] = {"below_floor", "missing", "negated", "unreadable"};
      out += std::string(i ? "," : "") + "{\"kind\":\"" + kinds[f.kind] + "\"";
      if (f.kind != CheckFinding::kBelowFloor) {
        out += ",\"concept\":";
        append_json(out, engine.lexicon().concepts[f.concept_index].id);
      }
      out += ",\"line\":";
      append_json(out, static_cast<uint64_t>(f.line));
      out += ",\"message\":";
      append_json(out, f.message);
      out += "}";
    }
    out += "],\"missing_must\":";
    append_json(out, concept_ids(engine, v.missing_must));
    out += ",\"would_add_most\":";
    append_json(out, concept_ids(engine, v.heaviest_missing));
    out += "}\n";
  }
  return out;
}

}  // namespace

std::string render_check(const std::vector<CheckVerdict>& verdicts, const Engine& engine,
                         const CheckSpec& spec, CheckFormat format, bool color) {
  size_t failed = 0;
  for (const CheckVerdict& v : verdicts) failed += !v.pass;
  const size_t n = verdicts.size();
  const std::string summary = n == 1        ? (failed ? "the ad fails" : "the ad passes")
                              : failed == 0 ? "all " + std::to_string(n) + " ads pass"
                                            : std::to_string(failed) + " of " + std::to_string(n) + " ads fail";
  const std::string note = spec_note(engine, spec);
  switch (format) {
    case CheckFormat::kText:
      return render_text(verdicts, engine, spec, color) + "jobmatch check: " + summary + " (" + note + ")\n";
    case CheckFormat::kGithub:
      return render_github(verdicts, engine, spec, note) + "jobmatch check: " + summary + " (" + note + ")\n";
    case CheckFormat::kMarkdown:
      return render_markdown(verdicts, engine, spec, note, summary, failed > 0);
    case CheckFormat::kJson:
      return render_json(verdicts, engine, spec);
  }
  return {};
}

}  // namespace jobmatch
