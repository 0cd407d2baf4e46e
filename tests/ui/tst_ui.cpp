#include "testlaunch.h"
#include "testmain.h"
#include "testsettings.h"
#include "testvalues.h"

#include "arglisteditor.h"
#include "argtype.h"
#include "comparepanel.h"
#include "findbar.h"
#include "invalidmark.h"
#include "launchpanel.h"
#include "mainwindow.h"
#include "outputpane.h"
#include "outputview.h"
#include "paritypanel.h"
#include "workerfiltermodel.h"
#include "workerspanel.h"
#include <twinrun/outputlog.h>
#include <twinrun/session.h>
#include <twinrun/worker.h>
#include <twinrun/workertablemodel.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>

using namespace twinrun;
using State = Worker::State;
using Mode = LaunchSpec::Mode;

Q_DECLARE_METATYPE(twinrun::LaunchSpec::Mode)
Q_DECLARE_METATYPE(twinrun::ArgType)

namespace {

constexpr int kTimeout = 20000;

// The output view shows the seed's lines as plain text, without the last newline.
const QString kSeedOutput = QString::fromUtf8(testvalues::kSeedOutput).chopped(1);

QString cell(const MainWindow& window, Worker* worker, int column)
{
    const WorkerTableModel* model = window.workersPanel()->model();
    return model->indexOf(worker, column).data().toString();
}

bool allEnded(const MainWindow& window)
{
    return window.session()->running().isEmpty();
}

// A window's test ends with nothing running, so no test leaks workers into the next one.
void stopAll(MainWindow& window)
{
    window.session()->stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(allEnded(window), kTimeout);
}

// Clicks a button of the quit dialog as soon as it is shown (it runs a nested event loop).
class QuitDialogClicker : public QObject {
public:
    explicit QuitDialogClicker(const char* button)
        : m_button(QLatin1String(button))
    {
        m_poll.setInterval(20);
        connect(&m_poll, &QTimer::timeout, this, [this] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box || box->objectName() != QLatin1String("quitDialog"))
                return;
            text = box->text();
            box->findChild<QPushButton*>(m_button)->click();
            clicked = true;
            m_poll.stop();
        });
        m_poll.start();
    }
    bool clicked = false;
    QString text;

private:
    QString m_button;
    QTimer m_poll;
};

} // namespace

class TstUi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(twinrun::testing::useOwnSettings(QStringLiteral("tst_ui"))); }

    void init() { QSettings().clear(); }

    void parseArg_data()
    {
        QTest::addColumn<ArgType>("type");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("repr");
        QTest::newRow("int") << ArgType::Int << "0x1f" << true << "31";
        QTest::newRow("int refuses float") << ArgType::Int << "1.5" << false << "";
        QTest::newRow("int refuses word") << ArgType::Int << "abc" << false << "";
        QTest::newRow("int refuses empty") << ArgType::Int << " " << false << "";
        QTest::newRow("float") << ArgType::Float << "1e3" << true << "1000.0";
        QTest::newRow("float takes int") << ArgType::Float << "2" << true << "2.0";
        QTest::newRow("str as typed") << ArgType::Str << "'Edson'" << true << "\"'Edson'\"";
        QTest::newRow("str word") << ArgType::Str << "Edson" << true << "'Edson'";
        QTest::newRow("bool") << ArgType::Bool << "True" << true << "True";
        QTest::newRow("bool refuses 1") << ArgType::Bool << "1" << false << "";
        QTest::newRow("None") << ArgType::None << "ignored" << true << "None";
        QTest::newRow("literal tuple") << ArgType::Literal << "(1, 'a')" << true << "(1, 'a')";
        QTest::newRow("literal bad quote") << ArgType::Literal << "'open" << false << "";
    }
    void parseArg()
    {
        QFETCH(ArgType, type);
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QString, repr);
        const ValueParseResult result = twinrun::parseArg(type, text);
        QCOMPARE(bool(result), ok);
        if (ok)
            QCOMPARE(result.value->repr(), repr);
        else
            QVERIFY(!result.error.isEmpty());
    }

    void seedExampleOnFirstStart()
    {
        MainWindow window;
        QCOMPARE(window.windowTitle(), QStringLiteral("TwinRun"));
        LaunchPanel* panel = window.launchPanel();
        QCOMPARE(panel->spec(), LaunchSpec::seedExample());
        QCOMPARE(panel->argsEditor()->count(), 3);
        QCOMPARE(panel->argsEditor()->row(0)->typeCombo()->currentText(), QStringLiteral("int"));
        QCOMPARE(panel->argsEditor()->row(1)->typeCombo()->currentText(), QStringLiteral("float"));
        QCOMPARE(panel->argsEditor()->row(2)->typeCombo()->currentText(), QStringLiteral("str"));
        QCOMPARE(panel->argsEditor()->row(2)->valueEdit()->text(), QStringLiteral("Edson"));
        QVERIFY(panel->launchButton()->isEnabled());
        QVERIFY(panel->targetCombo()->currentText().startsWith(QStringLiteral("faz_algo(")));
        QCOMPARE(window.parityPanel()->pythonThreadText(),
                 QStringLiteral("threading.Thread(target=faz_algo, args=(1, 1.5, 'Edson'))"));
        QCOMPARE(
            window.parityPanel()->pythonProcessText(),
            QStringLiteral("multiprocessing.Process(target=faz_algo, args=(1, 1.5, 'Edson'))"));
        QVERIFY(
            panel->launchAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Return)));
    }

    void launchSeed_data()
    {
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<QString>("backend");
        QTest::newRow("thread") << Mode::Thread << "thread";
        QTest::newRow("process") << Mode::Process << "process";
        QTest::newRow("process forkserver") << Mode::Process << "process";
    }
    void launchSeed()
    {
        QFETCH(Mode, mode);
        QFETCH(QString, backend);
        const bool forkServer = QByteArray(QTest::currentDataTag()).contains("forkserver");
        MainWindow window;
        window.launchPanel()->setMode(mode);
        auto* method =
            window.launchPanel()->findChild<QComboBox*>(QStringLiteral("startMethodCombo"));
        QVERIFY(method);
        QCOMPARE(method->isEnabled(), mode != Mode::Thread);
        if (forkServer)
            method->setCurrentIndex(method->findText(QStringLiteral("forkserver")));
        QCOMPARE(window.launchPanel()->spec().worker.startMethod,
                 forkServer ? StartMethod::ForkServer : StartMethod::Spawn);
        if (forkServer)
            QVERIFY(window.parityPanel()->pythonProcessText().startsWith(
                QStringLiteral("multiprocessing.get_context('forkserver').Process(")));
        window.launchPanel()->launchButton()->click();
        QCOMPARE(window.session()->count(), 1);
        Worker* worker = window.session()->worker(0);
        QCOMPARE(worker->spec().startMethod,
                 forkServer ? StartMethod::ForkServer : StartMethod::Spawn);
        QTRY_COMPARE_WITH_TIMEOUT(worker->state(), State::Finished, kTimeout);
        QCOMPARE(window.workersPanel()->currentWorker(), worker);
        QCOMPARE(window.outputTabs()->currentWidget(), window.outputPane());
        QTRY_COMPARE(window.outputPane()->view()->toPlainText(), kSeedOutput);
        QTRY_COMPARE(cell(window, worker, WorkerTableModel::State), QStringLiteral("finished"));
        QCOMPARE(cell(window, worker, WorkerTableModel::Backend), backend);
        QCOMPARE(cell(window, worker, WorkerTableModel::Call),
                 QStringLiteral("faz_algo(1, 1.5, 'Edson')"));
        QCOMPARE(cell(window, worker, WorkerTableModel::ExitCode), QStringLiteral("0"));
        QCOMPARE(cell(window, worker, WorkerTableModel::Lines), QStringLiteral("3"));
    }

    void launchBothComparesRuns()
    {
        MainWindow window;
        window.launchPanel()->setMode(Mode::Both);
        window.launchPanel()->launchAction()->trigger();
        QCOMPARE(window.session()->count(), 2);
        Worker* thread = window.session()->worker(0);
        Worker* process = window.session()->worker(1);
        QCOMPARE(thread->backend(), Backend::Thread);
        QCOMPARE(window.session()->partner(thread), process);
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(window), kTimeout);
        QCOMPARE(window.outputTabs()->currentWidget(), window.comparePanel());
        ComparePanel* compare = window.comparePanel();
        QTRY_VERIFY(compare->verdictText().startsWith(QStringLiteral("identical")));
        QTRY_COMPARE(compare->view(0)->toPlainText(), kSeedOutput);
        QTRY_COMPARE(compare->view(1)->toPlainText(), kSeedOutput);
        QCOMPARE(compare->view(0)->highlightedLine(), qsizetype(-1));
        const QString details = compare->findChild<QWidget*>(QStringLiteral("processSide"))
                                    ->findChild<QLabel*>(QStringLiteral("details"))
                                    ->text();
        QVERIFY2(details.contains(QStringLiteral("exit code 0")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral(" ms")) || details.contains(QStringLiteral(" s")),
                 qPrintable(details));

        // A single run has nothing to compare with.
        window.launch(launchSpecOf(QStringLiteral("count"), {Value::fromInt(2)}));
        QCOMPARE(window.outputTabs()->currentWidget(), window.outputPane());
        QVERIFY(!window.outputTabs()->isTabEnabled(1));
        stopAll(window);
    }

    void differingRunsAreHighlighted()
    {
        // whoami prints the worker's name first: the runs differ from the first line on.
        MainWindow window;
        window.launch(launchSpecOf(QStringLiteral("whoami"), {}, Mode::Both));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(window), kTimeout);
        ComparePanel* compare = window.comparePanel();
        QTRY_VERIFY(compare->verdictText().startsWith(QStringLiteral("different")));
        QVERIFY2(compare->verdictText().contains(QStringLiteral("stdout differs from line 1")),
                 qPrintable(compare->verdictText()));
        QCOMPARE(compare->view(0)->highlightedLine(), qsizetype(0));
        QCOMPARE(compare->view(1)->highlightedLine(), qsizetype(0));
        // Every differing line is marked (issue 12), the current one highlighted over them.
        const QList<qsizetype> marked = compare->view(0)->markedLines();
        QVERIFY2(marked.size() >= 4, qPrintable(QString::number(marked.size())));
        QCOMPARE(compare->view(0)->extraSelections().size(), marked.size());
        QCOMPARE(compare->differenceCount(), int(marked.size()));
    }

    void invalidArgumentDisablesLaunch()
    {
        MainWindow window;
        window.show();
        LaunchPanel* panel = window.launchPanel();
        QLineEdit* first = panel->argsEditor()->row(0)->valueEdit();
        first->setText(QStringLiteral("abc"));
        QVERIFY(!panel->launchButton()->isEnabled());
        QVERIFY(!panel->launchAction()->isEnabled());
        QVERIFY(panel->reasonLabel()->isVisible());
        QVERIFY2(panel->reasonLabel()->text().contains(QStringLiteral("expected int")),
                 qPrintable(panel->reasonLabel()->text()));
        QVERIFY(isMarkedInvalid(first));
        QVERIFY(first->toolTip().contains(QStringLiteral("expected int")));
        panel->launchAction()->trigger(); // refused: nothing launches
        QCOMPARE(window.session()->count(), 0);

        first->setText(QStringLiteral("2"));
        QVERIFY(panel->launchButton()->isEnabled());
        QVERIFY(!panel->reasonLabel()->isVisible());
        QVERIFY(!isMarkedInvalid(first));
    }

    void callErrorsAreMarkedOnTheField()
    {
        MainWindow window;
        LaunchPanel* panel = window.launchPanel();
        LaunchSpec spec = launchSpecOf(QStringLiteral("count"), {Value::fromInt(3)});
        spec.worker.kwargs = {{QStringLiteral("bogus"), Value::fromInt(1)}};
        panel->setSpec(spec);
        QVERIFY(!panel->isValid());
        QVERIFY2(panel->problem().contains(QStringLiteral("unexpected keyword argument 'bogus'")),
                 qPrintable(panel->problem()));
        QVERIFY(isMarkedInvalid(panel->kwargsEditor()->row(0)->nameField()));

        panel->kwargsEditor()->row(0)->setName(QStringLiteral("delay"));
        QVERIFY(panel->isValid());
        QCOMPARE(panel->spec().worker.kwargs.first().second, Value::fromInt(1));

        panel->kwargsEditor()->row(0)->valueEdit()->setText(QStringLiteral("-1"));
        QVERIFY(!panel->isValid());
        QVERIFY(isMarkedInvalid(panel->kwargsEditor()->row(0)->valueEdit()));
    }

    void crashIsRefusedAsThread()
    {
        MainWindow window;
        window.show();
        LaunchPanel* panel = window.launchPanel();
        panel->setSpec(launchSpecOf(QStringLiteral("crash"), {}, Mode::Thread));
        QVERIFY(!panel->launchButton()->isEnabled());
        QVERIFY(panel->reasonLabel()->isVisible());
        QVERIFY2(panel->problem().contains(QStringLiteral("refused as a thread")),
                 qPrintable(panel->problem()));
        QVERIFY(isMarkedInvalid(panel->findChild<QWidget*>(QStringLiteral("modeBox"))));
        panel->setMode(Mode::Process);
        QVERIFY(panel->launchButton()->isEnabled());
        panel->setMode(Mode::Both);
        QVERIFY(!panel->launchButton()->isEnabled());
        QVERIFY(panel->problem().contains(QStringLiteral("refused as a thread")));
    }

    void extraRowsOnlyWithVarArgs()
    {
        MainWindow window;
        LaunchPanel* panel = window.launchPanel();
        ArgListEditor* args = panel->argsEditor();
        QVERIFY(args->addButton()->isEnabled()); // faz_algo(*args)

        panel->setSpec(launchSpecOf(QStringLiteral("count"), {Value::fromInt(3)}));
        QCOMPARE(args->row(0)->label(), QStringLiteral("n"));
        QVERIFY(args->addButton()->isEnabled());
        args->addButton()->click();
        QCOMPARE(args->count(), 2);
        QCOMPARE(args->row(1)->label(), QStringLiteral("delay"));
        QCOMPARE(args->row(1)->type(), ArgType::Float);
        QCOMPARE(args->row(1)->text(), QStringLiteral("0.0"));
        QVERIFY(!args->addButton()->isEnabled());
        QVERIFY(args->addButton()->toolTip().contains(QStringLiteral("*args")));
        QVERIFY(panel->isValid());

        // Picking another target in the combo keeps each target's rows.
        QComboBox* combo = panel->targetCombo();
        const int sleepIndex = combo->findData(QStringLiteral("sleep"));
        combo->setCurrentIndex(sleepIndex);
        emit combo->activated(sleepIndex);
        QCOMPARE(args->count(), 1);
        QCOMPARE(args->row(0)->label(), QStringLiteral("seconds"));
        QVERIFY(!panel->isValid()); // seconds is required and empty
        const int countIndex = combo->findData(QStringLiteral("count"));
        combo->setCurrentIndex(countIndex);
        emit combo->activated(countIndex);
        QCOMPARE(args->count(), 2);
        QCOMPARE(panel->spec().worker.args, (Value::Items{Value::fromInt(3), Value::fromFloat(0)}));
    }

    void argRowsMoveAndRemove()
    {
        ArgListEditor editor(ArgRow::Kind::Positional);
        editor.setSignature(TargetRegistry::instance().find(QStringLiteral("faz_algo"))->signature);
        for (const char* text : {"a", "b", "c"})
            editor.addRow()->setState({ArgType::Str, QLatin1String(text), {}});
        QSignalSpy changed(&editor, &ArgListEditor::changed);
        editor.row(2)->findChild<QToolButton*>(QStringLiteral("upButton"))->click();
        QCOMPARE(editor.row(1)->text(), QStringLiteral("c"));
        QCOMPARE(editor.row(1)->label(), QStringLiteral("*args[1]"));
        editor.row(0)->findChild<QToolButton*>(QStringLiteral("downButton"))->click();
        QCOMPARE(editor.states().at(0).text, QStringLiteral("c"));
        QCOMPARE(editor.states().at(1).text, QStringLiteral("a"));
        editor.row(0)->findChild<QToolButton*>(QStringLiteral("removeButton"))->click();
        QCOMPARE(editor.count(), 2);
        QCOMPARE(editor.row(0)->text(), QStringLiteral("a"));
        QVERIFY(!editor.row(0)->findChild<QToolButton*>(QStringLiteral("upButton"))->isEnabled());
        QCOMPARE(changed.count(), 3);
    }

    void parityFollowsForm()
    {
        MainWindow window;
        LaunchPanel* panel = window.launchPanel();
        ParityPanel* parity = window.parityPanel();
        panel->nameEdit()->setText(QStringLiteral("w"));
        panel->daemonCheck()->setChecked(true);
        QCOMPARE(parity->pythonThreadText(),
                 QStringLiteral("threading.Thread(target=faz_algo, args=(1, 1.5, 'Edson'), "
                                "name='w', daemon=True)"));
        QVERIFY(parity->pythonProcessText().startsWith(QStringLiteral("multiprocessing.Process(")));
        QVERIFY(parity->cppText().contains(QStringLiteral("twinrun::Backend::Thread")));
        panel->setMode(Mode::Both);
        QVERIFY(parity->cppText().contains(QStringLiteral("twinrun::Backend::Process")));

        parity->findChild<QToolButton*>(QStringLiteral("pythonProcessTextCopy"))->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), parity->pythonProcessText());
    }

    void killIsDisabledForThreads()
    {
        MainWindow window;
        window.launch(launchSpecOf(QStringLiteral("sleep"), {Value::fromFloat(30)}, Mode::Both));
        Worker* thread = window.session()->worker(0);
        Worker* process = window.session()->worker(1);
        QTRY_VERIFY_WITH_TIMEOUT(process->state() == State::Running, kTimeout);
        WorkersPanel* workers = window.workersPanel();
        workers->selectWorker(thread);
        QVERIFY(!workers->killAction()->isEnabled());
        QVERIFY(workers->killAction()->toolTip().contains(QStringLiteral("cannot be killed")));
        QVERIFY(workers->terminateAction()->isEnabled());
        QVERIFY(!workers->removeAction()->isEnabled()); // running

        workers->selectWorker(process);
        QVERIFY(workers->killAction()->isEnabled());
        workers->killAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(process->state(), State::Killed, kTimeout);
        QCOMPARE(process->exitCode(), std::optional<int>(-9));

        workers->selectWorker(thread);
        workers->terminateAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(thread->state(), State::Terminated, kTimeout);
        QTRY_VERIFY(workers->removeAction()->isEnabled());
        workers->removeAction()->trigger();
        QCOMPARE(window.session()->count(), 1);
        workers->clearFinishedAction()->trigger();
        QCOMPARE(window.session()->count(), 0);
    }

    void htmlOutputIsShownLiterally()
    {
        MainWindow window;
        window.launch(
            launchSpecOf(QStringLiteral("fail"), {Value::fromStr(QStringLiteral("<b>x</b>"))}));
        Worker* worker = window.session()->worker(0);
        QTRY_COMPARE_WITH_TIMEOUT(worker->state(), State::Failed, kTimeout);
        OutputView* view = window.outputPane()->view();
        QTRY_VERIFY(view->toPlainText().contains(QStringLiteral("RuntimeError: <b>x</b>")));
        // stderr is tinted.
        const QTextBlock block = view->document()->lastBlock();
        QVERIFY(block.begin().fragment().charFormat().foreground().color() != QColor(Qt::black));
        QVERIFY(block.begin().fragment().charFormat().hasProperty(QTextFormat::ForegroundBrush));
    }

    void joinWaitsWithoutBlocking()
    {
        MainWindow window;
        WorkersPanel* workers = window.workersPanel();
        window.launch(launchSpecOf(QStringLiteral("sleep"), {Value::fromFloat(0.5)}));
        Worker* worker = window.session()->worker(0);
        workers->joinAction()->trigger();
        QVERIFY(worker->isAlive()); // the trigger returned at once
        QTRY_VERIFY_WITH_TIMEOUT(
            window.statusBar()->currentMessage().contains(QStringLiteral("joined")), kTimeout);
        QVERIFY(!worker->isAlive());

        window.launch(launchSpecOf(QStringLiteral("sleep"), {Value::fromFloat(30)}));
        workers->setJoinTimeout(200);
        workers->joinAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().contains(
                                     QStringLiteral("still running after 0.2 s")),
                                 kTimeout);
        stopAll(window);
    }

    void filterMatchesAnyColumn()
    {
        MainWindow window;
        window.launch(launchSpecOf(QStringLiteral("count"), {Value::fromInt(1)}, Mode::Both));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(window), kTimeout);
        QSortFilterProxyModel* proxy = window.workersPanel()->proxy();
        QLineEdit* filter = window.workersPanel()->filterEdit();
        filter->setText(QStringLiteral("PROCESS"));
        QCOMPARE(proxy->rowCount(), 1);
        filter->setText(QStringLiteral("count(1)"));
        QCOMPARE(proxy->rowCount(), 2);
        filter->setText(QStringLiteral("nothing like it"));
        QCOMPARE(proxy->rowCount(), 0);
        // Selecting a worker the filter hides clears the filter.
        window.workersPanel()->selectWorker(window.session()->worker(0));
        QCOMPARE(proxy->rowCount(), 2);
    }

    void floodIsCappedAndDropsAreShown()
    {
        MainWindow window;
        window.setOutputLineLimit(20000); // one limit: the log's, and so the view's
        window.launch(
            launchSpecOf(QStringLiteral("flood"), {Value::fromInt(30000), Value::fromInt(10)}));
        Worker* worker = window.session()->worker(0);
        QTRY_COMPARE_WITH_TIMEOUT(worker->state(), State::Finished, kTimeout);
        OutputView* view = window.outputPane()->view();
        QTRY_VERIFY(view->document()->lastBlock().text().startsWith(QStringLiteral("30000")));
        QCOMPARE(view->document()->blockCount(), 20000);
        QCOMPARE(window.session()->log(worker)->lineCount(), qsizetype(20000));
        QCOMPARE(view->hiddenLines(), qsizetype(10000));
        QVERIFY2(
            window.outputPane()->noticeText().contains(QStringLiteral("earlier lines dropped")),
            qPrintable(window.outputPane()->noticeText()));
    }

    void partialLinesAreReplacedInPlace()
    {
        OutputLog log;
        OutputView view;
        view.setLog(&log);
        log.append(Channel::Stdout, "one\ntw");
        view.refreshNow();
        QCOMPARE(view.toPlainText(), QStringLiteral("one\ntw"));
        log.append(Channel::Stdout, "o\nthree\n");
        log.append(Channel::Stderr, "<i>err</i>\n");
        view.refreshNow();
        QCOMPARE(view.toPlainText(), QStringLiteral("one\ntwo\nthree\n<i>err</i>"));
        log.clear();
        view.refreshNow();
        QCOMPARE(view.toPlainText(), QString());
    }

    void viewFollowsTheTailUnlessScrolledUp()
    {
        OutputLog log;
        OutputView view;
        view.resize(400, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setLog(&log);
        const auto addLines = [&log](int count) {
            for (int i = 0; i < count; ++i)
                log.append(Channel::Stdout, "line\n");
        };
        QScrollBar* bar = view.verticalScrollBar();
        addLines(100);
        view.refreshNow();
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());
        addLines(10);
        view.refreshNow();
        QCOMPARE(bar->value(), bar->maximum());

        bar->setValue(5); // the user scrolled up to read
        addLines(10);
        view.refreshNow();
        QCOMPARE(bar->value(), 5);

        bar->setValue(bar->maximum()); // back at the end: following again
        addLines(10);
        view.refreshNow();
        QCOMPARE(bar->value(), bar->maximum());
        QCOMPARE(view.document()->blockCount(), 130);
    }

    void findBarFindsText()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.launch(LaunchSpec::seedExample());
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(window), kTimeout);
        QTRY_COMPARE(window.outputPane()->view()->toPlainText(), kSeedOutput);
        window.findChild<QAction*>(QStringLiteral("findAction"))->trigger();
        FindBar* bar = window.outputPane()->findBar();
        QVERIFY(bar->isVisible());
        QTest::keyClicks(bar->edit(), QStringLiteral("Edson"));
        QCOMPARE(window.outputPane()->view()->textCursor().selectedText(), QStringLiteral("Edson"));
        bar->edit()->setText(QStringLiteral("tipo"));
        QVERIFY(bar->findNext());
        const int first = window.outputPane()->view()->textCursor().blockNumber();
        QVERIFY(bar->findNext());
        QVERIFY(window.outputPane()->view()->textCursor().blockNumber() != first);
        bar->edit()->setText(QStringLiteral("no such text"));
        QVERIFY(!bar->findNext());
        QVERIFY(isMarkedInvalid(bar->edit()));
    }

    void presetsRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.json"));
        MainWindow window;
        LaunchSpec spec = launchSpecOf(QStringLiteral("count"), {Value::fromInt(4)}, Mode::Both);
        spec.worker.kwargs.append({QStringLiteral("delay"), Value::fromFloat(0.25)});
        spec.worker.name = QStringLiteral("counter");
        spec.worker.startMethod = StartMethod::ForkServer;
        window.launchPanel()->setSpec(spec);
        QVERIFY(window.savePreset(path));
        window.launchPanel()->setSpec(LaunchSpec::seedExample());
        QVERIFY(window.openPreset(path));
        QCOMPARE(window.launchPanel()->spec(), spec);
        QFile broken(dir.filePath(QStringLiteral("broken.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"version\": 99, \"mode\": \"thread\", \"worker\": {}}");
        broken.close();
        const Status refused = window.openPreset(broken.fileName());
        QVERIFY(!refused);
        QVERIFY2(refused.message().contains(broken.fileName()) &&
                     refused.message().contains(QStringLiteral("newer")),
                 qPrintable(refused.message()));
        QCOMPARE(window.launchPanel()->spec(), spec); // the form is left as it was
    }

    void lastFormIsRestored()
    {
        LaunchSpec spec = launchSpecOf(QStringLiteral("count"), {Value::fromInt(3)}, Mode::Process);
        spec.worker.name = QStringLiteral("counter");
        {
            MainWindow window;
            window.launchPanel()->setSpec(spec);
            window.show();
            QVERIFY(window.close());
        }
        MainWindow window;
        QCOMPARE(window.launchPanel()->spec(), spec);
    }

    void quitAsksThenStops()
    {
        MainWindow window;
        window.show();
        window.launch(launchSpecOf(QStringLiteral("sleep"), {Value::fromFloat(30)}, Mode::Both));
        QuitDialogClicker clicker("stopButton");
        QVERIFY(!window.close()); // stays open until both have ended
        QVERIFY(clicker.clicked);
        QVERIFY2(clicker.text.contains(QStringLiteral("2 workers")), qPrintable(clicker.text));
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), kTimeout);
        QVERIFY(allEnded(window));
        QCOMPARE(window.session()->worker(0)->state(), State::Terminated);
        QCOMPARE(window.session()->worker(1)->state(), State::Terminated);
    }

    void quitWaitsWhenAsked()
    {
        MainWindow window;
        window.show();
        window.launch(launchSpecOf(QStringLiteral("sleep"), {Value::fromFloat(0.5)}));
        QStringList asked;
        window.setQuitPrompt([&asked](const QList<Worker*>& running) {
            for (const Worker* w : running)
                asked << w->name();
            return QuitChoice::Wait;
        });
        QVERIFY(!window.close());
        QCOMPARE(asked, QStringList{window.session()->worker(0)->name()});
        QVERIFY(window.isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), kTimeout);
        QCOMPARE(window.session()->worker(0)->state(), State::Finished);
    }

    void quitCancelKeepsRunning()
    {
        MainWindow window;
        window.show();
        window.launch(launchSpecOf(QStringLiteral("sleep"), {Value::fromFloat(30)}));
        window.setQuitPrompt([](const QList<Worker*>&) { return QuitChoice::Cancel; });
        QVERIFY(!window.close());
        QVERIFY(window.isVisible());
        QVERIFY(window.session()->worker(0)->isAlive());
        stopAll(window);
        QVERIFY(window.isVisible()); // cancelled: ending later does not close it
    }

    // Issue 8 item 11: Cancel leaves everything as it was, daemons included.
    void quitCancelKeepsDaemonsRunning()
    {
        MainWindow window;
        window.show();
        window.launch(
            launchSpecOf(QStringLiteral("sleep"), {Value::fromFloat(30)}, Mode::Thread, true));
        window.launch(launchSpecOf(QStringLiteral("sleep"), {Value::fromFloat(30)}));
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->running().size(), 2, kTimeout);
        Worker* daemon = window.session()->worker(0);
        QVERIFY(daemon->isDaemon());
        window.setQuitPrompt([](const QList<Worker*>&) { return QuitChoice::Cancel; });
        QVERIFY(!window.close());
        QVERIFY(daemon->isAlive());
        QVERIFY(!daemon->stillRunningAfterStop()); // no stop was even asked of it
        QVERIFY(window.session()->worker(1)->isAlive());
        stopAll(window);
    }

    void quitStopsDaemonsWithoutAsking()
    {
        MainWindow window;
        window.show();
        window.launch(
            launchSpecOf(QStringLiteral("sleep"), {Value::fromFloat(30)}, Mode::Both, true));
        bool asked = false;
        window.setQuitPrompt([&asked](const QList<Worker*>&) {
            asked = true;
            return QuitChoice::Cancel;
        });
        window.close();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), kTimeout);
        QVERIFY(!asked);
        QVERIFY(allEnded(window));
    }
};

TWINRUN_GUI_TEST_MAIN(TstUi)

#include "tst_ui.moc"
