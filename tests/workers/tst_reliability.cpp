#include "proctools.h"
#include "testmain.h"
#include "testvalues.h"
#include "workerrecorder.h"
#include <twinrun/worker.h>
#include <twinrun/workercontext.h>
#include <twinrun/workerfactory.h>

#include <QTest>

#include <csignal>
#include <memory>
#include <stdexcept>
#include <vector>

using namespace twinrun;
using State = Worker::State;

namespace {

constexpr int kTimeout = 60000;

// Test-only targets, registered in every run of this binary, so the process children that
// re-run it find them too.
const bool registered = [] {
    Target stdError;
    stdError.name = QStringLiteral("test_throw_std");
    stdError.run = [](WorkerContext&, const BoundArgs&) -> int {
        throw std::runtime_error("std boom");
    };
    TargetRegistry::instance().add(stdError);
    Target oddError = stdError;
    oddError.name = QStringLiteral("test_throw_int");
    oddError.run = [](WorkerContext&, const BoundArgs&) -> int { throw 42; };
    TargetRegistry::instance().add(oddError);
    return true;
}();

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

} // namespace

// What TwinRun promises whatever the target does: see README, "Reliability".
class TstReliability : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(registered); }

    void errorsInThreadTargetsFailTheWorkerOnly_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QByteArray>("err");
        QTest::newRow("std::exception")
            << "test_throw_std" << QByteArray("RuntimeError: std boom\n");
        QTest::newRow("anything else")
            << "test_throw_int" << QByteArray("RuntimeError: unknown error\n");
    }
    void errorsInThreadTargetsFailTheWorkerOnly()
    {
        QFETCH(QString, target);
        QFETCH(QByteArray, err);
        for (Backend backend : {Backend::Thread, Backend::Process}) {
            std::unique_ptr<Worker> w(createWorker(backend, testvalues::workerSpec(target)));
            WorkerRecorder rec(w.get());
            QVERIFY(w->start());
            QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
            QCOMPARE(w->state(), State::Failed);
            QCOMPARE(w->exitCode(), std::optional<int>(1));
            QCOMPARE(rec.err, err);
        }
    }

    void terminateEscalatesToKill()
    {
        std::unique_ptr<Worker> w(createWorker(
            Backend::Process, testvalues::workerSpec("stubborn", {Value::fromFloat(60)})));
        w->setTerminateGraceMs(300);
        WorkerRecorder rec(w.get());
        QVERIFY(w->start());
        QTRY_VERIFY_WITH_TIMEOUT(rec.out.startsWith("ignoring"), kTimeout);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(w->terminate());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QVERIFY(clock.elapsed() >= 300);
        QCOMPARE(w->state(), State::Killed);
        QCOMPARE(w->exitCode(), std::optional<int>(-SIGKILL));
    }

    void terminateWithinGraceIsTerminated()
    {
        std::unique_ptr<Worker> w(createWorker(
            Backend::Process, testvalues::workerSpec("sleep", {Value::fromFloat(60)})));
        w->setTerminateGraceMs(kTimeout);
        WorkerRecorder rec(w.get());
        QVERIFY(w->start());
        QTRY_COMPARE_WITH_TIMEOUT(w->state(), State::Running, kTimeout);
        QVERIFY(w->terminate());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishedCount, 1, kTimeout);
        QCOMPARE(w->state(), State::Terminated);
        QCOMPARE(w->exitCode(), std::optional<int>(-SIGTERM));
    }

    void noZombiesNoFdLeaks()
    {
        const int total = envInt("TWINRUN_CHURN_PROCESSES", 200);
        // One worker first, so that lazily opened descriptors (Qt's child reaper) exist.
        {
            std::unique_ptr<Worker> warm(createWorker(
                Backend::Process, testvalues::workerSpec("exit", {Value::fromInt(0)})));
            QVERIFY(warm->start());
            QVERIFY(warm->join(kTimeout));
        }
        const qsizetype fdsBefore = proctools::openFds();
        constexpr int batch = 20;
        for (int done = 0; done < total; done += batch) {
            std::vector<std::unique_ptr<Worker>> workers;
            for (int i = 0; i < batch; ++i) {
                workers.emplace_back(createWorker(
                    Backend::Process, testvalues::workerSpec("exit", {Value::fromInt(i % 3)})));
                QVERIFY(workers.back()->start());
            }
            for (int i = 0; i < batch; ++i) {
                QVERIFY(workers[i]->join(kTimeout));
                QCOMPARE(workers[i]->exitCode(), std::optional<int>(i % 3));
            }
        }
        QCoreApplication::processEvents();
        QCOMPARE(proctools::openFds(), fdsBefore);
        QTRY_COMPARE_WITH_TIMEOUT(proctools::zombieChildren(), 0, kTimeout);
        QCOMPARE(proctools::childrenOf(::getpid()).size(), 0);
    }

    void destroyedRunningProcessesAreReaped()
    {
        QList<qint64> pids;
        for (int i = 0; i < 10; ++i) {
            auto* w = createWorker(Backend::Process,
                                   testvalues::workerSpec("sleep", {Value::fromFloat(60)}));
            QVERIFY(w->start());
            QTRY_COMPARE_WITH_TIMEOUT(w->state(), State::Running, kTimeout);
            pids << w->pid();
            delete w;
        }
        for (qint64 pid : pids)
            QTRY_VERIFY_WITH_TIMEOUT(proctools::state(pid) == 0, kTimeout); // gone, not a zombie
    }

    // A CI-sized load; scripts/load.sh runs it at 1000 threads and 200 processes.
    void manyWorkersAtOnce()
    {
        const int threads = envInt("TWINRUN_LOAD_THREADS", 100);
        const int processes = envInt("TWINRUN_LOAD_PROCESSES", 20);
        std::vector<std::unique_ptr<Worker>> workers;
        std::vector<std::unique_ptr<WorkerRecorder>> recorders;
        for (int i = 0; i < threads + processes; ++i) {
            const Backend backend = i < threads ? Backend::Thread : Backend::Process;
            workers.emplace_back(
                createWorker(backend, testvalues::workerSpec("count", {Value::fromInt(50)})));
            recorders.emplace_back(std::make_unique<WorkerRecorder>(workers.back().get()));
        }
        for (auto& w : workers)
            QVERIFY(w->start());
        QByteArray expected;
        for (int n = 1; n <= 50; ++n)
            expected += QByteArray::number(n) + '\n';
        for (size_t i = 0; i < workers.size(); ++i) {
            QTRY_COMPARE_WITH_TIMEOUT(recorders[i]->finishedCount, 1, kTimeout);
            QCOMPARE(workers[i]->state(), State::Finished);
            QCOMPARE(workers[i]->exitCode(), std::optional<int>(0));
            QCOMPARE(recorders[i]->out, expected);
            QCOMPARE(recorders[i]->states.size(), 3);
        }
    }
};

TWINRUN_SELF_CHILD_TEST_MAIN(TstReliability)
#include "tst_reliability.moc"
