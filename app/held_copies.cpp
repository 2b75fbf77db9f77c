#include "app/held_copies.h"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "reports/json_model.h"

namespace exposcan {

HeldCopies::~HeldCopies() {
  if (m_file) std::fclose(m_file);
}

void HeldCopies::offer(const ItemFindings& copy) {
  if (!m_error.empty()) return;
  const CopyRank rank = copy_rank(copy.item);
  auto held = m_slots.find(copy.item.id);
  if (held != m_slots.end() && !preferred_copy(rank, copy.item.source_url, held->second.rank, held->second.source_url))
    return;
  if (!m_file && !(m_file = std::tmpfile())) {
    m_error = std::string("cannot create a temporary file for the report's items: ") + std::strerror(errno);
    return;
  }
  nlohmann::json findings = nlohmann::json::array();
  for (const auto& f : copy.findings) findings.push_back(finding_to_json(f, true));
  // MessagePack: the same JSON model (json_model.h), read back faster than its text form.
  std::string text;
  nlohmann::json::to_msgpack({{"item", item_to_json(copy.item)}, {"findings", std::move(findings)}}, text);
  if (std::fwrite(text.data(), 1, text.size(), m_file) != text.size()) {
    m_error = std::string("cannot write the report's temporary file: ") + std::strerror(errno);
    return;
  }
  m_slots.insert_or_assign(held, copy.item.id, Slot{rank, copy.item.source_url, m_end, text.size()});
  m_end += text.size();
}

Status HeldCopies::each(const std::function<void(ItemFindings&)>& out) {
  if (!m_error.empty()) return make_error("io", m_error);
  if (m_slots.empty()) return {};
  if (std::fflush(m_file) != 0)
    return make_error("io", std::string("cannot write the report's temporary file: ") + std::strerror(errno));
  std::string buffer;
  for (const auto& [id, slot] : m_slots) {
    buffer.resize(slot.size);
    size_t got = 0;
    while (got < slot.size) {
      ssize_t n = ::pread(::fileno(m_file), buffer.data() + got, slot.size - got, static_cast<off_t>(slot.offset + got));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return make_error("io", "cannot read the report's temporary file back (item " + id + ")");
      got += static_cast<size_t>(n);
    }
    auto j = nlohmann::json::from_msgpack(buffer, true, false);
    if (j.is_discarded() || !j.contains("item") || !j["findings"].is_array())
      return make_error("io", "the report's temporary file is damaged (item " + id + ")");
    auto item = item_from_json(j["item"]);
    if (!item) return make_error("io", "the report's temporary file is damaged (item " + id + "): " + item.error().message);
    ItemFindings copy;
    copy.item = std::move(*item);
    for (const auto& fj : j["findings"]) {
      auto f = finding_from_json(fj);
      if (!f) return make_error("io", "the report's temporary file is damaged (item " + id + "): " + f.error().message);
      copy.findings.push_back(std::move(*f));
    }
    out(copy);
  }
  return {};
}

}  // namespace exposcan
