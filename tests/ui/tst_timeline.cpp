#include "mainwindow.h"
#include "testlaunch.h"
#include "testmain.h"
#include "testsettings.h"
#include "testvalues.h"
#include "timelinelayout.h"
#include "timelineview.h"
#include "workerspanel.h"
#include <twinrun/session.h>

#include <QFileInfo>
#include <QImage>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace twinrun;
using testvalues::f;
using Mode = LaunchSpec::Mode;

namespace {
constexpr int kTimeout = 30000;
}

// The timeline: its geometry, only visible rows painted, selection shared with the table.
class TstTimeline : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(twinrun::testing::useOwnSettings(QStringLiteral("tst_timeline")));
        QSettings().clear();
    }

    void layoutGeometry()
    {
        TimelineLayout l;
        l.labelWidth = 100;
        l.axisHeight = 20;
        l.rowHeight = 10;
        l.msPerPx = 2.0;
        QCOMPARE(l.xOf(0), 100.0);
        QCOMPARE(l.msAt(l.xOf(123.0)), 123.0);
        QCOMPARE(l.rowAt(5, 50), -1); // the axis
        QCOMPARE(l.rowAt(20, 50), 0);
        QCOMPARE(l.rowAt(45, 50), 2);
        QCOMPARE(l.rowAt(20 + 50 * 10, 50), -1); // past the last row
        l.scrollY = 35;
        QCOMPARE(l.rowAt(20, 50), 3);
        const auto [first, last] = l.visibleRows(120, 1000); // 100 px of rows from 35
        QCOMPARE(first, 3);
        QCOMPARE(last, 13);
        QCOMPARE(l.visibleRows(120, 0).second, -1);
        // Zooming keeps the time under the pointer where it is.
        l.scrollY = 0;
        const double before = l.msAt(300);
        l.zoomAround(300, 4.0);
        QCOMPARE(l.msPerPx, 0.5);
        QVERIFY(std::abs(l.msAt(300) - before) <= l.msPerPx);
        // The shortest run still shows.
        QVERIFY(l.barRect(0, 10, 10).width() >= 2.0);
        l.fit(1000, 500);
        QCOMPARE(l.msPerPx, 2.0);
        QCOMPARE(l.maxScrollX(1000, 700), 0);
        QCOMPARE(l.maxScrollX(2000, 700), 1000 + 8 - 600);
        QVERIFY(l.maxScrollY(1000, 120) == 1000 * 10 - 100);
        QCOMPARE(tickStepMs(1.0, 90), 100.0);
        QCOMPARE(tickStepMs(0.01, 90), 1.0);
    }

    // A thousand finished workers: only the rows in view are painted.
    void paintsOnlyVisibleRows()
    {
        Session session;
        for (int i = 0; i < 1000; ++i)
            session.launch(launchSpecOf("noop", {}));
        QTRY_VERIFY_WITH_TIMEOUT(session.running().isEmpty(), kTimeout);
        TimelineView view(&session);
        view.resize(600, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.viewport()->grab();
        const int rowsInView = view.viewport()->height() / view.layout().rowHeight + 1;
        QVERIFY2(view.lastPaintedRows() > 0 && view.lastPaintedRows() <= rowsInView,
                 qPrintable(QString::number(view.lastPaintedRows())));
        QVERIFY(view.verticalScrollBar()->maximum() > 0);
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
        view.viewport()->grab();
        QVERIFY(view.lastPaintedRows() <= rowsInView);
        // Selecting the last worker from outside scrolls it into view.
        view.verticalScrollBar()->setValue(0);
        view.setCurrentWorker(session.worker(999));
        QCOMPARE(view.currentWorker(), session.worker(999));
        QCOMPARE(view.verticalScrollBar()->value(), view.verticalScrollBar()->maximum());
    }

    // A click on a row selects that worker in the table; the table's choice shows in the
    // timeline. Keys move it too. Export writes PNG (and SVG when built with Qt SVG).
    void selectionFollowsTheTable()
    {
        MainWindow window;
        window.resize(900, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QList<Worker*> first = window.launch(launchSpecOf("sleep", {f(60.0)}, Mode::Both));
        const QList<Worker*> second = window.launch(launchSpecOf("noop", {}, Mode::Thread));
        QCOMPARE(first.size() + second.size(), 3);
        TimelineView* timeline = window.timeline();
        QVERIFY(timeline);
        WorkersPanel* panel = window.findChild<WorkersPanel*>();
        QVERIFY(panel);
        QCOMPARE(timeline->currentWorker(), second[0]); // the last launch is selected

        panel->selectWorker(first[1]);
        QCOMPARE(timeline->currentWorker(), first[1]);

        auto* tabs = timeline->parentWidget()->parentWidget();
        QVERIFY(tabs);
        QMetaObject::invokeMethod(tabs, "setCurrentWidget", Q_ARG(QWidget*, timeline));
        QTRY_VERIFY(timeline->isVisible());
        const TimelineLayout& l = timeline->layout();
        QSignalSpy activated(timeline, &TimelineView::workerActivated);
        QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {},
                          QPoint(l.labelWidth + 20, l.rowTop(0) + l.rowHeight / 2));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(panel->currentWorker(), first[0]);
        QCOMPARE(timeline->currentWorker(), first[0]);
        QVERIFY(timeline->isVisible()); // selecting does not switch the tab away

        QTest::keyClick(timeline, Qt::Key_Down);
        QCOMPARE(panel->currentWorker(), first[1]);
        QTest::keyClick(timeline, Qt::Key_End);
        QCOMPARE(panel->currentWorker(), second[0]);

        QTemporaryDir dir;
        const QString png = dir.filePath("timeline.png");
        QCOMPARE(timeline->exportTo(png), QString());
        QCOMPARE(QImage(png).size(), timeline->viewport()->size());
        const QString svg = dir.filePath("timeline.svg");
        if (TimelineView::canExportSvg()) {
            QCOMPARE(timeline->exportTo(svg), QString());
            QVERIFY(QFileInfo(svg).size() > 0);
        } else {
            QVERIFY(!timeline->exportTo(svg).isEmpty());
        }
        window.session()->stopAll();
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->running().isEmpty(), kTimeout);
    }
};

TWINRUN_GUI_TEST_MAIN(TstTimeline)

#include "tst_timeline.moc"
