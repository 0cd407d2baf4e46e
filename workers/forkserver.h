#pragma once

#include <twinrun/status.h>

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <cstdint>

class QProcess;
class QSocketNotifier;

namespace twinrun {

// The forkserver start method, like Python's: a long-lived helper process of ours (this same
// executable with the hidden flag kForkServerFlag), started on first use, single-threaded,
// with Qt already loaded. Each process worker is a fork of it, so a launch pays a fork
// instead of an exec and the loading of the Qt libraries.
//
// The wire, over a Unix stream socket pair:
//   request:  Request header + the spec's JSON bytes, with the worker's stdout and stderr
//             pipe ends attached (SCM_RIGHTS); the child gets /dev/null as stdin.
//   replies:  Reply records: Started (pid), Exited (raw wait status), Failed (errno).
// Lifetimes: the server gets SIGKILL when the thread that started it dies, and each child
// gets SIGKILL when the server dies (PR_SET_PDEATHSIG both), so nothing outlives the app.
inline constexpr char kForkServerFlag[] = "--twinrun-forkserver";

bool isForkServerInvocation(int argc, char** argv);
// The server's main loop: argv[2] is the socket fd, argv[3] the expected parent pid.
int runForkServer(int argc, char** argv);

namespace forkwire {
struct Request {
    std::uint32_t length = 0; // spec bytes that follow
    std::uint32_t reserved = 0;
    std::uint64_t id = 0;
};
struct Reply {
    enum Type : std::uint32_t { Started = 1, Exited = 2, Failed = 3 };
    std::uint32_t type = 0;
    std::int32_t value = 0; // Started: pid; Exited: raw wait status; Failed: errno
    std::uint64_t id = 0;
};
} // namespace forkwire

// The app's side: one per program, living in the thread that first used it (the main
// thread: see ProcessWorker about PR_SET_PDEATHSIG).
class ForkServer : public QObject {
    Q_OBJECT
public:
    static ForkServer* instance();
    ~ForkServer() override;

    // Asks for a fork running the spec with stdout/stderr on the given fds (not closed here).
    // Returns the request id, or an error when the server cannot be reached.
    Status launch(const QByteArray& spec, int stdoutFd, int stderrFd, std::uint64_t* id);
    // Blocks up to msecs for replies and dispatches them; used by join().
    void waitForReplies(int msecs);

Q_SIGNALS:
    void started(std::uint64_t id, qint64 pid);
    void exited(std::uint64_t id, int waitStatus);
    void failed(std::uint64_t id, const QString& error);

private:
    ForkServer();
    Status ensureRunning();
    void readReplies();
    void serverGone(const QString& why);

    QProcess* m_process = nullptr;
    int m_socket = -1;
    QSocketNotifier* m_notifier = nullptr;
    QByteArray m_partial;
    std::uint64_t m_nextId = 1;
    QHash<std::uint64_t, bool> m_open; // requests not yet Exited or Failed
};

} // namespace twinrun
