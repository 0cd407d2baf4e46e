#pragma once

#include <twinrun/twinrun_workers_export.h>

#include <QtGlobal>

namespace twinrun {

// What one worker costs, as a system monitor shows it. Every figure is -1 when not known
// (not measured for this backend, not running yet, or the process is gone).
//
// Process workers: the child's own CPU time, resident memory now and at its peak, threads and
// context switches. Thread workers: that thread's CPU time and context switches for this run
// only (warm threads are reused: the figures start at zero with each run); the memory figures
// are the whole app's, since a thread has none of its own, and memorySharedWithApp says so.
//
// exact: final figures from the kernel's rusage of the ended run (a process's wait4 or its own
// getrusage at exit; a thread's getrusage(RUSAGE_THREAD) as its target returns). Otherwise a
// sample read from /proc while it ran (the last one, for a process that died by a signal).
struct ResourceUsage {
    qint64 cpuUserUs = -1;
    qint64 cpuSystemUs = -1;
    // Share of one CPU: over the last sampling interval while running (set by the sampler,
    // twinrun::UsageSampler), over the whole run once ended. 100 = one CPU all the time.
    double cpuPercent = -1;
    qint64 rssKb = -1;     // now; for an ended process, -1 (it holds no memory any more)
    qint64 peakRssKb = -1; // the high-water mark
    int threads = -1;
    qint64 voluntarySwitches = -1;
    qint64 involuntarySwitches = -1;
    bool memorySharedWithApp = false;
    bool exact = false;

    bool isValid() const { return cpuUserUs >= 0; }
    qint64 cpuUs() const { return isValid() ? cpuUserUs + cpuSystemUs : -1; }
};

// Where a running worker's live figures are read (/proc). A plain value: read() may be called
// from any thread. A process is read by pid; a thread by its kernel tid in this process, minus
// the figures the thread had when its run began.
struct TWINRUN_WORKERS_EXPORT UsageProbe {
    enum class Kind { None, Process, Thread };
    Kind kind = Kind::None;
    qint64 id = 0; // pid or tid
    qint64 baseCpuUs = 0;
    qint64 baseVoluntary = 0;
    qint64 baseInvoluntary = 0;

    // Invalid (ResourceUsage::isValid() false) when there is nothing to read: Kind::None, or
    // the process or thread has ended. cpuPercent stays -1: a rate needs two reads.
    ResourceUsage read() const;
};

} // namespace twinrun
