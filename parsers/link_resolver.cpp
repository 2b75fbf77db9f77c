#include "parsers/link_resolver.h"

#include "core/text.h"

namespace exposcan {
namespace {

bool is_plain_char(char c) {
  if (is_ascii_alnum(c)) return true;
  switch (c) {
    case '-': case '.': case '_': case '~': case '/': case '?': case '=': case '&': case '%': case '+':
    case ':': case '@': case ',': case ';': case '!': case '$': case '*': case '#':
      return true;
    default:
      return false;
  }
}

// No "." / ".." segments in the path part, only plain characters, valid %XX escapes.
bool is_plain_reference(std::string_view r) {
  for (size_t i = 0; i < r.size(); ++i) {
    char c = r[i];
    if (!is_plain_char(c)) return false;
    if (c == '%' && (i + 2 >= r.size() || !is_hex_digit(r[i + 1]) || !is_hex_digit(r[i + 2]))) return false;
  }
  std::string_view path = r.substr(0, r.find_first_of("?#"));
  for (auto seg : split(path, '/'))
    if (seg == "." || seg == "..") return false;
  return true;
}

}  // namespace

LinkResolver::LinkResolver(std::string_view base) {
  auto b = Url::parse(base);
  if (!b) return;
  m_base = *b;
  if (!b->is_http() || b->host().empty()) return;
  m_origin = b->scheme() + "://" + b->authority();
  std::string_view path = b->path();
  if (path.empty() || path[0] != '/' || !is_plain_reference(path)) return;
  m_dir = m_origin + std::string(path.substr(0, path.rfind('/') + 1));
  // The rendered base must be exactly origin + path (+ query): then joining by hand matches curl.
  m_fast = b->str().rfind(m_origin + std::string(path), 0) == 0;
}

std::string LinkResolver::resolve(std::string_view ref) const {
  std::string_view r = trim(ref);
  if (has_scheme(r)) return std::string(r);
  if (!m_base) return std::string(r);
  if (r.empty()) {  // RFC 3986 §5.2.2: the base without its fragment
    const std::string& full = m_base->str();
    return full.substr(0, full.find('#'));
  }
  if (m_fast && !r.empty() && is_plain_reference(r)) {
    if (r[0] == '/' && (r.size() == 1 || r[1] != '/')) return m_origin + std::string(r);
    if (r[0] != '/' && r[0] != '?' && r[0] != '#') return m_dir + std::string(r);
  }
  auto u = m_base->resolve(r);
  return u ? u->str() : std::string();
}

}  // namespace exposcan
