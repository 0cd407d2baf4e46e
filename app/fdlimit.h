#pragma once

#include <QString>

namespace twinrun {

// File descriptors, before anything else runs. Every running process worker holds about four
// (its pipes and its pidfd), every thread and event loop one (its wakeup), so the soft limit is
// raised to the hard one: with the usual 1024, 250 process workers would not start. Qt (and
// GLib) abort when an event loop cannot get its wakeup descriptor, so an app started with too
// few of them stops first, with one line, instead of crashing.
inline constexpr int kMinFreeFileDescriptors = 24; // a `run --as both` needs about 17

// Raises the soft RLIMIT_NOFILE to the hard limit. Returns "" when at least
// kMinFreeFileDescriptors are free afterwards, else the line to print (no newline):
// "twinrun: too few file descriptors (ulimit -n 6): 3 free, need at least 24 free".
QString prepareFileDescriptors();

} // namespace twinrun
