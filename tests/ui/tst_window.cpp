// The window as a new user meets it (issue 12): layout at 800x600, keyboard, dark theme,
// quit and join feedback, stop notes, output limits, form state, translations, resources.
#include "testlaunch.h"
#include "testmain.h"
#include "testsettings.h"

#include "appresources.h"
#include "arglisteditor.h"
#include "comparepanel.h"
#include "joinbar.h"
#include "launchpanel.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "outputpane.h"
#include "outputview.h"
#include "paritypanel.h"
#include "themecolors.h"
#include "workerfiltermodel.h"
#include "workerspanel.h"
#include <twinrun/outputlog.h>
#include <twinrun/runtext.h>
#include <twinrun/session.h>
#include <twinrun/worker.h>
#include <twinrun/workertablemodel.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

using namespace twinrun;
using State = Worker::State;
using Mode = LaunchSpec::Mode;

namespace {

constexpr int kTimeout = 20000;

void stopAll(MainWindow& window)
{
    window.session()->stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->running().isEmpty(), kTimeout);
}

bool fullyVisible(QTableView* view, int column)
{
    const QHeaderView* header = view->horizontalHeader();
    const int x = header->sectionViewportPosition(column);
    return !header->isSectionHidden(column) && x >= 0 &&
           x + header->sectionSize(column) <= view->viewport()->width();
}

QString stateCell(const WorkersPanel* panel, Worker* worker)
{
    const QModelIndex source = panel->model()->indexOf(worker, WorkerTableModel::State);
    return panel->proxy()->mapFromSource(source).data().toString();
}

// The largest difference of any channel of any pixel, 0 for the same pixels.
int difference(const QImage& a, const QImage& b)
{
    const QImage x = a.convertToFormat(QImage::Format_ARGB32);
    const QImage y = b.convertToFormat(QImage::Format_ARGB32);
    if (x.size() != y.size())
        return 256;
    int most = 0;
    for (int row = 0; row < x.height(); ++row) {
        for (int col = 0; col < x.width(); ++col) {
            const QRgb p = x.pixel(col, row);
            const QRgb q = y.pixel(col, row);
            most = std::max({most, std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                             std::abs(qBlue(p) - qBlue(q)), std::abs(qAlpha(p) - qAlpha(q))});
        }
    }
    return most;
}

bool overflows(QToolBar* toolBar)
{
    auto* ext = toolBar->findChild<QToolButton*>(QStringLiteral("qt_toolbar_ext_button"));
    return ext && ext->isVisible();
}

} // namespace

class TstWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(twinrun::testing::useOwnSettings(QStringLiteral("tst_window"))); }

    void init() { QSettings().clear(); }

    // Item 1: columns sized to content, Call last and eliding, pid/tid shown, choices kept.
    void columnsFitAndAreKept()
    {
        {
            MainWindow window;
            window.resize(800, 600);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QTableView* view = window.workersPanel()->view();
            QHeaderView* header = view->horizontalHeader();
            // pid/tid shown by default: at 800x600 folded for want of room, not hidden.
            emit window.workersPanel()->columnsMenu()->aboutToShow();
            QVERIFY(window.workersPanel()
                        ->columnsMenu()
                        ->actions()
                        .at(WorkerTableModel::Ident)
                        ->isChecked());
            QCOMPARE(header->logicalIndex(WorkerTableModel::ColumnCount - 1),
                     int(WorkerTableModel::Call));
            QVERIFY(fullyVisible(view, WorkerTableModel::State));
            QVERIFY(fullyVisible(view, WorkerTableModel::ExitCode));
            // Wide enough for the longest usual content: no elided state or exit code.
            const QFontMetrics fm = view->fontMetrics();
            QVERIFY(header->sectionSize(WorkerTableModel::ExitCode) >
                    fm.horizontalAdvance(QStringLiteral("-11 (SIGSEGV)")));
            QVERIFY(header->sectionSize(WorkerTableModel::State) >
                    fm.horizontalAdvance(QStringLiteral("terminated")) + 12);
            window.workersPanel()->columnsMenu()->actions().at(WorkerTableModel::Ident)->trigger();
            header->resizeSection(WorkerTableModel::Name, 222);
            window.close();
        }
        MainWindow again;
        QHeaderView* header = again.workersPanel()->view()->horizontalHeader();
        QVERIFY(header->isSectionHidden(WorkerTableModel::Ident));
        QCOMPARE(header->sectionSize(WorkerTableModel::Name), 222);
    }

    // Item 2: keyword rows offer the signature's parameters, typed and with their defaults.
    void keywordsFollowTheSignature()
    {
        MainWindow window;
        LaunchPanel* panel = window.launchPanel();
        panel->setSpec(launchSpecOf(QStringLiteral("count"), {Value::fromInt(3)}));
        ArgListEditor* kwargs = panel->kwargsEditor();
        kwargs->addButton()->click();
        QCOMPARE(kwargs->count(), 1);
        ArgRow* row = kwargs->row(0);
        QCOMPARE(row->name(), QStringLiteral("delay")); // n is given positionally already
        QCOMPARE(row->type(), ArgType::Float);
        QCOMPARE(row->text(), QStringLiteral("0.0"));
        QVERIFY(!row->nameCombo()->isEditable()); // no **kwargs: no free names
        QVERIFY(panel->isValid());
        row->valueEdit()->setText(QStringLiteral("0.2"));
        QCOMPARE(panel->spec().worker.kwargs.first().second, Value::fromFloat(0.2));

        // Another name picked on a row the user has not typed in follows that parameter.
        kwargs->addButton()->click();
        ArgRow* second = kwargs->row(1);
        QCOMPARE(second->name(), QStringLiteral("n"));
        QCOMPARE(second->type(), ArgType::Int);
        QVERIFY(!kwargs->addButton()->isEnabled()); // every keyword parameter is given
        kwargs->removeRow(0);
        QTRY_COMPARE(kwargs->count(), 1);
        second->nameCombo()->setCurrentIndex(
            second->nameCombo()->findText(QStringLiteral("delay")));
        emit second->nameCombo()->activated(second->nameCombo()->currentIndex());
        QCOMPARE(second->type(), ArgType::Float);
        QCOMPARE(second->text(), QStringLiteral("0.0"));
    }

    // Item 3: tab order, mnemonics, focus on the first field that needs input, a keyboard launch.
    void keyboardOnlyLaunch()
    {
        MainWindow window;
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        LaunchPanel* panel = window.launchPanel();
        QTRY_COMPARE(QApplication::focusWidget(), panel->targetCombo());

        // Tab order: target, arguments, keywords, run as, name, daemon, Launch, table, output.
        const QList<QWidget*> expected{
            panel->targetCombo(),
            panel->argsEditor()->row(0)->valueEdit(),
            panel->argsEditor()->row(2)->valueEdit(),
            panel->kwargsEditor()->addButton(),
            panel->findChild<QRadioButton*>(QStringLiteral("threadRadio")),
            panel->nameEdit(),
            panel->daemonCheck(),
            panel->launchButton(),
            window.workersPanel()->view(),
            window.outputPane()->view()};
        QList<QWidget*> chain;
        QWidget* w = panel->targetCombo();
        for (int i = 0; i < 200 && chain.size() < 200; ++i, w = w->nextInFocusChain())
            chain << w;
        qsizetype last = -1;
        for (QWidget* widget : expected) {
            const qsizetype at = chain.indexOf(widget);
            QVERIFY2(at > last, qPrintable(widget->objectName()));
            last = at;
        }

        // Mnemonics: Alt+N goes to the name.
        QTest::keyClick(&window, Qt::Key_N, Qt::AltModifier);
        QTRY_COMPARE(QApplication::focusWidget(), panel->nameEdit());
        QTest::keyClick(&window, Qt::Key_T, Qt::AltModifier);
        QTRY_COMPARE(QApplication::focusWidget(), panel->targetCombo());

        // Pick count by typing, as a user does (each key to the focused widget): "c" picks
        // count and "o" still goes to the combo; then focus lands on n, the field that needs input.
        for (char key : {'c', 'o'})
            QTest::keyClick(QApplication::focusWidget(), key);
        QCOMPARE(panel->spec().worker.target, QStringLiteral("count"));
        QLineEdit* n = panel->argsEditor()->row(0)->valueEdit();
        QTRY_COMPARE(QApplication::focusWidget(), n);
        QTest::keyClick(QApplication::focusWidget(), '2');
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(window.session()->count(), 1);
        QCOMPARE(window.session()->worker(0)->spec().target, QStringLiteral("count"));
        stopAll(window);
    }

    // Item 4: after Wait the window says a close is pending, refuses launches, can cancel.
    void pendingCloseIsShownAndCancellable()
    {
        MainWindow window;
        window.show();
        window.setQuitPrompt([](const QList<Worker*>&) { return QuitChoice::Wait; });
        window.launch(launchSpecOf(QStringLiteral("sleep"), {Value::fromFloat(30)}));
        QVERIFY(!window.close());
        QVERIFY(window.isVisible());
        QVERIFY(window.isClosePending());
        QVERIFY(window.closeBar()->isVisible());
        QVERIFY(window.closeBar()->text().contains(QStringLiteral("close")));
        QVERIFY(!window.launchPanel()->launchAction()->isEnabled());
        QVERIFY(!window.workersPanel()->rerunAction()->isEnabled() ||
                window.workersPanel()->selectedWorkers().isEmpty());
        QVERIFY(window.launch(LaunchSpec::seedExample()).isEmpty());

        window.closeBar()->findChild<QPushButton*>(QStringLiteral("cancelCloseButton"))->click();
        QVERIFY(!window.isClosePending());
        QVERIFY(!window.closeBar()->isVisible());
        QVERIFY(window.launchPanel()->launchAction()->isEnabled());
        stopAll(window);
        QCoreApplication::processEvents(); // a queued close would run now
        QCoreApplication::processEvents();
        QVERIFY(window.isVisible());
    }

    // Item 5: a stop that a thread ignores stays visible in its row until it ends.
    void stopRequestIsShownUntilTheEnd()
    {
        MainWindow window;
        const QList<Worker*> workers =
            window.launch(launchSpecOf(QStringLiteral("stubborn"), {Value::fromFloat(1.5)}));
        Worker* worker = workers.first();
        worker->setTerminateGraceMs(200);
        QTRY_COMPARE_WITH_TIMEOUT(worker->state(), State::Running, kTimeout);
        WorkersPanel* panel = window.workersPanel();
        panel->selectWorker(worker);
        panel->terminateAction()->trigger();
        QVERIFY2(stateCell(panel, worker).contains(QStringLiteral("stop requested")),
                 qPrintable(stateCell(panel, worker)));
        QTRY_VERIFY_WITH_TIMEOUT(
            stateCell(panel, worker).contains(QStringLiteral("still running, cannot be killed")),
            kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(!worker->isAlive(), kTimeout);
        QTRY_VERIFY(!stateCell(panel, worker).contains(QStringLiteral("—")));
    }

    // Item 6: Join shows it is waiting, can be cancelled, and its timeout is a setting.
    void joinShowsProgressAndCancels()
    {
        MainWindow window;
        window.show();
        WorkersPanel* panel = window.workersPanel();
        panel->setJoinTimeout(60000);
        const QList<Worker*> workers =
            window.launch(launchSpecOf(QStringLiteral("sleep"), {Value::fromFloat(30)}));
        QSignalSpy messages(panel, &WorkersPanel::statusMessage);
        panel->joinAction()->trigger();
        QVERIFY(panel->joinBar()->isVisible());
        QVERIFY2(panel->joinBar()->text().contains(workers.first()->name()),
                 qPrintable(panel->joinBar()->text()));
        QVERIFY(panel->joinBar()->text().contains(QStringLiteral("60 s")));
        panel->joinBar()->cancelButton()->click();
        QVERIFY(!panel->joinBar()->isVisible());
        QVERIFY(messages.last().first().toString().contains(QStringLiteral("cancelled")));

        panel->setJoinTimeout(150); // runs out: reported, bar gone
        panel->joinAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!panel->joinBar()->isVisible(), kTimeout);
        QVERIFY(messages.last().first().toString().contains(QStringLiteral("still running")));
        QCOMPARE(WorkersPanel(window.session()).joinTimeout(), 150); // kept in QSettings
        stopAll(window);
    }

    // Item 7: 800x600: no toolbar overflow, the form gets its height, the code panel folds.
    void layoutWorksAt800x600()
    {
        MainWindow window;
        window.resize(800, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.width() <= 800 && window.height() <= 600);
        QTRY_VERIFY(!overflows(window.workersPanel()->toolBar()));
        QVERIFY(!overflows(window.outputPane()->toolBar()));
        for (QAction* action : window.workersPanel()->workerActions())
            QVERIFY(window.workersPanel()->toolBar()->widgetForAction(action)->isVisible());
        auto* left = window.findChild<QSplitter*>(QStringLiteral("leftSplitter"));
        QVERIFY(left->sizes().first() >=
                std::min(window.launchPanel()->idealHeight(), left->height() - 10));
        QVERIFY(window.launchPanel()->launchButton()->isVisible());
        // The form's fields are whole, not cut off at the splitter.
        QVERIFY(left->width() >= window.launchPanel()->minimumFieldsWidth());
        // The code panel can be brought back and folded again from the View menu.
        window.codePanelAction()->trigger();
        QCOMPARE(left->sizes().value(1) > 0, window.codePanelAction()->isChecked());
        window.codePanelAction()->trigger();
        QCOMPARE(left->sizes().value(1) > 0, window.codePanelAction()->isChecked());
        // The main splitter gives the table room: State and Exit code in sight (item 1).
        QVERIFY(fullyVisible(window.workersPanel()->view(), WorkerTableModel::ExitCode));
    }

    // Item 8: every colour the window sets reads on a light and on a dark palette.
    void coloursFollowThePalette_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void coloursFollowThePalette()
    {
        QFETCH(bool, dark);
        const QPalette saved = QApplication::palette();
        if (dark)
            QApplication::setPalette(theme::darkPalette());
        auto restore = qScopeGuard([&saved] { QApplication::setPalette(saved); });
        MainWindow window;
        const QPalette palette = window.palette();
        QCOMPARE(theme::isDark(palette), dark);

        // An invalid field: its text and placeholder stay readable on the tint.
        LaunchPanel* panel = window.launchPanel();
        QLineEdit* value = panel->argsEditor()->row(0)->valueEdit();
        value->clear();
        QVERIFY(!panel->isValid());
        const QPalette field = value->palette();
        QVERIFY(theme::contrastRatio(field.color(QPalette::Text), field.color(QPalette::Base)) >=
                4.5);
        QVERIFY(theme::contrastRatio(field.color(QPalette::PlaceholderText),
                                     field.color(QPalette::Base)) >= 2.5);
        QVERIFY(field.color(QPalette::Base) != palette.color(QPalette::Base)); // tinted
        // The reason under the form.
        const QPalette reason = panel->reasonLabel()->palette();
        QVERIFY(theme::contrastRatio(reason.color(QPalette::WindowText),
                                     palette.color(QPalette::Window)) >= 4.5);

        // stderr in the output view.
        window.launch(launchSpecOf(QStringLiteral("fail"), {Value::fromStr(QStringLiteral("x"))}));
        Worker* worker = window.session()->worker(0);
        QTRY_VERIFY_WITH_TIMEOUT(!worker->isAlive(), kTimeout);
        OutputView* view = window.outputPane()->view();
        view->refreshNow();
        QTRY_VERIFY(view->document()->firstBlock().text().contains(QStringLiteral("RuntimeError")));
        QTextCursor cursor(view->document()->firstBlock());
        cursor.movePosition(QTextCursor::NextCharacter);
        const QColor stderrColor = cursor.charFormat().foreground().color();
        QVERIFY2(theme::contrastRatio(stderrColor, view->palette().color(QPalette::Base)) >= 4.5,
                 qPrintable(stderrColor.name()));

        // Message bars.
        window.noticeBar()->showMessage(QStringLiteral("note"), MessageBar::Kind::Warning);
        const QPalette bar = window.noticeBar()->palette();
        QVERIFY(theme::contrastRatio(bar.color(QPalette::WindowText),
                                     bar.color(QPalette::Window)) >= 4.5);
        window.closeBar()->showMessage(QStringLiteral("note"));
        const QPalette info = window.closeBar()->palette();
        QVERIFY(theme::contrastRatio(info.color(QPalette::WindowText),
                                     info.color(QPalette::Window)) >= 4.5);
        // The verdict colours the comparison uses.
        for (const QColor& background :
             {theme::successBackground(palette), theme::failureBackground(palette)}) {
            const QPalette p = theme::barPalette(palette, background);
            QVERIFY(theme::contrastRatio(p.color(QPalette::WindowText), background) >= 4.5);
        }
    }

    // Item 9: one limit; saved files say what was dropped; a scrolled-up view holds still.
    void oneOutputLimitAndSavedFilesSayWhatWasDropped()
    {
        QTemporaryDir dir;
        {
            MainWindow window;
            window.setOutputLineLimit(1000);
            window.launch(
                launchSpecOf(QStringLiteral("flood"), {Value::fromInt(1500), Value::fromInt(10)}));
            Worker* worker = window.session()->worker(0);
            QTRY_COMPARE_WITH_TIMEOUT(worker->state(), State::Finished, kTimeout);
            OutputLog* log = window.session()->log(worker);
            QCOMPARE(log->lineCount(), qsizetype(1000));
            QCOMPARE(window.outputPane()->view()->maximumBlockCount(), 1000);
            const QString path = dir.filePath(QStringLiteral("out.log"));
            QVERIFY(window.outputPane()->saveOutputTo(path));
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QList<QByteArray> lines = file.readAll().split('\n');
            QVERIFY2(lines.first().contains("500 earlier lines were dropped"), lines.first());
            QCOMPARE(lines.size(), 1 + 1000 + 1); // the note, the lines, the last newline
            QCOMPARE(lines.at(1), log->line(0).bytes);
        }
        MainWindow again;
        QCOMPARE(again.outputLineLimit(), 1000);
    }

    void scrolledUpViewHoldsStillDuringAFlood()
    {
        OutputLog log;
        log.setLimits({1000, 32 * 1024 * 1024, 64 * 1024});
        OutputView view;
        view.resize(400, 300);
        view.setLog(&log);
        QByteArray text;
        for (int i = 0; i < 1000; ++i)
            text += "line " + QByteArray::number(i) + '\n';
        log.append(Channel::Stdout, text);
        view.refreshNow();
        view.verticalScrollBar()->setValue(400); // scrolled up, away from the tail
        const QString before = view.cursorForPosition(QPoint(2, 2)).block().text();
        text.clear();
        for (int i = 1000; i < 1300; ++i)
            text += "line " + QByteArray::number(i) + '\n';
        log.append(Channel::Stdout, text); // the first 300 lines leave the log and the view
        view.refreshNow();
        QCOMPARE(view.cursorForPosition(QPoint(2, 2)).block().text(), before);
    }

    // Item 10: an invalid form shows no code; the form comes back with its types as typed.
    void invalidFormShowsNoCodeAndKeepsItsTypes()
    {
        {
            MainWindow window;
            window.launchPanel()->setSpec(launchSpecOf(QStringLiteral("count"), {}));
            LaunchPanel* panel = window.launchPanel();
            panel->argsEditor()->addButton()->click(); // n: int, empty
            QCOMPARE(panel->argsEditor()->row(0)->type(), ArgType::Int);
            QVERIFY(!panel->isValid());
            const QString code = window.parityPanel()->pythonThreadText();
            QVERIFY2(!code.contains(QStringLiteral("args=")), qPrintable(code));
            QVERIFY(code.contains(panel->problem()));
            QVERIFY(window.close());
        }
        MainWindow again;
        LaunchPanel* panel = again.launchPanel();
        QCOMPARE(panel->spec().worker.target, QStringLiteral("count"));
        QCOMPARE(panel->argsEditor()->row(0)->type(), ArgType::Int);
        QCOMPARE(panel->argsEditor()->row(0)->text(), QString());
        QVERIFY2(panel->problem().contains(QStringLiteral("enter a value of type int")),
                 qPrintable(panel->problem()));
    }

    // Item 11: a bad TWINRUN_DEMO_LAUNCH is reported in the window.
    void badDemoLaunchIsShownInTheWindow()
    {
        qputenv("TWINRUN_DEMO_LAUNCH", "sideways");
        auto unset = qScopeGuard([] { qunsetenv("TWINRUN_DEMO_LAUNCH"); });
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("sideways")));
        MainWindow window;
        QVERIFY(window.noticeBar()->isVisibleTo(&window));
        QVERIFY(window.noticeBar()->text().contains(QStringLiteral("sideways")));
        QCOMPARE(window.session()->count(), 0);
    }

    // Item 12: filtering keeps selection, output and actions in agreement.
    void filterKeepsSelectionOutputAndActionsTogether()
    {
        MainWindow window;
        LaunchSpec alpha = LaunchSpec::seedExample();
        alpha.worker.name = QStringLiteral("alpha");
        LaunchSpec beta = LaunchSpec::seedExample();
        beta.worker.name = QStringLiteral("beta");
        Worker* a = window.launch(alpha).first();
        Worker* b = window.launch(beta).first();
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->running().isEmpty(), kTimeout);
        WorkersPanel* panel = window.workersPanel();
        panel->selectWorker(a);
        QCOMPARE(window.outputPane()->worker(), a);

        panel->filterEdit()->setText(QStringLiteral("beta"));
        QCOMPARE(panel->currentWorker(), b);
        QCOMPARE(panel->selectedWorkers(), QList<Worker*>{b});
        QCOMPARE(window.outputPane()->worker(), b);
        QVERIFY(panel->rerunAction()->isEnabled());

        panel->filterEdit()->setText(QStringLiteral("nobody"));
        QCOMPARE(panel->currentWorker(), nullptr);
        QCOMPARE(window.outputPane()->worker(), nullptr);
        QVERIFY(!panel->rerunAction()->isEnabled());
        QVERIFY(!panel->joinAction()->isEnabled());
    }

    // Item 13: a crash is named in the output's header; Help has the two pages.
    void crashHeaderNamesTheSignal()
    {
        MainWindow window;
        LaunchSpec crash = launchSpecOf(QStringLiteral("crash"), {}, Mode::Process);
        Worker* worker = window.launch(crash).first();
        QTRY_COMPARE_WITH_TIMEOUT(worker->state(), State::Crashed, kTimeout);
        QTRY_VERIFY(window.outputPane()->title().contains(QStringLiteral("SIGSEGV")));
    }

    void helpPages()
    {
        MainWindow window;
        for (const char* name : {"whatIsThis", "commandLine"}) {
            window.findChild<QAction*>(QLatin1String(name) + QStringLiteral("Action"))->trigger();
            auto* dialog =
                window.findChild<QDialog*>(QLatin1String(name) + QStringLiteral("Dialog"));
            QVERIFY(dialog);
            const QString text = dialog->findChild<QTextBrowser*>()->toPlainText();
            QVERIFY(text.contains(QStringLiteral("faz_algo")));
            dialog->close();
        }
    }

    // Resources: the window icon, and bundled action icons crisp at 2x.
    void iconsAreBundled()
    {
        MainWindow window;
        QVERIFY(!window.windowIcon().isNull());
        QVERIFY(window.windowIcon().availableSizes().contains(QSize(256, 256)));
        const QIcon join = actionIcon("twinrun-join");
        QVERIFY(!join.isNull());
        const QPixmap at2x = join.pixmap(QSize(16, 16), 2.0);
        QCOMPARE(at2x.deviceIndependentSize().toSize(), QSize(16, 16));
        // Drawn at 32 px for 2x, not the 16 px one scaled up.
        const QImage shown = at2x.toImage();
        QCOMPARE(shown.size(), QSize(32, 32));
        const QImage drawn(QStringLiteral(":/icons/theme/twinrun/32x32/actions/twinrun-join.png"));
        const QImage upscaled =
            QImage(QStringLiteral(":/icons/theme/twinrun/16x16/actions/twinrun-join.png"))
                .scaled(32, 32, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        QVERIFY(!drawn.isNull());
        QVERIFY(difference(shown, drawn) <= 2); // premultiplied alpha rounds
        QVERIFY(difference(shown, upscaled) > 32);
        for (QAction* action : window.workersPanel()->workerActions())
            QVERIFY2(!action->icon().isNull(), qPrintable(action->objectName()));
    }

    // Translations: the window in Portuguese under pt_BR, English otherwise.
    void windowInPortuguese()
    {
        QCOMPARE(installTranslations(qApp, QLocale(QStringLiteral("pt_BR"))),
                 QStringLiteral("pt_BR"));
        auto english = qScopeGuard([] { installTranslations(qApp, QLocale::c()); });
        {
            MainWindow window;
            QCOMPARE(window.launchPanel()->launchButton()->text(), QStringLiteral("&Iniciar"));
            QCOMPARE(window.workersPanel()->joinAction()->text(), QStringLiteral("Aguardar"));
            QCOMPARE(window.workersPanel()->model()->headerData(WorkerTableModel::State,
                                                                Qt::Horizontal, Qt::DisplayRole),
                     QVariant(QStringLiteral("Estado")));
        }
        QVERIFY(installTranslations(qApp, QLocale(QStringLiteral("de_DE"))).isEmpty());
        MainWindow window;
        QCOMPARE(window.launchPanel()->launchButton()->text(), QStringLiteral("&Launch"));
    }

    // A value parse error is made in workers/ (Value::parse): the window shows it in Portuguese.
    void valueParseErrorInPortuguese()
    {
        QCOMPARE(installTranslations(qApp, QLocale(QStringLiteral("pt_BR"))),
                 QStringLiteral("pt_BR"));
        auto english = qScopeGuard([] { installTranslations(qApp, QLocale::c()); });
        MainWindow window;
        window.show();
        LaunchPanel* panel = window.launchPanel();
        QLineEdit* first = panel->argsEditor()->row(0)->valueEdit();
        first->setText(QStringLiteral("'abc"));
        QVERIFY(!panel->launchButton()->isEnabled());
        const QString reason = panel->reasonLabel()->text();
        QVERIFY2(reason.contains(QStringLiteral("\"'abc\" não é um literal de string completo: "
                                                "string sem fim que começa na coluna 1")),
                 qPrintable(reason));
        QVERIFY2(!reason.contains(QStringLiteral("is not")) &&
                     !reason.contains(QStringLiteral("column")),
                 qPrintable(reason));
        QVERIFY2(first->toolTip().contains(QStringLiteral("não é um literal de string completo")),
                 qPrintable(first->toolTip()));
        // The row's own type check (ui/argtype.cpp): the first argument is an int.
        first->setText(QStringLiteral("'abc'"));
        QVERIFY2(panel->reasonLabel()->text().contains(
                     QStringLiteral("esperado int, recebido str 'abc'")),
                 qPrintable(panel->reasonLabel()->text()));
        first->clear();
        QVERIFY2(
            panel->reasonLabel()->text().contains(QStringLiteral("digite um valor do tipo int")),
            qPrintable(panel->reasonLabel()->text()));
    }

    // What the model and workers/ say in the window is in Portuguese too: state names, the
    // verdict, a built-in's description; what a target prints is not.
    void modelTextsInPortuguese()
    {
        QCOMPARE(installTranslations(qApp, QLocale(QStringLiteral("pt_BR"))),
                 QStringLiteral("pt_BR"));
        auto english = qScopeGuard([] { installTranslations(qApp, QLocale::c()); });
        MainWindow window;
        auto* description = window.findChild<QLabel*>(QStringLiteral("descriptionLabel"));
        QCOMPARE(
            description->text(),
            QStringLiteral("O exemplo original: imprime cada argumento com o seu tipo Python."));
        window.launchPanel()->setMode(Mode::Both);
        window.launchPanel()->launchAction()->trigger();
        QCOMPARE(window.session()->count(), 2);
        for (Worker* worker : {window.session()->worker(0), window.session()->worker(1)})
            QTRY_COMPARE_WITH_TIMEOUT(stateCell(window.workersPanel(), worker),
                                      QStringLiteral("concluído"), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(
            window.comparePanel()->verdictText(),
            QStringLiteral("idênticos: mesma stdout, stderr e código de saída"), kTimeout);
        const OutputLog* log = window.session()->log(window.session()->worker(0));
        QCOMPARE(log->channelBytes(Channel::Stdout).split('\n').first(),
                 QByteArray("Fazendo algo com o \"1\" do tipo <class 'int'>."));
        // The names stay as they are where machines read them (twinrun run --json).
        QCOMPARE(Worker::stateName(State::Finished), QStringLiteral("finished"));
        QCOMPARE(stateText(State::Killed), QStringLiteral("morto"));
    }

    // Item 13: Save Preset suggests the target's name, in the folder of the last preset.
    void presetNameFollowsTheTarget()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        MainWindow window;
        QCOMPARE(window.suggestedPresetPath(),
                 QDir(QDir::homePath()).filePath(QStringLiteral("faz_algo.json")));
        QSettings().setValue(QStringLiteral("presets/folder"), folder.path());
        window.launchPanel()->setSpec(launchSpecOf(QStringLiteral("count"), {Value::fromInt(3)}));
        const QString expected = QDir(folder.path()).filePath(QStringLiteral("count.json"));
        QCOMPARE(window.suggestedPresetPath(), expected);
        // What the Save Preset dialog really offers.
        QString offered;
        QTimer::singleShot(0, &window, [&offered] {
            auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            offered =
                QDir(dialog->directory())
                    .filePath(
                        dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"))->text());
            dialog->reject();
        });
        window.findChild<QAction*>(QStringLiteral("savePresetAction"))->trigger();
        QCOMPARE(offered, expected);
    }

    // Item 1 (pt_BR screenshot): Call takes what is left and elides; no sideways scrolling at
    // 1400x900 or 800x600, in English or Portuguese; State and Exit code always whole.
    void callTakesWhatIsLeft_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("locale");
        for (const QString& locale : {QStringLiteral("C"), QStringLiteral("pt_BR")}) {
            QTest::addRow("1400x900 %s", qPrintable(locale)) << QSize(1400, 900) << locale;
            QTest::addRow("800x600 %s", qPrintable(locale)) << QSize(800, 600) << locale;
        }
    }
    void callTakesWhatIsLeft()
    {
        QFETCH(QSize, size);
        QFETCH(QString, locale);
        installTranslations(qApp, QLocale(locale));
        auto english = qScopeGuard([] { installTranslations(qApp, QLocale::c()); });
        MainWindow window;
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.launchPanel()->setSpec(
            launchSpecOf(QStringLiteral("exit"), {Value::fromInt(3)}, Mode::Both));
        window.launchPanel()->launchAction()->trigger();
        QTableView* view = window.workersPanel()->view();
        QHeaderView* header = view->horizontalHeader();
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->running().isEmpty(), kTimeout);
        QTRY_COMPARE(view->horizontalScrollBar()->maximum(), 0);
        QVERIFY(fullyVisible(view, WorkerTableModel::State));
        QVERIFY(fullyVisible(view, WorkerTableModel::ExitCode));
        QVERIFY(fullyVisible(view, WorkerTableModel::Call));
        // Call ends at the right edge: it has what the others left.
        QCOMPARE(header->sectionViewportPosition(WorkerTableModel::Call) +
                     header->sectionSize(WorkerTableModel::Call),
                 view->viewport()->width());
        // Hidden by default: the start time, threads and context switches (the Columns menu).
        const auto hiddenByDefault = [](int column) {
            return column == WorkerTableModel::Started || column == WorkerTableModel::Threads ||
                   column == WorkerTableModel::Switches;
        };
        // At 1400 px every default column up to Lines shows; the resource figures after it
        // fold first where the table is narrower than all of them.
        if (size.width() >= 1400) {
            for (int column = 0; column < WorkerTableModel::CpuTime; ++column)
                QVERIFY2(hiddenByDefault(column) || fullyVisible(view, column),
                         qPrintable(QString::number(column)));
        }
        // A narrower window folds columns away, never State or Exit code; wider brings them back.
        QList<bool> hidden;
        for (int column = 0; column < WorkerTableModel::ColumnCount; ++column)
            hidden << header->isSectionHidden(column);
        window.resize(size.width() - 250, size.height());
        QTRY_VERIFY(view->viewport()->width() < header->length() + 250);
        QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
        QVERIFY(fullyVisible(view, WorkerTableModel::State));
        QVERIFY(fullyVisible(view, WorkerTableModel::ExitCode));
        window.resize(size);
        for (int column = 0; column < WorkerTableModel::ColumnCount; ++column)
            QTRY_COMPARE(header->isSectionHidden(column), hidden[column]);
        QCOMPARE(header->isSectionHidden(WorkerTableModel::Ident), size.width() < 1400);
        // Folding is not the user's hiding: the Columns menu still has every column checked.
        emit window.workersPanel()->columnsMenu()->aboutToShow();
        const QList<QAction*> actions = window.workersPanel()->columnsMenu()->actions();
        QCOMPARE(actions.size(), int(WorkerTableModel::ColumnCount));
        for (int column = 0; column < WorkerTableModel::ColumnCount; ++column) {
            const QString title = header->model()->headerData(column, Qt::Horizontal).toString();
            const auto action = std::find_if(actions.begin(), actions.end(),
                                             [&](QAction* a) { return a->text() == title; });
            QVERIFY2(action != actions.end(), qPrintable(title));
            QCOMPARE((*action)->isChecked(), !hiddenByDefault(column));
        }
    }
};

TWINRUN_GUI_TEST_MAIN(TstWindow)
#include "tst_window.moc"
