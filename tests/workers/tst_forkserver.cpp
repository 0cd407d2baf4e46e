#include "proctools.h"
#include "sanitized.h"
#include "testmain.h"
#include "testvalues.h"
#include "workerrecorder.h"
#include <twinrun/worker.h>
#include <twinrun/workerfactory.h>

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <csignal>
#include <memory>
#include <vector>

#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace twinrun;
using State = Worker::State;

namespace {

constexpr int kTimeout = 60000;
// ForkServer::kAnswerTimeoutMs: how long a silent server is given before it is replaced.
constexpr int kAnswerTimeoutMs = 5000;

// Specs for the fork server unless said otherwise.
WorkerSpec spec(const QString& target, Value::Items args = {},
                StartMethod method = StartMethod::ForkServer)
{
    return testvalues::workerSpec(target, std::move(args), method);
}

std::unique_ptr<Worker> forked(const QString& target, Value::Items args = {})
{
    return std::unique_ptr<Worker>(createWorker(Backend::Process, spec(target, std::move(args))));
}

// A line of /proc/PID/status, such as SigIgn (the ignored signals' mask).
QByteArray statusField(qint64 pid, const QByteArray& field)
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith(field + ':'))
            return line;
    }
    return {};
}

QByteArray commandLine(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The live fork server among parent's children, or -1.
qint64 forkServerOf(qint64 parent)
{
    for (qint64 pid : proctools::childrenOf(parent)) {
        if (proctools::isRunning(pid) && commandLine(pid).contains("--twinrun-forkserver"))
            return pid;
    }
    return -1;
}

// Starts the worker and waits until it runs; the caller checks QTest::currentTestFailed().
void startRunning(Worker* w)
{
    QVERIFY(w->start());
    QTRY_COMPARE_WITH_TIMEOUT(w->state(), State::Running, kTimeout);
}
#define START_RUNNING(w)                                                                           \
    do {                                                                                           \
        startRunning(w);                                                                           \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

// True once a fork-server worker runs the target to its end: the server serves.
bool serverServes()
{
    std::unique_ptr<Worker> w = forked(QStringLiteral("noop"));
    return w->start() && w->join(kTimeout) && w->state() == State::Finished;
}

} // namespace

// The forkserver start method under stress and failure: README, "Parity choices" and
// workers/forkserver.h.
class TstForkServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // However this test was started (ctest may ignore SIGINT), its children, and the fork
        // server started from here, get Ctrl-C's default: the test below relies on it.
        std::signal(SIGINT, SIG_DFL);
    }

    // A burst the server cannot keep up with: nothing blocks, every worker finishes.
    void thousandLaunchesInOneLoop()
    {
        constexpr int kWorkers = 1000;
        std::vector<std::unique_ptr<Worker>> workers;
        int finished = 0;
        for (int i = 0; i < kWorkers; ++i) {
            workers.push_back(forked(QStringLiteral("noop")));
            connect(workers.back().get(), &Worker::finished, this, [&finished] { ++finished; });
        }
        for (auto& w : workers)
            QVERIFY(w->start());
        QTRY_COMPARE_WITH_TIMEOUT(finished, kWorkers, 4 * kTimeout);
        for (auto& w : workers) {
            QCOMPARE(w->state(), State::Finished);
            QCOMPARE(w->exitCode(), std::optional<int>(0));
        }
        const qint64 server = forkServerOf(::getpid());
        QVERIFY(server > 0);
        QTRY_COMPARE_WITH_TIMEOUT(proctools::childrenOf(server).size(), 0, kTimeout); // reaped
    }

    // Ctrl-C reaches the whole process group: the server stays, the child gets it as a
    // spawned child does.
    void serverOutlivesTheTerminalsSignals()
    {
        std::unique_ptr<Worker> sleeper = forked(QStringLiteral("sleep"), {Value::fromFloat(60)});
        WorkerRecorder rec(sleeper.get());
        START_RUNNING(sleeper.get());
        const qint64 server = proctools::parentOf(sleeper->pid());
        QCOMPARE(server, forkServerOf(::getpid()));
        for (int signal : {SIGINT, SIGTERM, SIGQUIT, SIGHUP})
            QCOMPARE(::kill(static_cast<pid_t>(server), signal), 0);
        QVERIFY(serverServes());
        QVERIFY(proctools::isRunning(server));
        QCOMPARE(sleeper->state(), State::Running);

        // The spawned child's signal state is what the forked one must reach: it is read first,
        // and the forked child is given time to take it, since Running is reported as soon as
        // the server has forked, before the child has restored the app's dispositions (a
        // signal sent meanwhile is held blocked, not lost: the SIGINT below checks that too).
        const auto signalState = [](qint64 pid) {
            QByteArrayList state;
            for (const char* field : {"SigIgn", "SigBlk", "SigCgt"})
                state << statusField(pid, field);
#ifdef TWINRUN_SANITIZED
            // A sanitizer runtime catches signals of its own in a freshly started program:
            // compare what TwinRun sets, the ignored and blocked ones.
            state.removeLast();
#endif
            return state;
        };
        QByteArrayList spawned;
        for (StartMethod method : {StartMethod::Spawn, StartMethod::ForkServer}) {
            std::unique_ptr<Worker> w(createWorker(
                Backend::Process, spec(QStringLiteral("sleep"), {Value::fromFloat(60)}, method)));
            WorkerRecorder wrec(w.get());
            START_RUNNING(w.get());
            if (method == StartMethod::Spawn)
                spawned = signalState(w->pid());
            else
                QTRY_COMPARE_WITH_TIMEOUT(signalState(w->pid()), spawned, kTimeout);
            QCOMPARE(::kill(static_cast<pid_t>(w->pid()), SIGINT), 0);
            QTRY_COMPARE_WITH_TIMEOUT(wrec.finishedCount, 1, kTimeout);
            QCOMPARE(w->state(), State::Crashed);
            QCOMPARE(w->exitCode(), std::optional<int>(-SIGINT));
        }
        QVERIFY(sleeper->kill());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QCOMPARE(sleeper->state(), State::Killed);
    }

    // The CLI in a process group of its own, as a shell runs it, gets Ctrl-C or a group
    // SIGTERM: it exits 130 / 143, every time.
    void cliExitsAsSignalledWithForkServer_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGTERM") << int(SIGTERM);
    }
    void cliExitsAsSignalledWithForkServer()
    {
        QFETCH(int, signal);
        const QString binary = qEnvironmentVariable("TWINRUN_BINARY");
        if (binary.isEmpty())
            QSKIP("TWINRUN_BINARY is not set (run through ctest)");
        for (int run = 0; run < 3; ++run) {
            QProcess cli;
            cli.setProgram(binary);
            cli.setArguments(
                {"run", "sleep", "60", "--as", "process", "--start-method", "forkserver"});
            cli.setChildProcessModifier([] {
                ::setpgid(0, 0);
                ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            });
            cli.start();
            QVERIFY(cli.waitForStarted(kTimeout));
            const qint64 pid = cli.processId();
            QTRY_VERIFY_WITH_TIMEOUT(forkServerOf(pid) > 0 &&
                                         !proctools::childrenOf(forkServerOf(pid)).isEmpty(),
                                     kTimeout);
            QCOMPARE(::kill(-static_cast<pid_t>(pid), signal), 0);
            QVERIFY(cli.waitForFinished(kTimeout));
            QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
            QCOMPARE(cli.exitCode(), 128 + signal);
        }
    }

    void killedServerEndsItsWorkersClearly()
    {
        std::unique_ptr<Worker> w = forked(QStringLiteral("sleep"), {Value::fromFloat(60)});
        WorkerRecorder rec(w.get());
        START_RUNNING(w.get());
        const qint64 server = proctools::parentOf(w->pid());
        QCOMPARE(::kill(static_cast<pid_t>(server), SIGKILL), 0);
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QCOMPARE(w->state(), State::Crashed);
        QCOMPARE(w->exitCode(), std::optional<int>(-SIGKILL));
        QVERIFY2(
            w->errorString().contains(QStringLiteral("the fork server ended (killed by SIGKILL)")),
            qPrintable(w->errorString()));
        QVERIFY(serverServes()); // a new server
        QVERIFY(forkServerOf(::getpid()) != server);
    }

    // A server that stops reading must not freeze the app: the launch fails in bounded time,
    // the server is replaced.
    void stoppedServerFailsLaunchesInBoundedTime()
    {
        std::unique_ptr<Worker> sleeper = forked(QStringLiteral("sleep"), {Value::fromFloat(60)});
        WorkerRecorder sleeperRec(sleeper.get());
        START_RUNNING(sleeper.get());
        const qint64 server = proctools::parentOf(sleeper->pid());
        QCOMPARE(::kill(static_cast<pid_t>(server), SIGSTOP), 0);
        QTRY_COMPARE_WITH_TIMEOUT(proctools::state(server), 'T', kTimeout);

        std::unique_ptr<Worker> w = forked(QStringLiteral("noop"));
        WorkerRecorder rec(w.get());
        QElapsedTimer clock;
        clock.start();
        QVERIFY(w->start());
        QVERIFY(clock.elapsed() < kAnswerTimeoutMs); // start() itself never waits on the server
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, 4 * kAnswerTimeoutMs);
        QCOMPARE(w->state(), State::FailedToStart);
        QVERIFY2(w->errorString().contains(QStringLiteral("did not answer")),
                 qPrintable(w->errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(sleeperRec.finishedCount, 1, kTimeout);
        QCOMPARE(sleeper->state(), State::Crashed);
        QVERIFY(!sleeper->errorString().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(proctools::state(server), char(0), kTimeout); // killed, reaped
        QVERIFY(serverServes());
    }

    // Python's terminate() may be called again and again; the SIGKILL still comes on time.
    void repeatedTerminateDoesNotPutOffTheKill_data()
    {
        QTest::addColumn<int>("method");
        QTest::newRow("spawn") << int(StartMethod::Spawn);
        QTest::newRow("forkserver") << int(StartMethod::ForkServer);
    }
    void repeatedTerminateDoesNotPutOffTheKill()
    {
        QFETCH(int, method);
        constexpr int kGraceMs = 1000;
        constexpr int kRepeatForMs = 10000;
        std::unique_ptr<Worker> w(
            createWorker(Backend::Process, spec(QStringLiteral("stubborn"), {Value::fromFloat(60)},
                                                static_cast<StartMethod>(method))));
        w->setTerminateGraceMs(kGraceMs);
        WorkerRecorder rec(w.get());
        QVERIFY(w->start());
        QTRY_VERIFY_WITH_TIMEOUT(rec.out.startsWith("ignoring"), kTimeout);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(w->terminate());
        QTimer again;
        connect(&again, &QTimer::timeout, this, [&] {
            if (w->isAlive() && clock.elapsed() < kRepeatForMs)
                QVERIFY(w->terminate());
        });
        again.start(100);
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(w->state(), State::Killed);
        QVERIFY2(elapsed >= kGraceMs, qPrintable(QString::number(elapsed)));
        QVERIFY2(elapsed < kRepeatForMs / 2, qPrintable(QString::number(elapsed)));
    }

    // terminate() and kill() after the server reaped the child, while the app has not heard
    // yet, must not reach a new process that got the same pid.
    void signalsNeverReachAReusedPid()
    {
        std::unique_ptr<Worker> w = forked(QStringLiteral("sleep"), {Value::fromFloat(60)});
        WorkerRecorder rec(w.get());
        START_RUNNING(w.get());
        const pid_t pid = static_cast<pid_t>(w->pid());
        QCOMPARE(::kill(pid, SIGKILL), 0);
        // No events processed from here on: the worker cannot know yet (so no QTRY_*, which
        // would let it hear the server's reply). The exit is awaited on the child's pidfd; the
        // server reaps it a moment later, which has no event of its own outside the server: a
        // short look at /proc until then, bounded by the deadline.
        QVERIFY(proctools::awaitExit(pid, kTimeout));
        const QDeadlineTimer deadline(kTimeout);
        while (proctools::state(pid) != 0 && !deadline.hasExpired())
            QThread::yieldCurrentThread();
        QCOMPARE(proctools::state(pid), char(0)); // reaped by the server
        const pid_t stranger = forkWithPid(pid);
        if (stranger <= 0)
            QSKIP("cannot make a process with the reaped pid (needs ns_last_pid)");
        QCOMPARE(w->state(), State::Running);
        QVERIFY(w->terminate());
        QVERIFY(w->kill());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QVERIFY(serverServes()); // requests are handled in order: the signals were too
        int status = 0;
        const pid_t reaped = ::waitpid(stranger, &status, WNOHANG);
        ::kill(stranger, SIGKILL);
        ::waitpid(stranger, nullptr, 0);
        QCOMPARE(reaped, 0); // the stranger was still running
    }

private:
    // A child of this test with the given pid (free now), through ns_last_pid; -1 on failure.
    static pid_t forkWithPid(pid_t wanted)
    {
        for (int attempt = 0; attempt < 50; ++attempt) {
            QFile last(QStringLiteral("/proc/sys/kernel/ns_last_pid"));
            if (!last.open(QIODevice::WriteOnly) || last.write(QByteArray::number(wanted - 1)) < 0)
                return -1;
            last.close();
            const pid_t child = ::fork();
            if (child == 0) {
                ::prctl(PR_SET_PDEATHSIG, SIGKILL);
                for (;;)
                    ::pause();
            }
            if (child == wanted)
                return child;
            if (child > 0) {
                ::kill(child, SIGKILL);
                ::waitpid(child, nullptr, 0);
            }
        }
        return -1;
    }
};

TWINRUN_TEST_MAIN(TstForkServer)
#include "tst_forkserver.moc"
