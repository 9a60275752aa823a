// SPDX-License-Identifier: Apache-2.0
// Signal handling for the supervisor: every asynchronous signal is blocked and read from a
// signalfd, so the event loop never runs code inside a handler and never misses one.
#pragma once

#include <string>
#include <string_view>

namespace plinth::init {

// "TERM", "SIGTERM" or "15" -> 15; 0 when unknown.
int signal_from_name(std::string_view name);
// 15 -> "SIGTERM"; "SIG<n>" for unnamed numbers.
std::string signal_name(int sig);

// Blocks the signals the supervisor handles, ignores the job-control ones and SIGPIPE, and
// returns a non-blocking, close-on-exec signalfd (or -1 with errno set).
int setup_signalfd();

// Signals the process group led by pid. A child that has not reached setsid() yet has no
// group of its own, so fall back to the pid itself: the signal stays pending (blocked in the
// child until it resets its mask) and is delivered before exec.
void signal_group(int pid, int sig);

// Reads one pending signal from the signalfd; 0 when none is left.
int read_signal(int fd);

// In a freshly forked child: restores default dispositions and an empty signal mask so the
// service starts with clean signal state (ignored dispositions survive exec otherwise).
void reset_signals_in_child();

} // namespace plinth::init
