// rules/keyword_prefilter.h — one Aho-Corasick pass that tells which rules' keywords occur in a text.
//
// A pattern rule may list literal `keywords`; the rule's regexes run on a text only when one of
// them occurs in it (ASCII/Latin/Greek/Cyrillic case-insensitively: the text must be lowered with
// fold::lower_same_length, keywords are lowered the same way when added). A rule without keywords
// is always run. The prefilter only skips text in which no keyword occurs, so it can never hide a
// match of a rule whose every match contains one of its keywords (the loader checks that each
// positive test example does). Built once; scan() is const and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace exposcan {

class KeywordPrefilter {
 public:
  // Registers `keyword` for rule `rule` (any small integer). Empty keywords are ignored.
  void add(uint32_t rule, std::string_view keyword);
  // Builds the automaton; call once after every add().
  void compile();
  // Sets hits[rule] = 1 for each rule with a keyword in `lowered`; `hits` must be large enough.
  void scan(std::string_view lowered, std::vector<char>& hits) const;
  size_t keyword_count() const { return m_keywords; }

 private:
  struct Node {
    int32_t next[256];
    int32_t fail = 0;
    std::vector<uint32_t> out;  // rules whose keyword ends here (including via fail links)
  };
  std::vector<Node> m_nodes;
  size_t m_keywords = 0;
  bool m_compiled = false;
  int32_t new_node();
};

}  // namespace exposcan
