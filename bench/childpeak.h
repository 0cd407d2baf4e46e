#pragma once

// The peak resident memory of a program run to its end, as its own (private to the bench).
//
// Why not wait4's ru_maxrss: at exec, Linux carries the old memory's high-water mark into the
// process's maxrss, and a child's old memory at exec is its parent's: all of it with vfork (as
// posix_spawn does), so ru_maxrss is at least the parent's peak; a copy with fork, whose mark
// is the parent's resident memory at the fork. Either way not the program's own. Here the child is
// traced instead (PTRACE_TRACEME before exec, with PTRACE_O_TRACEEXIT): at its exit stop its memory
// is still there, and VmHWM in /proc/<pid>/status is the peak of the memory the program itself had
// since its exec. Only the child is traced: its own children and threads are not (no
// PTRACE_O_TRACEFORK/CLONE); the signals it receives are passed on. When tracing is refused (a
// seccomp filter, Yama's ptrace_scope 3) or the exit stop never comes (the child died by SIGKILL),
// the figure is wait4's ru_maxrss, and `exact` false says it is only an upper bound.

#include <QByteArray>
#include <QList>

#include <chrono>

namespace twinrun::bench {

struct ChildPeak {
    bool started = false; // false: the program could not be run (fork or exec failed)
    double peakRssMb = -1;
    bool exact = false;  // the child's own VmHWM at its exit; false: ru_maxrss, an upper bound
    int exitStatus = -1; // the exit code, or 128 + the signal that ended it
};

// Runs program with args (program is argv[0] and the path executed) with its stdout and stderr
// on /dev/null, waits for it to end and measures its peak. After timeout the child is
// killed (SIGKILL; its exitStatus is then 137 and the peak an upper bound). Blocks the caller.
ChildPeak runToPeak(const QByteArray& program, const QList<QByteArray>& args,
                    std::chrono::milliseconds timeout);

} // namespace twinrun::bench
