#include "childpeak.h"

#include <twinrun/resourceusage.h>

#include <condition_variable>
#include <csignal>
#include <mutex>
#include <thread>
#include <vector>

#include <cerrno>
#include <fcntl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace twinrun::bench {

namespace {

// What the child writes on a close-on-exec pipe when its exec fails.
constexpr char kExecFailed = 'e';

// In the forked child: async-signal-safe calls only (the parent has threads).
[[noreturn]] void execTraced(const char* path, char* const* argv, int report)
{
    // Refused (seccomp, Yama): it runs untraced, and no exit stop will come.
    static_cast<void>(::ptrace(PTRACE_TRACEME, 0, nullptr, nullptr));
    const int null = ::open("/dev/null", O_WRONLY);
    if (null >= 0) {
        ::dup2(null, STDOUT_FILENO);
        ::dup2(null, STDERR_FILENO);
        if (null > STDERR_FILENO)
            ::close(null);
    }
    ::execve(path, argv, environ);
    static_cast<void>(::write(report, &kExecFailed, 1));
    ::_exit(127);
}

// SIGKILLs the child if it has not ended before the deadline. Through a pidfd: once the child
// is reaped, no other process that took its pid can be hit. (Raw syscalls: glibc 2.36's
// <sys/pidfd.h> lacks the C linkage C++ needs.)
class Watchdog {
public:
    Watchdog(pid_t pid, std::chrono::milliseconds timeout)
        : m_pidfd(int(::syscall(SYS_pidfd_open, pid, 0)))
        , m_thread([this, timeout] { watch(timeout); })
    {
    }
    ~Watchdog()
    {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_wake.notify_one();
        m_thread.join();
        if (m_pidfd >= 0)
            ::close(m_pidfd);
    }
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

private:
    void watch(std::chrono::milliseconds timeout)
    {
        std::unique_lock lock(m_mutex);
        if (!m_wake.wait_for(lock, timeout, [this] { return m_done; }) && m_pidfd >= 0)
            ::syscall(SYS_pidfd_send_signal, m_pidfd, SIGKILL, nullptr, 0);
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_done = false;
    int m_pidfd;
    std::thread m_thread; // last: starts once the rest is set
};

// A stop with a signal is either that signal's delivery (to pass on) or a group-stop, which has
// no siginfo (man 2 ptrace, "Group-stop").
bool isSignalDelivery(pid_t pid)
{
    siginfo_t info{};
    return ::ptrace(PTRACE_GETSIGINFO, pid, nullptr, &info) == 0;
}

// Follows the traced child to its end: lets it run on after each stop, passes its signals on,
// and reads its own peak at its exit stop. The wait status of its end, or -1.
int followToEnd(pid_t pid, rusage* usage, ChildPeak* peak)
{
    bool execStopSeen = false;
    for (;;) {
        int status = 0;
        if (::wait4(pid, &status, 0, usage) < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (!WIFSTOPPED(status))
            return status;
        const int event = status >> 16;
        const int signal = WSTOPSIG(status);
        int pass = 0;
        if (event == PTRACE_EVENT_EXIT) {
            const qint64 kb = UsageProbe{UsageProbe::Kind::Process, pid}.read().peakRssKb;
            if (kb >= 0) {
                peak->peakRssMb = kb / 1024.0;
                peak->exact = true;
            }
        } else if (!execStopSeen && event == 0 && signal == SIGTRAP) {
            // The SIGTRAP a PTRACE_TRACEME child gets after its exec: from now on its exit
            // (and any later exec) stops as an event instead.
            execStopSeen = true;
            ::ptrace(PTRACE_SETOPTIONS, pid, nullptr,
                     PTRACE_O_TRACEEXIT | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL);
        } else if (event == 0 && isSignalDelivery(pid)) {
            pass = signal;
        }
        // A group-stop is resumed as well: a traced child does not stay stopped by SIGSTOP.
        ::ptrace(PTRACE_CONT, pid, nullptr, pass);
    }
}

} // namespace

ChildPeak runToPeak(const QByteArray& program, const QList<QByteArray>& args,
                    std::chrono::milliseconds timeout)
{
    std::vector<char*> argv{const_cast<char*>(program.constData())};
    for (const QByteArray& a : args)
        argv.push_back(const_cast<char*>(a.constData()));
    argv.push_back(nullptr);
    int report[2];
    if (::pipe2(report, O_CLOEXEC) != 0)
        return {};
    const pid_t pid = ::fork();
    if (pid == 0)
        execTraced(program.constData(), argv.data(), report[1]);
    ::close(report[1]);
    if (pid < 0) {
        ::close(report[0]);
        return {};
    }
    ChildPeak result;
    rusage usage{};
    int status = -1;
    {
        const Watchdog watchdog(pid, timeout);
        status = followToEnd(pid, &usage, &result);
    }
    char note = 0;
    while (::read(report[0], &note, 1) < 0 && errno == EINTR) {
    }
    ::close(report[0]);
    if (status == -1 || note == kExecFailed)
        return {};
    result.started = true;
    result.exitStatus = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (!result.exact)
        result.peakRssMb = usage.ru_maxrss / 1024.0;
    return result;
}

} // namespace twinrun::bench
