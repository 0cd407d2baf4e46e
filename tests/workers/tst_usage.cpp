#include "testmain.h"
#include "testvalues.h"
#include <twinrun/workerfactory.h>

#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

using namespace twinrun;
using testvalues::f;
using testvalues::i;
using testvalues::workerSpec;

Q_DECLARE_METATYPE(twinrun::StartMethod)

namespace {

constexpr int kTimeoutMs = 60000;
// burn(600000) takes some 0.2 s of CPU here; far more than the 20 ms asserted below.
constexpr std::int64_t kBurnN = 600000;
constexpr qint64 kBurnMinCpuUs = 20000;
// /proc and rusage round to clock ticks and the run's start and end are seen a little late:
// this much CPU over the wall time is tolerated.
constexpr qint64 kSlackUs = 20000;

std::unique_ptr<Worker> runToEnd(Backend backend, const WorkerSpec& spec)
{
    std::unique_ptr<Worker> w(createWorker(backend, spec));
    QSignalSpy finished(w.get(), &Worker::finished);
    if (!w->start())
        return w;
    if (finished.isEmpty())
        finished.wait(kTimeoutMs);
    return w;
}

} // namespace

// What a worker costs (resourceusage.h): exact end figures from rusage, live ones from /proc.
class TstUsage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void processFigures_data()
    {
        QTest::addColumn<StartMethod>("method");
        QTest::newRow("spawn") << StartMethod::Spawn;
        QTest::newRow("forkserver") << StartMethod::ForkServer;
    }

    // A burning process uses CPU, at most its wall time (one thread); a sleeping one nearly none.
    void processFigures()
    {
        QFETCH(StartMethod, method);
        const auto burn = runToEnd(Backend::Process, workerSpec("burn", {i(kBurnN)}, method));
        QCOMPARE(burn->state(), Worker::State::Finished);
        const ResourceUsage b = burn->resourceUsage();
        QVERIFY(b.isValid());
        QVERIFY(b.exact);
        QVERIFY(!b.memorySharedWithApp);
        const qint64 wallUs = burn->durationNs() / 1000;
        QVERIFY2(b.cpuUs() >= kBurnMinCpuUs, qPrintable(QString::number(b.cpuUs())));
        QVERIFY2(b.cpuUs() <= wallUs + kSlackUs,
                 qPrintable(QStringLiteral("cpu %1 us, wall %2 us").arg(b.cpuUs()).arg(wallUs)));
        QVERIFY(b.cpuPercent > 0 && b.cpuPercent <= 100.0 * (wallUs + kSlackUs) / wallUs);
        QVERIFY(b.peakRssKb > 0);
        QVERIFY(b.voluntarySwitches >= 0 && b.involuntarySwitches >= 0);

        const auto sleeper = runToEnd(Backend::Process, workerSpec("sleep", {f(0.5)}, method));
        QCOMPARE(sleeper->state(), Worker::State::Finished);
        const ResourceUsage s = sleeper->resourceUsage();
        QVERIFY(s.exact);
        // Starting the child costs some CPU; sleeping costs none: well under half its wall time.
        QVERIFY2(s.cpuUs() < sleeper->durationNs() / 1000 / 2,
                 qPrintable(QString::number(s.cpuUs())));
        QVERIFY(s.voluntarySwitches >= 1); // it waited
    }

    void peakMemory_data() { processFigures_data(); }

    // hold(64, 0) touches 64 MiB: its peak resident memory is at least that.
    void peakMemory()
    {
        QFETCH(StartMethod, method);
        const auto hold = runToEnd(Backend::Process, workerSpec("hold", {i(64), f(0.0)}, method));
        QCOMPARE(hold->state(), Worker::State::Finished);
        const ResourceUsage u = hold->resourceUsage();
        QVERIFY2(u.peakRssKb >= 64 * 1024, qPrintable(QString::number(u.peakRssKb)));
        QCOMPARE(u.rssKb, -1); // an ended process holds nothing
    }

    void peakMemoryIsTheChildsOwn_data() { processFigures_data(); }

    // A child started by exec must not report the app's high-water mark as its own: Linux
    // carries the exec'ing process's peak into the child's ru_maxrss. The app first touches
    // 160 MiB; a child that holds nothing stays far below that.
    void peakMemoryIsTheChildsOwn()
    {
        QFETCH(StartMethod, method);
        constexpr qsizetype kAppMiB = 160;
        {
            std::vector<char> ballast(size_t(kAppMiB) << 20);
            for (size_t at = 0; at < ballast.size(); at += 4096)
                ballast[at] = char(at);
            QVERIFY(ballast[4096] == char(4096));
        }
        const auto w = runToEnd(Backend::Process, workerSpec("faz_algo", {i(1)}, method));
        QCOMPARE(w->state(), Worker::State::Finished);
        const ResourceUsage u = w->resourceUsage();
        QVERIFY(u.exact);
        QVERIFY2(u.peakRssKb > 0 && u.peakRssKb < kAppMiB * 1024 / 2,
                 qPrintable(QString::number(u.peakRssKb)));
    }

    // A thread's own CPU time, for this run only; its memory is the app's, said so.
    void threadFigures()
    {
        const auto burn = runToEnd(Backend::Thread, workerSpec("burn", {i(kBurnN)}));
        QCOMPARE(burn->state(), Worker::State::Finished);
        const ResourceUsage b = burn->resourceUsage();
        QVERIFY(b.exact);
        QVERIFY(b.memorySharedWithApp);
        QVERIFY(b.peakRssKb > 0);
        QVERIFY2(b.cpuUs() >= kBurnMinCpuUs, qPrintable(QString::number(b.cpuUs())));
        QVERIFY(b.cpuUs() <= burn->durationNs() / 1000 + kSlackUs);
        // The next run on the same warm thread starts from zero.
        const auto noop = runToEnd(Backend::Thread, workerSpec("noop"));
        QVERIFY(noop->resourceUsage().isValid());
        QVERIFY2(noop->resourceUsage().cpuUs() < kBurnMinCpuUs,
                 qPrintable(QString::number(noop->resourceUsage().cpuUs())));
    }

    // While it runs, the figures are read from /proc: a process's own, a thread's own.
    void liveFigures()
    {
        for (Backend backend : {Backend::Process, Backend::Thread}) {
            std::unique_ptr<Worker> w(createWorker(backend, workerSpec("sleep", {f(60.0)})));
            QCOMPARE(w->usageProbe().kind, UsageProbe::Kind::None);
            QVERIFY(!w->resourceUsage().isValid());
            QVERIFY(w->start());
            QTRY_COMPARE_WITH_TIMEOUT(w->state(), Worker::State::Running, kTimeoutMs);
            const ResourceUsage live = w->resourceUsage();
            QVERIFY(live.isValid());
            QVERIFY(!live.exact);
            QCOMPARE(live.cpuPercent, -1.0); // a rate needs two samples
            // Read at once, a process may still be in exec (its memory not mapped yet: VmRSS 0);
            // its resident memory shows within moments.
            QVERIFY(live.rssKb >= 0);
            QTRY_VERIFY_WITH_TIMEOUT(w->resourceUsage().rssKb > 0, kTimeoutMs);
            if (backend == Backend::Process) {
                QVERIFY(live.threads >= 1);
                QVERIFY(!live.memorySharedWithApp);
            } else {
                QVERIFY(live.memorySharedWithApp);
            }
            QSignalSpy finished(w.get(), &Worker::finished);
            QVERIFY(w->terminate());
            QVERIFY(finished.wait(kTimeoutMs));
            QCOMPARE(w->usageProbe().kind, UsageProbe::Kind::None);
        }
    }
};

TWINRUN_TEST_MAIN(TstUsage)

#include "tst_usage.moc"
