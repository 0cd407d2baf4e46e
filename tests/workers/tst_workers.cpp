#include "testmain.h"
#include "testvalues.h"
#include "threadworker.h"
#include "workerrecorder.h"
#include <twinrun/workerfactory.h>
#include <twinrun/workerprogram.h>

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <memory>

#include <unistd.h>

using namespace twinrun;
using State = Worker::State;

Q_DECLARE_METATYPE(twinrun::Backend)
Q_DECLARE_METATYPE(twinrun::Value)

namespace {

constexpr int kTimeout = 20000;

// Rows whose tag names the fork server run their process workers with that start method.
StartMethod currentStartMethod()
{
    const char* tag = QTest::currentDataTag();
    return tag && QByteArray(tag).contains("forkserver") ? StartMethod::ForkServer
                                                         : StartMethod::Spawn;
}

WorkerSpec spec(const QString& target, Value::Items args = {}, Kwargs kwargs = {})
{
    WorkerSpec s;
    s.target = target;
    s.args = std::move(args);
    s.kwargs = std::move(kwargs);
    s.startMethod = currentStartMethod();
    return s;
}

using namespace testvalues;

bool pidExists(qint64 pid)
{
    return ::kill(static_cast<pid_t>(pid), 0) == 0;
}

} // namespace

class TstWorkers : public QObject {
    Q_OBJECT

private:
    void addBackends()
    {
        QTest::addColumn<Backend>("backend");
        QTest::newRow("thread") << Backend::Thread;
        QTest::newRow("process") << Backend::Process;
        QTest::newRow("process forkserver") << Backend::Process;
    }

private Q_SLOTS:
    void seedExample_data() { addBackends(); }
    void seedExample()
    {
        QFETCH(Backend, backend);
        std::unique_ptr<Worker> w(
            createWorker(backend, spec("faz_algo", {i(1), f(1.5), s("Edson")})));
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
        std::unique_ptr<Worker> t(createWorker(Backend::Thread, spec("count", {i(1)})));
        QVERIFY(QRegularExpression(QStringLiteral("^Thread-\\d+ \\(count\\)$"))
                    .match(t->name())
                    .hasMatch());
        std::unique_ptr<Worker> p(createWorker(Backend::Process, spec("count", {i(1)})));
        QVERIFY(QRegularExpression(QStringLiteral("^Process-\\d+$")).match(p->name()).hasMatch());
        WorkerSpec named = spec("count", {i(1)});
        named.name = QStringLiteral("mine");
        std::unique_ptr<Worker> n(createWorker(Backend::Process, named));
        QCOMPARE(n->name(), QStringLiteral("mine"));
    }

    void startTwiceIsRefused_data() { addBackends(); }
    void startTwiceIsRefused()
    {
        QFETCH(Backend, backend);
        std::unique_ptr<Worker> w(createWorker(backend, spec("count", {i(2)})));
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
        std::unique_ptr<Worker> w(createWorker(backend, spec("count", {i(1)})));
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
        std::unique_ptr<Worker> w(createWorker(backend, spec("sleep", {f(30)})));
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
        QCOMPARE(w->exitCode(), std::optional<int>(-SIGTERM));
        QCOMPARE(rec.finishedCount, 1);
        QCOMPARE(rec.out, QByteArray()); // interrupted before "slept" was printed
        QVERIFY(w->join(0));             // joining an ended worker is fine
    }

    void exitCodes_data()
    {
        QTest::addColumn<Backend>("backend");
        QTest::addColumn<QString>("target");
        QTest::addColumn<Value::Items>("args");
        QTest::addColumn<State>("state");
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("err");
        for (const char* n : {"thread", "process", "process forkserver"}) {
            const Backend b = n[0] == 't' ? Backend::Thread : Backend::Process;
            QTest::addRow("%s exit 0", n)
                << b << "exit" << Value::Items{i(0)} << State::Finished << 0 << QByteArray();
            QTest::addRow("%s exit 7", n)
                << b << "exit" << Value::Items{i(7)} << State::Failed << 7 << QByteArray();
            QTest::addRow("%s exit 256", n)
                << b << "exit" << Value::Items{i(256)} << State::Finished << 0 << QByteArray();
            QTest::addRow("%s exit -1", n)
                << b << "exit" << Value::Items{i(-1)} << State::Failed << 255 << QByteArray();
            QTest::addRow("%s fail", n) << b << "fail" << Value::Items{} << State::Failed << 1
                                        << QByteArray("RuntimeError: failure\n");
            QTest::addRow("%s fail msg", n)
                << b << "fail" << Value::Items{s("boom ção")} << State::Failed << 1
                << QByteArray("RuntimeError: boom ção\n");
        }
    }
    void exitCodes()
    {
        QFETCH(Backend, backend);
        QFETCH(QString, target);
        QFETCH(Value::Items, args);
        QFETCH(State, state);
        QFETCH(int, code);
        QFETCH(QByteArray, err);
        std::unique_ptr<Worker> w(createWorker(backend, spec(target, args)));
        WorkerRecorder rec(w.get());
        QVERIFY(w->start());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QCOMPARE(w->state(), state);
        QCOMPARE(w->exitCode(), std::optional<int>(code));
        QCOMPARE(rec.err, err);
    }

    void crashInProcess_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<int>("signal");
        QTest::newRow("segv") << "segv" << SIGSEGV;
        QTest::newRow("abort") << "abort" << SIGABRT;
        QTest::newRow("segv forkserver") << "segv" << SIGSEGV;
        QTest::newRow("abort forkserver") << "abort" << SIGABRT;
    }
    void crashInProcess()
    {
        QFETCH(QString, how);
        QFETCH(int, signal);
        std::unique_ptr<Worker> w(
            createWorker(Backend::Process, spec("crash", {Value::fromStr(how)})));
        QCOMPARE(w->spec().startMethod, currentStartMethod());
        WorkerRecorder rec(w.get());
        QVERIFY(w->start());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QCOMPARE(w->state(), State::Crashed);
        QCOMPARE(w->exitCode(), std::optional<int>(-signal));
    }

    void crashAsThreadIsRefused()
    {
        std::unique_ptr<Worker> w(createWorker(Backend::Thread, spec("crash")));
        WorkerRecorder rec(w.get());
        const Status st = w->start();
        QVERIFY(!st);
        QVERIFY2(st.message().contains(QStringLiteral("whole app")), qPrintable(st.message()));
        QCOMPARE(w->state(), State::FailedToStart);
        QCOMPARE(rec.states, (QList<State>{State::Starting, State::FailedToStart}));
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
        QCOMPARE(rec.finishedCount, 1);
    }

    void processThatCannotLaunch()
    {
        setWorkerProgram(QStringLiteral("/nonexistent/twinrun"));
        std::unique_ptr<Worker> w(createWorker(Backend::Process, spec("count", {i(1)})));
        WorkerRecorder rec(w.get());
        QVERIFY(w->start()); // accepted: the launch itself fails asynchronously
        setWorkerProgram(QString());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QCOMPARE(w->state(), State::FailedToStart);
        QCOMPARE(rec.startedCount, 0);
        QVERIFY(!w->exitCode());
        QVERIFY2(w->errorString().contains(QStringLiteral("/nonexistent/twinrun")),
                 qPrintable(w->errorString()));
    }

    void killProcess_data()
    {
        QTest::addColumn<int>("unused");
        QTest::newRow("spawn") << 0;
        QTest::newRow("forkserver") << 0;
    }
    void killProcess()
    {
        std::unique_ptr<Worker> w(createWorker(Backend::Process, spec("sleep", {f(30)})));
        WorkerRecorder rec(w.get());
        QVERIFY(w->start());
        QTRY_COMPARE_WITH_TIMEOUT(w->state(), State::Running, kTimeout);
        const qint64 pid = w->pid();
        QVERIFY(w->kill());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QCOMPARE(w->state(), State::Killed);
        QCOMPARE(w->exitCode(), std::optional<int>(-SIGKILL));
        QVERIFY(!pidExists(pid));
        QVERIFY(!w->kill());
        QVERIFY(!w->terminate());
    }

    void killThreadIsRefused()
    {
        std::unique_ptr<Worker> w(createWorker(Backend::Thread, spec("sleep", {f(30)})));
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
        std::unique_ptr<Worker> w(createWorker(backend, spec("count", {i(1000), f(0.05)})));
        WorkerRecorder rec(w.get());
        QVERIFY(w->start());
        QTRY_VERIFY_WITH_TIMEOUT(rec.out.startsWith("1\n2\n"), kTimeout);
        QVERIFY(w->terminate());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QCOMPARE(w->state(), State::Terminated);
        QCOMPARE(w->exitCode(), std::optional<int>(-SIGTERM));
        QVERIFY(!rec.out.contains("\n1000\n"));
    }

    void stubbornThreadIsReported()
    {
        std::unique_ptr<Worker> w(createWorker(Backend::Thread, spec("stubborn", {f(0.5)})));
        WorkerRecorder rec(w.get());
        QVERIFY(w->start());
        QTRY_VERIFY_WITH_TIMEOUT(rec.out.startsWith("ignoring"), kTimeout);
        QVERIFY(w->terminate());
        QVERIFY(w->stillRunningAfterStop());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QVERIFY(!w->stillRunningAfterStop());
        QCOMPARE(w->state(), State::Terminated);
    }

    void threadOutputIsBatched()
    {
        std::unique_ptr<Worker> w(createWorker(Backend::Thread, spec("flood", {i(20000)})));
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
        std::unique_ptr<Worker> w(createWorker(backend, spec("flood", {i(300000)})));
        WorkerRecorder rec(w.get());
        QVERIFY(w->start());
        QVERIFY(w->join(60000));
        QCOMPARE(w->state(), State::Finished);
        QCOMPARE(rec.out.size(), qsizetype(300000) * 41);
        QCOMPARE(rec.finishedCount, 1);
    }

    void destroyRunningWorker_data() { addBackends(); }
    void destroyRunningWorker()
    {
        QFETCH(Backend, backend);
        auto* w = createWorker(backend, spec("sleep", {f(30)}));
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
