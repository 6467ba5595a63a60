#include "lexicon/lexicon.h"

#include <cctype>
#include <unordered_set>

#include "lexicon/hint.h"
#include "lexicon/pattern.h"

namespace jobmatch {

const Concept* Lexicon::find(std::string_view id) const {
  const auto it = by_id.find(std::string(id));
  return it == by_id.end() ? nullptr : &concepts[it->second];
}

namespace {

bool valid_id(std::string_view id) {
  const size_t dot = id.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == id.size()) return false;
  if (id.find('.', dot + 1) != std::string_view::npos) return false;
  for (const char c : id)
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
          c == '_' || c == '.'))
      return false;
  return true;
}

class LexiconParser {
 public:
  LexiconParser(Lexicon* lexicon, std::vector<Diagnostic>* diags, std::vector<ConceptOverride>* overrides)
      : m_lexicon(lexicon), m_diags(diags), m_overrides(overrides), m_builtin(lexicon->concepts.size()) {}

  void parse(const SourceFile& file) {
    Concept* current = nullptr;
    DataLine current_line;
    for (const DataLine& line : split_data_lines(file)) {
      if (line.key == "concept") {
        finish(file, current, current_line);
        current = start_concept(file, line);
        current_line = line;
        continue;
      }
      if (!current) {
        error(file, line, line.key_col, "expected 'concept ID' before '" + std::string(line.key) + "'");
        continue;
      }
      entry(file, line, *current);
    }
    finish(file, current, current_line);
  }

 private:
  void error(const SourceFile& file, const DataLine& line, size_t col, std::string message) {
    m_diags->push_back(diagnostic_at(file, line, col, std::move(message)));
  }

  Concept* start_concept(const SourceFile& file, const DataLine& line) {
    const std::string id(line.value);
    if (!valid_id(id)) {
      error(file, line, line.value_col,
            "concept id must be 'category.name' in lowercase letters, digits and '_'");
      return scratch();
    }
    Concept c;
    c.id = id;
    c.category = id.substr(0, id.find('.'));
    c.file = file.name;
    c.line = line.line;
    m_seen_origin = m_seen_label = false;
    if (const auto it = m_lexicon->by_id.find(id); it != m_lexicon->by_id.end()) {
      Concept& prev = m_lexicon->concepts[it->second];
      // A built-in concept not replaced yet: the user's takes its place.
      if (m_overrides && it->second < m_builtin && !m_replaced.count(it->second)) {
        m_overrides->push_back(ConceptOverride{id, diagnostic_at(file, line, line.value_col, ""), prev.file, prev.line});
        m_replaced.insert(it->second);
        prev = std::move(c);
        return &prev;
      }
      error(file, line, line.value_col,
            "duplicate concept id '" + id + "' (first defined at " + prev.file + ":" +
                std::to_string(prev.line) + ")");
      return scratch();
    }
    m_lexicon->by_id[id] = m_lexicon->concepts.size();
    m_lexicon->concepts.push_back(std::move(c));
    return &m_lexicon->concepts.back();
  }

  void entry(const SourceFile& file, const DataLine& line, Concept& c) {
    const std::string_view key = line.key;
    if (line.value.empty()) {
      error(file, line, line.value_col, "'" + std::string(key) + "' needs a value");
      return;
    }
    if (key == "label") {
      c.label = std::string(line.value);
      m_seen_label = true;
    } else if (key == "origin") {
      if (line.value == "article") c.extension = false;
      else if (line.value == "extension") c.extension = true;
      else error(file, line, line.value_col, "origin must be 'article' or 'extension'");
      m_seen_origin = true;
    } else if (key == "window") {
      double w;
      if (!parse_number(line.value, &w) || w < 1 || w > 100 || w != static_cast<int>(w))
        error(file, line, line.value_col, "window must be a whole number from 1 to 100");
      else
        c.window = static_cast<int>(w);
    } else if (key == "en" || key == "de" || key == "any") {
      patterns(file, line, &c.strong);  // the language is for the reader: every pattern runs on every text
    } else if (key == "weak") {
      patterns(file, line, &c.weak);
    } else if (key == "near") {
      patterns(file, line, &c.near);
    } else if (key == "not") {
      patterns(file, line, &c.exclude);
    } else {
      const std::string hint = did_you_mean(key, {"label", "origin", "en", "de", "any", "weak", "near", "window", "not", "concept"});
      error(file, line, line.key_col,
            "unknown key '" + std::string(key) + "' (" + (hint.empty() ? "" : hint + " ") +
                "expected label, origin, en, de, any, weak, near, window, not)");
    }
  }

  void patterns(const SourceFile& file, const DataLine& line, std::vector<Pattern>* out) {
    for (const Alternative& alt : split_alternatives(line.value)) {
      WordPattern words;
      Expected<std::string> regex = compile_pattern(alt.text, &words);
      if (!regex.ok()) {
        error(file, line, line.value_col + alt.col + pattern_error_col(regex.error()), regex.error().message);
        continue;
      }
      out->push_back(Pattern{std::string(alt.text), std::move(*regex), std::move(words)});
    }
  }

  // A block whose header was wrong: its lines are still read (and checked), then dropped, so
  // one mistake gives one error.
  Concept* scratch() {
    m_scratch = Concept{};
    m_scratch.id = "(invalid)";
    return &m_scratch;
  }

  void finish(const SourceFile& file, Concept* c, const DataLine& line) {
    if (!c || c == &m_scratch) return;
    if (!m_seen_label) error(file, line, line.key_col, "concept '" + c->id + "' has no label");
    if (!m_seen_origin)
      error(file, line, line.key_col, "concept '" + c->id + "' has no origin (article or extension)");
    if (c->strong.empty() && c->weak.empty())
      error(file, line, line.key_col, "concept '" + c->id + "' has no patterns (en, de, any or weak)");
    if (!c->weak.empty() && c->near.empty())
      error(file, line, line.key_col, "concept '" + c->id + "' has weak patterns but no 'near' context");
  }

  Lexicon* m_lexicon;
  std::vector<Diagnostic>* m_diags;
  std::vector<ConceptOverride>* m_overrides;
  size_t m_builtin;                      // concepts [0, m_builtin) may be replaced, with m_overrides
  std::unordered_set<size_t> m_replaced;  // those already replaced (a second one is a duplicate)
  bool m_seen_origin = false;
  bool m_seen_label = false;
  Concept m_scratch;
};

}  // namespace

Status parse_lexicon(const std::vector<SourceFile>& files, Lexicon* lexicon, std::vector<ConceptOverride>* overrides) {
  std::vector<Diagnostic> diags;
  LexiconParser parser(lexicon, &diags, overrides);
  for (const SourceFile& f : files) parser.parse(f);
  if (!diags.empty()) return Error(std::move(diags));
  return {};
}

}  // namespace jobmatch

namespace jobmatch {

std::vector<std::string_view> concept_ids(const Lexicon& lexicon) {
  std::vector<std::string_view> ids;
  ids.reserve(lexicon.concepts.size());
  for (const Concept& c : lexicon.concepts) ids.push_back(c.id);
  return ids;
}

}  // namespace jobmatch
