#include "testlaunch.h"
#include "testmain.h"
#include "testvalues.h"
#include <twinrun/comparison.h>
#include <twinrun/outputlog.h>
#include <twinrun/session.h>
#include <twinrun/workertablemodel.h>

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <memory>

#include <unistd.h>

using namespace twinrun;
using State = Worker::State;
using Mode = LaunchSpec::Mode;
using Column = WorkerTableModel::Column;

Q_DECLARE_METATYPE(twinrun::LaunchSpec::Mode)

namespace {

constexpr int kTimeout = 20000;

using testvalues::kSeedOutput;

LaunchSpec seed(Mode mode)
{
    LaunchSpec spec = LaunchSpec::seedExample();
    spec.mode = mode;
    return spec;
}

LaunchSpec sleeper(Mode mode, bool daemon = false)
{
    return launchSpecOf(QStringLiteral("sleep"), {Value::fromFloat(60)}, mode, daemon);
}

bool pidExists(qint64 pid)
{
    return ::kill(pid_t(pid), 0) == 0;
}

// A session with its table model, the model checked by QAbstractItemModelTester through all
// that happens to the session.
struct Harness {
    Session session;
    WorkerTableModel model{&session};
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};

    QString cell(const Worker* worker, Column column, int role = Qt::DisplayRole) const
    {
        return model.indexOf(worker, column).data(role).toString();
    }
    bool allEnded() const { return session.running().isEmpty(); }
    bool allRunning(const QList<Worker*>& workers) const
    {
        return std::all_of(workers.begin(), workers.end(),
                           [](const Worker* w) { return w->state() == State::Running; });
    }
};

} // namespace

class TstSession : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void launchSeed_data()
    {
        QTest::addColumn<Mode>("mode");
        QTest::addRow("thread") << Mode::Thread;
        QTest::addRow("process") << Mode::Process;
        QTest::addRow("both") << Mode::Both;
    }
    void launchSeed()
    {
        QFETCH(Mode, mode);
        Harness h;
        QSignalSpy added(&h.session, &Session::workerAdded);
        QSignalSpy running(&h.session, &Session::runningChanged);
        const QList<Worker*> workers = h.session.launch(seed(mode));
        const qsizetype n = mode == Mode::Both ? 2 : 1;
        QCOMPARE(workers.size(), n);
        QCOMPARE(added.size(), n);
        QCOMPARE(h.session.count(), n);
        QCOMPARE(h.model.rowCount(), int(n));
        QVERIFY(running.size() >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(h.allEnded(), kTimeout);

        for (qsizetype row = 0; row < n; ++row) {
            const Worker* w = workers[row];
            QCOMPARE(h.session.worker(row), w);
            QCOMPARE(h.session.rowOf(w), row);
            QCOMPARE(h.session.idOf(w), int(row + 1));
            QCOMPARE(w->state(), State::Finished);
            QCOMPARE(h.session.log(w)->channelBytes(Channel::Stdout), kSeedOutput);
            QCOMPARE(h.session.log(w)->channelBytes(Channel::Stderr), QByteArray());
            QCOMPARE(h.session.lineCount(w), 3);

            const bool thread = w->backend() == Backend::Thread;
            QCOMPARE(h.cell(w, Column::Name), w->name());
            QCOMPARE(h.cell(w, Column::Backend),
                     thread ? QStringLiteral("thread") : QStringLiteral("process"));
            QCOMPARE(h.cell(w, Column::Call), QStringLiteral("faz_algo(1, 1.5, 'Edson')"));
            QCOMPARE(h.cell(w, Column::State), QStringLiteral("finished"));
            QCOMPARE(h.cell(w, Column::Ident),
                     QStringLiteral("%1 %2")
                         .arg(thread ? QStringLiteral("tid") : QStringLiteral("pid"))
                         .arg(w->nativeId()));
            QCOMPARE(h.cell(w, Column::ExitCode), QStringLiteral("0"));
            QVERIFY(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d$"))
                        .match(h.cell(w, Column::Started))
                        .hasMatch());
            QVERIFY2(QRegularExpression(QStringLiteral("^\\d+\\.\\d\\d? ms$|^\\d+\\.\\d\\d s$"))
                         .match(h.cell(w, Column::Duration))
                         .hasMatch(),
                     qPrintable(h.cell(w, Column::Duration)));
            QCOMPARE(h.cell(w, Column::Lines), QStringLiteral("3"));
            const QModelIndex index = h.model.indexOf(w);
            QCOMPARE(h.model.workerAt(index), w);
            QCOMPARE(index.data(WorkerTableModel::StateRole).toInt(), int(State::Finished));
            QCOMPARE(index.data(WorkerTableModel::IdRole).toInt(), h.session.idOf(w));
            QCOMPARE(index.data(WorkerTableModel::WorkerRole).value<QObject*>(), w);
            QCOMPARE(
                h.model.indexOf(w, Column::Lines).data(WorkerTableModel::SortRole).toLongLong(), 3);
        }
        if (mode == Mode::Both) {
            QCOMPARE(h.session.partner(workers[0]), workers[1]);
            QCOMPARE(h.session.partner(workers[1]), workers[0]);
            const auto outcome = [&h](const Worker* w) {
                return RunOutcome{h.session.log(w)->channelBytes(Channel::Stdout),
                                  h.session.log(w)->channelBytes(Channel::Stderr), w->exitCode()};
            };
            QVERIFY(compareRuns(outcome(workers[0]), outcome(workers[1])).identical);
        } else {
            QCOMPARE(h.session.partner(workers[0]), nullptr);
        }
    }

    void runningCountsAndStop()
    {
        Harness h;
        const QList<Worker*> workers = h.session.launch(sleeper(Mode::Both));
        QTRY_VERIFY_WITH_TIMEOUT(h.allRunning(workers), kTimeout);
        QCOMPARE(h.session.running().size(), 2);
        QCOMPARE(h.session.runningThreads(), 1);
        QCOMPARE(h.session.runningProcesses(), 1);
        QVERIFY(h.session.hasRunningNonDaemon());
        QCOMPARE(h.cell(workers[0], Column::ExitCode), QString());
        QCOMPARE(h.cell(workers[1], Column::State), QStringLiteral("running"));

        QVERIFY(!h.session.remove(workers[0]));
        QVERIFY(!h.session.remove(workers[1]));
        h.session.clearFinished();
        QCOMPARE(h.session.count(), 2);

        QSignalSpy running(&h.session, &Session::runningChanged);
        h.session.stopAll();
        QTRY_VERIFY_WITH_TIMEOUT(h.allEnded(), kTimeout);
        QCOMPARE(running.size(), 2);
        QCOMPARE(h.session.runningThreads(), 0);
        QCOMPARE(h.session.runningProcesses(), 0);
        QVERIFY(!h.session.hasRunningNonDaemon());
        for (const Worker* w : workers) {
            QCOMPARE(w->state(), State::Terminated);
            QCOMPARE(h.cell(w, Column::ExitCode), QStringLiteral("-15 (SIGTERM)"));
            QCOMPARE(h.cell(w, Column::State), QStringLiteral("terminated"));
        }
        QVERIFY(h.session.remove(workers[0]));
        QCOMPARE(h.session.count(), 1);
        QCOMPARE(h.session.partner(workers[1]), nullptr);
        QCOMPARE(h.model.rowCount(), 1);
        QCOMPARE(h.model.workerAt(h.model.index(0, 0)), workers[1]);
    }

    void stopDaemonsOnly()
    {
        Harness h;
        Worker* daemon = h.session.launch(sleeper(Mode::Process, true)).value(0);
        Worker* normal = h.session.launch(sleeper(Mode::Thread)).value(0);
        QTRY_VERIFY_WITH_TIMEOUT(h.allRunning({daemon, normal}), kTimeout);
        h.session.stopAll(true);
        QTRY_COMPARE_WITH_TIMEOUT(daemon->state(), State::Terminated, kTimeout);
        QVERIFY(normal->isAlive());
        QVERIFY(h.session.hasRunningNonDaemon());
        h.session.stopAll();
        QTRY_COMPARE_WITH_TIMEOUT(normal->state(), State::Terminated, kTimeout);
    }

    void clearFinished()
    {
        Harness h;
        Worker* done = h.session.launch(seed(Mode::Thread)).value(0);
        Worker* failed = h.session.launch(launchSpecOf("crash", {}, Mode::Thread)).value(0);
        Worker* busy = h.session.launch(sleeper(Mode::Process)).value(0);
        QTRY_COMPARE_WITH_TIMEOUT(done->state(), State::Finished, kTimeout);
        QCOMPARE(failed->state(), State::FailedToStart);
        QSignalSpy removed(&h.session, &Session::workerRemoved);
        QSignalSpy rowsRemoved(&h.model, &QAbstractItemModel::rowsRemoved);
        h.session.clearFinished();
        QCOMPARE(removed.size(), 2);
        QCOMPARE(rowsRemoved.size(), 2);
        QCOMPARE(h.session.count(), 1);
        QCOMPARE(h.session.worker(0), busy);
        QCOMPARE(h.session.rowOf(done), -1);
        QCOMPARE(h.session.log(done), nullptr);
        QCOMPARE(h.model.rowCount(), 1);
        QCOMPARE(h.model.indexOf(busy).row(), 0);
        QPointer<Worker> gone(done);
        QTRY_VERIFY_WITH_TIMEOUT(gone.isNull(), kTimeout); // deleted later, not in remove()

        h.session.stopAll();
        QTRY_VERIFY_WITH_TIMEOUT(h.allEnded(), kTimeout);
        h.session.clearFinished();
        QCOMPARE(h.session.count(), 0);
        QCOMPARE(h.model.rowCount(), 0);
        // Ids are never reused.
        Worker* next = h.session.launch(seed(Mode::Thread)).value(0);
        QCOMPARE(h.session.idOf(next), 4);
        QTRY_VERIFY_WITH_TIMEOUT(h.allEnded(), kTimeout);
    }

    void rerun_data()
    {
        QTest::addColumn<Mode>("mode");
        QTest::addRow("thread") << Mode::Thread;
        QTest::addRow("process") << Mode::Process;
    }
    void rerun()
    {
        QFETCH(Mode, mode);
        Harness h;
        LaunchSpec spec = seed(mode);
        spec.worker.name = QStringLiteral("seed");
        Worker* first = h.session.launch(spec).value(0);
        QTRY_VERIFY_WITH_TIMEOUT(h.allEnded(), kTimeout);
        Worker* again = h.session.rerun(first);
        QVERIFY(again);
        QVERIFY(again != first);
        QCOMPARE(again->backend(), first->backend());
        QCOMPARE(again->spec(), first->spec());
        QCOMPARE(again->name(), QStringLiteral("seed"));
        QCOMPARE(h.session.count(), 2);
        QCOMPARE(h.session.idOf(again), 2);
        QCOMPARE(h.session.partner(again), nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(h.allEnded(), kTimeout);
        QCOMPARE(h.session.log(again)->channelBytes(Channel::Stdout), kSeedOutput);
        QCOMPARE(h.session.log(first)->channelBytes(Channel::Stdout), kSeedOutput);

        Session other;
        QCOMPARE(other.rerun(first), nullptr);
    }

    void exitCodesAndErrors()
    {
        Harness h;
        Worker* refused = h.session.launch(launchSpecOf("crash", {}, Mode::Thread)).value(0);
        Worker* segv = h.session.launch(launchSpecOf("crash", {}, Mode::Process)).value(0);
        Worker* abort = h.session
                            .launch(launchSpecOf("crash", {Value::fromStr(QStringLiteral("abort"))},
                                                 Mode::Process))
                            .value(0);
        Worker* exit3 =
            h.session.launch(launchSpecOf("exit", {Value::fromInt(3)}, Mode::Thread)).value(0);
        Worker* failing = h.session.launch(launchSpecOf("fail", {}, Mode::Process)).value(0);
        Worker* usr1 = h.session.launch(sleeper(Mode::Process)).value(0);
        QTRY_COMPARE_WITH_TIMEOUT(usr1->state(), State::Running, kTimeout);
        ::kill(pid_t(usr1->pid()), SIGUSR1);
        QTRY_VERIFY_WITH_TIMEOUT(h.allEnded(), kTimeout);

        QCOMPARE(refused->state(), State::FailedToStart);
        QCOMPARE(h.cell(refused, Column::State), QStringLiteral("failed to start"));
        QCOMPARE(h.cell(refused, Column::ExitCode), QString());
        QCOMPARE(h.cell(refused, Column::Ident), QString());
        QVERIFY(!refused->errorString().isEmpty());
        QCOMPARE(h.cell(refused, Column::State, Qt::ToolTipRole), refused->errorString());
        QCOMPARE(h.cell(refused, Column::ExitCode, Qt::ToolTipRole), refused->errorString());

        QCOMPARE(h.cell(segv, Column::ExitCode), QStringLiteral("-11 (SIGSEGV)"));
        QCOMPARE(h.cell(segv, Column::State), QStringLiteral("crashed"));
        QCOMPARE(h.cell(abort, Column::ExitCode), QStringLiteral("-6 (SIGABRT)"));
        QCOMPARE(h.cell(exit3, Column::ExitCode), QStringLiteral("3"));
        QCOMPARE(h.cell(failing, Column::ExitCode), QStringLiteral("1"));
        QVERIFY(h.session.log(failing)->channelBytes(Channel::Stderr).contains("RuntimeError"));
        QCOMPARE(h.cell(usr1, Column::ExitCode), QStringLiteral("-%1 (SIG%1)").arg(SIGUSR1));
        QCOMPARE(h.model.indexOf(segv, Column::ExitCode).data(WorkerTableModel::SortRole).toInt(),
                 -11);
        QVERIFY(
            !h.model.indexOf(refused, Column::ExitCode).data(WorkerTableModel::SortRole).isValid());
    }

    void floodIsCoalesced()
    {
        Harness h;
        QSignalSpy changed(&h.session, &Session::workerChanged);
        QSignalSpy dataChanged(&h.model, &QAbstractItemModel::dataChanged);
        QElapsedTimer clock;
        clock.start();
        Worker* flood =
            h.session.launch(launchSpecOf("flood", {Value::fromInt(20000)}, Mode::Process))
                .value(0);
        QTRY_VERIFY_WITH_TIMEOUT(h.allEnded(), kTimeout);
        QCOMPARE(flood->state(), State::Finished);
        QTRY_COMPARE_WITH_TIMEOUT(h.cell(flood, Column::Lines), QStringLiteral("20000"), kTimeout);
        const qint64 ticks = clock.elapsed() / 100 + 2;
        QCOMPARE(h.session.lineCount(flood), 20000);
        // 20000 lines of 41 bytes come through a 64 KiB pipe: at least 13 chunks.
        QVERIFY2(changed.size() >= 13, qPrintable(QString::number(changed.size())));
        // At most one dataChanged per refresh tick, whatever the number of chunks.
        QVERIFY2(dataChanged.size() <= ticks,
                 qPrintable(QStringLiteral("%1 > %2").arg(dataChanged.size()).arg(ticks)));
        QVERIFY2(
            dataChanged.size() < changed.size(),
            qPrintable(QStringLiteral("%1 >= %2").arg(dataChanged.size()).arg(changed.size())));
    }

    void floodWithSlowRefreshIsOneSignal()
    {
        // With a refresh interval longer than the run, the whole flood is one dataChanged.
        Harness h;
        h.model.setRefreshInterval(60 * 60 * 1000);
        QSignalSpy changed(&h.session, &Session::workerChanged);
        QSignalSpy dataChanged(&h.model, &QAbstractItemModel::dataChanged);
        Worker* flood =
            h.session.launch(launchSpecOf("flood", {Value::fromInt(20000)}, Mode::Process))
                .value(0);
        QTRY_VERIFY_WITH_TIMEOUT(h.allEnded(), kTimeout);
        QCOMPARE(dataChanged.size(), 0);
        QVERIFY(changed.size() >= 13);
        h.model.setRefreshInterval(1);
        QTRY_COMPARE_WITH_TIMEOUT(dataChanged.size(), 1, kTimeout);
        const QModelIndex topLeft = dataChanged.at(0).at(0).value<QModelIndex>();
        const QModelIndex bottomRight = dataChanged.at(0).at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), h.model.indexOf(flood).row());
        QCOMPARE(bottomRight.row(), topLeft.row());
        QCOMPARE(bottomRight.column(), int(Column::ColumnCount) - 1);
    }

    void logLimits()
    {
        Harness h;
        h.session.setLogLimits(100, 1 << 20);
        Worker* flood =
            h.session.launch(launchSpecOf("flood", {Value::fromInt(1000)}, Mode::Thread)).value(0);
        QTRY_VERIFY_WITH_TIMEOUT(h.allEnded(), kTimeout);
        QCOMPARE(h.session.lineCount(flood), 1000);
        QCOMPARE(h.session.log(flood)->lineCount(), 100);
        QCOMPARE(h.session.log(flood)->droppedLines(), 900);
        QTRY_COMPARE_WITH_TIMEOUT(h.cell(flood, Column::Lines), QStringLiteral("1000"), kTimeout);
    }

    void destroyingSessionNeverBlocks()
    {
        auto session = std::make_unique<Session>();
        WorkerTableModel model(session.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<Worker*> workers = session->launch(sleeper(Mode::Both));
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(workers.begin(), workers.end(),
                        [](const Worker* w) { return w->state() == State::Running; }),
            kTimeout);
        const qint64 childPid = workers[1]->pid();
        QVERIFY(pidExists(childPid));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QElapsedTimer clock;
        clock.start();
        session.reset();
        // Well under the 60 s the workers would sleep and the 3 s terminate grace period.
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!pidExists(childPid), kTimeout); // killed and reaped
    }
};

TWINRUN_TEST_MAIN(TstSession)

#include "tst_session.moc"
