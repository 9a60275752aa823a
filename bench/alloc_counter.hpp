// SPDX-License-Identifier: Apache-2.0
// Heap accounting for lint_bench: the bench binary replaces global operator new/delete
// (alloc_counter.cpp) so one pass of a benchmark can report its own heap peak —
// getrusage's ru_maxrss only ever grows over the whole process. Counting is off outside
// measure_peak(), so timed iterations pay nothing for it.
#pragma once

#include <cstddef>
#include <functional>

namespace plinth::bench {

// Runs `pass` once with counting on; returns the highest heap bytes it held at once
// (malloc_usable_size of live blocks) above what was live before it.
std::size_t measure_peak(const std::function<void()>& pass);

} // namespace plinth::bench
