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
  m_compiled = true;
}

void KeywordPrefilter::scan(std::string_view lowered, std::vector<char>& hits) const {
  if (!m_compiled || m_keywords == 0) return;
  int32_t state = 0;
  for (unsigned char c : lowered) {
    state = m_nodes[state].next[c];
    for (uint32_t r : m_nodes[state].out) hits[r] = 1;
  }
}

}  // namespace exposcan
