// `jobmatch eval`: scores the postings a person labelled and measures how well each method ranks
// them (see eval.h for the metrics). Everything is computed on the same postings, in one pass.
#include "eval/eval.h"

#include "cli/cli_options.h"

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <set>

#include "pipeline/analyze.h"
#include "lexicon/datafile.h"
#include "input/decode.h"
#include "lexicon/engine.h"
#include "cli/exit_status.h"
#include "input/html.h"
#include "input/read.h"
#include "report/output.h"
#include "report/writer.h"
#include "text/text_util.h"
#include "text/tokenize.h"

namespace jobmatch {
namespace {

namespace po = boost::program_options;
using ojson = nlohmann::ordered_json;

struct EvalUsageError {
  std::string message;
};

constexpr size_t kShowIds = 5;       // ids listed for unlabelled postings / labels without posting
constexpr size_t kDriverCount = 5;   // concepts shown per worst-ranked posting
constexpr size_t kTitleWidth = 60;   // title column of the worst-ranked list

const char* const kUsage =
    "Usage: jobmatch eval --labels FILE [OPTIONS] PATH...\n\n"
    "Scores the postings under PATH that FILE labels and measures how well the score ranks\n"
    "them, next to three baselines computed on the same postings:\n"
    "  jobmatch  the profile score\n"
    "  keywords  distinct concepts of the article (not extensions) the matcher finds\n"
    "  bm25      Okapi BM25 (k1 1.2, b 0.75) of the article's duties and skills as query terms\n"
    "  title     1 if the title names ML, AI, KI, data science, deep learning, NLP, LLM, ...\n"
    "Figures: ROC AUC of --top against all others and of --positive against the rest, average\n"
    "precision, precision at 10 and 20, and the best-F1 threshold, overall and per language;\n"
    "then the positives jobmatch ranks lowest and the negatives it ranks highest.\n\n"
    "FILE is tab-separated with a header row: columns id and label, optionally lang. A posting's\n"
    "id is its file name without extension (postings/d0001.txt -> d0001) or its JSON Lines id.\n"
    "Exit codes: 0 figures printed, 2 usage error (no --labels, unreadable labels file, no\n"
    "labelled posting found), 3 some inputs could not be read (skipped, figures still printed).";

std::vector<std::string> split_list(const std::string& list) {
  std::vector<std::string> out;
  for (size_t start = 0; start <= list.size();) {
    size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    const std::string_view item = trim(std::string_view(list).substr(start, comma - start));
    if (!item.empty()) out.emplace_back(item);
    start = comma + 1;
  }
  return out;
}

ReadOptions read_options(const po::variables_map& vm) {
  std::string error;
  const auto r = parse_read_options(vm, &error);
  if (!r) throw EvalUsageError{error};
  return *r;
}

struct Config {
  std::string labels_path;
  std::vector<std::string> positive;
  std::string top;
  bool ignore_title = false;
  double max_seconds = -1;
  bool json = false;
  size_t worst = 3;
  std::vector<std::string> paths;
  ReadOptions read;
  EngineOptions engine;
};

// Returns false if --help was printed.
bool parse_args(const std::vector<std::string>& args, Config* c) {
  po::options_description eval("Evaluation");
  eval.add_options()
      ("labels", po::value<std::string>()->value_name("FILE"),
       "labels: TSV with a header row, columns id and label (lang optional)")
      ("positive", po::value<std::string>()->default_value("mle,ds")->value_name("LIST"),
       "labels that count as positive (comma-separated)")
      ("top", po::value<std::string>()->value_name("LABEL"),
       "label of the second AUC, against all others (default: the first of --positive)")
      ("ignore-title", po::bool_switch(), "every method sees the body only (no title line)")
      ("format,f", po::value<std::string>()->default_value("text")->value_name("FMT"), "text or json")
      ("worst", po::value<std::string>()->default_value("3")->value_name("N"),
       "worst-ranked postings shown per class");
  const po::options_description input = input_options();
  po::options_description engine("Lexicon and profile");
  engine.add_options()
      ("profile,p", po::value<std::string>()->value_name("NAME|FILE"),
       "profile to score against (default: ml-engineer; embedded also: data-scientist, data-engineer, software-engineer, the roles ml-engineer is compared with)")
      ("lexicon", po::value<std::string>()->value_name("FILE|DIR"),
       "use this lexicon (and its profiles) instead of the embedded one");
  po::options_description visible;
  visible.add(eval).add(input).add(engine);
  visible.add_options()("help,h", "show this help");
  po::options_description all;
  all.add(visible);
  all.add_options()("path", po::value<std::vector<std::string>>(), "");
  po::positional_options_description pos;
  pos.add("path", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    if (vm.count("help")) {
      std::cout << kUsage << "\n\n" << visible << "\n";
      return false;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw EvalUsageError{e.what()};
  }
  if (!vm.count("labels")) throw EvalUsageError{"eval needs --labels FILE (a TSV with columns id and label)"};
  c->labels_path = vm["labels"].as<std::string>();
  c->positive = split_list(vm["positive"].as<std::string>());
  if (c->positive.empty()) throw EvalUsageError{"--positive needs at least one label"};
  c->top = vm.count("top") ? std::string(trim(vm["top"].as<std::string>())) : c->positive.front();
  if (c->top.empty()) throw EvalUsageError{"--top needs a label"};
  c->ignore_title = vm["ignore-title"].as<bool>();
  {
    std::string error;
    c->max_seconds = parse_max_seconds(vm, &error);
    if (!error.empty()) throw EvalUsageError{error};
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "json") throw EvalUsageError{"--format must be text or json"};
  c->json = format == "json";
  std::string error;
  const auto worst = parse_count_option("--worst", vm["worst"].as<std::string>(), 0, 100000, &error);
  if (!worst) throw EvalUsageError{error};
  c->worst = static_cast<size_t>(*worst);
  c->read = read_options(vm);
  if (vm.count("path")) c->paths = vm["path"].as<std::vector<std::string>>();
  if (c->paths.empty()) throw EvalUsageError{"no input: give the files or folders of the labelled postings"};
  if (vm.count("lexicon")) c->engine.lexicon_path = vm["lexicon"].as<std::string>();
  if (vm.count("profile")) c->engine.profile = vm["profile"].as<std::string>();
  return true;
}

Labels load_labels(const std::string& path) {
  // A regular file of at most 16 MiB: a FIFO or device is refused at once, never read.
  const Expected<std::string> text = read_data_file(path);
  if (!text.ok())
    throw EvalUsageError{"cannot read labels file '" + path + "': " + text.error().message};
  Labels labels;
  std::string error;
  if (!parse_labels(*text, &labels, &error)) throw EvalUsageError{path + ": " + error};
  return labels;
}

// ---------------------------------------------------------------- scoring the postings

struct Driver {
  std::string concept_id;
  double weight;
  double strength;  // 0..1; weight x strength is what the concept adds
};
struct Posting {
  std::string key, id, label, lang, title;
  double score = 0;      // jobmatch
  double keywords = 0;   // distinct article concepts matched
  double title_rule = 0;
  std::vector<Driver> drivers;  // matched concepts by weight x strength, the first few
  double title_score = -1;      // the title's value in the score; -1 if titles did not count
  std::vector<std::string> title_concepts;  // concepts named in the title
};

struct InputFailure {
  std::string id, kind, message;
};

struct Collected {
  std::vector<Posting> postings;  // labelled and scored, in input order
  std::vector<double> bm25;       // per posting
  size_t read = 0;                // inputs read (including errors)
  std::vector<std::string> unlabelled;   // keys
  std::vector<std::string> duplicates;   // keys seen twice (the later postings are skipped)
  std::vector<InputFailure> errors;
  std::vector<std::string> labels_without_posting;  // in labels-file order
};

std::vector<Driver> drivers_of(const Result& r, const Lexicon& lexicon) {
  std::vector<Driver> d;
  for (const MatchedConcept& m : r.matched)
    d.push_back({lexicon.concepts[m.concept_index].id, m.weight, m.strength});
  std::sort(d.begin(), d.end(), [](const Driver& a, const Driver& b) {
    const double wa = a.weight * a.strength, wb = b.weight * b.strength;
    return wa != wb ? wa > wb : a.concept_id < b.concept_id;
  });
  if (d.size() > kDriverCount) d.resize(kDriverCount);
  return d;
}

Collected collect(const Config& c, const Labels& labels, const Engine& engine) {
  Collected out;
  const Lexicon& lexicon = engine.lexicon();
  Bm25 bm25(article_query_terms());
  Analyzer analyzer(engine);
  const AnalyzeOptions options{.keep_text = true, .ignore_title = c.ignore_title, .max_seconds = c.max_seconds};
  Normalized norm;
  TokenStream tokens;
  std::vector<ConceptMatch> matches;
  std::set<std::string> seen;
  InputSource source(c.paths, c.read);
  Input input;
  while (source.next(&input)) {
    ++out.read;
    Result r = analyzer.analyze(input, options);
    if (r.error) {
      out.errors.push_back({display_id(r.id), r.error->kind, r.error->message});
      continue;
    }
    // The JSONL id as is, else the file name without extension.
    std::string key = input.id;
    if (!labels.by_id.count(key)) key = posting_key(input.id);
    const auto it = labels.by_id.find(key);
    if (it == labels.by_id.end()) {
      out.unlabelled.push_back(display_id(key));
      continue;
    }
    if (!seen.insert(key).second) {
      out.duplicates.push_back(display_id(input.id));
      continue;
    }
    const LabelRow& row = labels.rows[it->second];
    Posting p;
    p.key = display_id(key);
    p.id = display_id(r.id);
    p.label = row.label;
    p.lang = row.lang.empty() ? r.lang : row.lang;
    p.title = r.title;
    p.score = r.score;
    p.drivers = drivers_of(r, lexicon);
    p.title_score = r.title_score;
    for (const size_t ci : r.title_concepts) p.title_concepts.push_back(lexicon.concepts[ci].id);
    // The text the baselines read: the whole posting, or with --ignore-title its body. As in
    // the analyzer, a title that is not the first line (a JSONL title field, an HTML <title>)
    // leaves the whole text as the body.
    std::string_view text = r.text;
    if (c.ignore_title) text.remove_prefix(r.title_end);
    normalize(text, &norm);
    tokenize(norm, &tokens);
    // keywords: every article concept the matcher finds in that text, the same way in both
    // modes (no zones, cues or negation: that is what the jobmatch score adds).
    engine.matcher().match(tokens, &matches);
    size_t keywords = 0;
    for (const ConceptMatch& m : matches) keywords += !lexicon.concepts[m.concept_index].extension;
    p.keywords = static_cast<double>(keywords);
    p.title_rule = !c.ignore_title && title_names_ml(r.title) ? 1 : 0;
    bm25.add(tokens.text);
    out.postings.push_back(std::move(p));
  }
  out.bm25 = bm25.scores();
  for (const LabelRow& row : labels.rows)
    if (!seen.count(row.id)) out.labels_without_posting.push_back(row.id);
  return out;
}

// ---------------------------------------------------------------- figures

struct Method {
  const char* name;
  int decimals;  // for thresholds in text output
  std::vector<double> scores;
};

struct Figures {
  size_t n = 0, n_top = 0, n_positive = 0;
  double auc_top = 0, auc_positive = 0, ap = 0, p10 = 0, p20 = 0;
  F1Point f1{};
};

Figures figures_of(const std::vector<double>& all_scores, const std::vector<Posting>& postings,
                   const std::vector<size_t>& subset, const Config& c) {
  std::vector<double> scores;
  std::vector<bool> top, positive;
  for (const size_t i : subset) {
    scores.push_back(all_scores[i]);
    top.push_back(postings[i].label == c.top);
    positive.push_back(std::find(c.positive.begin(), c.positive.end(), postings[i].label) != c.positive.end());
  }
  Figures f;
  f.n = subset.size();
  f.n_top = static_cast<size_t>(std::count(top.begin(), top.end(), true));
  f.n_positive = static_cast<size_t>(std::count(positive.begin(), positive.end(), true));
  f.auc_top = roc_auc(scores, top);
  f.auc_positive = roc_auc(scores, positive);
  f.ap = average_precision(scores, positive);
  f.p10 = precision_at(scores, positive, 10);
  f.p20 = precision_at(scores, positive, 20);
  f.f1 = best_f1(scores, positive);
  return f;
}

bool is_positive(const Config& c, const std::string& label) {
  return std::find(c.positive.begin(), c.positive.end(), label) != c.positive.end();
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

// ---------------------------------------------------------------- text output

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

std::vector<std::string> figure_header(const Config& c) {
  const std::string pos = escape_for_terminal(join(c.positive, "+"));
  return {"AUC " + escape_for_terminal(c.top), "AUC " + pos, "AP", "P@10", "P@20", "F1 AT >=", "F1", "PREC", "RECALL"};
}

std::string id_list(const std::vector<std::string>& ids) {
  std::vector<std::string> shown;
  for (size_t i = 0; i < ids.size() && i < kShowIds; ++i) shown.push_back(escape_for_terminal(ids[i]));
  return join(shown, ", ") + (ids.size() > kShowIds ? ", …" : "");
}

struct Report {
  const Config& config;
  const Labels& labels;
  const Engine& engine;
  const Collected& data;
  const std::vector<Method>& methods;
  std::vector<std::string> notes;
  std::vector<std::string> langs;
  std::map<std::string, std::vector<size_t>> by_lang;
  std::map<std::string, size_t> label_counts;
  std::vector<size_t> worst_positive, worst_negative;  // posting indexes
  std::vector<size_t> rank;  // per posting: 1 + number of postings jobmatch scores higher
};

std::string render_text(const Report& rp) {
  const Config& c = rp.config;
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

// ---------------------------------------------------------------- JSON output

ojson number(double v, int digits = 6) {
  if (std::isnan(v)) return nullptr;
  const double scale = std::pow(10.0, digits);
  return std::round(v * scale) / scale;
}

ojson figures_json(const Figures& f) {
  ojson j;
  j["auc_top"] = number(f.auc_top);
  j["auc_positive"] = number(f.auc_positive);
  j["average_precision"] = number(f.ap);
  j["precision_at_10"] = number(f.p10);
  j["precision_at_20"] = number(f.p20);
  j["best_f1"] = {{"threshold", number(f.f1.threshold)}, {"f1", number(f.f1.f1)},
                  {"precision", number(f.f1.precision)}, {"recall", number(f.f1.recall)}};
  return j;
}

std::string render_json(const Report& rp) {
  const Config& c = rp.config;
  const Collected& d = rp.data;
  ojson j;
  j["labels_file"] = sanitize_utf8(c.labels_path);
  j["profile"] = rp.engine.profile().name;
  j["lexicon_hash"] = rp.engine.hash();
  j["ignore_title"] = c.ignore_title;
  j["positive"] = c.positive;
  j["top"] = c.top;
  j["lang_source"] = rp.labels.has_lang ? "labels" : "detected";
  j["notes"] = rp.notes;
  ojson counts;
  counts["inputs_read"] = d.read;
  counts["evaluated"] = d.postings.size();
  counts["unlabelled"] = d.unlabelled.size();
  counts["duplicates"] = d.duplicates.size();
  counts["errors"] = d.errors.size();
  counts["labels_without_posting"] = d.labels_without_posting.size();
  j["counts"] = counts;
  ojson labels = ojson::object();
  for (const auto& [label, n] : rp.label_counts) labels[sanitize_utf8(label)] = n;
  j["label_counts"] = labels;
  j["unlabelled"] = d.unlabelled;
  j["duplicates"] = d.duplicates;
  std::vector<std::string> lwp;
  for (const std::string& id : d.labels_without_posting) lwp.push_back(sanitize_utf8(id));
  j["labels_without_posting"] = lwp;
  ojson errors = ojson::array();
  for (const InputFailure& e : d.errors) errors.push_back({{"id", e.id}, {"kind", e.kind}, {"message", sanitize_utf8(e.message)}});
  j["errors"] = errors;

  std::vector<size_t> all(d.postings.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  ojson methods = ojson::array();
  for (const Method& m : rp.methods) {
    const Figures f = figures_of(m.scores, d.postings, all, c);
    ojson mj;
    mj["method"] = m.name;
    mj["n"] = f.n;
    mj["n_top"] = f.n_top;
    mj["n_positive"] = f.n_positive;
    mj.update(figures_json(f));
    methods.push_back(mj);
  }
  j["methods"] = methods;
  ojson by_lang = ojson::array();
  for (const std::string& lang : rp.langs) {
    const std::vector<size_t>& subset = rp.by_lang.at(lang);
    ojson lj;
    lj["lang"] = sanitize_utf8(lang);
    ojson ms = ojson::array();
    for (const Method& m : rp.methods) {
      const Figures f = figures_of(m.scores, d.postings, subset, c);
      if (!lj.contains("n")) {
        lj["n"] = f.n;
        lj["n_top"] = f.n_top;
        lj["n_positive"] = f.n_positive;
      }
      ojson mj;
      mj["method"] = m.name;
      mj.update(figures_json(f));
      ms.push_back(mj);
    }
    lj["methods"] = ms;
    by_lang.push_back(lj);
  }
  j["by_lang"] = by_lang;
  auto worst = [&](const std::vector<size_t>& idx) {
    ojson arr = ojson::array();
    for (const size_t i : idx) {
      const Posting& p = d.postings[i];
      ojson drivers = ojson::array();
      for (const Driver& dr : p.drivers)
        drivers.push_back({{"concept", dr.concept_id}, {"weight", dr.weight}, {"strength", number(dr.strength, 3)}});
      arr.push_back({{"id", p.key}, {"path", p.id}, {"label", sanitize_utf8(p.label)}, {"lang", sanitize_utf8(p.lang)},
                     {"score", p.score}, {"rank", rp.rank[i]}, {"title", p.title},
                     {"title_score", p.title_score < 0 ? ojson(nullptr) : number(p.title_score, 3)},
                     {"title_concepts", p.title_concepts}, {"matched", drivers}});
    }
    return arr;
  };
  j["worst"] = {{"positives", worst(rp.worst_positive)}, {"negatives", worst(rp.worst_negative)}};
  return json_escape_display(j.dump(2, ' ', false, ojson::error_handler_t::replace)) + "\n";
}

int run(const Config& c) {
  const Labels labels = load_labels(c.labels_path);
  std::set<std::string> known;
  for (const LabelRow& row : labels.rows) known.insert(row.label);
  // A typo in --positive or --top would silently change what is measured: a label that occurs
  // nowhere is an error when it leaves nothing to measure, else a note in the report.
  const std::string have = join(std::vector<std::string>(known.begin(), known.end()), ", ");
  std::vector<std::string> absent;
  for (const std::string& l : c.positive)
    if (!known.count(l)) absent.push_back(l);
  if (absent.size() == c.positive.size())
    throw EvalUsageError{"no --positive label (" + join(c.positive, ", ") + ") is in " + c.labels_path +
                         " (it has: " + have + ")"};
  if (!known.count(c.top))
    throw EvalUsageError{"--top label '" + c.top + "' is not in " + c.labels_path + " (it has: " + have + ")"};
  std::vector<std::string> notes;
  if (!absent.empty())
    notes.push_back("--positive label" + std::string(absent.size() == 1 ? " " : "s ") + join(absent, ", ") +
                    (absent.size() == 1 ? " does" : " do") + " not occur in the labels file (it has: " + have + ")");
  if (c.ignore_title)
    notes.push_back("--ignore-title: every method reads the body only; the title rule is constant 0 (AUC 0.5)");

  auto loaded = Engine::load(c.engine);
  if (!loaded.ok()) {
    for (const Diagnostic& dg : loaded.error().diagnostics) {
      const std::string text = format_diagnostic(dg);
      std::fwrite(text.data(), 1, text.size(), stderr);
    }
    throw EvalUsageError{"the lexicon or profile does not load"};
  }
  const std::unique_ptr<Engine> engine = std::move(*loaded);

  const Collected data = collect(c, labels, *engine);
  if (data.postings.empty()) {
    std::string msg = "no labelled postings found among the " + std::to_string(data.read) + " inputs read";
    if (!data.unlabelled.empty()) msg += " (their ids, e.g. '" + data.unlabelled.front() + "', are not in " + c.labels_path + ")";
    throw EvalUsageError{msg};
  }

  std::vector<Method> methods = {{"jobmatch", 1, {}}, {"keywords", 0, {}}, {"bm25", 2, data.bm25}, {"title", 0, {}}};
  for (const Posting& p : data.postings) {
    methods[0].scores.push_back(p.score);
    methods[1].scores.push_back(p.keywords);
    methods[3].scores.push_back(p.title_rule);
  }

  Report rp{c, labels, *engine, data, methods, notes, {}, {}, {}, {}, {}, {}};
  for (size_t i = 0; i < data.postings.size(); ++i) {
    rp.by_lang[data.postings[i].lang].push_back(i);
    ++rp.label_counts[data.postings[i].label];
  }
  for (const auto& [lang, idx] : rp.by_lang) rp.langs.push_back(lang);
  std::vector<double> sorted = methods[0].scores;
  std::sort(sorted.begin(), sorted.end(), std::greater<>());
  for (const Posting& p : data.postings)
    rp.rank.push_back(1 + static_cast<size_t>(  // 1 + the number of postings scored higher
                              std::lower_bound(sorted.begin(), sorted.end(), p.score, std::greater<>()) - sorted.begin()));
  std::vector<size_t> pos, neg;
  for (size_t i = 0; i < data.postings.size(); ++i) (is_positive(c, data.postings[i].label) ? pos : neg).push_back(i);
  auto by_key = [&](size_t a, size_t b) { return data.postings[a].key < data.postings[b].key; };
  std::sort(pos.begin(), pos.end(), [&](size_t a, size_t b) {
    const double sa = data.postings[a].score, sb = data.postings[b].score;
    return sa != sb ? sa < sb : by_key(a, b);
  });
  std::sort(neg.begin(), neg.end(), [&](size_t a, size_t b) {
    const double sa = data.postings[a].score, sb = data.postings[b].score;
    return sa != sb ? sa > sb : by_key(a, b);
  });
  if (pos.size() > c.worst) pos.resize(c.worst);
  if (neg.size() > c.worst) neg.resize(c.worst);
  rp.worst_positive = pos;
  rp.worst_negative = neg;

  Output output;
  output.write(c.json ? render_json(rp) : render_text(rp));
  output.flush();
  return data.errors.empty() ? kExitOk : kExitInputError;
}

}  // namespace

int run_eval_command(const std::vector<std::string>& args) {
  try {
    Config c;
    if (!parse_args(args, &c)) return kExitOk;
    return run(c);
  } catch (const EvalUsageError& e) {
    // The message may quote labels and paths: shown through the display policy.
    std::fprintf(stderr, "jobmatch: error: %s\n", escape_for_terminal(e.message).c_str());
    return kExitUsage;
  }
}

}  // namespace jobmatch
