// SPDX-License-Identifier: Apache-2.0
// plinth::Result<T>: a value or a plinth::Error. Its API is the subset of std::expected
// we use, so moving to std::expected (GCC 13+, C++23) is a rename.
#pragma once

#include "util/error.hpp"

#include <cassert>
#include <utility>
#include <variant>

namespace plinth {

struct Unexpected {
  Error error;
};
inline Unexpected fail(Error e) {
  return Unexpected{std::move(e)};
}
inline Unexpected fail(Errc code, std::string message) {
  return Unexpected{Error(code, std::move(message))};
}

template <typename T> class [[nodiscard]] Result {
public:
  Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
  Result(Unexpected u) : m_v(std::in_place_index<1>, std::move(u.error)) {}

  bool has_value() const { return m_v.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & {
    assert(has_value());
    return std::get<0>(m_v);
  }
  const T& value() const& {
    assert(has_value());
    return std::get<0>(m_v);
  }
  T&& value() && {
    assert(has_value());
    return std::get<0>(std::move(m_v));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T value_or(T other) const { return has_value() ? value() : std::move(other); }

  Error& error() {
    assert(!has_value());
    return std::get<1>(m_v);
  }
  const Error& error() const {
    assert(!has_value());
    return std::get<1>(m_v);
  }

private:
  std::variant<T, Error> m_v;
};

template <> class [[nodiscard]] Result<void> {
public:
  Result() = default;
  Result(Unexpected u) : m_error(std::move(u.error)), m_failed(true) {}

  bool has_value() const { return !m_failed; }
  explicit operator bool() const { return has_value(); }
  Error& error() {
    assert(m_failed);
    return m_error;
  }
  const Error& error() const {
    assert(m_failed);
    return m_error;
  }

private:
  Error m_error;
  bool m_failed = false;
};

} // namespace plinth

// Propagate a failed Result to the caller.
#define PLINTH_TRY(expr)                                                                           \
  do {                                                                                             \
    auto&& plinth_try_r_ = (expr);                                                                 \
    if (!plinth_try_r_) {                                                                          \
      return ::plinth::Unexpected{std::move(plinth_try_r_.error())};                               \
    }                                                                                              \
  } while (false)

// Declares `decl` from the value of a Result, or propagates its error to the caller:
//   PLINTH_TRY_ASSIGN(auto info, engine.info());   // info is the value, not the Result
#define PLINTH_TRY_ASSIGN(decl, ...)                                                               \
  PLINTH_TRY_ASSIGN_IMPL_(PLINTH_TRY_CONCAT_(plinth_try_a_, __LINE__), decl, __VA_ARGS__)
#define PLINTH_TRY_ASSIGN_IMPL_(tmp, decl, ...)                                                    \
  auto tmp = (__VA_ARGS__);                                                                        \
  if (!tmp) {                                                                                      \
    return ::plinth::Unexpected{std::move(tmp.error())};                                           \
  }                                                                                                \
  decl = std::move(*tmp)
#define PLINTH_TRY_CONCAT_(a, b) PLINTH_TRY_CONCAT_INNER_(a, b)
#define PLINTH_TRY_CONCAT_INNER_(a, b) a##b
