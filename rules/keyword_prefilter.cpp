#include "rules/keyword_prefilter.h"

#include <algorithm>
#include <queue>

#include "rules/text_fold.h"

namespace exposcan {

int32_t KeywordPrefilter::new_node() {
  m_nodes.emplace_back();
  std::fill(std::begin(m_nodes.back().next), std::end(m_nodes.back().next), -1);
  return static_cast<int32_t>(m_nodes.size() - 1);
}

void KeywordPrefilter::add(uint32_t rule, std::string_view keyword) {
  if (keyword.empty()) return;
  if (m_nodes.empty()) new_node();
  std::string lowered = fold::lower_same_length(keyword);
  int32_t state = 0;
  for (unsigned char c : lowered) {
    if (m_nodes[state].next[c] < 0) {
      int32_t n = new_node();
      m_nodes[state].next[c] = n;
    }
    state = m_nodes[state].next[c];
  }
  auto& out = m_nodes[state].out;
  if (std::find(out.begin(), out.end(), rule) == out.end()) out.push_back(rule);
  ++m_keywords;
}

void KeywordPrefilter::compile() {
  if (m_nodes.empty()) new_node();
  std::queue<int32_t> queue;
  for (int c = 0; c < 256; ++c) {
    int32_t n = m_nodes[0].next[c];
    if (n < 0) {
      m_nodes[0].next[c] = 0;
    } else {
      m_nodes[n].fail = 0;
      queue.push(n);
    }
  }
  while (!queue.empty()) {
    int32_t s = queue.front();
    queue.pop();
    const auto& fail_out = m_nodes[m_nodes[s].fail].out;
    for (uint32_t r : fail_out)
      if (std::find(m_nodes[s].out.begin(), m_nodes[s].out.end(), r) == m_nodes[s].out.end())
        m_nodes[s].out.push_back(r);
    for (int c = 0; c < 256; ++c) {
      int32_t n = m_nodes[s].next[c];
      if (n < 0) {
        m_nodes[s].next[c] = m_nodes[m_nodes[s].fail].next[c];
      } else {
        m_nodes[n].fail = m_nodes[m_nodes[s].fail].next[c];
        queue.push(n);
      }
    }
  }
  // Flatten into the scan-time automaton.
  bool used[256] = {};
  for (const auto& n : m_nodes)
    for (int c = 0; c < 256; ++c)
      if (n.next[c] > 0) used[c] = true;
  m_classes = 1;
  for (int c = 0; c < 256; ++c) m_class[c] = used[c] ? static_cast<uint8_t>(m_classes++) : 0;
  int representative[256] = {};
  for (int c = 0; c < 256; ++c)
    if (used[c]) representative[m_class[c]] = c;
  int other = -1;  // a byte in no keyword (its transitions are the same for all such bytes)
  for (int c = 0; c < 256 && other < 0; ++c)
    if (!used[c]) other = c;
  m_delta.assign(m_nodes.size() * m_classes, 0);
  m_out_begin.assign(m_nodes.size() + 1, 0);
  m_out.clear();
  for (size_t st = 0; st < m_nodes.size(); ++st) {
    for (size_t k = 0; k < m_classes; ++k) {
      int byte = k == 0 ? other : representative[k];
      m_delta[st * m_classes + k] = byte < 0 ? 0 : m_nodes[st].next[byte];
    }
    m_out_begin[st] = static_cast<uint32_t>(m_out.size());
    m_out.insert(m_out.end(), m_nodes[st].out.begin(), m_nodes[st].out.end());
  }
  m_out_begin[m_nodes.size()] = static_cast<uint32_t>(m_out.size());
  m_nodes.clear();
  m_nodes.shrink_to_fit();
  m_compiled = true;
}

void KeywordPrefilter::scan(std::string_view lowered, std::vector<char>& hits) const {
  if (!m_compiled || m_keywords == 0) return;
  const int32_t* delta = m_delta.data();
  const uint32_t* begin = m_out_begin.data();
  const size_t classes = m_classes;
  int32_t state = 0;
  for (unsigned char c : lowered) {
    state = delta[static_cast<size_t>(state) * classes + m_class[c]];
    for (uint32_t i = begin[state]; i < begin[state + 1]; ++i) hits[m_out[i]] = 1;
  }
}

}  // namespace exposcan
