#include "testlaunch.h"
#include "testmain.h"

#include "appresources.h"
#include "comparepanel.h"
#include "launchpanel.h"
#include "mainwindow.h"
#include "outputview.h"
#include <twinrun/paritylaunch.h>
#include <twinrun/pythonrun.h>
#include <twinrun/session.h>
#include <twinrun/target.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTabWidget>
#include <QTest>

// The compare view with Python runs (issue 13): up to four columns with their verdicts and
// times, every differing line marked and walked with Next / Previous Difference (issue 12),
// and the form's "Compare with Python" check box, disabled with the reason when it cannot run.

using namespace twinrun;
using Mode = LaunchSpec::Mode;

namespace {

constexpr int kTimeout = 60000;

// A plugin-style target ("<plugin>.<function>"): no Python twin.
const bool registered = [] {
    Target target;
    target.name = QStringLiteral("plug.greet");
    target.description = QStringLiteral("A plugin's target, for the tests.");
    target.run = [](WorkerContext&, const BoundArgs&) { return 0; };
    TargetRegistry::instance().add(target);
    return true;
}();

bool pythonMissing(QString* why)
{
    const PythonSetup setup = PythonSetup::locate();
    *why = setup.error;
    return !setup.isUsable();
}

QString detailsOf(ComparePanel* compare, const char* column)
{
    return compare->findChild<QWidget*>(QLatin1String(column))
        ->findChild<QLabel*>(QStringLiteral("details"))
        ->text();
}

} // namespace

class TstCompare : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fourColumns();
    void nextAndPreviousDifference();
    void pythonCheckSaysWhyItIsOff();
    void portuguese();
};

void TstCompare::fourColumns()
{
    QString why;
    if (pythonMissing(&why))
        QSKIP(qPrintable(QStringLiteral("no CPython: %1").arg(why)));
    MainWindow window;
    window.resize(1200, 700);
    window.show();
    LaunchPanel* panel = window.launchPanel();
    panel->setMode(Mode::Both);
    QVERIFY(panel->pythonCheck()->isEnabled());
    panel->pythonCheck()->setChecked(true);
    panel->launchAction()->trigger(); // the seed's example, four ways
    ComparePanel* compare = window.comparePanel();
    QCOMPARE(window.outputTabs()->currentWidget(), compare);
    // One title for two runs and for four.
    QCOMPARE(window.outputTabs()->tabText(window.outputTabs()->currentIndex()),
             QStringLiteral("Compare Runs"));
    for (int column = 0; column < ComparePanel::kColumns; ++column)
        QVERIFY(compare->isColumnShown(column));
    QTRY_VERIFY_WITH_TIMEOUT(compare->isFinal(), kTimeout);
    QTRY_VERIFY(compare->verdictText().contains(QStringLiteral("Python Process:")));
    const QStringList lines = compare->verdictText().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines[0], QStringLiteral("Thread vs Python Thread: identical"));
    QCOMPARE(lines[1], QStringLiteral("Process vs Python Process: identical"));
    QCOMPARE(lines[2], QStringLiteral("Thread vs Process: identical"));
    QCOMPARE(lines[3], QStringLiteral("Python Thread vs Python Process: identical"));
    // The whole verdicts, as the command line words them, in the tooltip.
    QVERIFY(compare->findChild<QLabel*>(QStringLiteral("verdictLabel"))
                ->toolTip()
                .contains(QStringLiteral(
                    "Thread vs Python Thread: identical: same stdout, stderr and exit code")));
    const QByteArray seed = "Fazendo algo com o \"1\" do tipo <class 'int'>.\n"
                            "Fazendo algo com o \"1.5\" do tipo <class 'float'>.\n"
                            "Fazendo algo com o \"Edson\" do tipo <class 'str'>.";
    for (int column = 0; column < ComparePanel::kColumns; ++column)
        QTRY_COMPARE(compare->view(column)->toPlainText().toUtf8(), seed);
    const QString python = detailsOf(compare, "pythonProcessSide");
    QVERIFY2(python.startsWith(QStringLiteral("finished · exit code 0\n")), qPrintable(python));
    QVERIFY2(python.contains(QStringLiteral("CPU ")), qPrintable(python));
    // Every run's CPU time beside its wall time, TwinRun's too (runTimeText's one style), on
    // a line of its own.
    const QRegularExpression time(QStringLiteral("\n[0-9.]+ (ms|s), CPU [0-9.]+ (ms|s)$"));
    for (const char* side : {"threadSide", "processSide", "pythonThreadSide", "pythonProcessSide"})
        QTRY_VERIFY2(time.match(detailsOf(compare, side)).hasMatch(),
                     qPrintable(detailsOf(compare, side)));
    QCOMPARE(compare->differenceCount(), 0);
    QVERIFY(!compare->nextDifferenceAction()->isEnabled());

    // A launch without Python shows two columns again.
    panel->pythonCheck()->setChecked(false);
    panel->launchAction()->trigger();
    QVERIFY(compare->isColumnShown(0) && compare->isColumnShown(1));
    QVERIFY(!compare->isColumnShown(2) && !compare->isColumnShown(3));
    QVERIFY(!compare->findChild<QWidget*>(QStringLiteral("pythonThreadSide"))->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->running().isEmpty(), kTimeout);
    for (const char* side : {"threadSide", "processSide"})
        QTRY_VERIFY2(time.match(detailsOf(compare, side)).hasMatch(),
                     qPrintable(detailsOf(compare, side)));
}

void TstCompare::nextAndPreviousDifference()
{
    QString why;
    if (pythonMissing(&why))
        QSKIP(qPrintable(QStringLiteral("no CPython: %1").arg(why)));
    // whoami: the same labels with values of their own; thread and Python Thread only.
    MainWindow window;
    window.resize(1000, 700);
    window.show();
    window.launch(launchSpecOf(QStringLiteral("whoami"), {}, Mode::Thread), true);
    ComparePanel* compare = window.comparePanel();
    QTRY_VERIFY_WITH_TIMEOUT(compare->isFinal(), kTimeout);
    QTRY_COMPARE(compare->verdictText(),
                 QStringLiteral("Thread vs Python Thread: differs as documented "
                                "(values that differ by nature)"));
    QVERIFY(compare->isColumnShown(0) && compare->isColumnShown(2));
    QVERIFY(!compare->isColumnShown(1) && !compare->isColumnShown(3));
    const int count = compare->differenceCount();
    QVERIFY2(count >= 4, qPrintable(QString::number(count)));
    OutputView* thread = compare->view(0);
    OutputView* python = compare->view(2);
    QCOMPARE(thread->markedLines().size(), count);
    QCOMPARE(python->markedLines().size(), count);
    QCOMPARE(compare->currentDifference(), 0);
    QCOMPARE(thread->highlightedLine(), thread->markedLines()[0]);

    // F8 / Shift+F8, from the keyboard, wrapping at both ends.
    compare->view(0)->setFocus();
    QTest::keyClick(compare->view(0), Qt::Key_F8);
    QCOMPARE(compare->currentDifference(), 1);
    QCOMPARE(thread->highlightedLine(), thread->markedLines()[1]);
    QCOMPARE(python->highlightedLine(), python->markedLines()[1]);
    QTest::keyClick(compare->view(0), Qt::Key_F8, Qt::ShiftModifier);
    QTest::keyClick(compare->view(0), Qt::Key_F8, Qt::ShiftModifier);
    QCOMPARE(compare->currentDifference(), count - 1);
    QCOMPARE(thread->highlightedLine(), thread->markedLines().last());
    compare->nextDifferenceAction()->trigger();
    QCOMPARE(compare->currentDifference(), 0);
    const QLabel* position = compare->findChild<QLabel*>(QStringLiteral("differencePosition"));
    QCOMPARE(position->text(), QStringLiteral("Difference 1 of %1").arg(count));
    // Every marked line is drawn, the current one too.
    QCOMPARE(thread->extraSelections().size(), count);
}

void TstCompare::pythonCheckSaysWhyItIsOff()
{
    {
        // No python3 on PATH: the option is off and says what is missing.
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", "/nonexistent");
        MainWindow window;
        qputenv("PATH", path);
        QCheckBox* check = window.launchPanel()->pythonCheck();
        QVERIFY(!check->isEnabled());
        QVERIFY2(check->toolTip().contains(QStringLiteral("python3 was not found on PATH")),
                 qPrintable(check->toolTip()));
        QVERIFY(!window.launchPanel()->compareWithPython());
    }
    QString why;
    if (pythonMissing(&why))
        return;
    MainWindow window;
    LaunchPanel* panel = window.launchPanel();
    QVERIFY(panel->pythonCheck()->isEnabled());
    panel->setSpec(launchSpecOf(QStringLiteral("plug.greet"), {}));
    QVERIFY(!panel->pythonCheck()->isEnabled());
    QVERIFY2(panel->pythonCheck()->toolTip().contains(QStringLiteral("plugin")),
             qPrintable(panel->pythonCheck()->toolTip()));
    panel->setSpec(launchSpecOf(QStringLiteral("count"), {Value::fromInt(1)}));
    QVERIFY(panel->pythonCheck()->isEnabled());
}

// Under pt_BR the columns' states and the verdicts with Python are Portuguese (the verdicts'
// English stays in --json, tst_clitranslation); what the runs printed is not translated.
void TstCompare::portuguese()
{
    QString why;
    if (pythonMissing(&why))
        QSKIP(qPrintable(QStringLiteral("no CPython: %1").arg(why)));
    QCOMPARE(installTranslations(qApp, QLocale(QStringLiteral("pt_BR"))), QStringLiteral("pt_BR"));
    auto english = qScopeGuard([] { installTranslations(qApp, QLocale::c()); });
    MainWindow window;
    window.resize(1200, 700);
    window.show();
    LaunchPanel* panel = window.launchPanel();
    panel->setMode(Mode::Both);
    panel->pythonCheck()->setChecked(true);
    panel->launchAction()->trigger();
    ComparePanel* compare = window.comparePanel();
    QTRY_VERIFY_WITH_TIMEOUT(compare->isFinal(), kTimeout);
    QTRY_VERIFY2(compare->verdictText().contains(QStringLiteral("Process do Python:")),
                 qPrintable(compare->verdictText()));
    const QString tooltip = compare->findChild<QLabel*>(QStringLiteral("verdictLabel"))->toolTip();
    QVERIFY2(tooltip.contains(QStringLiteral("idênticos: mesma stdout, stderr e código de saída")),
             qPrintable(tooltip));
    QVERIFY2(!tooltip.contains(QStringLiteral("identical")), qPrintable(tooltip));
    for (const char* side : {"threadSide", "processSide", "pythonThreadSide", "pythonProcessSide"})
        QTRY_VERIFY2(
            detailsOf(compare, side).startsWith(QStringLiteral("concluído · código de saída 0\n")),
            qPrintable(detailsOf(compare, side)));

    // A documented difference names its rule by its translated title, not by its key.
    window.launch(launchSpecOf(QStringLiteral("whoami"), {}, Mode::Thread), true);
    QTRY_COMPARE_WITH_TIMEOUT(compare->verdictText(),
                              QStringLiteral("Thread vs Thread do Python: diferem como documentado "
                                             "(valores que diferem por natureza)"),
                              kTimeout);
}

TWINRUN_GUI_TEST_MAIN(TstCompare)
#include "tst_compare.moc"
