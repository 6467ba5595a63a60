#include "score/score.h"

#include <algorithm>
#include <cmath>

namespace jobmatch {

Scorer::Scorer(const Profile& profile, size_t concept_count)
    : m_profile(profile), m_slot_of(concept_count, -1) {
  for (size_t s = 0; s < profile.sections.size(); ++s)
    for (size_t k = 0; k < profile.sections[s].concepts.size(); ++k) {
      m_slot_of[profile.sections[s].concepts[k].concept_index] = static_cast<int>(m_slots.size());
      m_slots.push_back({s, k});
    }
}

std::vector<size_t> Scorer::concepts() const {
  std::vector<size_t> out;
  for (const Slot& slot : m_slots)
    out.push_back(m_profile.sections[slot.section].concepts[slot.index].concept_index);
  for (const auto& [c, value] : m_profile.title.concepts)
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  return out;
}

ScoreCard Scorer::score(const std::vector<ConceptEvidence>& body,
                        const std::vector<size_t>& title_found, bool use_title) const {
  ScoreCard card;
  compute(body, title_found, use_title, &card);
  return card;
}

double Scorer::score_value(const std::vector<ConceptEvidence>& body, const std::vector<size_t>& title_found,
                           bool use_title) const {
  return compute(body, title_found, use_title, nullptr);
}

double Scorer::compute(const std::vector<ConceptEvidence>& body, const std::vector<size_t>& title_found,
                       bool use_title, ScoreCard* card) const {
  const auto& sections = m_profile.sections;
  // Per slot, its concept's strength; per section, the weight it got. Every posting is scored
  // against each role: the buffers are the thread's, not allocated per call.
  thread_local std::vector<double> strength, got;
  strength.assign(m_slots.size(), 0.0);
  for (const ConceptEvidence& e : body) {
    if (e.concept_index >= m_slot_of.size() || m_slot_of[e.concept_index] < 0) continue;
    double& s = strength[static_cast<size_t>(m_slot_of[e.concept_index])];
    s = std::max(s, std::clamp(e.strength, 0.0, 1.0));
  }
  got.assign(sections.size(), 0.0);
  if (card) {
    card->matched.reserve(m_slots.size());
    card->missing.reserve(m_slots.size());
  }
  double factor = 1.0;
  for (size_t i = 0; i < m_slots.size(); ++i) {
    const Slot& slot = m_slots[i];
    const ProfileConcept& pc = sections[slot.section].concepts[slot.index];
    if (strength[i] > 0) {
      got[slot.section] += pc.weight * strength[i];
      if (card) card->matched.push_back({pc.concept_index, slot.section, pc.weight, pc.must, strength[i]});
    } else if (card) {
      card->missing.push_back(pc.concept_index);
    }
  }
  // A must-have is as met as its strongest concept; one met by none is named by its first.
  for (const std::vector<size_t>& must : m_profile.musts) {
    double met = 0;
    for (const size_t c : must)
      if (c < m_slot_of.size() && m_slot_of[c] >= 0) met = std::max(met, strength[static_cast<size_t>(m_slot_of[c])]);
    factor *= std::pow(m_profile.penalty, 1.0 - met);
    if (met == 0 && card) card->missing_must.push_back(must.front());
  }
  double total = 0, weight_sum = 0;
  if (card) card->coverage.resize(sections.size());
  for (size_t s = 0; s < sections.size(); ++s) {
    const double coverage = std::min(1.0, got[s] / sections[s].need);
    if (card) card->coverage[s] = coverage;
    total += sections[s].weight * coverage;
    weight_sum += sections[s].weight;
  }
  double title = -1;
  if (use_title && m_profile.title.weight > 0) {
    title = 0;
    bool other_job = false;  // a concept of value 0 named: the title is another kind of job
    for (const auto& [c, value] : m_profile.title.concepts)
      if (std::find(title_found.begin(), title_found.end(), c) != title_found.end()) {
        title = std::max(title, value);
        other_job = other_job || value == 0;
        if (card) card->title_concepts.push_back(c);
      }
    if (other_job) title = 0;
    total += m_profile.title.weight * title;
    weight_sum += m_profile.title.weight;
  }
  const double score = weight_sum > 0 ? 100.0 * total / weight_sum * factor : 0.0;
  const double rounded = std::round(score * 10.0) / 10.0;
  if (card) {
    card->title = title;
    card->score = rounded;
  }
  return rounded;
}

}  // namespace jobmatch
