#include "testlaunch.h"
#include "testmain.h"
#include "testvalues.h"
#include <twinrun/session.h>
#include <twinrun/usagesampler.h>
#include <twinrun/workertablemodel.h>

#include <QSignalSpy>
#include <QTest>

#include <vector>

using namespace twinrun;
using testvalues::f;
using testvalues::i;
using Mode = LaunchSpec::Mode;

Q_DECLARE_METATYPE(twinrun::StartMethod)

namespace {
constexpr int kTimeout = 30000;

// A table that counts what it reads from the session, and marks it: what the table shows is
// what it read (a thread count no worker has).
class CountingTable : public WorkerTableModel {
public:
    static constexpr int kMarkedThreads = 4242;
    using WorkerTableModel::WorkerTableModel;
    int reads() const { return m_reads; }

protected:
    ResourceUsage readUsage(const Worker& worker) const override
    {
        ++m_reads;
        ResourceUsage usage = WorkerTableModel::readUsage(worker);
        if (usage.isValid())
            usage.threads = kMarkedThreads;
        return usage;
    }

private:
    mutable int m_reads = 0;
};

// Every cell of the table in every role the figures columns answer, as a repaint asks.
void readEveryCell(const QAbstractItemModel& table)
{
    for (int row = 0; row < table.rowCount(); ++row) {
        for (int column = 0; column < table.columnCount(); ++column) {
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::TextAlignmentRole),
                             int(WorkerTableModel::SortRole)})
                static_cast<void>(table.index(row, column).data(role));
        }
    }
}

} // namespace

// The session's sampler: on only while workers run, figures into the table.
class TstUsageSampler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsToOnceASecond()
    {
        Session session;
        QCOMPARE(session.sampler()->interval(), 1000);
        QVERIFY(!session.sampler()->isActive()); // idle: no timer
    }

    // Sampling starts with the first running worker and stops with the last.
    void samplesOnlyWhileWorkersRun()
    {
        Session session;
        WorkerTableModel table(&session);
        UsageSampler* sampler = session.sampler();
        sampler->setInterval(50);
        QSignalSpy sampled(sampler, &UsageSampler::sampled);
        const QList<Worker*> workers = session.launch(launchSpecOf("sleep", {f(60.0)}, Mode::Both));
        QTRY_VERIFY_WITH_TIMEOUT(sampler->isActive(), kTimeout);
        for (Worker* w : workers) {
            QTRY_VERIFY_WITH_TIMEOUT(session.usage(w).cpuPercent >= 0, kTimeout); // two samples
            QVERIFY(session.usage(w).isValid());
            QVERIFY(!session.usage(w).exact);
        }
        QVERIFY(!sampled.isEmpty());
        QVERIFY(session.usage(workers[0]).memorySharedWithApp);
        QVERIFY(session.usage(workers[1]).rssKb > 0);
        const QModelIndex memory = table.indexOf(workers[0], WorkerTableModel::Memory);
        QTRY_COMPARE_WITH_TIMEOUT(memory.data().toString(), QString("shared with the app"),
                                  kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(
            !table.indexOf(workers[1], WorkerTableModel::CpuTime).data().toString().isEmpty(),
            kTimeout);

        session.stopAll();
        QTRY_VERIFY_WITH_TIMEOUT(session.running().isEmpty(), kTimeout);
        QVERIFY(!sampler->isActive()); // no timer once nothing runs
        QVERIFY(sampler->passes() >= 2);
        QVERIFY(sampler->cpuNs() > 0);
    }

    // An ended worker shows its final figures: a burning thread's own CPU time and an
    // average CPU %.
    void endedWorkersShowFinalFigures()
    {
        Session session;
        const QList<Worker*> workers =
            session.launch(launchSpecOf("burn", {i(300000)}, Mode::Both));
        QTRY_VERIFY_WITH_TIMEOUT(session.running().isEmpty(), kTimeout);
        for (Worker* w : workers) {
            const ResourceUsage u = session.usage(w);
            QVERIFY(u.exact);
            QVERIFY(u.cpuUs() > 0);
            QVERIFY(u.cpuPercent > 0);
        }
        QVERIFY(!session.sampler()->isActive());
    }

    // The figures columns show each row's copy of its figures, taken after each sample and
    // when the worker ends: the figures still change then, and painting reads nothing.
    void tableKeepsFiguresPerRow()
    {
        Session session;
        CountingTable table(&session);
        UsageSampler* sampler = session.sampler();
        sampler->setInterval(50);
        QSignalSpy sampled(sampler, &UsageSampler::sampled);
        // Forked: once killed, the fork server has the kernel's exact figures (a spawned child
        // killed keeps its last sample).
        LaunchSpec spec = launchSpecOf("burn", {i(4'000'000'000)}, Mode::Process);
        spec.worker.startMethod = StartMethod::ForkServer;
        Worker* w = session.launch(spec).value(0);
        QVERIFY(w);
        const QModelIndex cpuTime = table.indexOf(w, WorkerTableModel::CpuTime);
        const QModelIndex memory = table.indexOf(w, WorkerTableModel::Memory);
        // After a sample: burning, its CPU time grows from one sample to the next.
        QTRY_VERIFY_WITH_TIMEOUT(!cpuTime.data().toString().isEmpty(), kTimeout);
        const QString before = cpuTime.data().toString();
        QTRY_VERIFY_WITH_TIMEOUT(cpuTime.data().toString() != before, kTimeout);
        QVERIFY2(memory.data().toString().contains(QLatin1String(" / ")),
                 qPrintable(memory.data().toString())); // resident now / peak
        QVERIFY(cpuTime.data(Qt::ToolTipRole).toString().endsWith(" (sampled while it ran)"));

        // A repaint, many times over: what was read, and nothing read again.
        QCOMPARE(table.indexOf(w, WorkerTableModel::Threads).data().toString(),
                 QString::number(CountingTable::kMarkedThreads));
        const int reads = table.reads();
        for (int n = 0; n < 20; ++n)
            readEveryCell(table);
        QCOMPARE(table.reads(), reads);
        // A sample: one read for its one row.
        sampled.clear();
        QVERIFY(sampled.wait(kTimeout));
        QVERIFY(table.reads() > reads);
        QVERIFY(table.reads() <= reads + int(sampled.size()));

        // Ended: its final figures, the kernel's (no sample is exact), as soon as it ends.
        QSignalSpy finished(w, &Worker::finished);
        QVERIFY(w->kill());
        QVERIFY(finished.wait(kTimeout));
        QVERIFY(w->resourceUsage().exact);
        const QString tip = cpuTime.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.startsWith("user ") && !tip.contains("sampled"), qPrintable(tip));
        QVERIFY2(memory.data().toString().startsWith(QLatin1String("peak ")),
                 qPrintable(memory.data().toString()));
        const int ended = table.reads();
        readEveryCell(table);
        QCOMPARE(table.reads(), ended);
    }

    // A thread's memory is the whole app's. An ended thread's row keeps the app's memory as it
    // was when the thread ended, while the session's figure, read when asked, follows the app.
    void endedThreadRowKeepsTheAppMemoryOfItsEnd()
    {
        Session session;
        WorkerTableModel table(&session);
        UsageSampler* sampler = session.sampler();
        sampler->setInterval(50);
        Worker* ended = session.launch(launchSpecOf("burn", {i(1000)}, Mode::Thread)).value(0);
        QVERIFY(ended);
        QTRY_VERIFY_WITH_TIMEOUT(Worker::isFinal(ended->state()), kTimeout);
        const QModelIndex memory = table.indexOf(ended, WorkerTableModel::Memory);
        QTRY_VERIFY_WITH_TIMEOUT(!memory.data(Qt::ToolTipRole).toString().isEmpty(), kTimeout);
        const QString atEnd = memory.data(Qt::ToolTipRole).toString();
        QVERIFY2(atEnd.contains(QLatin1String("the app's resident memory is")), qPrintable(atEnd));
        const qint64 appKbAtEnd = session.usage(ended).rssKb;

        // The app grows by 64 MiB, resident (every page written), while another worker runs
        // and is sampled: the table takes new figures, for that row only.
        std::vector<char> ballast(std::size_t(64) << 20, '\1');
        // The session's figure follows (the app's memory is read at most every 100 ms).
        QTRY_VERIFY_WITH_TIMEOUT(session.usage(ended).rssKb >= appKbAtEnd + 48 * 1024, kTimeout);
        Worker* running = session.launch(launchSpecOf("sleep", {f(60.0)}, Mode::Thread)).value(0);
        QVERIFY(running);
        // Sampled, the running thread's row shows the app's memory now.
        const QModelIndex runningMemory = table.indexOf(running, WorkerTableModel::Memory);
        QTRY_VERIFY_WITH_TIMEOUT(!runningMemory.data(Qt::ToolTipRole).toString().isEmpty() &&
                                     runningMemory.data(Qt::ToolTipRole).toString() != atEnd,
                                 kTimeout);
        readEveryCell(table);
        QCOMPARE(memory.data(Qt::ToolTipRole).toString(), atEnd);
        QCOMPARE(memory.data().toString(), QString("shared with the app"));
        QCOMPARE(ballast.back(), '\1');

        session.stopAll();
        QTRY_VERIFY_WITH_TIMEOUT(session.running().isEmpty(), kTimeout);
    }

    void killedProcessKeepsItsLastSample_data()
    {
        QTest::addColumn<StartMethod>("method");
        QTest::addColumn<bool>("exact");
        QTest::newRow("spawn") << StartMethod::Spawn << false;
        QTest::newRow("forkserver") << StartMethod::ForkServer << true;
    }

    // A spawned child reports its rusage just before it exits; one killed by a signal never
    // does, so its last live sample stands, marked not exact (no memory now: it holds none),
    // its CPU % the average over the run. The fork server's wait4 has the kernel's figures
    // even then.
    void killedProcessKeepsItsLastSample()
    {
        QFETCH(StartMethod, method);
        QFETCH(bool, exact);
        Session session;
        WorkerTableModel table(&session);
        UsageSampler* sampler = session.sampler();
        sampler->setInterval(50);
        LaunchSpec spec = launchSpecOf("burn", {i(4'000'000'000)}, Mode::Process);
        spec.worker.startMethod = method;
        Worker* w = session.launch(spec).value(0);
        QVERIFY(w);
        const int id = session.idOf(w);
        // Burning: a sample with CPU time in it (clock ticks are 10 ms).
        QTRY_VERIFY_WITH_TIMEOUT(sampler->latest(id).cpuUs() > 0, kTimeout);
        const ResourceUsage live = sampler->latest(id);
        QVERIFY(!live.exact);
        QSignalSpy finished(w, &Worker::finished);
        QVERIFY(w->kill());
        QVERIFY(finished.wait(kTimeout));
        QCOMPARE(w->state(), Worker::State::Killed);
        QCOMPARE(w->resourceUsage().isValid(), exact); // the kernel's own figures, or none

        const ResourceUsage u = session.usage(w);
        QVERIFY(u.isValid());
        QCOMPARE(u.exact, exact);
        QVERIFY2(u.cpuUs() >= live.cpuUs(),
                 qPrintable(QStringLiteral("%1 < %2").arg(u.cpuUs()).arg(live.cpuUs())));
        QCOMPARE(u.rssKb, -1);
        QVERIFY(u.peakRssKb > 0);
        QVERIFY(u.cpuPercent > 0);
        QVERIFY(!table.indexOf(w, WorkerTableModel::CpuTime).data().toString().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!sampler->isActive(), kTimeout);
    }
};

TWINRUN_TEST_MAIN(TstUsageSampler)

#include "tst_usagesampler.moc"
