#include "testlaunch.h"
#include "testmain.h"
#include "testvalues.h"
#include <twinrun/session.h>
#include <twinrun/usagesampler.h>
#include <twinrun/workertablemodel.h>

#include <QSignalSpy>
#include <QTest>

using namespace twinrun;
using testvalues::f;
using testvalues::i;
using Mode = LaunchSpec::Mode;

namespace {
constexpr int kTimeout = 30000;
}

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
};

TWINRUN_TEST_MAIN(TstUsageSampler)

#include "tst_usagesampler.moc"
