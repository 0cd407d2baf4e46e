#pragma once

#include <twinrun/resourceusage.h>
#include <twinrun/status.h>

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <cstdint>
#include <deque>
#include <optional>
#include <span>

class QProcess;
class QSocketNotifier;
class QTimer;

namespace twinrun {

// What the fork server reports about one launch, to whoever asked for it (a process worker).
// After forkExited() or forkFailed() nothing more comes.
class ForkListener {
public:
    virtual void forkStarted(qint64 pid) = 0;
    // usage: the child's rusage, from the server's wait4.
    virtual void forkExited(int waitStatus, const ResourceUsage& usage) = 0;
    // The fork failed, or the server ended or stopped answering; error says which and why.
    // A child already started is gone too: it dies with its server (PR_SET_PDEATHSIG).
    virtual void forkFailed(const QString& error) = 0;

protected:
    ~ForkListener() = default;
};

// The forkserver start method, like Python's: the app's side. The server is the worker program
// run with forkwire::kServerFlag (its loop: forkserverloop.h; the wire: forkwire.h); it is
// started on first use, and again on the next launch after it ended for any reason.
//
// One per program, living in the thread that first used it, which must live as long as the
// app (the main thread: see ProcessWorker about PR_SET_PDEATHSIG).
//
// It never blocks the thread it lives in: requests are queued and written when the socket is
// writable (QSocketNotifier), replies are read as they come. At most kMaxQueuedRequests wait to
// be written; more launches are refused. A server that answers nothing for kAnswerTimeoutMs
// while requests wait (stopped, or stuck) is killed with its children: every open launch fails
// with the reason, and the next launch starts a new server. join() waits through
// waitForActivity(), which has a limit too.
class ForkServer : public QObject {
    Q_OBJECT
public:
    static constexpr int kAnswerTimeoutMs = 5000;
    static constexpr qsizetype kMaxQueuedRequests = 4096;

    static ForkServer* instance();
    ~ForkServer() override;

    // Asks for a fork running the spec (JSON) with stdout and stderr on the given pipe write
    // ends, which this takes: they are closed once sent, or at once on an error. The listener
    // hears about it until its final report or forget(). Returns the request's id (never 0).
    Status launch(const QByteArray& spec, int stdoutFd, int stderrFd, ForkListener* listener,
                  std::uint64_t* id);
    // Sends the signal to the child of launch id, if the server still owns it: a child already
    // reaped is not signalled, so its reused pid never is.
    void signal(std::uint64_t id, int signal);
    // Stops reporting about launch id (its listener is going away).
    void forget(std::uint64_t id);
    // For join(): waits up to msecs for the server or one of fds to be ready, then handles the
    // server's side (replies, queued requests, its timeouts). Reports arrive from here.
    void waitForActivity(int msecs, std::span<const int> fds);

private:
    struct Outgoing {
        QByteArray bytes;
        int fds[2] = {-1, -1}; // sent with the first byte, then closed
        qsizetype sent = 0;
    };
    struct Open {
        ForkListener* listener = nullptr;
        quint64 generation = 0;
    };
    enum class Ending { Wait, Kill };

    ForkServer();
    Status ensureRunning();
    void enqueue(Outgoing outgoing);
    void flush();
    bool receive(); // reads what has come into m_in; false at its end
    void onReadable();
    void dispatch();
    void checkAnswers();
    void connectionLost(const std::optional<QString>& why, Ending ending);
    void failGeneration(quint64 generation, const QString& why);

    QProcess* m_process = nullptr;
    quint64 m_generation = 0;
    int m_socket = -1;
    QSocketNotifier* m_readNotifier = nullptr;
    QSocketNotifier* m_writeNotifier = nullptr;
    QTimer* m_watchdog = nullptr;
    QByteArray m_in;
    std::deque<Outgoing> m_queue;
    std::uint64_t m_nextId = 1;
    QHash<std::uint64_t, Open> m_open; // launches not yet Exited or Failed
    int m_unanswered = 0;              // requests of this server without an answer yet
    QElapsedTimer m_lastHeard;
    QString m_lastLoss;
    QList<QProcess*> m_retiring; // ended servers, until their process is reaped
};

} // namespace twinrun
