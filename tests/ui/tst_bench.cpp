// Tools > Benchmark (issue 11, "The benchmark, as a picture"): the measurements of
// `twinrun bench` in a child process, with progress and Cancel, shown as charts.
#include "testmain.h"
#include "testsettings.h"

#include "barchart.h"
#include "benchdialog.h"
#include "benchrunner.h"
#include "mainwindow.h"
#include <twinrun/session.h>
#include <twinrun/worker.h>

#include <QAction>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <twinrun/launchspec.h>

using namespace twinrun;

namespace {

constexpr int kTimeout = 60000;

// Processes of that group still alive (zombies waiting for their reaper excepted).
int liveMembers(qint64 group)
{
    int count = 0;
    QDirIterator it(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        QFile stat(it.next() + QStringLiteral("/stat"));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        // pid (comm) state ppid pgrp ...: fields after the last ')'
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 2 && fields[0] != "Z" && fields[2].toLongLong() == group)
            ++count;
    }
    return count;
}

int threadCount()
{
    return int(QDir(QStringLiteral("/proc/self/task"))
                   .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                   .size());
}

BenchRunner::Options tiny(bool python)
{
    BenchRunner::Options o;
    o.threadRuns = 2;
    o.processRuns = 1;
    o.spawnRuns = 1;
    o.lines = 1000;
    o.python = python;
    return o;
}

QStringList labels(const BarChart* chart)
{
    QStringList out;
    for (const BarChart::Bar& bar : chart->bars())
        out << bar.label;
    return out;
}

} // namespace

class TstBench : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(twinrun::testing::useOwnSettings(QStringLiteral("tst_bench")));
        QSettings().clear();
        QVERIFY2(QFile::exists(qEnvironmentVariable("TWINRUN_BINARY")), "TWINRUN_BINARY");
    }

    // Tools > Benchmark opens one dialog that does not block the window.
    void menuOpensAModelessDialog()
    {
        MainWindow window;
        window.show();
        auto* action = window.findChild<QAction*>(QStringLiteral("benchmarkAction"));
        QVERIFY(action);
        action->trigger();
        auto* dialog = window.findChild<BenchDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(!dialog->isModal());
        action->trigger();
        QCOMPARE(window.findChildren<BenchDialog*>().size(), 1);
        QVERIFY(dialog->cancelButton()->isEnabled() == false);
        QVERIFY(!dialog->exportButton()->isEnabled()); // nothing measured yet
    }

    // Cancel mid-run: the child and all it started end, the window worked meanwhile, no
    // thread or process is left, and the dialog can run again.
    void cancelMidRun()
    {
        MainWindow window;
        window.show();
        BenchDialog dialog(&window);
        dialog.runner()->setProgram(qEnvironmentVariable("TWINRUN_BINARY"));
        BenchRunner::Options o;
        o.threadRuns = 100000; // far longer than the test: only Cancel ends it
        o.processRuns = 10000;
        o.python = false;
        dialog.setOptions(o);
        QSignalSpy progress(dialog.runner(), &BenchRunner::progress);
        QSignalSpy cancelled(dialog.runner(), &BenchRunner::cancelled);
        QSignalSpy finished(dialog.runner(), &BenchRunner::finished);
        QSignalSpy failed(dialog.runner(), &BenchRunner::failed);
        dialog.runButton()->click();
        QVERIFY(dialog.runner()->isRunning());
        QVERIFY(!dialog.runButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(progress.size() > 3, kTimeout);
        QVERIFY(dialog.progressBar()->value() < dialog.progressBar()->maximum());
        const qint64 group = dialog.runner()->processGroup();
        QVERIFY(group > 0);
        QVERIFY(liveMembers(group) >= 1);

        // The window stays usable while it measures: a launch runs and ends.
        const QList<Worker*> launched =
            window.session()->launch({[] {
                                          WorkerSpec spec;
                                          spec.target = QStringLiteral("count");
                                          spec.args = {Value::fromInt(2)};
                                          return spec;
                                      }(),
                                      LaunchSpec::Mode::Thread});
        QTRY_VERIFY_WITH_TIMEOUT(Worker::isFinal(launched.first()->state()), kTimeout);
        QVERIFY(dialog.runner()->isRunning());

        const int threadsBefore = threadCount(); // the worker's warm thread included
        dialog.cancelButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 1, kTimeout);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(failed.size(), 0);
        QVERIFY(!dialog.runner()->isRunning());
        QCOMPARE(dialog.statusText(), QStringLiteral("Cancelled."));
        QVERIFY(dialog.runButton()->isEnabled());
        QVERIFY(!dialog.cancelButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(liveMembers(group), 0, kTimeout);
        QCOMPARE(threadCount(), threadsBefore);
    }

    // The charts get what was measured: every kind, each bar the JSON's figure, exported.
    void chartsGetTheMeasuredSeries()
    {
        const bool python =
            !BenchRunner::pythonProgram().isEmpty() && !BenchRunner::pythonScript().isEmpty();
        BenchDialog dialog;
        dialog.runner()->setProgram(qEnvironmentVariable("TWINRUN_BINARY"));
        dialog.setOptions(tiny(python));
        QSignalSpy finished(dialog.runner(), &BenchRunner::finished);
        dialog.run();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 2 * kTimeout);
        const QJsonObject twinrun = finished.first().at(0).toJsonObject();
        const QJsonObject py = finished.first().at(1).toJsonObject();
        QCOMPARE(py.isEmpty(), !python);

        const QStringList launch = labels(dialog.launchChart());
        for (const QString& expected :
             {QStringLiteral("TwinRun thread"), QStringLiteral("TwinRun process (spawn)"),
              QStringLiteral("TwinRun process (forkserver)"), QStringLiteral("std::thread (floor)"),
              QStringLiteral("posix_spawn /bin/true (floor)"),
              QStringLiteral("fork + _exit (floor)")})
            QVERIFY2(launch.contains(expected), qPrintable(expected));
        if (python) {
            QVERIFY(launch.contains(QStringLiteral("threading.Thread")));
            QVERIFY(launch.contains(QStringLiteral("multiprocessing spawn")));
        }
        const QJsonObject thread = twinrun[QStringLiteral("launch")][0].toObject();
        QCOMPARE(thread[QStringLiteral("name")].toString(), QStringLiteral("thread"));
        QCOMPARE(dialog.launchChart()->bars().first().value,
                 thread[QStringLiteral("joined_us")][QStringLiteral("median")].toDouble());
        for (const BarChart::Bar& bar : dialog.launchChart()->bars())
            QVERIFY2(bar.value > 0, qPrintable(bar.label));

        const QStringList flood = labels(dialog.floodChart());
        QVERIFY(flood.contains(QStringLiteral("TwinRun thread")));
        QVERIFY(flood.contains(QStringLiteral("TwinRun process (forkserver)")));
        QVERIFY(flood.contains(QStringLiteral("pipe floor (yes | head)")));
        QCOMPARE(flood.count(QStringLiteral("pipe floor (yes | head)")), 1);
        QCOMPARE(dialog.floodChart()->bars().size(), python ? 6 : 4);

        QVERIFY(dialog.exportButton()->isEnabled());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bench.png"));
        QVERIFY(dialog.exportPng(path));
        const QImage image(path);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 720);
        QVERIFY(!dialog.exportPng(dir.filePath(QStringLiteral("missing/dir/bench.png"))));
    }
};

TWINRUN_GUI_TEST_MAIN(TstBench)
#include "tst_bench.moc"
