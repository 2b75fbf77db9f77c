// core/expected.h — recoverable errors as values.
//
// Module APIs return Expected<T> (a T or an Error) and never throw across module boundaries
// (STYLE.md §6). C++20 has no std::expected, so this is a small variant-based stand-in with the
// same spelling for the parts we use: has_value(), operator bool, value(), error(), operator*, ->.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace exposcan {

struct Error {
  std::string code;     // short machine-readable kind, e.g. "timeout", "parse", "io"
  std::string message;  // one line a person can act on

  Error() = default;
  Error(std::string c, std::string m) : code(std::move(c)), message(std::move(m)) {}
};

template <class T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : m_v(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Expected(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool has_value() const { return m_v.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & { return std::get<0>(m_v); }
  const T& value() const& { return std::get<0>(m_v); }
  T&& value() && { return std::get<0>(std::move(m_v)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::get<0>(std::move(m_v)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(m_v); }

  template <class U>
  T value_or(U&& fallback) const& {
    return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
  }

 private:
  std::variant<T, Error> m_v;
};

// Expected<void>: success or an Error.
template <>
class [[nodiscard]] Expected<void> {
 public:
  Expected() = default;
  Expected(Error error) : m_error(std::move(error)), m_ok(false) {}  // NOLINT

  bool has_value() const { return m_ok; }
  explicit operator bool() const { return m_ok; }
  const Error& error() const { return m_error; }

 private:
  Error m_error;
  bool m_ok = true;
};

using Status = Expected<void>;

inline Error make_error(std::string code, std::string message) {
  return Error{std::move(code), std::move(message)};
}

}  // namespace exposcan
