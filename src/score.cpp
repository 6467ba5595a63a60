#include "score.h"

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
  return out;
}

ScoreCard Scorer::score(const std::vector<ConceptMatch>& matches) const {
  ScoreCard card;
  const auto& sections = m_profile.sections;
  std::vector<const ConceptMatch*> found(m_slots.size(), nullptr);
  for (const ConceptMatch& m : matches) {
    if (m.concept_index >= m_slot_of.size() || m_slot_of[m.concept_index] < 0) continue;
    found[static_cast<size_t>(m_slot_of[m.concept_index])] = &m;
  }
  std::vector<double> got(sections.size(), 0.0);
  for (size_t i = 0; i < m_slots.size(); ++i) {
    const Slot& slot = m_slots[i];
    const ProfileConcept& pc = sections[slot.section].concepts[slot.index];
    if (found[i]) {
      got[slot.section] += pc.weight;
      card.matched.push_back({pc.concept_index, slot.section, pc.weight, pc.must, found[i]->spans});
    } else {
      card.missing.push_back(pc.concept_index);
      if (pc.must) card.missing_must.push_back(pc.concept_index);
    }
  }
  double total = 0, weight_sum = 0;
  card.coverage.resize(sections.size());
  for (size_t s = 0; s < sections.size(); ++s) {
    card.coverage[s] = std::min(1.0, got[s] / sections[s].need);
    total += sections[s].weight * card.coverage[s];
    weight_sum += sections[s].weight;
  }
  double score = weight_sum > 0 ? 100.0 * total / weight_sum : 0.0;
  score *= std::pow(m_profile.penalty, static_cast<double>(card.missing_must.size()));
  card.score = std::round(score * 10.0) / 10.0;
  return card;
}

}  // namespace jobmatch
