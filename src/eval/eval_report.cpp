// The figures of `jobmatch eval` for every method (evaluation.h), the ranking the worst-ranked
// lists are made from, and the JSON report.
#include <algorithm>
#include <cmath>
#include <functional>

#include <nlohmann/json.hpp>

#include "eval/evaluation.h"
#include "report/escape.h"
#include "text/text_util.h"

namespace jobmatch {
namespace {

using ojson = nlohmann::ordered_json;

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

}  // namespace

Figures figures_of(const std::vector<double>& all_scores, const std::vector<Posting>& postings,
                   const std::vector<size_t>& subset, const EvalConfig& c) {
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

bool is_positive(const EvalConfig& c, const std::string& label) {
  return std::find(c.positive.begin(), c.positive.end(), label) != c.positive.end();
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}


std::string render_json(const Report& rp) {
  const EvalConfig& c = rp.config;
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
      arr.push_back({{"id", p.id}, {"label_id", p.key}, {"label", sanitize_utf8(p.label)}, {"lang", sanitize_utf8(p.lang)},
                     {"score", p.score}, {"rank", rp.rank[i]}, {"title", p.title},
                     {"title_score", p.title_score < 0 ? ojson(nullptr) : number(p.title_score, 3)},
                     {"title_concepts", p.title_concepts}, {"matched", drivers}});
    }
    return arr;
  };
  j["worst"] = {{"positives", worst(rp.worst_positive)}, {"negatives", worst(rp.worst_negative)}};
  return json_escape_display(j.dump(2, ' ', false, ojson::error_handler_t::replace)) + "\n";
}


Expected<std::string> render_evaluation(const EvalConfig& c, const Labels& labels, const Engine& engine,
                                        const Collected& data, std::vector<std::string> notes) {
  if (data.postings.empty()) {
    std::string msg = "no labelled postings found among the " + std::to_string(data.read) + " inputs read";
    if (!data.unlabelled.empty())
      msg += " (e.g. '" + data.unlabelled.front() + "': neither its id nor its file name without extension is in " +
             c.labels_path + ")";
    return Error(msg);
  }
  std::vector<Method> methods = {{"jobmatch", 1, {}}, {"keywords", 0, {}}, {"bm25", 2, data.bm25}, {"title", 0, {}}};
  for (const Posting& p : data.postings) {
    methods[0].scores.push_back(p.score);
    methods[1].scores.push_back(p.keywords);
    methods[3].scores.push_back(p.title_rule);
  }

  Report rp{c, labels, engine, data, std::move(methods), std::move(notes), {}, {}, {}, {}, {}, {}};
  for (size_t i = 0; i < data.postings.size(); ++i) {
    rp.by_lang[data.postings[i].lang].push_back(i);
    ++rp.label_counts[data.postings[i].label];
  }
  for (const auto& [lang, idx] : rp.by_lang) rp.langs.push_back(lang);
  std::vector<double> sorted = rp.methods[0].scores;
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

  return c.json ? render_json(rp) : render_text(rp);
}

}  // namespace jobmatch
