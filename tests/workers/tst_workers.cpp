#include "testmain.h"
#include "testvalues.h"
#include "threadworker.h"
#include "workerrecorder.h"
#include <twinrun/target.h>
#include <twinrun/workercontext.h>
#include <twinrun/workerfactory.h>
#include <twinrun/workerprogram.h>

#include <QRegularExpression>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <memory>

#include <unistd.h>

using namespace twinrun;
using State = Worker::State;

Q_DECLARE_METATYPE(twinrun::Backend)
Q_DECLARE_METATYPE(twinrun::StartMethod)
Q_DECLARE_METATYPE(twinrun::Value)

namespace {

constexpr int kTimeout = 20000;

// A thread-only test target: tells the test it is about to return, then ends with exit code 3
// without ever looking at stop requests.
QSemaphore returning;
const bool registered = [] {
    Target t;
    t.name = QStringLiteral("test_exit_3_when_told");
    t.run = [](WorkerContext&, const BoundArgs&) -> int {
        returning.release();
        return 3;
    };
    TargetRegistry::instance().add(t);
    return true;
}();

using namespace testvalues;

bool pidExists(qint64 pid)
{
    return ::kill(static_cast<pid_t>(pid), 0) == 0;
}

} // namespace

class TstWorkers : public QObject {
    Q_OBJECT

private:
    // The backends, as data columns: a thread, and a process with each start method.
    void addBackends()
    {
        QTest::addColumn<Backend>("backend");
        QTest::addColumn<StartMethod>("startMethod");
        QTest::newRow("thread") << Backend::Thread << StartMethod::Spawn;
        QTest::newRow("process spawn") << Backend::Process << StartMethod::Spawn;
        QTest::newRow("process forkserver") << Backend::Process << StartMethod::ForkServer;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(registered); }

    void seedExample_data() { addBackends(); }
    void seedExample()
    {
        QFETCH(Backend, backend);
        QFETCH(StartMethod, startMethod);
        std::unique_ptr<Worker> w(createWorker(
            backend, testvalues::workerSpec("faz_algo", {i(1), f(1.5), s("Edson")}, startMethod)));
        WorkerRecorder rec(w.get());
        QCOMPARE(w->state(), State::Created);
        QVERIFY(!w->isAlive());
        QVERIFY(!w->exitCode());
        QVERIFY(w->start());
        QVERIFY(w->isAlive());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QCOMPARE(rec.states, (QList<State>{State::Starting, State::Running, State::Finished}));
        QCOMPARE(rec.startedCount, 1);
        QCOMPARE(rec.out, kSeedOutput);
        QCOMPARE(rec.err, QByteArray());
        QCOMPARE(w->exitCode(), std::optional<int>(0));
        QVERIFY(!w->isAlive());
        QVERIFY(w->ident() != 0);
        QVERIFY(w->nativeId() != 0);
        if (backend == Backend::Thread) {
            QCOMPARE(w->pid(), qint64(::getpid()));
            QVERIFY(w->nativeId() != ::getpid());
        } else {
            QVERIFY(w->pid() != ::getpid());
            QCOMPARE(qint64(w->ident()), w->pid());
        }
        QVERIFY(!rec.outputAfterFinished);
        QVERIFY(w->durationNs() > 0);
    }

    void defaultNames()
    {
        std::unique_ptr<Worker> t(
            createWorker(Backend::Thread, testvalues::workerSpec("count", {i(1)})));
        QVERIFY(QRegularExpression(QStringLiteral("^Thread-\\d+ \\(count\\)$"))
                    .match(t->name())
                    .hasMatch());
        std::unique_ptr<Worker> p(
            createWorker(Backend::Process, testvalues::workerSpec("count", {i(1)})));
        QVERIFY(QRegularExpression(QStringLiteral("^Process-\\d+$")).match(p->name()).hasMatch());
        WorkerSpec named = testvalues::workerSpec("count", {i(1)});
        named.name = QStringLiteral("mine");
        std::unique_ptr<Worker> n(createWorker(Backend::Process, named));
        QCOMPARE(n->name(), QStringLiteral("mine"));
    }

    void startTwiceIsRefused_data() { addBackends(); }
    void startTwiceIsRefused()
    {
        QFETCH(Backend, backend);
        QFETCH(StartMethod, startMethod);
        std::unique_ptr<Worker> w(
            createWorker(backend, testvalues::workerSpec("count", {i(2)}, startMethod)));
        WorkerRecorder rec(w.get());
        QVERIFY(w->start());
        const Status again = w->start();
        QVERIFY(!again);
        QVERIFY2(again.message().contains(QStringLiteral("can only be started once")),
                 qPrintable(again.message()));
        QVERIFY(w->join(kTimeout));
        QCOMPARE(rec.finishedCount, 1);
        QVERIFY(!w->start());
        QCOMPARE(w->state(), State::Finished);
        QCOMPARE(rec.finishedCount, 1);
        QCOMPARE(rec.out, QByteArray("1\n2\n"));
    }

    void daemonOnlyBeforeStart_data() { addBackends(); }
    void daemonOnlyBeforeStart()
    {
        QFETCH(Backend, backend);
        QFETCH(StartMethod, startMethod);
        std::unique_ptr<Worker> w(
            createWorker(backend, testvalues::workerSpec("count", {i(1)}, startMethod)));
        QVERIFY(!w->isDaemon());
        QVERIFY(w->setDaemon(true));
        QVERIFY(w->isDaemon());
        QVERIFY(w->start());
        const Status late = w->setDaemon(false);
        QVERIFY(!late);
        QVERIFY(late.message().contains(QStringLiteral("daemon")));
        QVERIFY(w->isDaemon());
        QVERIFY(w->join(kTimeout));
    }

    void joinRules_data() { addBackends(); }
    void joinRules()
    {
        QFETCH(Backend, backend);
        QFETCH(StartMethod, startMethod);
        std::unique_ptr<Worker> w(
            createWorker(backend, testvalues::workerSpec("sleep", {f(30)}, startMethod)));
        WorkerRecorder rec(w.get());
        const Status early = w->join(10);
        QVERIFY(!early);
        QVERIFY(early.message().contains(QStringLiteral("before it is started")));
        QVERIFY(w->start());
        QVERIFY(!w->join(50));
        QVERIFY(w->isAlive());
        QVERIFY(w->terminate());
        QVERIFY(w->join(kTimeout));
        QVERIFY(!w->isAlive());
        QCOMPARE(w->state(), State::Terminated);
        QCOMPARE(rec.states, (QList<State>{State::Starting, State::Running, State::Terminated}));
        QCOMPARE(w->exitCode(), std::optional<int>(-SIGTERM));
        QCOMPARE(rec.finishedCount, 1);
        QCOMPARE(rec.out, QByteArray()); // interrupted before "slept" was printed
        QVERIFY(w->join(0));             // joining an ended worker is fine
    }

    void exitCodes_data()
    {
        QTest::addColumn<Backend>("backend");
        QTest::addColumn<StartMethod>("startMethod");
        QTest::addColumn<QString>("target");
        QTest::addColumn<Value::Items>("args");
        QTest::addColumn<State>("state");
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("err");
        const struct {
            const char* name;
            Backend backend;
            StartMethod startMethod;
        } backends[] = {{"thread", Backend::Thread, StartMethod::Spawn},
                        {"process spawn", Backend::Process, StartMethod::Spawn},
                        {"process forkserver", Backend::Process, StartMethod::ForkServer}};
        for (const auto& [n, backend, method] : backends) {
            // Rows start with the backend and its start method.
            auto row = [&](const char* what) -> QTestData& {
                return QTest::addRow("%s %s", n, what) << backend << method;
            };
            row("exit 0") << "exit" << Value::Items{i(0)} << State::Finished << 0 << QByteArray();
            row("exit 7") << "exit" << Value::Items{i(7)} << State::Failed << 7 << QByteArray();
            row("exit 256") << "exit" << Value::Items{i(256)} << State::Finished << 0
                            << QByteArray();
            row("exit -1") << "exit" << Value::Items{i(-1)} << State::Failed << 255 << QByteArray();
            row("fail") << "fail" << Value::Items{} << State::Failed << 1
                        << QByteArray("RuntimeError: failure\n");
            row("fail msg") << "fail" << Value::Items{s("boom ção")} << State::Failed << 1
                            << QByteArray("RuntimeError: boom ção\n");
        }
    }
    void exitCodes()
    {
        QFETCH(Backend, backend);
        QFETCH(StartMethod, startMethod);
        QFETCH(QString, target);
        QFETCH(Value::Items, args);
        QFETCH(State, state);
        QFETCH(int, code);
        QFETCH(QByteArray, err);
        std::unique_ptr<Worker> w(
            createWorker(backend, testvalues::workerSpec(target, args, startMethod)));
        WorkerRecorder rec(w.get());
        QVERIFY(w->start());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QCOMPARE(w->state(), state);
        QCOMPARE(w->exitCode(), std::optional<int>(code));
        QCOMPARE(rec.err, err);
    }

    void crashInProcess_data()
    {
        QTest::addColumn<StartMethod>("startMethod");
        QTest::addColumn<QString>("how");
        QTest::addColumn<int>("signal");
        for (StartMethod m : {StartMethod::Spawn, StartMethod::ForkServer}) {
            const QByteArray method = startMethodName(m).toUtf8();
            QTest::addRow("segv %s", method.constData()) << m << "segv" << SIGSEGV;
            QTest::addRow("abort %s", method.constData()) << m << "abort" << SIGABRT;
        }
    }
    void crashInProcess()
    {
        QFETCH(StartMethod, startMethod);
        QFETCH(QString, how);
        QFETCH(int, signal);
        std::unique_ptr<Worker> w(createWorker(
            Backend::Process, testvalues::workerSpec("crash", {Value::fromStr(how)}, startMethod)));
        WorkerRecorder rec(w.get());
        QVERIFY(w->start());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QCOMPARE(w->state(), State::Crashed);
        QCOMPARE(w->exitCode(), std::optional<int>(-signal));
        QCOMPARE(rec.states, (QList<State>{State::Starting, State::Running, State::Crashed}));
    }

    void crashAsThreadIsRefused()
    {
        std::unique_ptr<Worker> w(createWorker(Backend::Thread, testvalues::workerSpec("crash")));
        WorkerRecorder rec(w.get());
        const Status st = w->start();
        QVERIFY(!st);
        QVERIFY2(st.message().contains(QStringLiteral("whole app")), qPrintable(st.message()));
        QCOMPARE(w->state(), State::FailedToStart);
        QCOMPARE(rec.states, QList<State>{State::FailedToStart}); // never Starting
        QCOMPARE(rec.finishedCount, 1);
        QCOMPARE(rec.startedCount, 0);
        QVERIFY(!w->exitCode());
        QCOMPARE(w->errorString(), st.message());
    }

    void badArgumentsFailToStart_data()
    {
        QTest::addColumn<Backend>("backend");
        QTest::addColumn<QString>("target");
        QTest::addColumn<Value::Items>("args");
        QTest::addColumn<QString>("error");
        for (Backend b : {Backend::Thread, Backend::Process}) {
            const char* n = b == Backend::Thread ? "thread" : "process";
            QTest::addRow("%s unknown", n)
                << b << "nope" << Value::Items{} << "unknown target 'nope' (known: faz_algo";
            QTest::addRow("%s missing", n) << b << "count" << Value::Items{}
                                           << "count() missing 1 required positional argument: 'n'";
            QTest::addRow("%s too many", n)
                << b << "count" << Value::Items{i(1), f(2), i(3)}
                << "count() takes from 1 to 2 positional arguments but 3 were given";
            QTest::addRow("%s type", n) << b << "count" << Value::Items{s("x")}
                                        << "count() argument 'n' must be int, not str ('x')";
            QTest::addRow("%s range", n) << b << "sleep" << Value::Items{f(-1)}
                                         << "sleep() argument 'seconds' must be >= 0, not -1.0";
        }
    }
    void badArgumentsFailToStart()
    {
        QFETCH(Backend, backend);
        QFETCH(QString, target);
        QFETCH(Value::Items, args);
        QFETCH(QString, error);
        WorkerSpec ws;
        ws.target = target;
        ws.args = args;
        std::unique_ptr<Worker> w(createWorker(backend, ws));
        WorkerRecorder rec(w.get());
        const Status st = w->start();
        QVERIFY(!st);
        QVERIFY2(st.message().startsWith(error), qPrintable(st.message()));
        QCOMPARE(w->state(), State::FailedToStart);
        QCOMPARE(rec.states, QList<State>{State::FailedToStart}); // a refused start: no Starting
        QCOMPARE(rec.finishedCount, 1);
        QCOMPARE(rec.startedCount, 0);
        QCOMPARE(w->errorString(), st.message());
    }

    void processThatCannotLaunch()
    {
        setWorkerProgram(QStringLiteral("/nonexistent/twinrun"));
        std::unique_ptr<Worker> w(
            createWorker(Backend::Process, testvalues::workerSpec("count", {i(1)})));
        WorkerRecorder rec(w.get());
        QVERIFY(w->start()); // accepted: the launch itself fails asynchronously
        setWorkerProgram(QString());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QCOMPARE(w->state(), State::FailedToStart);
        QCOMPARE(rec.states, (QList<State>{State::Starting, State::FailedToStart}));
        QCOMPARE(rec.startedCount, 0);
        QVERIFY(!w->exitCode());
        QVERIFY2(w->errorString().contains(QStringLiteral("/nonexistent/twinrun")),
                 qPrintable(w->errorString()));
    }

    void killProcess_data()
    {
        QTest::addColumn<StartMethod>("startMethod");
        QTest::newRow("spawn") << StartMethod::Spawn;
        QTest::newRow("forkserver") << StartMethod::ForkServer;
    }
    void killProcess()
    {
        QFETCH(StartMethod, startMethod);
        std::unique_ptr<Worker> w(
            createWorker(Backend::Process, testvalues::workerSpec("sleep", {f(30)}, startMethod)));
        WorkerRecorder rec(w.get());
        QVERIFY(w->start());
        QTRY_COMPARE_WITH_TIMEOUT(w->state(), State::Running, kTimeout);
        const qint64 pid = w->pid();
        QVERIFY(w->kill());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QCOMPARE(w->state(), State::Killed);
        QCOMPARE(rec.states, (QList<State>{State::Starting, State::Running, State::Killed}));
        QCOMPARE(w->exitCode(), std::optional<int>(-SIGKILL));
        QVERIFY(!pidExists(pid));
        QVERIFY(!w->kill());
        QVERIFY(!w->terminate());
    }

    void killThreadIsRefused()
    {
        std::unique_ptr<Worker> w(
            createWorker(Backend::Thread, testvalues::workerSpec("sleep", {f(30)})));
        WorkerRecorder rec(w.get());
        QVERIFY(w->start());
        const Status st = w->kill();
        QVERIFY(!st);
        QVERIFY2(st.message().contains(QStringLiteral("a thread cannot be killed")),
                 qPrintable(st.message()));
        QVERIFY(w->isAlive());
        QVERIFY(!w->stillRunningAfterStop());
        QVERIFY(w->terminate());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QCOMPARE(w->state(), State::Terminated);
    }

    void terminateWhileCounting_data() { addBackends(); }
    void terminateWhileCounting()
    {
        QFETCH(Backend, backend);
        QFETCH(StartMethod, startMethod);
        std::unique_ptr<Worker> w(createWorker(
            backend, testvalues::workerSpec("count", {i(1000), f(0.05)}, startMethod)));
        WorkerRecorder rec(w.get());
        QVERIFY(w->start());
        QTRY_VERIFY_WITH_TIMEOUT(rec.out.startsWith("1\n2\n"), kTimeout);
        QVERIFY(w->terminate());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QCOMPARE(w->state(), State::Terminated);
        QCOMPARE(rec.states, (QList<State>{State::Starting, State::Running, State::Terminated}));
        QCOMPARE(w->exitCode(), std::optional<int>(-SIGTERM));
        QVERIFY(!rec.out.contains("\n1000\n"));
    }

    // A thread that ignores terminate() and runs to its end reports how it ended, as a process
    // that ignores SIGTERM and exits would: Terminated would claim the request stopped it.
    void stubbornThreadReportsItsOwnEnd()
    {
        std::unique_ptr<Worker> w(
            createWorker(Backend::Thread, testvalues::workerSpec("stubborn", {f(0.5)})));
        WorkerRecorder rec(w.get());
        QVERIFY(w->start());
        QTRY_VERIFY_WITH_TIMEOUT(rec.out.startsWith("ignoring"), kTimeout);
        QVERIFY(w->terminate());
        QVERIFY(w->stillRunningAfterStop());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QVERIFY(!w->stillRunningAfterStop());
        QCOMPARE(w->state(), State::Finished);
        QCOMPARE(w->exitCode(), std::optional<int>(0));
        QCOMPARE(rec.out, QByteArray("ignoring stop requests for 0.5 seconds\ndone\n"));
        QCOMPARE(rec.states, (QList<State>{State::Starting, State::Running, State::Finished}));
    }

    // terminate() after the target returned but before this thread heard of its end: the
    // target's own exit code, not Terminated. This thread handles no event in between, so the
    // end notice is still queued when terminate() lands.
    void terminateAfterTheTargetReturned()
    {
        std::unique_ptr<Worker> w(
            createWorker(Backend::Thread, testvalues::workerSpec("test_exit_3_when_told")));
        WorkerRecorder rec(w.get());
        QVERIFY(w->start());
        QVERIFY(returning.tryAcquire(1, kTimeout));
        QVERIFY(w->isAlive());
        QVERIFY(w->terminate());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QCOMPARE(w->state(), State::Failed);
        QCOMPARE(w->exitCode(), std::optional<int>(3));
        QCOMPARE(rec.states, (QList<State>{State::Starting, State::Running, State::Failed}));
    }

    void threadOutputIsBatched()
    {
        std::unique_ptr<Worker> w(
            createWorker(Backend::Thread, testvalues::workerSpec("flood", {i(20000)})));
        WorkerRecorder rec(w.get());
        QVERIFY(w->start());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QCOMPARE(rec.out.count('\n'), 20000);
        QCOMPARE(rec.out.size(), 20000 * 41);
        QVERIFY2(rec.outputSignals < 200, qPrintable(QString::number(rec.outputSignals)));
        QVERIFY(rec.out.endsWith("20000...................................\n"));
    }

    // More output than a thread may keep pending: join() must keep taking it, or the target
    // (waiting for room) and join() (waiting for the target) would wait for each other.
    void joinDrainsABigFlood_data() { addBackends(); }
    void joinDrainsABigFlood()
    {
        QFETCH(Backend, backend);
        QFETCH(StartMethod, startMethod);
        std::unique_ptr<Worker> w(
            createWorker(backend, testvalues::workerSpec("flood", {i(300000)}, startMethod)));
        WorkerRecorder rec(w.get());
        QVERIFY(w->start());
        QVERIFY(w->join(60000));
        QCOMPARE(w->state(), State::Finished);
        QCOMPARE(rec.out.size(), qsizetype(300000) * 41);
        QCOMPARE(rec.finishedCount, 1);
    }

    // The texts Qt prints, as the test main's message handler must recognise them.
    void forbiddenWarningsAreRecognised_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("forbidden");
        QTest::newRow("QProcess") << "QProcess: Destroyed while process (\"x\") is still running."
                                  << true;
        QTest::newRow("QThread") << "QThread: Destroyed while thread is still running" << true;
        QTest::newRow("children")
            << "QObject: Cannot create children for a parent that is in a different thread.\n"
               "(Parent is QObject(0x1), parent's thread is QThread(0x2), current thread is "
               "QThread(0x3)"
            << true;
        QTest::newRow("timer") << "QObject::killTimer: Timers cannot be stopped from another thread"
                               << true;
        QTest::newRow("notifier")
            << "QSocketNotifier: Socket notifiers cannot be enabled or disabled from another "
               "thread"
            << true;
        QTest::newRow("queued") << "QObject::connect: Cannot queue arguments of type 'Foo'" << true;
        QTest::newRow("harmless") << "QSocketNotifier: Invalid socket specified" << false;
    }
    void forbiddenWarningsAreRecognised()
    {
        QFETCH(QString, message);
        QFETCH(bool, forbidden);
        QCOMPARE(twinrun::testing::isForbiddenWarning(message), forbidden);
    }

    void destroyRunningWorker_data() { addBackends(); }
    void destroyRunningWorker()
    {
        QFETCH(Backend, backend);
        QFETCH(StartMethod, startMethod);
        auto* w = createWorker(backend, testvalues::workerSpec("sleep", {f(30)}, startMethod));
        QVERIFY(w->start());
        QTRY_COMPARE_WITH_TIMEOUT(w->state(), State::Running, kTimeout);
        const qint64 pid = w->pid();
        QElapsedTimer clock;
        clock.start();
        delete w;
        QVERIFY2(clock.elapsed() < 1000, "destroying a running worker must not block");
        if (backend == Backend::Process)
            QTRY_VERIFY_WITH_TIMEOUT(!pidExists(pid), kTimeout);
    }
};

TWINRUN_TEST_MAIN(TstWorkers)
#include "tst_workers.moc"
