#include "app/held_copies.h"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/log.h"
#include "reports/json_model.h"

namespace exposcan {

HeldCopies::~HeldCopies() {
  if (m_file) std::fclose(m_file);
}

bool HeldCopies::write(const std::string& bytes) {
  if (m_file_failed) return false;
  std::string problem;
  if (!m_file) {
    auto file = m_open_file();
    if (file) m_file = *file;
    else problem = file.error().message;
  }
  if (m_file && std::fwrite(bytes.data(), 1, bytes.size(), m_file) != bytes.size())
    problem = std::string("cannot write the temporary file: ") + std::strerror(errno);
  if (problem.empty()) return true;
  m_file_failed = true;
  log::warn("{}; the report's items are kept in memory instead", problem);
  return false;
}

HeldCopies::Offer HeldCopies::prepare(const ItemFindings& copy) {
  // MessagePack: the same JSON model (json_model.h), read back faster than its text form.
  nlohmann::json findings = nlohmann::json::array();
  for (const auto& f : copy.findings) findings.push_back(finding_to_json(f, true));
  Offer out{copy_rank(copy.item), copy.item.id, copy.item.source_url, {}};
  nlohmann::json::to_msgpack({{"item", item_to_json(copy.item)}, {"findings", std::move(findings)}}, out.bytes);
  return out;
}

Expected<ItemFindings> HeldCopies::decode(std::string_view bytes, const std::string& id) {
  auto j = nlohmann::json::from_msgpack(bytes, true, false);
  if (j.is_discarded() || !j.contains("item") || !j["findings"].is_array()) return make_error("io", "item " + id + " is damaged");
  ItemFindings copy;
  auto item = item_from_json(j["item"]);
  if (!item) return make_error("io", "item " + id + " is damaged: " + item.error().message);
  copy.item = std::move(*item);
  for (const auto& fj : j["findings"]) {
    auto f = finding_from_json(fj);
    if (!f) return make_error("io", "item " + id + " is damaged: " + f.error().message);
    copy.findings.push_back(std::move(*f));
  }
  return copy;
}

bool HeldCopies::wants(const Item& item) const {
  const auto held = m_slots.find(item.id);
  return held == m_slots.end() ||
         preferred_copy(copy_rank(item), item.source_url, held->second.rank, held->second.source_url);
}

void HeldCopies::offer(Offer copy) {
  auto held = m_slots.find(copy.item_id);
  if (held != m_slots.end() && !preferred_copy(copy.rank, copy.source_url, held->second.rank, held->second.source_url))
    return;
  Slot slot{copy.rank, std::move(copy.source_url), m_end, copy.bytes.size(), std::nullopt};
  if (write(copy.bytes)) m_end += copy.bytes.size();
  else slot.memory = std::move(copy.bytes);  // no file: the bytes stay in memory
  m_slots.insert_or_assign(held, std::move(copy.item_id), std::move(slot));
}

Status HeldCopies::each(const std::function<void(ItemFindings&)>& out) {
  if (m_file) std::fflush(m_file);  // a copy it could not write out fails to read back, below
  std::string buffer, failed;
  auto read = [&](const std::string& id, const Slot& slot) -> Expected<ItemFindings> {
    buffer.resize(slot.size);
    for (size_t got = 0; got < slot.size;) {
      ssize_t n = ::pread(::fileno(m_file), buffer.data() + got, slot.size - got, static_cast<off_t>(slot.offset + got));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return make_error("io", "cannot read item " + id + " back");
      got += static_cast<size_t>(n);
    }
    return decode(buffer, id);
  };
  for (auto& [id, slot] : m_slots) {
    auto copy = slot.memory ? decode(*slot.memory, id) : read(id, slot);
    if (!copy) {
      failed += (failed.empty() ? "" : "; ") + copy.error().message;
      continue;
    }
    out(*copy);
  }
  if (!failed.empty()) return make_error("io", "the report's temporary file: " + failed);
  return {};
}

}  // namespace exposcan
