// Plugins in the window (issue 10): File > Load Plugin's path off the GUI thread, a refusal
// changing nothing, loading at start (folders and earlier sessions), the grouped target list,
// presets naming a plugin target, the one-time notice for a plugin target run as a thread.
// Plugins are never unloaded: the tests run in order, each says what it expects loaded.
#include "proctools.h"
#include "testmain.h"
#include "testsettings.h"

#include "launchpanel.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "pluginloadqueue.h"
#include "targetcombo.h"
#include <twinrun/pluginloader.h>
#include <twinrun/session.h>
#include <twinrun/worker.h>

#include <QAbstractItemModel>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>

using namespace twinrun;
using Mode = LaunchSpec::Mode;

namespace {

constexpr int kTimeout = 30000; // a probe's 5 s, several times, on a loaded machine

QString testPlugin(const QString& name)
{
    return qEnvironmentVariable("TWINRUN_TEST_PLUGINS") + QStringLiteral("/lib%1.so").arg(name);
}

QString canonical(const QString& path)
{
    return QFileInfo(path).canonicalFilePath();
}

QStringList items(const QComboBox* combo)
{
    QStringList texts;
    for (int i = 0; i < combo->count(); ++i)
        texts << combo->itemText(i);
    return texts;
}

QMessageBox* refusalBox(const MainWindow& window)
{
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("refusalBox"));
    return box && box->isVisible() ? box : nullptr;
}

void waitIdle(MainWindow& window)
{
    QTRY_VERIFY_WITH_TIMEOUT(!window.pluginQueue()->isBusy(), kTimeout);
}

// This process's children that probe a plugin whose path contains file (the worker program
// with the probe flag).
QList<qint64> probesOf(const QString& file)
{
    QList<qint64> probes;
    for (qint64 pid : proctools::childrenOf(::getpid())) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QByteArray words = cmdline.readAll();
        if (words.contains("\0--twinrun-plugin-probe\0") && words.contains(file.toUtf8()))
            probes << pid;
    }
    return probes;
}

void stopAll(MainWindow& window)
{
    window.session()->stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->running().isEmpty(), kTimeout);
}

} // namespace

class TstWindowPlugins : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(twinrun::testing::useOwnSettings(QStringLiteral("tst_windowplugins")));
        QVERIFY(m_folder.isValid());
        qputenv("TWINRUN_PLUGIN_PATH", QFile::encodeName(m_folder.path()));
        QVERIFY2(QFileInfo::exists(testPlugin(QStringLiteral("testkit"))),
                 qPrintable(testPlugin(QStringLiteral("testkit"))));
        QVERIFY(loadedPlugins().isEmpty());
    }

    void init() { QSettings().clear(); }

    // A plugin that crashes while loading: a message box with the one line, nothing else.
    void refusalChangesNothing()
    {
        MainWindow window;
        window.show();
        waitIdle(window);
        const QStringList before = items(window.launchPanel()->targetCombo());
        const LaunchSpec form = window.launchPanel()->spec();
        QSignalSpy checking(window.pluginQueue(), &PluginLoadQueue::checking);
        window.loadPluginFile(testPlugin(QStringLiteral("crashinit")));
        QTRY_VERIFY_WITH_TIMEOUT(refusalBox(window), kTimeout);
        QCOMPARE(checking.size(), 1); // the status bar said it was checking
        QVERIFY2(refusalBox(window)->text().endsWith(
                     QLatin1String("libcrashinit.so': crashed while loading: SIGSEGV")),
                 qPrintable(refusalBox(window)->text()));
        QCOMPARE(items(window.launchPanel()->targetCombo()), before);
        QCOMPARE(window.launchPanel()->spec(), form);
        QVERIFY(loadedPlugins().isEmpty());
        QVERIFY(QSettings().value(QStringLiteral("plugins/loaded")).toStringList().isEmpty());
        QVERIFY(window.statusBar()->currentMessage().isEmpty()); // no "checking" left behind
        refusalBox(window)->close();
    }

    // A preset naming a plugin target loads the plugin first, off the GUI thread; saved again,
    // it names the plugin's file. A preset whose plugin is refused changes nothing.
    void presetLoadsItsPluginFirst()
    {
        MainWindow window;
        waitIdle(window);
        QTemporaryDir dir;
        const QString file = canonical(testPlugin(QStringLiteral("testkit")));
        LaunchSpec spec;
        spec.mode = Mode::Process;
        spec.worker.target = QStringLiteral("testkit.hello");
        spec.worker.args = {Value::fromStr(QStringLiteral("Edson"))};
        spec.worker.plugin = file;
        const QString path = dir.filePath(QStringLiteral("hello.json"));
        QVERIFY(writeLaunchSpecFile(path, spec));

        // Refused first: a preset whose plugin crashes while loading.
        LaunchSpec crashing = spec;
        crashing.worker.target = QStringLiteral("crashinit.never");
        crashing.worker.plugin = canonical(testPlugin(QStringLiteral("crashinit")));
        const QString crashPath = dir.filePath(QStringLiteral("crash.json"));
        QVERIFY(writeLaunchSpecFile(crashPath, crashing));
        const LaunchSpec form = window.launchPanel()->spec();
        QVERIFY(window.openPreset(crashPath));
        QTRY_VERIFY_WITH_TIMEOUT(refusalBox(window), kTimeout);
        QVERIFY2(refusalBox(window)->text().contains(QLatin1String("crashed while loading")),
                 qPrintable(refusalBox(window)->text()));
        QCOMPARE(window.launchPanel()->spec(), form);
        refusalBox(window)->close();

        QVERIFY(window.openPreset(path));
        QVERIFY(window.pluginQueue()->isBusy()); // not loaded on the GUI thread
        QTRY_COMPARE_WITH_TIMEOUT(window.launchPanel()->spec().worker.target,
                                  QStringLiteral("testkit.hello"), kTimeout);
        QCOMPARE(window.launchPanel()->spec(), spec);
        QVERIFY(window.launchPanel()->isValid());
        QCOMPARE(
            window.launchPanel()->findChild<QLabel*>(QStringLiteral("descriptionLabel"))->text(),
            QStringLiteral("Greets someone."));
        QCOMPARE(QSettings().value(QStringLiteral("plugins/loaded")).toStringList(),
                 QStringList{file});

        // Round trip: saved, the preset names the plugin's file; opened again, the same form.
        const QString saved = dir.filePath(QStringLiteral("saved.json"));
        QVERIFY(window.savePreset(saved));
        QFile json(saved);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject worker = QJsonDocument::fromJson(json.readAll())
                                       .object()
                                       .value(QStringLiteral("worker"))
                                       .toObject();
        QCOMPARE(worker.value(QStringLiteral("plugin")).toString(), file);
        window.launchPanel()->setSpec(LaunchSpec::seedExample());
        QVERIFY(window.openPreset(saved)); // loaded already: at once
        QCOMPARE(window.launchPanel()->spec(), spec);
    }

    // At start: the folders' plugins and those of earlier sessions, off the GUI thread; the
    // broken ones in the message bar, not a modal box, and forgotten.
    void startLoadsFoldersAndEarlierPlugins()
    {
        // testkit is loaded (above); primescopy is the example, under another file name.
        const QString folder = m_folder.filePath(QStringLiteral("plug ins ção"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::copy(testPlugin(QStringLiteral("primescopy")),
                            folder + QStringLiteral("/libprimes.so")));
        QVERIFY(QFile::copy(testPlugin(QStringLiteral("abortinit")),
                            folder + QStringLiteral("/libabortinit.so")));
        qputenv("TWINRUN_PLUGIN_PATH", QFile::encodeName(folder));
        const QString testkit = canonical(testPlugin(QStringLiteral("testkit")));
        const QString missing = m_folder.filePath(QStringLiteral("libgone.so"));
        QSettings().setValue(QStringLiteral("plugins/loaded"), QStringList{testkit, missing});
        // The last session's form names a target of a plugin not loaded yet: shown as typed,
        // refused, until its plugin is loaded.
        LaunchSpec last;
        last.worker.target = QStringLiteral("primes.count_below");
        last.worker.args = {Value::fromInt(20)};
        const QJsonObject form{
            {QStringLiteral("spec"), last.toJson()},
            {QStringLiteral("args"),
             QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("int")},
                                    {QStringLiteral("text"), QStringLiteral("20")}}}},
            {QStringLiteral("kwargs"), QJsonArray{}}};
        QSettings().setValue(QStringLiteral("launch/form"),
                             QJsonDocument(form).toJson(QJsonDocument::Compact));

        MainWindow window;
        QVERIFY(window.pluginQueue()->isBusy()); // the window is there before the plugins
        window.show();
        LaunchPanel* panel = window.launchPanel();
        QCOMPARE(panel->spec().worker.target, QStringLiteral("primes.count_below"));
        QVERIFY(!panel->isValid()); // unknown yet
        TargetCombo* combo = panel->targetCombo();
        QTRY_VERIFY_WITH_TIMEOUT(combo->findData(QStringLiteral("primes.count_below")) >= 0,
                                 kTimeout);
        waitIdle(window);
        QVERIFY2(panel->isValid(), qPrintable(panel->problem()));
        QCOMPARE(panel->spec().worker.args, Value::Items{Value::fromInt(20)});
        QCOMPARE(combo->findText(QStringLiteral("primes.count_below (unknown target)")), -1);
        QCOMPARE(combo->currentData().toString(), QStringLiteral("primes.count_below"));
        QVERIFY(combo->findData(QStringLiteral("testkit.hello")) >= 0);
        QVERIFY(window.noticeBar()->isVisible());
        const QString notice = window.noticeBar()->text();
        QVERIFY2(notice.contains(QLatin1String("libabortinit.so': crashed while loading: "
                                               "SIGABRT")),
                 qPrintable(notice));
        QVERIFY2(notice.contains(QLatin1String("libgone.so")), qPrintable(notice));
        QVERIFY(!refusalBox(window));
        QCOMPARE(QSettings().value(QStringLiteral("plugins/loaded")).toStringList(),
                 QStringList{testkit});
        qputenv("TWINRUN_PLUGIN_PATH", QFile::encodeName(m_folder.path()));
    }

    // Built-ins first, then each plugin under its header (the file in the tooltips).
    void targetsAreGroupedByPlugin()
    {
        MainWindow window;
        waitIdle(window);
        const QList<PluginInfo> plugins = loadedPlugins();
        QCOMPARE(plugins.size(), 2); // testkit, primes
        TargetCombo* combo = window.launchPanel()->targetCombo();
        const int firstHeader = combo->headerRow(plugins.first().file);
        QVERIFY(firstHeader > 0);
        for (int row = 0; row < firstHeader - 1; ++row) { // the separator is before the header
            const Target* target = TargetRegistry::instance().find(combo->itemData(row).toString());
            QVERIFY2(target && target->plugin.isEmpty(), qPrintable(combo->itemText(row)));
        }
        int row = firstHeader;
        for (const PluginInfo& plugin : plugins) {
            QCOMPARE(combo->headerRow(plugin.file), row);
            QCOMPARE(combo->itemData(row, Qt::ToolTipRole).toString(), plugin.file);
            QVERIFY(combo->itemText(row).contains(plugin.name));
            const QModelIndex header = combo->model()->index(row, 0);
            QVERIFY(!(combo->model()->flags(header) & Qt::ItemIsSelectable));
            QVERIFY(!combo->itemData(row).isValid()); // names no target
            for (const QString& name : plugin.targets) {
                ++row;
                QCOMPARE(combo->itemData(row).toString(), name);
                QVERIFY2(combo->itemData(row, Qt::ToolTipRole).toString().endsWith(plugin.file),
                         qPrintable(combo->itemData(row, Qt::ToolTipRole).toString()));
            }
            row += 2; // the separator before the next header
        }
        QCOMPARE(row - 1, combo->count());
        // The keyboard walks over a header: down from the last built-in lands on the plugin's
        // first target.
        combo->setCurrentIndex(firstHeader - 2);
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(combo->currentIndex(), firstHeader + 1);
        window.launchPanel()->pickTarget(QStringLiteral("primes.summarize"));
        auto* description =
            window.launchPanel()->findChild<QLabel*>(QStringLiteral("descriptionLabel"));
        QVERIFY(description->text().contains(QLatin1String("longest line")));
        QVERIFY(description->toolTip().contains(plugins.last().file));
    }

    // The first launch of a plugin's target as a thread says, once per plugin, that it shares
    // the app's fate; as a process it says nothing.
    void threadNoticeIsShownOncePerPlugin()
    {
        const QString testkit = canonical(testPlugin(QStringLiteral("testkit")));
        LaunchSpec spec;
        spec.worker.target = QStringLiteral("testkit.hello");
        {
            MainWindow window;
            window.show();
            waitIdle(window);
            spec.mode = Mode::Process;
            QCOMPARE(window.launch(spec).size(), 1);
            QVERIFY(!window.noticeBar()->isVisible());
            spec.mode = Mode::Both;
            QCOMPARE(window.launch(spec).size(), 2);
            QVERIFY(window.noticeBar()->isVisible());
            QVERIFY2(window.noticeBar()->text().contains(QLatin1String("testkit.hello runs as a "
                                                                       "thread")),
                     qPrintable(window.noticeBar()->text()));
            window.noticeBar()->hide();
            spec.mode = Mode::Thread;
            QCOMPARE(window.launch(spec).size(), 1);
            QVERIFY(!window.noticeBar()->isVisible());
            stopAll(window);
        }
        QCOMPARE(QSettings().value(QStringLiteral("plugins/threadNoticeShown")).toStringList(),
                 QStringList{testkit});
        MainWindow again; // remembered across sessions
        again.show();
        waitIdle(again);
        QCOMPARE(again.launch(spec).size(), 1);
        QVERIFY(!again.noticeBar()->isVisible());
        stopAll(again);
    }

    // Closing the window while a plugin hangs in its check: the probe's child is killed and
    // reaped at once, and the window goes without waiting for the probe's 5 s.
    void closingCancelsTheCheck()
    {
        auto* window = new MainWindow;
        window->setAttribute(Qt::WA_DeleteOnClose);
        const QPointer<MainWindow> alive(window);
        window->show();
        waitIdle(*window);
        const QList<PluginInfo> before = loadedPlugins();
        QSignalSpy checking(window->pluginQueue(), &PluginLoadQueue::checking);
        window->loadPluginFile(testPlugin(QStringLiteral("hanginit")));
        QList<qint64> probes;
        QTRY_VERIFY_WITH_TIMEOUT(!(probes = probesOf(QStringLiteral("/libhanginit.so"))).isEmpty(),
                                 kTimeout);
        // The queue posts checking() just before it starts the probe: the probe may be seen
        // before the posted signal is delivered.
        QTRY_COMPARE(checking.size(), 1);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(window->close());
        QTRY_VERIFY_WITH_TIMEOUT(alive.isNull(), kTimeout);
        QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
        for (qint64 pid : std::as_const(probes)) {
            errno = 0;
            QVERIFY2(::kill(pid_t(pid), 0) != 0 && errno == ESRCH, // not even a zombie
                     qPrintable(QStringLiteral("probe %1 is left").arg(pid)));
        }
        QCOMPARE(loadedPlugins(), before);
    }

private:
    QTemporaryDir m_folder;
};

TWINRUN_GUI_TEST_MAIN(TstWindowPlugins)
#include "tst_windowplugins.moc"
