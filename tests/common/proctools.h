#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>

#include <cerrno>

#include <poll.h>
#include <sys/syscall.h>
#include <unistd.h>

// Facts about processes read from Linux /proc, for tests about orphans, zombies and fds.
namespace proctools {

// The state letter of a process (R, S, Z, ...), or 0 when it does not exist.
inline char state(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && close + 2 < text.size() ? text.at(close + 2) : 0;
}

// Running means existing and not a zombie: a zombie has ended, only its entry is left.
inline bool isRunning(qint64 pid)
{
    const char s = state(pid);
    return s != 0 && s != 'Z' && s != 'X';
}

inline qint64 parentOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() : -1;
}

inline QList<qint64> childrenOf(qint64 parent)
{
    QList<qint64> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString& e : entries) {
        bool ok = false;
        const qint64 pid = e.toLongLong(&ok);
        if (ok && parentOf(pid) == parent)
            children << pid;
    }
    return children;
}

inline int zombieChildren()
{
    int zombies = 0;
    for (qint64 pid : childrenOf(::getpid()))
        zombies += state(pid) == 'Z' ? 1 : 0;
    return zombies;
}

inline qsizetype openFds()
{
    return QDir(QStringLiteral("/proc/self/fd"))
        .entryList(QDir::NoDotAndDotDot | QDir::AllEntries)
        .size();
}

// Waits up to msecs for the process to exit, on its pidfd (an event, not a polling loop);
// true once it has exited (it may still wait to be reaped). Linux 5.3 and later.
inline bool awaitExit(qint64 pid, int msecs)
{
    const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid_t(pid), 0));
    if (pidfd < 0)
        return state(pid) == 0 || state(pid) == 'Z'; // gone already (or no pidfd_open)
    pollfd pfd{pidfd, POLLIN, 0};
    int ready = -1;
    do {
        ready = ::poll(&pfd, 1, msecs);
    } while (ready < 0 && errno == EINTR);
    ::close(pidfd);
    return ready > 0;
}

} // namespace proctools
