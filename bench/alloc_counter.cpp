// SPDX-License-Identifier: Apache-2.0
#include "alloc_counter.hpp"

#include <malloc.h>

#include <cstdlib>
#include <new>

namespace {

// Single-threaded benchmarks: plain globals. Blocks allocated before counting started and
// freed during it only lower `g_live`, so the peak is never overstated.
bool g_counting = false;
long long g_live = 0;
long long g_peak = 0;

void* counted_alloc(std::size_t n) {
  void* p = std::malloc(n == 0 ? 1 : n);
  if (p == nullptr) {
    throw std::bad_alloc();
  }
  if (g_counting) {
    g_live += static_cast<long long>(malloc_usable_size(p));
    g_peak = g_live > g_peak ? g_live : g_peak;
  }
  return p;
}

void counted_free(void* p) noexcept {
  if (g_counting && p != nullptr) {
    g_live -= static_cast<long long>(malloc_usable_size(p));
  }
  std::free(p);
}

} // namespace

void* operator new(std::size_t n) {
  return counted_alloc(n);
}
void* operator new[](std::size_t n) {
  return counted_alloc(n);
}
void operator delete(void* p) noexcept {
  counted_free(p);
}
void operator delete[](void* p) noexcept {
  counted_free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  counted_free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  counted_free(p);
}

namespace plinth::bench {

std::size_t measure_peak(const std::function<void()>& pass) {
  g_live = 0;
  g_peak = 0;
  g_counting = true;
  pass();
  g_counting = false;
  return static_cast<std::size_t>(g_peak);
}

} // namespace plinth::bench
