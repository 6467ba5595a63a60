// The text report of `jobmatch eval` (evaluation.h): aligned tables of the figures, overall and
// per language, and the worst-ranked postings with the concepts that drove their scores.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "eval/evaluation.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

constexpr size_t kShowIds = 5;      // ids listed for unlabelled postings / labels without posting
constexpr size_t kTitleWidth = 60;  // title column of the worst-ranked list

std::string fixed(double v, int decimals) {
  if (std::isnan(v)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string fit(std::string_view s, size_t width) {
  if (utf8_width(s) <= width) return std::string(s);
  std::string out;
  size_t w = 0;
  for (size_t i = 0; i < s.size() && w + 1 < width; ++w) {
    size_t len = 1;
    while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
    out.append(s.substr(i, len));
    i += len;
  }
  return out + "…";
}

// An aligned table: columns separated by two spaces, numbers right-aligned.
class Table {
 public:
  explicit Table(std::vector<std::string> header, std::string right) : m_right(std::move(right)) {
    m_rows.push_back(std::move(header));
  }
  void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }
  std::string render(const std::string& indent) const {
    std::vector<size_t> w(m_rows[0].size(), 0);
    for (const auto& row : m_rows)
      for (size_t i = 0; i < row.size(); ++i) w[i] = std::max(w[i], utf8_width(row[i]));
    std::string out;
    for (const auto& row : m_rows) {
      std::string line = indent;
      for (size_t i = 0; i < row.size(); ++i) {
        const std::string pad(w[i] - utf8_width(row[i]), ' ');
        if (i) line += "  ";
        line += m_right[i] == 'r' ? pad + row[i] : row[i] + (i + 1 < row.size() ? pad : "");
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
    return out;
  }

 private:
  std::vector<std::vector<std::string>> m_rows;
  std::string m_right;  // per column: 'r' right-aligned, else left
};

std::vector<std::string> figure_cells(const Figures& f, int decimals) {
  return {fixed(f.auc_top, 3), fixed(f.auc_positive, 3), fixed(f.ap, 3), fixed(f.p10, 2), fixed(f.p20, 2),
          fixed(f.f1.threshold, decimals), fixed(f.f1.f1, 3), fixed(f.f1.precision, 2), fixed(f.f1.recall, 2)};
}

std::vector<std::string> figure_header(const EvalConfig& c) {
  const std::string pos = escape_for_terminal(join(c.positive, "+"));
  return {"AUC " + escape_for_terminal(c.top), "AUC " + pos, "AP", "P@10", "P@20", "F1 AT >=", "F1", "PREC", "RECALL"};
}

std::string id_list(const std::vector<std::string>& ids) {
  std::vector<std::string> shown;
  for (size_t i = 0; i < ids.size() && i < kShowIds; ++i) shown.push_back(escape_for_terminal(ids[i]));
  return join(shown, ", ") + (ids.size() > kShowIds ? ", …" : "");
}

}  // namespace

std::string render_text(const Report& rp) {
  const EvalConfig& c = rp.config;
  const Collected& d = rp.data;
  // Labels come from the labels file and the command line: shown through the display policy.
  const std::string top = escape_for_terminal(c.top);
  std::string out;
  out += "jobmatch eval: " + std::to_string(d.postings.size()) + " labelled postings scored (" +
         std::to_string(d.read) + " inputs read), profile " + escape_for_terminal(rp.engine.profile().name) + ", lexicon " +
         rp.engine.hash() + (c.ignore_title ? ", titles ignored" : "") + "\n";
  std::string counts;
  for (const auto& [label, n] : rp.label_counts) counts += (counts.empty() ? "" : ", ") + escape_for_terminal(label) + " " + std::to_string(n);
  size_t n_pos = 0, n_top = 0;
  for (const Posting& p : d.postings) {
    n_pos += is_positive(c, p.label);
    n_top += p.label == c.top;
  }
  out += "  labels: " + counts + "\n";
  out += "  positive: " + escape_for_terminal(join(c.positive, ", ")) + " (" + std::to_string(n_pos) + " vs " +
         std::to_string(d.postings.size() - n_pos) + "); top: " + top + " (" + std::to_string(n_top) +
         " vs " + std::to_string(d.postings.size() - n_top) + ")\n";
  for (const std::string& n : rp.notes) out += "  note: " + escape_for_terminal(n) + "\n";
  if (!d.unlabelled.empty())
    out += "  skipped " + std::to_string(d.unlabelled.size()) + " posting" + (d.unlabelled.size() == 1 ? "" : "s") +
           " without a label: " + id_list(d.unlabelled) + "\n";
  if (!d.duplicates.empty())
    out += "  skipped " + std::to_string(d.duplicates.size()) + " posting" + (d.duplicates.size() == 1 ? "" : "s") +
           " whose id was already scored: " + id_list(d.duplicates) + "\n";
  if (!d.labels_without_posting.empty())
    out += "  " + std::to_string(d.labels_without_posting.size()) + " label" +
           (d.labels_without_posting.size() == 1 ? " has" : "s have") + " no posting: " +
           id_list(d.labels_without_posting) + "\n";
  if (!d.errors.empty()) {
    out += "  skipped " + std::to_string(d.errors.size()) + " input" + (d.errors.size() == 1 ? "" : "s") +
           " that could not be read:\n";
    for (const InputFailure& e : d.errors)
      out += "    " + escape_for_terminal(e.id) + ": " + e.kind + ": " + escape_for_terminal(e.message) + "\n";
  }

  out += "\n";
  {
    std::vector<std::string> header = {"METHOD"};
    for (std::string& h : figure_header(c)) header.push_back(std::move(h));
    Table t(header, "lrrrrrrrrr");
    std::vector<size_t> all(d.postings.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    for (const Method& m : rp.methods) {
      std::vector<std::string> row = {m.name};
      for (std::string& cell : figure_cells(figures_of(m.scores, d.postings, all, c), m.decimals))
        row.push_back(std::move(cell));
      t.add(std::move(row));
    }
    out += t.render("");
  }
  const std::string pos = escape_for_terminal(join(c.positive, "+"));
  out += "\nAUC " + top + ": ROC AUC of " + top + " against all other postings. AUC " + pos +
         ", AP, P@k and F1: " + pos + " against the rest.\n"
         "Ties count 1/2 in AUC and pro rata in P@k. F1 AT >=: the score threshold with the best F1.\n"
         "keywords: distinct article concepts found by the matcher. bm25: Okapi BM25 (k1 1.2, b 0.75)\n"
         "of the article's terms. title: 1 if the title names ML/AI/KI, data science, NLP, LLM, ...\n";

  out += "\nBy language (" + std::string(rp.labels.has_lang ? "lang column of the labels file" : "detected") + "):\n";
  {
    std::vector<std::string> header = {"LANG", "N", top, pos, "METHOD"};
    for (std::string& h : figure_header(c)) header.push_back(std::move(h));
    Table t(header, "lrrrlrrrrrrrrr");
    for (const std::string& lang : rp.langs) {
      const std::vector<size_t>& subset = rp.by_lang.at(lang);
      bool first = true;
      for (const Method& m : rp.methods) {
        const Figures f = figures_of(m.scores, d.postings, subset, c);
        std::vector<std::string> row;
        if (first) row = {escape_for_terminal(lang), std::to_string(f.n), std::to_string(f.n_top), std::to_string(f.n_positive)};
        else row = {"", "", "", ""};
        row.push_back(m.name);
        for (std::string& cell : figure_cells(f, m.decimals)) row.push_back(std::move(cell));
        t.add(std::move(row));
        first = false;
      }
    }
    out += t.render("");
  }

  if (c.worst > 0) {
    auto list = [&](const std::vector<size_t>& idx, const std::string& heading) {
      std::string s = heading + "\n";
      if (idx.empty()) return s + "  (none)\n";
      Table t({"RANK", "SCORE", "LABEL", "LANG", "ID", "TITLE"}, "rrllll");
      for (const size_t i : idx) {
        const Posting& p = d.postings[i];
        t.add({std::to_string(rp.rank[i]), fixed(p.score, 1), escape_for_terminal(p.label), escape_for_terminal(p.lang),
               escape_for_terminal(p.key), fit(escape_for_terminal(p.title), kTitleWidth)});
      }
      const std::string rendered = t.render("  ");
      // Each posting's line, then the concepts that drove its score.
      size_t line_start = rendered.find('\n') + 1;
      s += rendered.substr(0, line_start);
      for (const size_t i : idx) {
        const size_t line_end = rendered.find('\n', line_start) + 1;
        s += rendered.substr(line_start, line_end - line_start);
        line_start = line_end;
        const Posting& p = d.postings[i];
        std::string drivers;
        for (const Driver& dr : p.drivers) {
          char w[64];
          if (dr.strength >= 0.995) std::snprintf(w, sizeof w, " %g", dr.weight);
          else std::snprintf(w, sizeof w, " %g×%.2f", dr.weight, dr.strength);
          drivers += (drivers.empty() ? "" : ", ") + dr.concept_id + w;
        }
        s += "        matched: " + (drivers.empty() ? std::string("nothing") : drivers) + "\n";
        if (p.title_score >= 0)
          s += "        title: " + fixed(p.title_score, 2) +
               (p.title_concepts.empty() ? "" : " (" + join(p.title_concepts, ", ") + ")") + "\n";
      }
      return s;
    };
    out += "\nWorst-ranked by jobmatch (rank 1 = highest score of " + std::to_string(d.postings.size()) + "):\n";
    out += list(rp.worst_positive, "positives (" + escape_for_terminal(join(c.positive, ", ")) + ") with the lowest scores:");
    out += list(rp.worst_negative, "negatives with the highest scores:");
  }
  return out;
}


}  // namespace jobmatch
